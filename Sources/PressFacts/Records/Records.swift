/// The four kinds of record; the raw value is the `type` field of the output.
public enum RecordType: String, Sendable, Codable, CaseIterable, Comparable {
  case figure, date, organization, target

  /// The position of the type in `allCases`, for per-type counters.
  var ordinal: Int {
    switch self {
    case .figure: return 0
    case .date: return 1
    case .organization: return 2
    case .target: return 3
    }
  }

  /// The letter that prefixes record ids of this type (`f3`, `d1`, `o2`, `t4`).
  public var idPrefix: String {
    switch self {
    case .figure: return "f"
    case .date: return "d"
    case .organization: return "o"
    case .target: return "t"
    }
  }

  public static func < (a: RecordType, b: RecordType) -> Bool {
    allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
  }
}

/// A quantity: `value` multiplied out (3141.9亿元 → 314190000000), `valueMax` for
/// ranges, `unit` a canonical code (CNY, km2, percent ...) or a measure word in
/// Simplified Chinese, `qualifier` one of approx, nearly, more_than, at_least,
/// at_most, order_of_magnitude.
public struct Figure: Sendable, Equatable {
  public var value: Double
  public var valueMax: Double?
  public var unit: String?
  public var qualifier: String?

  public init(value: Double, valueMax: Double? = nil, unit: String? = nil, qualifier: String? = nil)
  {
    self.value = value
    self.valueMax = valueMax
    self.unit = unit
    self.qualifier = qualifier
  }
}

/// A calendar reference: `value` in ISO 8601 / TIMEX3 (`2021`, `2021-08-25`,
/// `2023-Q1`, `2022-H1`, `XXXX-08-25`, intervals `A/B`), `mod` one of START,
/// MID, END, SINCE, BEFORE.
public struct CalendarDate: Sendable, Equatable {
  public var value: String
  public var mod: String?

  public init(value: String, mod: String? = nil) {
    self.value = value
    self.mod = mod
  }
}

/// A named institution: `name` is the normalized full name (Simplified, no
/// line breaks), `kind` one of company, university, research, government, media, other.
public struct Organization: Sendable, Equatable {
  public var name: String
  public var kind: String

  public init(name: String, kind: String) {
    self.name = name
    self.kind = kind
  }
}

/// A goal with a deadline. `figureRange` (normalized offsets) names the figure
/// candidate inside the goal; the pipeline turns it into the figure's record id.
public struct Target: Sendable, Equatable {
  public var deadline: String?
  public var metric: String?
  public var value: Double?
  public var valueMax: Double?
  public var unit: String?
  public var qualifier: String?
  public var figureRange: Range<Int>?
  /// The id of the figure record that quantifies this goal (set by the pipeline).
  public var figure: String?

  public init(
    deadline: String?, metric: String?, value: Double? = nil, valueMax: Double? = nil,
    unit: String? = nil, qualifier: String? = nil, figureRange: Range<Int>? = nil
  ) {
    self.deadline = deadline
    self.metric = metric
    self.value = value
    self.valueMax = valueMax
    self.unit = unit
    self.qualifier = qualifier
    self.figureRange = figureRange
  }
}

/// The type-specific fields of a record.
public enum Payload: Sendable, Equatable {
  case figure(Figure)
  case date(CalendarDate)
  case organization(Organization)
  case target(Target)

  public var type: RecordType {
    switch self {
    case .figure: return .figure
    case .date: return .date
    case .organization: return .organization
    case .target: return .target
    }
  }
}

/// What an extractor proposes: a range of the *normalized* text and its fields.
/// The pipeline resolves overlaps and maps ranges to original offsets.
public struct Candidate: Sendable, Equatable {
  public var range: Range<Int>
  public var payload: Payload

  public init(range: Range<Int>, payload: Payload) {
    self.range = range
    self.payload = payload
  }
}

/// One output record. `start` and `end` are code-point offsets into the original
/// text (Python `str` indices); `text` is always the original at [start, end).
public struct Record: Sendable, Equatable {
  public var id: String
  public var text: String
  public var start: Int
  public var end: Int
  /// Index of the ICU sentence that holds the record's start.
  public var sentence: Int
  public var payload: Payload
  public var type: RecordType { payload.type }
}

/// A processed document: its metadata and records, sorted by start.
public struct DocumentResult: Sendable {
  public var document: Document
  public var records: [Record]
}

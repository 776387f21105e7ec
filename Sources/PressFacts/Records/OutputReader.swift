import Foundation

/// A document's original text with its records: what the review tools (the
/// HTML view, the annotation-tool exports) work from, whether the records come
/// from running the pipeline or from reading PressFacts output back.
/// Offsets are code points into `text`, as in the output.
public struct AnnotatedText: Sendable {
  public var id: String
  public var path: String?
  public var language: String
  public var date: String?
  public var text: String
  public var records: [Record]

  public init(
    id: String, path: String?, language: String, date: String?, text: String, records: [Record]
  ) {
    self.id = id
    self.path = path
    self.language = language
    self.date = date
    self.text = text
    self.records = records
  }

  /// The records of a document the pipeline has just processed.
  public init(_ result: DocumentResult) {
    self.init(
      id: result.document.id, path: result.document.path,
      language: result.document.language.rawValue,
      date: result.document.date, text: result.document.text, records: result.records)
  }
}

/// Why output could not be read back for review.
public struct ReviewError: Error, Sendable, CustomStringConvertible {
  public var file: String
  public var message: String
  public var description: String { "\(file): error: \(message)" }
}

/// Reads PressFacts output (`ID.json` files, or JSON Lines from `extract --jsonl`)
/// back into `AnnotatedText`. The output holds offsets and record text but not
/// the document itself, so the source is found again — `document.path`, or a
/// `--source` directory of `ID.txt` files or JSON Lines input file — and checked:
/// its sha256 must match and every record's `text` must equal the source at
/// [start, end), so a stale output file can never be shown on the wrong text.
public enum OutputReader {
  /// Parses one output file: a single pretty-printed object, or one object a line.
  public static func parse(_ data: Data, file: String) throws -> [OutputFile] {
    let decoder = JSONDecoder()
    if let one = try? decoder.decode(OutputFile.self, from: data) { return [one] }
    var files = [OutputFile]()
    for (n, line) in data.split(separator: 0x0A).enumerated()
    where !line.allSatisfy({ $0 == 0x20 || $0 == 0x0D || $0 == 0x09 }) {
      do {
        files.append(try decoder.decode(OutputFile.self, from: Data(line)))
      } catch {
        throw ReviewError(file: "\(file):\(n + 1)", message: "not PressFacts output (\(error))")
      }
    }
    return files
  }

  /// Reads an output file and joins each document with its source text.
  public static func load(file: String, source: SourceTexts) throws -> [AnnotatedText] {
    guard let data = FileManager.default.contents(atPath: file) else {
      throw ReviewError(file: file, message: "cannot read")
    }
    return try parse(data, file: file).map { try annotated($0, file: file, source: source) }
  }

  static func annotated(_ output: OutputFile, file: String, source: SourceTexts) throws
    -> AnnotatedText
  {
    let info = output.document
    let text = try source.text(id: info.id, path: info.path, sha256: info.sha256, file: file)
    let scalars = Array(text.unicodeScalars)
    let records = try output.records.map { fields -> Record in
      guard fields.start >= 0, fields.start < fields.end, fields.end <= scalars.count,
        String(String.UnicodeScalarView(scalars[fields.start..<fields.end])) == fields.text
      else {
        throw ReviewError(
          file: file,
          message:
            "record \(fields.id): text does not match the source at \(fields.start)..<\(fields.end)"
        )
      }
      return Record(
        id: fields.id, text: fields.text, start: fields.start, end: fields.end,
        sentence: fields.sentence,
        payload: try fields.payload(file: file))
    }
    return AnnotatedText(
      id: info.id, path: info.path, language: info.lang, date: info.date, text: text,
      records: records.sorted { ($0.start, -$0.end) < ($1.start, -$1.end) })
  }

  /// The `{"document": ..., "records": [...]}` shape of the output, as decoded.
  public struct OutputFile: Decodable, Sendable {
    public var document: DocumentFields
    public var records: [RecordFields]
  }

  public struct DocumentFields: Decodable, Sendable {
    public var id: String
    public var path: String?
    public var lang: String
    public var date: String?
    public var sha256: String
  }

  /// Every field any record type has; which ones are set depends on `type`.
  public struct RecordFields: Decodable, Sendable {
    public var id: String
    public var type: String
    public var text: String
    public var start: Int
    public var end: Int
    public var sentence: Int
    public var value: NumberOrString?
    public var valueMax: Double?
    public var unit, qualifier, mod, name, kind, deadline, metric, figure: String?

    enum CodingKeys: String, CodingKey {
      case id, type, text, start, end, sentence, value, unit, qualifier, mod, name, kind, deadline,
        metric, figure
      case valueMax = "value_max"
    }

    func payload(file: String) throws -> Payload {
      switch (type, value) {
      case ("figure", .number(let v)?):
        return .figure(Figure(value: v, valueMax: valueMax, unit: unit, qualifier: qualifier))
      case ("date", .string(let v)?):
        return .date(CalendarDate(value: v, mod: mod))
      case ("organization", _):
        return .organization(Organization(name: name ?? text, kind: kind ?? "other"))
      case ("target", _):
        var t = Target(
          deadline: deadline, metric: metric, value: value?.number, valueMax: valueMax, unit: unit,
          qualifier: qualifier)
        t.figure = figure
        return .target(t)
      default:
        throw ReviewError(
          file: file, message: "record \(id): unknown type \(type) or missing value")
      }
    }
  }

  /// A figure's `value` is a number, a date's is a string.
  public enum NumberOrString: Decodable, Sendable {
    case number(Double)
    case string(String)

    public init(from decoder: Decoder) throws {
      let c = try decoder.singleValueContainer()
      if let d = try? c.decode(Double.self) {
        self = .number(d)
      } else {
        self = .string(try c.decode(String.self))
      }
    }

    var number: Double? { if case .number(let d) = self { return d } else { return nil } }
  }
}

/// Where the original texts of output documents are: `document.path` as
/// written (or relative to the output directory's parent), or a directory of
/// `ID.txt` files, or the JSON Lines input that was extracted (`{"id", "text"}` a line).
public struct SourceTexts: Sendable {
  let directory: String?
  let lines: [String: String]

  /// `source` is a directory, a `.jsonl` file, or nil for `document.path`.
  public init(_ source: String?) throws {
    guard let source, source.hasSuffix(".jsonl") else {
      directory = source
      lines = [:]
      return
    }
    directory = nil
    guard let data = FileManager.default.contents(atPath: source) else {
      throw ReviewError(file: source, message: "cannot read")
    }
    var texts = [String: String]()
    for (n, line) in data.split(separator: 0x0A).enumerated() {
      let input = try JSONLinesInput.parse(Array(line), source: source, line: n + 1)
      texts[input.id] = input.text
    }
    lines = texts
  }

  func text(id: String, path: String?, sha256: String, file: String) throws -> String {
    if let text = lines[id] {
      guard SHA256.hex(Array(text.utf8)) == sha256 else {
        throw ReviewError(
          file: file, message: "document \(id): source text changed since extraction (sha256)")
      }
      return text
    }
    var candidates = directory.map { [($0 as NSString).appendingPathComponent(id + ".txt")] } ?? []
    if let path {
      candidates.append(path)
      // `extract` writes the path as given, relative to where it ran: usually the
      // parent of the output directory (corpus/x.txt beside output/).
      if !path.hasPrefix("/") {
        candidates.append(
          URL(fileURLWithPath: file).standardizedFileURL.deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(path).path)
      }
    }
    for candidate in candidates {
      guard let data = FileManager.default.contents(atPath: candidate) else { continue }
      let decoded = try TextDecoding.decode(Array(data), file: candidate)
      guard decoded.sha256 == sha256 else {
        throw ReviewError(
          file: candidate, message: "source changed since extraction (sha256 differs from \(file))")
      }
      return decoded.text
    }
    throw ReviewError(
      file: file,
      message: "document \(id): source text not found (tried \(candidates)); pass --source DIR")
  }
}

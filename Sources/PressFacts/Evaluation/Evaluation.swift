import Foundation

/// The hand annotations of one document, in the format of corpus/gold/*.gold.json
/// (GUIDELINE.md): `doc`, `lang`, `doc_date` and one list of items per kind.
public struct GoldDocument: Sendable {
  /// One annotated item: its surface text, which occurrence of it (1-based,
  /// overlapping occurrences counted), whether it is optional, and its fields.
  public struct Item: Sendable {
    public var text: String
    public var occurrence: Int
    public var optional: Bool
    public var fields: JSONValue
  }

  /// The gold file's name for each record type.
  public static let listNames: [RecordType: String] = [
    .figure: "figures", .date: "dates", .organization: "organizations", .target: "targets",
  ]

  public var file: String
  /// The document's file name (`000_a87e974be9bda5f5.txt`).
  public var doc: String
  /// The document's language tag (`zh-Hans`, `zh-Hant`, `en`); `und` when the
  /// gold file does not say, so that it still counts in the overall totals.
  public var lang: String
  public var items: [RecordType: [Item]]

  /// The document id: the file name without its extension, as `extract` names outputs.
  public var id: String { URL(fileURLWithPath: doc).deletingPathExtension().lastPathComponent }

  /// Reads a gold file; the error says what is malformed.
  public init(data: Data, file: String) throws {
    self.file = file
    let json: JSONValue
    do { json = try JSONValue.parse(data) } catch {
      throw EvaluationError(file: file, message: "not valid JSON: \(error)")
    }
    guard let doc = json["doc"]?.string else {
      throw EvaluationError(file: file, message: "missing \"doc\"")
    }
    self.doc = doc
    self.lang = json["lang"]?.string ?? "und"
    var items = [RecordType: [Item]]()
    for (type, list) in Self.listNames {
      for (i, it) in (json[list]?.array ?? []).enumerated() {
        guard let text = it["text"]?.string, !text.isEmpty else {
          throw EvaluationError(file: file, message: "\(list)[\(i)] has no text")
        }
        let occurrence = it["occurrence"]?.int ?? 1
        let optional = it["optional"] == .bool(true)
        items[type, default: []].append(
          Item(text: text, occurrence: occurrence, optional: optional, fields: it))
      }
    }
    self.items = items
  }
}

/// A gold file that cannot be read.
public struct EvaluationError: Error, Sendable, CustomStringConvertible {
  public var file: String
  public var message: String
  public var description: String { "\(file): error: \(message)" }
}

/// Counts for one kind in one document (or summed): gold items that are not
/// optional, system items that count (not matched to an optional gold item),
/// detected matches and matches whose normalized fields are also right.
public struct KindCounts: Sendable, Equatable {
  public var gold = 0
  public var optional = 0
  public var system = 0
  public var matched = 0
  public var strict = 0

  public init(gold: Int = 0, optional: Int = 0, system: Int = 0, matched: Int = 0, strict: Int = 0)
  {
    (self.gold, self.optional, self.system, self.matched, self.strict) = (
      gold, optional, system, matched, strict
    )
  }

  /// Nil when the system proposed nothing.
  public var precision: Double? { system == 0 ? nil : Double(matched) / Double(system) }
  /// Nil when there is nothing to find.
  public var recall: Double? { gold == 0 ? nil : Double(matched) / Double(gold) }
  /// 2PR/(P+R) = 2·matched/(gold+system); nil when both are empty.
  public var f1: Double? { gold + system == 0 ? nil : 2 * Double(matched) / Double(gold + system) }
  /// F1 counting only matches with the right normalized fields.
  public var strictF1: Double? {
    gold + system == 0 ? nil : 2 * Double(strict) / Double(gold + system)
  }

  static func + (a: KindCounts, b: KindCounts) -> KindCounts {
    KindCounts(
      gold: a.gold + b.gold, optional: a.optional + b.optional, system: a.system + b.system,
      matched: a.matched + b.matched, strict: a.strict + b.strict)
  }
}

/// A difference between system and gold, for `--verbose`.
public struct Discrepancy: Sendable, Equatable {
  public enum Category: String, Sendable { case miss, extra, wrong }
  public var type: RecordType
  public var category: Category
  /// The gold item's or the record's text.
  public var text: String
  /// Where it is (code-point offset; -1 when the gold text is not in the document).
  public var start: Int
  public var detail: String
}

/// The scores of one document.
public struct DocumentScore: Sendable {
  public var id: String
  /// The gold file's language tag, for the per-language summary.
  public var lang: String = "und"
  public var counts: [RecordType: KindCounts]
  public var discrepancies: [Discrepancy]
  /// Set when the document could not be scored fully (no output file ...).
  public var note: String?
}

/// The scores of a set of documents, summed per kind (micro-averaged).
public struct Evaluation: Sendable {
  public var documents: [DocumentScore]

  public init(documents: [DocumentScore]) { self.documents = documents }

  public var total: [RecordType: KindCounts] { Self.sum(documents) }

  /// The languages present, the corpus's three first (zh-Hans, zh-Hant, en) in
  /// that order, any other tag after them alphabetically.
  public var languages: [String] {
    let present = Set(documents.map(\.lang))
    let known = Self.languageOrder.filter(present.contains)
    return known + present.subtracting(known).sorted()
  }

  /// The sums per kind over the documents of each language, micro-averaged like
  /// `total`: a language's F1 weighs its documents by how many items they hold.
  public var byLanguage: [(lang: String, documents: Int, counts: [RecordType: KindCounts])] {
    languages.map { lang in
      let docs = documents.filter { $0.lang == lang }
      return (lang, docs.count, Self.sum(docs))
    }
  }

  static let languageOrder = ["zh-Hans", "zh-Hant", "en"]

  static func sum(_ documents: [DocumentScore]) -> [RecordType: KindCounts] {
    var t = [RecordType: KindCounts]()
    for d in documents {
      for (k, c) in d.counts { t[k, default: KindCounts()] = t[k, default: KindCounts()] + c }
    }
    return t
  }
}

/// Scores output documents against gold by the guideline's matching rules:
/// figures and targets by span overlap, one to one; dates and organisations by
/// distinct surface text. Optional gold items are neither rewarded nor
/// penalised: a system item matched to one counts as neither TP nor FP.
public struct Evaluator: Sendable {
  public init() {}

  /// Scores one document. `text` is the original text (code points) that gold
  /// spans are located in; `output` is the output document, nil when missing.
  public func score(gold: GoldDocument, text: [UInt32], output: JSONValue?) -> DocumentScore {
    let records = (output?["records"]?.array ?? []).compactMap(SystemItem.init)
    var counts = [RecordType: KindCounts]()
    var discrepancies = [Discrepancy]()
    for type in RecordType.allCases {
      let goldItems = gold.items[type] ?? []
      let system = records.filter { $0.type == type }
      var scorer = KindScorer(type: type, discrepancies: [])
      switch type {
      case .figure, .target: counts[type] = scorer.matchSpans(goldItems, system, text: text)
      case .date, .organization: counts[type] = scorer.matchTexts(goldItems, system, text: text)
      }
      discrepancies += scorer.discrepancies.sorted {
        ($0.start, $0.category.rawValue) < ($1.start, $1.category.rawValue)
      }
    }
    return DocumentScore(
      id: gold.id, lang: gold.lang, counts: counts, discrepancies: discrepancies,
      note: output == nil ? "no output document" : nil)
  }

  /// Start offsets of every occurrence of `needle` in `text`, overlapping ones
  /// included (Python's `find(needle, pos + 1)` loop in check_gold.py).
  public static func occurrences(of needle: [UInt32], in text: [UInt32]) -> [Int] {
    guard !needle.isEmpty, needle.count <= text.count else { return [] }
    var out = [Int]()
    for i in 0...(text.count - needle.count) where text[i] == needle[0] {
      if text[i..<i + needle.count].elementsEqual(needle) { out.append(i) }
    }
    return out
  }

  /// Equal within a relative tolerance of 1e-9.
  public static func same(_ a: Double, _ b: Double) -> Bool {
    a == b || abs(a - b) <= 1e-9 * max(abs(a), abs(b))
  }
}

/// A record of the output, as far as scoring needs it.
struct SystemItem {
  var id: String
  var type: RecordType
  var text: String
  var span: Range<Int>
  var fields: JSONValue

  init?(_ r: JSONValue) {
    guard let type = r["type"]?.string.flatMap(RecordType.init(rawValue:)),
      let text = r["text"]?.string,
      let start = r["start"]?.int, let end = r["end"]?.int, start <= end
    else { return nil }
    (self.id, self.type, self.text, self.span, self.fields) = (
      r["id"]?.string ?? "?", type, text, start..<end, r
    )
  }
}

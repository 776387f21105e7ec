import Foundation
import Testing

@testable import PressFacts

/// Documents with hand-made records for the review-tool tests, independent of
/// the real extractors: the five corpus texts with their gold items turned into
/// records (targets with the figures nested in them, names across paragraph
/// breaks), and a short text with characters outside the BMP run through the
/// pipeline with literal stub stages.
enum ReviewFixtures {
  static let corpus = TestSupport.root.appendingPathComponent("corpus")

  static var corpusIDs: [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? [])
      .filter { $0.hasSuffix(".txt") }.map { String($0.dropLast(4)) }.sorted()
  }

  static func goldData(_ id: String) throws -> Data {
    try Data(contentsOf: corpus.appendingPathComponent("gold/\(id).gold.json"))
  }

  /// A corpus document whose records are its gold items (optional ones too).
  static func corpusDocument(_ id: String) throws -> AnnotatedText {
    let path = corpus.appendingPathComponent(id + ".txt").path
    let text = try TextDecoding.decode(
      Array(try Data(contentsOf: URL(fileURLWithPath: path))), file: path
    ).text
    let gold = try #require(
      try JSONSerialization.jsonObject(with: try goldData(id)) as? [String: Any])
    let scalars = text.unicodeScalars.map(\.value)
    var located = [(item: [String: Any], type: RecordType, start: Int, end: Int)]()
    for (key, type) in [
      ("figures", RecordType.figure), ("dates", .date), ("organizations", .organization),
      ("targets", .target),
    ] {
      for item in gold[key] as? [[String: Any]] ?? [] {
        let g = try #require(
          GoldItem(item, in: scalars), "gold item \(item["text"] ?? "") not in \(id)")
        located.append((item, type, g.start, g.end))
      }
    }
    located.sort { ($0.start, -$0.end) < ($1.start, -$1.end) }
    var counters = [RecordType: Int]()
    var records = located.map { l -> Record in
      counters[l.type, default: 0] += 1
      return Record(
        id: l.type.idPrefix + String(counters[l.type]!),
        text: TestSupport.slice(text, l.start..<l.end),
        start: l.start, end: l.end, sentence: 0, payload: payload(l.item, l.type))
    }
    for i in records.indices {
      guard case .target(var t) = records[i].payload else { continue }
      t.figure =
        records.first {
          $0.type == .figure && $0.start >= records[i].start && $0.end <= records[i].end
        }?.id
      records[i].payload = .target(t)
    }
    return AnnotatedText(
      id: id, path: path, language: gold["lang"] as? String ?? "zh-Hans",
      date: gold["doc_date"] as? String,
      text: text, records: records)
  }

  static func payload(_ item: [String: Any], _ type: RecordType) -> Payload {
    let value = item["value"] as? Double
    let unit = item["unit"] as? String
    let qualifier = item["qualifier"] as? String
    switch type {
    case .figure:
      return .figure(
        Figure(
          value: value ?? 0, valueMax: item["value_max"] as? Double, unit: unit,
          qualifier: qualifier))
    case .date:
      return .date(
        CalendarDate(value: item["value"] as? String ?? "XXXX", mod: item["mod"] as? String))
    case .organization:
      return .organization(
        Organization(name: item["text"] as! String, kind: item["kind"] as! String))
    case .target:
      return .target(
        Target(
          deadline: item["deadline"] as? String, metric: item["metric"] as? String, value: value,
          valueMax: item["value_max"] as? Double, unit: unit, qualifier: qualifier))
    }
  }

  /// Characters outside the BMP before and inside spans, a target holding a
  /// figure, a name across a paragraph break, and markup characters to escape.
  static let astralText = """
    𠀀😀（規劃）面積１１９８平方公里。到2025年，建成新型研发机构30家😀，引进𠀀名企。

    A&B <公司> "引号" 与重庆医科

    大学合作，2021年底投资30亿元。
    """

  static func astralDocument() throws -> AnnotatedText {
    let stages: [any Extractor] = [
      LiteralExtractor(
        produces: .date, needle: "2025年", payload: .date(CalendarDate(value: "2025"))),
      LiteralExtractor(
        produces: .date, needle: "2021年底", payload: .date(CalendarDate(value: "2021", mod: "END"))),
      LiteralExtractor(
        produces: .organization, needle: "重庆医科\n\n大学",
        payload: .organization(Organization(name: "重庆医科大学", kind: "university"))),
      MultiLiteralExtractor(
        produces: .figure,
        items: [
          ("1198平方公里", .figure(Figure(value: 1198, unit: "km2"))),
          ("30家", .figure(Figure(value: 30, unit: "家"))),
          ("30亿元", .figure(Figure(value: 3e9, unit: "CNY"))),
        ]),
      LiteralExtractor(
        produces: .target, needle: "建成新型研发机构30家😀",
        payload: .target(Target(deadline: "2025", metric: "新型研发机构", value: 30, unit: "家"))),
    ]
    let document = try Document(
      id: "astral", path: nil, text: astralText, sha256: SHA256.hex(Array(astralText.utf8)),
      language: nil,
      date: "2022")
    return AnnotatedText(try Pipeline(stages: stages, dating: nil).process(document))
  }

  static func all() throws -> [AnnotatedText] {
    try corpusIDs.map(corpusDocument) + [astralDocument()]
  }
}

/// Several literal stub stages of one type in one stage.
struct MultiLiteralExtractor: Extractor {
  var name: String { "literals" }
  let produces: RecordType
  var requires: [RecordType] { [] }
  let items: [(String, Payload)]

  func extract(from document: Document, in context: ExtractionContext) -> [Candidate] {
    items.flatMap {
      LiteralExtractor(produces: produces, needle: $0.0, payload: $0.1).extract(
        from: document, in: context)
    }
  }
}

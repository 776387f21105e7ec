import Foundation
import Testing

@testable import PressFacts

/// A valid output document over one inline text, and ways to corrupt it.
enum SampleOutput {
  static let text = "2021年，中国科学院重庆科学中心落户。到2025年，建成新型研发机构30家，规划面积1198平方公里。"
  static var scalars: [UInt32] { text.unicodeScalars.map(\.value) }
  static var source: Result<SourceText, Validator.SourceMissing> {
    .success(SourceText(scalars: scalars, sha256: SHA256.hex(Array(text.utf8))))
  }

  /// The code-point span of the `occurrence`-th `needle` in `text`.
  static func span(_ needle: String, _ occurrence: Int = 1, in text: String = text) -> (Int, Int) {
    let starts = Evaluator.occurrences(
      of: needle.unicodeScalars.map(\.value), in: text.unicodeScalars.map(\.value))
    return (starts[occurrence - 1], starts[occurrence - 1] + needle.unicodeScalars.count)
  }

  static func record(
    _ id: String, _ type: String, _ surface: String, _ fields: [String: JSONValue],
    occurrence: Int = 1,
    in text: String = text
  ) -> JSONValue {
    let (start, end) = span(surface, occurrence, in: text)
    var o = fields
    o["id"] = .string(id)
    o["type"] = .string(type)
    o["text"] = .string(surface)
    o["start"] = .number(Double(start))
    o["end"] = .number(Double(end))
    o["sentence"] = .number(0)
    return .object(o)
  }

  static func figure(
    _ id: String, _ surface: String, _ value: Double, _ unit: String?, occurrence: Int = 1,
    in text: String = text
  )
    -> JSONValue
  {
    record(
      id, "figure", surface,
      [
        "value": .number(value), "value_max": .null, "unit": unit.map(JSONValue.string) ?? .null,
        "qualifier": .null,
      ],
      occurrence: occurrence, in: text)
  }

  static func date(_ id: String, _ surface: String, _ value: String, in text: String = text)
    -> JSONValue
  {
    record(id, "date", surface, ["value": .string(value), "mod": .null], in: text)
  }

  static func organization(_ id: String, _ surface: String, _ kind: String, in text: String = text)
    -> JSONValue
  {
    record(
      id, "organization", surface, ["name": .string(surface), "kind": .string(kind)], in: text)
  }

  static func document(_ records: [JSONValue], text: String = text, path: JSONValue = .null)
    -> JSONValue
  {
    .object([
      "document": .object([
        "id": .string("sample"), "path": path, "lang": .string("zh-Hans"), "date": .string("2022"),
        "date_source": .string("given"), "date_basis": .null, "region": .null,
        "region_basis": .null,
        "sha256": .string(SHA256.hex(Array(text.utf8))),
        "chars": .number(Double(text.unicodeScalars.count)),
      ]),
      "records": .array(records),
    ])
  }

  static let valid: JSONValue = document([
    date("d1", "2021年", "2021"),
    organization("o1", "中国科学院重庆科学中心", "research"),
    date("d2", "2025年", "2025"),
    record(
      "t1", "target", "建成新型研发机构30家",
      [
        "deadline": .string("2025"), "metric": .string("新型研发机构"), "value": .number(30),
        "value_max": .null,
        "unit": .string("家"), "qualifier": .null, "figure": .string("f1"),
      ]),
    figure("f1", "30家", 30, "家"),
    figure("f2", "1198平方公里", 1198, "km2"),
  ])

  /// `output` with field `key` of record `id` (or of the document, for id "document") set to `value` (nil removes it).
  static func setting(
    _ id: String, _ key: String, _ value: JSONValue?, in output: JSONValue = valid
  ) -> JSONValue {
    guard case .object(var top) = output, case .array(var records)? = top["records"] else {
      return output
    }
    if id == "document", case .object(var d)? = top["document"] {
      d[key] = value
      top["document"] = .object(d)
    }
    for i in records.indices where records[i]["id"]?.string == id {
      guard case .object(var r) = records[i] else { continue }
      r[key] = value
      records[i] = .object(r)
    }
    top["records"] = .array(records)
    return .object(top)
  }
}

/// One corrupted output and the finding it must produce.
struct Corruption: Sendable, CustomTestStringConvertible {
  let name: String
  let output: JSONValue
  let record: String
  let rule: String
  let message: String
  var severity: Finding.Severity = .error
  var testDescription: String { name }
}

@Suite struct ValidationTests {
  let validator = Validator()

  @Test("a valid output passes with no finding")
  func validPasses() {
    #expect(
      validator.validate(SampleOutput.valid, file: "x.json", source: SampleOutput.source) == [])
  }

  static let corruptions: [Corruption] = {
    typealias S = SampleOutput
    var swapped = S.valid
    if case .object(var top) = swapped, case .array(var r)? = top["records"] {
      r.swapAt(4, 5)
      top["records"] = .array(r)
      swapped = .object(top)
    }
    return [
      Corruption(
        name: "a string value", output: S.setting("f1", "value", .string("30")), record: "f1",
        rule: "MatchesSchema",
        message: "value: expected number, got \"30\""),
      Corruption(
        name: "a missing field", output: S.setting("f2", "unit", nil), record: "f2",
        rule: "MatchesSchema",
        message: "missing required property \"unit\""),
      Corruption(
        name: "an unknown field", output: S.setting("o1", "colour", .string("red")), record: "o1",
        rule: "MatchesSchema",
        message: "property \"colour\" is not allowed"),
      Corruption(
        name: "an organisation kind outside the enum",
        output: S.setting("o1", "kind", .string("club")), record: "o1",
        rule: "MatchesSchema", message: "kind: \"club\" is not one of \"company\""),
      Corruption(
        name: "a bad sha256", output: S.setting("document", "sha256", .string("XYZ")),
        record: "document",
        rule: "MatchesSchema", message: "sha256: \"XYZ\" does not match ^[0-9a-f]{64}$"),
      Corruption(
        name: "a hash that differs from the source's",
        output: S.setting("document", "sha256", .string(String(repeating: "0", count: 64))),
        record: "document",
        rule: "SourceHashMatches", message: "differs from the source's"),
      Corruption(
        name: "a wrong length", output: S.setting("document", "chars", .number(3)),
        record: "document",
        rule: "CharsMatchSource", message: "chars is 3, the source has 52 code points"),
      Corruption(
        name: "a shifted span",
        output: S.setting("f2", "start", .number(Double(S.span("1198平方公里").0 + 1))),
        record: "f2", rule: "OffsetsMatchSource",
        message: "text \"1198平方公里\" differs from the source at [44, 51): \"198平方公里\""),
      Corruption(
        name: "a span past the end", output: S.setting("f2", "end", .number(99)), record: "f2",
        rule: "OffsetsMatchSource",
        message: "end 99 is past the end of the source (52 code points)"),
      Corruption(
        name: "a unit that has a code", output: S.setting("f2", "unit", .string("平方公里")),
        record: "f2",
        rule: "UnitIsKnown", message: "unit \"平方公里\" has a canonical code: use \"km2\""),
      Corruption(
        name: "a Traditional measure word", output: S.setting("f1", "unit", .string("個")),
        record: "f1",
        rule: "UnitIsKnown", message: "measure word \"個\" is not written in Simplified Chinese (个)"),
      Corruption(
        name: "an English noun in a Chinese document",
        output: S.setting("t1", "unit", .string("company")), record: "t1",
        rule: "UnitIsKnown", message: "unit \"company\" is neither a canonical code"),
      Corruption(
        name: "an infinite value", output: S.setting("f1", "value", .number(.infinity)),
        record: "f1",
        rule: "ValueIsFinite", message: "value is inf, not a finite number"),
      Corruption(
        name: "value_max below value", output: S.setting("f1", "value_max", .number(10)),
        record: "f1",
        rule: "ValueMaxNotBelowValue", message: "value_max 10 is below value 30"),
      Corruption(
        name: "a date that does not exist", output: S.setting("d1", "value", .string("2021-13-40")),
        record: "d1",
        rule: "DateValueIsValid", message: "value \"2021-13-40\" is not a valid date"),
      Corruption(
        name: "29 February of a common year",
        output: S.setting("d1", "value", .string("2021-02-29")), record: "d1",
        rule: "DateValueIsValid", message: "value \"2021-02-29\" is not a valid date"),
      Corruption(
        name: "a reversed interval", output: S.setting("d2", "value", .string("2025-08/2025-01")),
        record: "d2",
        rule: "IntervalOrdered", message: "value \"2025-08/2025-01\" ends before it starts"),
      Corruption(
        name: "a deadline that is not a date",
        output: S.setting("t1", "deadline", .string("2025-Q5")), record: "t1",
        rule: "DateValueIsValid", message: "deadline \"2025-Q5\" is not a valid date"),
      Corruption(
        name: "a deadline before the document date",
        output: S.setting("t1", "deadline", .string("2020")), record: "t1",
        rule: "DeadlineNotBeforeDocumentDate",
        message: "deadline 2020 is before the document date 2022", severity: .warning),
      Corruption(
        name: "a target figure that does not exist",
        output: S.setting("t1", "figure", .string("f9")), record: "t1",
        rule: "TargetFigureInsideSpan", message: "figure f9 is not a figure record of this document"
      ),
      Corruption(
        name: "a target figure outside the span", output: S.setting("t1", "figure", .string("f2")),
        record: "t1",
        rule: "TargetFigureInsideSpan",
        message: "figure f2 at [43, 51) is outside the target's span [27, 38)"),
      Corruption(
        name: "a duplicate id", output: S.setting("f2", "id", .string("f1")), record: "f1",
        rule: "IdsUnique",
        message: "id f1 is used again (first by records[4])"),
      Corruption(
        name: "records out of order", output: swapped, record: "f1", rule: "SortedByStart",
        message: "start 35 comes after a record starting at 43"),
    ]
  }()

  @Test("each corrupted output fails with its rule and message", arguments: corruptions)
  func corruptionFails(_ c: Corruption) {
    let findings = validator.validate(c.output, file: "x.json", source: SampleOutput.source)
    let hit = findings.first {
      $0.rule == c.rule && $0.record == c.record && $0.message.contains(c.message)
    }
    #expect(
      hit != nil,
      "expected \(c.record): \(c.rule): \(c.message); got \(findings.map(\.description))")
    #expect(hit?.severity == c.severity)
    #expect(findings.allSatisfy { $0.severity == .warning } == (c.severity == .warning))
  }

  @Test("a source that cannot be found is an error; none named at all is a warning")
  func sourceFound() {
    let missing = SampleOutput.setting("document", "path", .string("/nonexistent/sample.txt"))
    let a = validator.validate(missing, file: "x.json", sourceDirectory: nil)
    #expect(
      a.map(\.description) == [
        "x.json: document: SourceFound: source /nonexistent/sample.txt not found"
      ])
    let b = validator.validate(SampleOutput.valid, file: "x.json", sourceDirectory: nil)
    #expect(b.count == 1 && b[0].rule == "SourceFound" && b[0].severity == .warning)
  }

  @Test("files on disk: the source is found as DIR/<id>.txt and a broken file is a finding")
  func filesOnDisk() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "validate-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    try Data(SampleOutput.text.utf8).write(to: dir.appendingPathComponent("sample.txt"))
    let out = dir.appendingPathComponent("sample.json")
    let data = try JSONSerialization.data(withJSONObject: Self.foundation(SampleOutput.valid))
    try data.write(to: out)
    #expect(validator.validate(fileAt: out.path, sourceDirectory: dir.path) == [])
    try Data("{\"document\": ".utf8).write(to: out)
    #expect(
      validator.validate(fileAt: out.path, sourceDirectory: dir.path).map(\.rule) == [
        "ParsesAsJSON"
      ])
  }

  @Test("an in-memory pipeline result validates without reading its source")
  func inMemoryResult() throws {
    let stage = LiteralExtractor(
      produces: .figure, needle: "1198平方公里", payload: .figure(Figure(value: 1198, unit: "km2")))
    let doc = try TestSupport.document("（規劃）面積１１９８平方公里")
    let result = try Pipeline(stages: [stage], dating: nil).process(doc)
    #expect(result.records.count == 1)
    #expect(validator.validate(result, file: "mem") == [])
    var broken = result
    broken.records[0].payload = .figure(Figure(value: .nan, unit: "平方公里"))
    #expect(
      Set(validator.validate(broken, file: "mem").map(\.rule)) == ["ValueIsFinite", "UnitIsKnown"])
  }

  @Test("the extractors' unit table adds its codes and its surfaces that have a code")
  func extractorUnits() throws {
    // The guideline's codes alone (the shipped table already merges units.json).
    let base = KnownUnits(codes: ["CNY", "USD", "km2", "percent"], writtenAsCode: ["元": "CNY"])
    let json = try JSONValue.parse(
      Data(
        #"""
        {"adjacent": [{"unit": "kg", "surfaces": ["公斤", "kg"]}, {"unit": "小时", "surfaces": ["个小时"]},
                      {"unit": null, "surfaces": ["月"]}],
         "english": [{"unit": "USD", "surfaces": ["dollars", "dollar"]}]}
        """#.utf8))
    let table = base.merging(extractorTable: json)
    #expect(base.problem("kg", lang: "zh-Hans") != nil)
    #expect(table.problem("kg", lang: "zh-Hans") == nil)
    #expect(table.problem("公斤", lang: "zh-Hans") == "unit \"公斤\" has a canonical code: use \"kg\"")
    #expect(
      table.problem("dollar", lang: "en") == "unit \"dollar\" has a canonical code: use \"USD\"")
    #expect(
      table.problem("小时", lang: "zh-Hans") == nil && table.problem("月", lang: "zh-Hans") == nil)
    #expect(
      table.problem("company", lang: "en") == nil && table.problem("companies", lang: "en") != nil)
  }

  @Test("the schema checker refuses keywords it does not evaluate")
  func unsupportedKeyword() throws {
    let schema = try JSONValue.parse(Data(#"{"type": "number", "maximum": 3}"#.utf8))
    #expect(throws: (any Error).self) { try JSONSchema(schema) }
  }

  @Test(
    "TIMEX3 values: real dates, quarters, halves, seasons, weeks, X digits, ordered intervals",
    arguments: [
      ("2024", true), ("2024-02-29", true), ("2023-02-29", false), ("2021-13", false),
      ("2023-Q1", true),
      ("2023-Q5", false), ("2022-H2", true), ("2022-SU", true), ("2022-W53", true),
      ("2022-W54", false),
      ("XXXX-08-25", true), ("20XX", true), ("2XXX", false), ("2022-01/2022-08", true),
      ("2022-08/2022-01", false),
      ("2022-Q1/2022-Q3", true), ("2022/", false), ("22", false),
    ])
  func timexValues(value: String, valid: Bool) {
    let ok = if case .success = TimexValue.parse(value) { true } else { false }
    #expect(ok == valid)
  }

  /// A JSONValue as Foundation objects, for writing test files.
  static func foundation(_ v: JSONValue) -> Any {
    switch v {
    case .null: return NSNull()
    case .bool(let b): return b
    case .number(let d): return d == d.rounded() ? Int(d) as Any : d
    case .string(let s): return s
    case .array(let a): return a.map(foundation)
    case .object(let o): return o.mapValues(foundation)
    }
  }
}

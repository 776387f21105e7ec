import Foundation
import Testing

@testable import PressFacts

/// Each fast path of the throughput work against the general code it stands in
/// for: they must give the same answers, only sooner.
@Suite struct FastPathTests {
  static let astralText = "𠀀😀（規劃）面積１１９８平方公里, \"引号\" \\ tab\tend é"

  @Test("code points decoded from UTF-8 in place equal unicodeScalars, outside the BMP too")
  func codePoints() {
    for text in [Self.astralText, "", "ascii only", "重庆𠮷野家"] {
      let expected = text.unicodeScalars.map(\.value)
      #expect(TextDecoding.codePoints(of: text) == expected)
      #expect(TextDecoding.string(expected[...]) == text)
      #expect(TextDecoding.string(text, equals: expected[...]))
      #expect(!TextDecoding.string(text, equals: (expected + [0x41])[...]))
      if !expected.isEmpty {
        #expect(!TextDecoding.string(text, equals: expected.dropLast()))
      }
    }
  }

  @Test("a bit-table set answers like Set<UInt32>, for BMP and astral members")
  func scalarSet() {
    let members: [UInt32] = [0x20, 0x3002, 0x5E74, 0xFF0C, 0x20000, 0x1F600]
    let set = ScalarSet(members)
    let reference = Set(members)
    for c in members + [0, 0x21, 0x3001, 0x5E75, 0xFFFF, 0x10000, 0x1F601, 0x10FFFF] {
      #expect(set.contains(c) == reference.contains(c), "U+\(String(c, radix: 16))")
    }
    #expect(!ScalarSet().contains(0x41))
  }

  /// Lines the fast JSON Lines reader takes, and lines it must leave to
  /// JSONSerialization; either way the document is what JSONSerialization reads.
  static let lines: [String] = [
    #"{"id": "a", "text": "今年投资30亿元"}"#,
    #"{"text":"esc \" \\ \/ \b\f\n\r\t \u00e9 \ud83d\ude00 end","id":"b","date":"2024-02-29","lang":"zh-Hans"}"#,
    #"{"id": 17, "text": "number id"}"#,
    #"{"id": "c", "text": "nested", "meta": {"source": "x", "n": [1, 2]}}"#,
    #"{"id": "d", "text": "first", "text": "second"}"#,
    #"  {"id":"e","text":"spaces around"}   "#,
    #"{"id":"f","text":"null date","date":null,"lang":null}"#,
  ]

  @Test(
    "the fast JSON Lines reader and JSONSerialization read the same documents", arguments: lines)
  func jsonLinesAgree(line: String) throws {
    let bytes = Array(line.utf8)
    let input = try JSONLinesInput.parse(bytes, source: "t", line: 1)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
    #expect(input.text == object["text"] as? String)
    let id = object["id"].map { $0 as? String ?? "\($0)" }
    #expect(input.id == id ?? "line-1")
    #expect(input.date == object["date"] as? String)
  }

  @Test(
    "lines JSONSerialization rejects are rejected with the same kind of message",
    arguments: [
      #"{"text": "unterminated}"#, #"{"text": "bad \x escape"}"#, #"{"text": "lone \ud800"}"#,
      #"{"text": "trailing"} x"#, #"["text"]"#, #"{"id": null, "text": "a"}"#,
      #"{"text": "a", "date": "2023-02-29"}"#, #"{"text": "a", "lang": "fr"}"#,
    ])
  func jsonLinesRejected(line: String) {
    #expect(throws: PipelineError.self) {
      try JSONLinesInput.parse(Array(line.utf8), source: "t", line: 3)
    }
  }

  @Test("raw control characters and invalid UTF-8 in a line are errors, not text")
  func jsonLinesBadBytes() {
    let control = Array(#"{"text": "a"#.utf8) + [0x01] + Array(#""}"#.utf8)
    let invalid = Array(#"{"text": "a"#.utf8) + [0xFF] + Array(#""}"#.utf8)
    for bytes in [control, invalid] {
      #expect(JSONLineFields.read(bytes) == nil)
      #expect(throws: PipelineError.self) { try JSONLinesInput.parse(bytes, source: "t", line: 1) }
    }
  }

  /// Results broken in ways only the JSON Schema catches (an enum, a pattern, a
  /// minimum), and in ways the rules catch.
  static func brokenResults() throws -> [(String, DocumentResult)] {
    let stage = LiteralExtractor(
      produces: .organization, needle: "重庆大学",
      payload: .organization(Organization(name: "重庆大学", kind: "university")))
    let doc = try TestSupport.document("𠀀😀重庆大学发布，2025年建成。")
    let result = try Pipeline(stages: [stage], dating: nil).process(doc)
    var kind = result
    kind.records[0].payload = .organization(Organization(name: "重庆大学", kind: "bank"))
    var id = result
    id.records[0].id = "x1"
    var empty = result
    empty.records[0].payload = .organization(Organization(name: "", kind: "university"))
    var offsets = result
    offsets.records[0].start += 1
    return [
      ("valid", result), ("kind", kind), ("id", id), ("empty name", empty), ("offsets", offsets),
    ]
  }

  @Test("in-memory validation (flattened schema plans) finds what the general path finds")
  func inMemoryValidationAgrees() throws {
    let validator = Validator()
    for (name, result) in try Self.brokenResults() {
      let fast = validator.validate(result, file: "mem")
      let source = SourceText(scalars: result.document.scalars, sha256: nil)
      let general = validator.validate(JSONValue(result), file: "mem", source: .success(source))
      #expect(fast == general, "\(name)")
      #expect(fast.isEmpty == (name == "valid"), "\(name): \(fast)")
    }
  }
}

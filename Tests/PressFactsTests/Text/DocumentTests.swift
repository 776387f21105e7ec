import Foundation
import Testing

@testable import PressFacts

/// A stand-in stage that proposes a fixed candidate for every match of a string,
/// to test the pipeline's plumbing without a real extractor.
struct LiteralExtractor: Extractor {
  var name: String { "literal" }
  let produces: RecordType
  var requires: [RecordType] = []
  let needle: String
  let payload: Payload

  func extract(from document: Document, in context: ExtractionContext) -> [Candidate] {
    let n = needle.unicodeScalars.map(\.value)
    let s = document.normalized.scalars
    guard s.count >= n.count else { return [] }
    return (0...(s.count - n.count)).filter { Array(s[$0..<$0 + n.count]) == n }
      .map { Candidate(range: $0..<$0 + n.count, payload: payload) }
  }
}

@Suite struct DocumentTests {
  let figure = Payload.figure(Figure(value: 1198, unit: "km2"))

  @Test("offsets are code points into the original, also after characters outside the BMP")
  func offsetsAfterAstralCharacters() throws {
    let text = "𠀀😀（規劃）面積１１９８平方公里"
    let stage = LiteralExtractor(produces: .figure, needle: "1198平方公里", payload: figure)
    let records = try TestSupport.records(text, stages: [stage])
    #expect(records.count == 1)
    let r = try #require(records.first)
    #expect(r.start == 8 && r.end == 16)
    #expect(r.text == "１１９８平方公里")
    #expect(TestSupport.slice(text, r.start..<r.end) == r.text)
  }

  @Test("the normalized view folds width and Traditional characters, one to one")
  func normalizedView() throws {
    let doc = try TestSupport.document("（重慶）ＲＤ５０％國")
    #expect(doc.normalizedText(0..<doc.normalized.scalars.count) == "(重庆)RD50%国")
    #expect(doc.normalized.toOriginal.map(Int.init) == Array(0..<10))
  }

  @Test("a compatibility character that expands maps every piece back to itself")
  func expansionMapsBack() throws {
    let doc = try TestSupport.document("面积3㎡大")
    #expect(doc.normalizedText(0..<doc.normalized.scalars.count) == "面积3m2大")
    #expect(doc.normalized.originalRange(3..<5) == 3..<4)
  }

  @Test(
    "language is detected from script statistics",
    arguments: [
      ("西部（重庆）科学城位于重庆中心城区西部槽谷地带，规划面积1198平方公里。", Language.simplifiedChinese),
      ("西部（重慶）科學城位於重慶中心城區西部槽谷地帶，規劃面積1198平方公里。", .traditionalChinese),
      ("The science city covers 1,198 square kilometers in western Chongqing.", .english),
    ])
  func languageDetection(text: String, expected: Language) throws {
    #expect(try TestSupport.document(text).language == expected)
  }

  @Test("tokens carry ICU's status and sentences are indexed")
  func tokensAndSentences() throws {
    let doc = try TestSupport.document("规划面积1198平方公里。今年投资30亿元！")
    let number = try #require(doc.tokens.first { $0.kind == .number })
    #expect(doc.normalizedText(Int(number.start)..<Int(number.end)) == "1198")
    #expect(doc.sentenceStarts == [0, 13])
    #expect(doc.sentenceIndex(ofNormalized: 15) == 1)
  }

  @Test(
    "SHA-256 is right at every padding boundary (values from sha256sum)",
    arguments: [
      (55, "d5e285683cd4efc02d021a5c62014694958901005d6f71e89e0989fac77e4072"),
      (56, "04c26261370ee7541549d16dee320c723e3fd14671e66a099afe0a377c16888e"),
      (63, "75220b47218278e656f2013bb8f0c455a25eaf01e86c64924e9d48d89776d6f2"),
      (64, "7ce100971f64e7001e8fe5a51973ecdfe1ced42befe7ee8d5fd6219506b5393c"),
      (65, "9537c5fdf120482f7d58d25e9ed583f52c02b4e304ea814db1633ad565aed7e9"),
      (1000, "44f8354494a5ba03ba1792a8d3e9c534c47a9181980fde7a3f44b06ef2ae7c7f"),
    ])
  func sha256Boundaries(length: Int, expected: String) {
    #expect(SHA256.hex([UInt8](repeating: 0x78, count: length)) == expected)
  }

  @Test("SHA-256 matches the standard test vectors")
  func sha256() {
    #expect(
      SHA256.hex(Array("abc".utf8))
        == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    #expect(
      SHA256.hex([UInt8]()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
  }
}

@Suite struct PipelineTests {
  @Test("overlapping candidates of one type: the longest wins")
  func longestFirst() throws {
    let short = LiteralExtractor(
      produces: .figure, needle: "30亿", payload: .figure(Figure(value: 3e9)))
    let long = LiteralExtractor(
      produces: .figure, needle: "30亿元", payload: .figure(Figure(value: 3e9, unit: "CNY")))
    struct Both: Extractor {
      let a: LiteralExtractor, b: LiteralExtractor
      var name: String { "both" }
      var produces: RecordType { .figure }
      var requires: [RecordType] { [] }
      func extract(from d: Document, in c: ExtractionContext) -> [Candidate] {
        a.extract(from: d, in: c) + b.extract(from: d, in: c)
      }
    }
    let records = try TestSupport.records("投资30亿元。", stages: [Both(a: short, b: long)])
    #expect(records.map(\.text) == ["30亿元"])
  }

  @Test("a figure that overlaps a date is dropped, and ids follow document order")
  func datesWinOverFigures() throws {
    let date = LiteralExtractor(
      produces: .date, needle: "2000年", payload: .date(CalendarDate(value: "2000")))
    let count = LiteralExtractor(
      produces: .figure, needle: "2000", payload: .figure(Figure(value: 2000)))
    let records = try TestSupport.records("2000年有2000家", stages: [date, count])
    #expect(records.map(\.id) == ["d1", "f1"])
    #expect(records.map(\.start) == [0, 6])
  }

  @Test("a target names the id of the figure inside it")
  func targetFigureID() throws {
    struct Goal: Extractor {
      var name: String { "goal" }
      var produces: RecordType { .target }
      var requires: [RecordType] { [.figure] }
      func extract(from d: Document, in c: ExtractionContext) -> [Candidate] {
        c[.figure].map { f in
          Candidate(
            range: (f.range.lowerBound - 8)..<f.range.upperBound,
            payload: .target(Target(deadline: "2025", metric: "新型研发机构", figureRange: f.range)))
        }
      }
    }
    let count = LiteralExtractor(
      produces: .figure, needle: "30家", payload: .figure(Figure(value: 30, unit: "家")))
    let records = try TestSupport.records("到2025年，建成新型研发机构30家。", stages: [count, Goal()])
    let target = try #require(records.first { $0.type == .target })
    guard case .target(let t) = target.payload else {
      Issue.record("not a target")
      return
    }
    #expect(t.figure == "f1")
    #expect(target.text == "建成新型研发机构30家")
  }

  @Test("a stage that needs records nobody produced is rejected when the pipeline is built")
  func stageOrderChecked() {
    let needsFigures = LiteralExtractor(
      produces: .target, requires: [.figure], needle: "x", payload: .figure(Figure(value: 1)))
    #expect(throws: PipelineError.self) { try Pipeline(stages: [needsFigures], dating: nil) }
  }
}

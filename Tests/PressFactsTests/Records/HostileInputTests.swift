import Foundation
import Testing

@testable import PressFacts

/// Input a batch meets in the wild: each gives records that pass the validator,
/// or one clear error with a position; never a crash, a hang or a non-finite value.
@Suite struct HostileInputTests {
  static let validator = Validator()

  /// Runs the standard pipeline on `bytes` and checks the result in memory.
  func process(_ bytes: [UInt8], id: String = "hostile") throws -> Outcome {
    let batch = Batch(pipeline: try Pipeline.standard(), options: BatchOptions())
    let outcome = batch.process(.bytes(id: id, bytes: bytes))
    if case .success(let result) = outcome {
      let errors = Self.validator.validate(result, file: id).filter { $0.severity == .error }
      #expect(errors.isEmpty, "\(errors.prefix(3))")
      for record in result.records {
        switch record.payload {
        case .figure(let f): #expect(f.value.isFinite && (f.valueMax?.isFinite ?? true))
        case .target(let t): #expect(t.value?.isFinite ?? true)
        default: break
        }
      }
    }
    return outcome
  }

  func records(_ text: String) throws -> [Record] {
    guard case .success(let result) = try process(Array(text.utf8)) else {
      Issue.record("failed on valid text")
      return []
    }
    return result.records
  }

  @Test("a 1 MB run of digits is no figure and no date")
  func runOfDigits() throws {
    #expect(try records(String(repeating: "1", count: 1_000_000)).isEmpty)
  }

  @Test("100,000 characters of 亿 give no figure")
  func runOfMagnitudes() throws {
    #expect(
      try records(String(repeating: "亿", count: 100_000)).filter { $0.type == .figure }.isEmpty)
  }

  @Test("deeply repeated parentheses around a figure leave the figure intact")
  func deepParentheses() throws {
    let text =
      String(repeating: "(", count: 50_000) + "1198平方公里" + String(repeating: "）", count: 50_000)
    let figures = try records(text).filter { $0.type == .figure }
    #expect(figures.map(\.text) == ["1198平方公里"])
  }

  @Test("numbers that overflow Double or Int give no infinite value")
  func overflowingNumbers() throws {
    let huge =
      "投资1" + String(repeating: "0", count: 400) + "亿元，增长" + String(repeating: "9", count: 400)
      + "%，共" + String(repeating: "9", count: 30) + "家企业，" + String(repeating: "9", count: 25)
      + "年。"
    _ = try records(huge)  // the checks are in process()
  }

  @Test("mixed scripts, astral characters and compatibility forms keep offsets right")
  func mixedScripts() throws {
    let text =
      "Chongqing University与重慶大學、東京大学ソニー株式会社、서울대학교: 投资50亿元 in 2021年, $1.2 billion 😀𠀀 ١٢٣ ㎡ ½ 2023年一季度"
    let found = try records(text)
    #expect(found.contains { $0.text == "50亿元" })
    #expect(found.contains { $0.text == "2023年一季度" })
  }

  @Test(
    "broken encodings are one error with the byte offset",
    arguments: [
      ([0x41, 0xC0, 0xAF, 0x42], 1),  // overlong "/"
      ([0xE8, 0xA7, 0x84, 0x80, 0x80], 3),  // lone continuation bytes
      ([0x41, 0x42, 0xF0, 0x9F, 0x98], 2),  // truncated 4-byte sequence at the end
    ] as [([UInt8], Int)])
  func brokenUTF8(bytes: [UInt8], offset: Int) throws {
    guard case .failure(let error) = try process(bytes, id: "bad.txt") else {
      Issue.record("decoded broken UTF-8")
      return
    }
    #expect(
      error
        == .undecodable(
          file: "bad.txt", encoding: "UTF-8", position: SourcePosition(byteOffset: offset)))
  }

  @Test("UTF-16 without a byte order mark is refused with a position, not misread")
  func utf16WithoutBOM() throws {
    let bytes = "规划面积1198平方公里".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    guard case .failure(let error) = try process(bytes, id: "u16.txt") else {
      Issue.record("read UTF-16 without BOM as text")
      return
    }
    #expect("\(error)".hasPrefix("u16.txt:byte "))
  }

  @Test("a 100 MB single-line document is processed whole, with its offsets right")
  func hundredMegabyteLine() throws {
    let sample = try String(
      contentsOf: TestSupport.root.appendingPathComponent("corpus/000_a87e974be9bda5f5.txt"),
      encoding: .utf8
    ).replacingOccurrences(of: "\n", with: "")
    let bytes = Array(sample.utf8)
    let copies = 100_000_000 / bytes.count + 1
    var big = [UInt8]()
    big.reserveCapacity(bytes.count * copies)
    for _ in 0..<copies { big += bytes }
    let batch = Batch(pipeline: try Pipeline.standard(), options: BatchOptions())
    guard case .success(let result) = batch.process(.bytes(id: "big", bytes: big)) else {
      Issue.record("failed on a 100 MB document")
      return
    }
    let perCopy = try records(sample).count
    #expect(result.records.count >= perCopy * copies * 9 / 10)
    let last = try #require(result.records.last)
    #expect(result.document.originalText(last.start..<last.end) == last.text)
    #expect(last.end > result.document.scalars.count - sample.unicodeScalars.count)
  }
}

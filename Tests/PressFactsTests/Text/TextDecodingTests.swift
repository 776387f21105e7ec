import Foundation
import Testing

@testable import PressFacts

@Suite struct TextDecodingTests {
  func bytes(_ name: String) throws -> [UInt8] {
    Array(try Data(contentsOf: TestSupport.fixture(name)))
  }

  func corpusText(_ id: String) throws -> String {
    try String(
      contentsOf: TestSupport.root.appendingPathComponent("corpus/\(id).txt"), encoding: .utf8)
  }

  @Test("a GB18030 file without BOM decodes to the same text as its UTF-8 original")
  func gb18030() throws {
    let decoded = try TextDecoding.decode(try bytes("000_gb18030.txt"), file: "gb")
    #expect(decoded.encoding == "GB18030")
    #expect(decoded.text == (try corpusText("000_a87e974be9bda5f5")))
  }

  @Test("a Big5 file without BOM decodes to the same text as its UTF-8 original")
  func big5() throws {
    let decoded = try TextDecoding.decode(try bytes("000_big5.txt"), file: "big5")
    #expect(decoded.encoding == "Big5")
    let original = try String(
      contentsOf: TestSupport.fixture("000_traditional_utf8.txt"), encoding: .utf8)
    #expect(decoded.text == original)
  }

  @Test("--encoding overrides detection")
  func explicitEncoding() throws {
    let decoded = try TextDecoding.decode(
      try bytes("000_gb18030.txt"), file: "gb", encoding: "GB18030")
    #expect(decoded.text.hasPrefix("“科产城”深度融合"))
    #expect(
      throws: PipelineError.undecodable(
        file: "gb", encoding: "UTF-8", position: SourcePosition(byteOffset: 0))
    ) {
      try TextDecoding.decode(try bytes("000_gb18030.txt"), file: "gb", encoding: "UTF-8")
    }
  }

  static let sample = "规划面积"
  static let utf16LE: [UInt8] = sample.utf16.flatMap { u -> [UInt8] in
    [UInt8(u & 0xFF), UInt8(u >> 8)]
  }
  static let utf16BE: [UInt8] = sample.utf16.flatMap { u -> [UInt8] in
    [UInt8(u >> 8), UInt8(u & 0xFF)]
  }
  static let boms: [([UInt8], String)] = [
    ([0xEF, 0xBB, 0xBF] + Array(sample.utf8), "UTF-8"),
    ([0xFF, 0xFE] + utf16LE, "UTF-16LE"),
    ([0xFE, 0xFF] + utf16BE, "UTF-16BE"),
  ]

  @Test("byte order marks: UTF-8 and UTF-16 in both byte orders", arguments: boms)
  func byteOrderMarks(input: [UInt8], encoding: String) throws {
    let decoded = try TextDecoding.decode(input, file: "bom")
    #expect(decoded.text == "规划面积")
    #expect(decoded.encoding == encoding)
    #expect(decoded.sha256 == SHA256.hex(input))
  }

  @Test("invalid UTF-8 is reported with the byte offset of the bad sequence")
  func invalidUTF8() {
    // "规划" (6 bytes), then a lone continuation byte, then more text.
    let input = Array("规划".utf8) + [0x80] + Array("面积1198平方公里，总投资3141.9亿元".utf8)
    #expect(
      throws: PipelineError.undecodable(
        file: "bad.txt", encoding: "UTF-8", position: SourcePosition(byteOffset: 6))
    ) {
      try TextDecoding.decode(input, file: "bad.txt")
    }
  }

  @Test("a truncated sequence at the end of the file is an error at its first byte")
  func truncatedAtEnd() {
    let input = Array("规划面积1198平方公里".utf8) + [0xE5, 0x85]
    #expect(
      throws: PipelineError.undecodable(
        file: "t.txt", encoding: "UTF-8", position: SourcePosition(byteOffset: 28))
    ) {
      try TextDecoding.decode(input, file: "t.txt")
    }
  }

  @Test("NUL bytes mean binary data, reported at the first one")
  func binary() {
    let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00]
    #expect(throws: PipelineError.binary(file: "x.png", position: SourcePosition(byteOffset: 8))) {
      try TextDecoding.decode(png, file: "x.png")
    }
  }

  @Test("an unknown encoding name is an error naming it")
  func unknownEncoding() {
    #expect(throws: PipelineError.unknownEncoding(file: "a", name: "no-such-charset")) {
      try TextDecoding.decode(Array("abc".utf8), file: "a", encoding: "no-such-charset")
    }
  }

  @Test("an empty file is an empty document")
  func empty() throws {
    let decoded = try TextDecoding.decode([], file: "empty.txt")
    #expect(decoded.text == "")
    let result = try Pipeline.standard().process(try TestSupport.document(decoded.text))
    #expect(result.records.isEmpty)
  }
}

import Foundation
import Testing

@testable import PressFacts

/// Ids in a batch: checked against the rule, unique, the first one kept.
@Suite struct BatchIDTests {
  func line(_ id: String, _ text: String = "今年投资30亿元。") throws -> [UInt8] {
    Array(try JSONSerialization.data(withJSONObject: ["id": id, "text": text]))
  }

  func outcomes(_ items: [InputItem], jobs: Int) throws -> [Outcome] {
    var out = [Outcome]()
    Batch(pipeline: try Pipeline.standard(), options: BatchOptions(jobs: jobs)).run(items) {
      out.append($0)
    }
    return out
  }

  @Test(
    "a second document with an id is an error naming both; the first is kept", arguments: [1, 3])
  func duplicates(jobs: Int) throws {
    let items: [InputItem] = [
      .jsonLine(source: "in.jsonl", line: 1, bytes: try line("x")),
      .jsonLine(source: "in.jsonl", line: 2, bytes: try line("y", "The plant cost $5 million.")),
      .jsonLine(source: "in.jsonl", line: 3, bytes: try line("x", "Different text.")),
      .bytes(id: "y", bytes: Array("另一篇".utf8)),
    ]
    let results = try outcomes(items, jobs: jobs)
    #expect(results.count == 4)
    guard case .success(let first) = results[0], case .success = results[1],
      case .failure(let third) = results[2], case .failure(let fourth) = results[3]
    else {
      Issue.record("unexpected outcomes \(results)")
      return
    }
    #expect(first.document.text == "今年投资30亿元。")
    #expect(
      "\(third)"
        == "in.jsonl:3: error: duplicate id \"x\": in.jsonl:1 has it already; skipped (the first is kept)"
    )
    #expect("\(fourth)".contains("in.jsonl:2 has it already"))
  }

  @Test("a JSON Lines id that breaks the rule is an error naming the line; the batch goes on")
  func invalidJSONLinesID() throws {
    let items: [InputItem] = [
      .jsonLine(source: "-", line: 1, bytes: try line("../../x")),
      .jsonLine(source: "-", line: 2, bytes: try line("a\u{0}b")),
      .jsonLine(source: "-", line: 3, bytes: try line("ok")),
    ]
    let results = try outcomes(items, jobs: 2)
    guard case .failure(let e1) = results[0], case .failure(let e2) = results[1],
      case .success = results[2]
    else {
      Issue.record("unexpected outcomes \(results)")
      return
    }
    #expect(
      "\(e1)".hasPrefix("-:1: error: bad JSON Lines document: \"id\" \"../../x\" is not valid"))
    #expect("\(e2)".contains("\\u0000"))
  }

  @Test(
    "a file found in a directory gets its relative path as id; a file named directly its base name")
  func fileIDs() throws {
    let dir = try InputFilesTests.temporaryDirectory()
    try InputFilesTests.write("今年投资30亿元。", "sub/x.txt", in: dir)
    let listed = InputFiles.list([dir.path]).files + [InputFile(path: dir.path + "/sub/x.txt")]
    let results = try outcomes(listed.map { .file(path: $0.path, id: $0.id) }, jobs: 1)
    guard case .success(let a) = results[0], case .success(let b) = results[1] else {
      Issue.record("unexpected outcomes \(results)")
      return
    }
    #expect(a.document.id == "sub/x")
    #expect(b.document.id == "x")
  }
}

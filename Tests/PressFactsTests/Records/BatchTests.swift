import Foundation
import Testing

@testable import PressFacts

@Suite struct BatchTests {
  let corpus = TestSupport.root.appendingPathComponent("corpus").path

  func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "pf-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  @Test("a directory means its *.txt files in sorted order")
  func directoryExpansion() {
    let files = InputFiles.expand([corpus])
    #expect(files.count == TestSupport.corpusDocuments)
    #expect(files == files.sorted())
    #expect(files.allSatisfy { $0.hasPrefix(corpus + "/") && $0.hasSuffix(".txt") })
  }

  @Test("the same corpus gives the same bytes with one job and with several, in input order")
  func parallelIsDeterministic() throws {
    let items = InputFiles.expand([corpus]).map { InputItem.file(path: $0) }
    func run(jobs: Int) throws -> [[UInt8]] {
      var out = [[UInt8]]()
      Batch(pipeline: try Pipeline.standard(), options: BatchOptions(jobs: jobs)).run(items) {
        guard case .success(let r) = $0 else {
          Issue.record("failed: \($0)")
          return
        }
        out.append(JSONWriter.encode(r, pretty: false))
      }
      return out
    }
    let one = try run(jobs: 1)
    #expect(one.count == TestSupport.corpusDocuments)
    #expect(try run(jobs: 3) == one)
  }

  @Test("a bad file is an outcome with its name; the batch goes on")
  func badFileDoesNotStopTheBatch() throws {
    let dir = try temporaryDirectory()
    let bad = dir.appendingPathComponent("bad.txt")
    try Data([0x41, 0xFF, 0x42]).write(to: bad)
    let items =
      [InputItem.file(path: bad.path), .file(path: dir.appendingPathComponent("missing.txt").path)]
      + InputFiles.expand([corpus]).prefix(1).map { InputItem.file(path: $0) }
    var outcomes = [Outcome]()
    Batch(pipeline: try Pipeline.standard(), options: BatchOptions(jobs: 2)).run(items) {
      outcomes.append($0)
    }
    #expect(outcomes.count == 3)
    guard case .failure(let e1) = outcomes[0], case .failure(let e2) = outcomes[1],
      case .success = outcomes[2]
    else {
      Issue.record("unexpected outcomes \(outcomes)")
      return
    }
    #expect("\(e1)" == "\(bad.path):byte 1: error: invalid UTF-8 byte sequence")
    #expect("\(e2)".contains("missing.txt: error: cannot read"))
  }

  @Test(
    "JSON Lines input lines are checked and errors name the line",
    arguments: [
      ("{\"id\": \"a\"}", "missing \"text\""),
      ("{\"id\": \"a\", \"text\": 5}", "\"text\" is not a string"),
      ("[1, 2]", "not a JSON object"),
      (
        "{\"text\": \"x\", \"date\": \"2021-13-01\"}", "\"date\" is not YYYY, YYYY-MM or YYYY-MM-DD"
      ),
      ("{\"text\": \"x\", \"lang\": \"fr\"}", "\"lang\" is not one of zh-Hans, zh-Hant, en"),
    ])
  func jsonLinesErrors(line: String, reason: String) {
    #expect(throws: PipelineError.badInputLine(file: "in.jsonl", line: 7, reason: reason)) {
      try JSONLinesInput.parse(Array(line.utf8), source: "in.jsonl", line: 7)
    }
  }

  @Test("a JSON Lines document carries its id, date and language")
  func jsonLinesDocument() throws {
    let line = #"{"id": "x1", "text": "今年投资30亿元", "date": "2022-05-01", "lang": "zh-Hant"}"#
    let item = InputItem.jsonLine(source: "-", line: 1, bytes: Array(line.utf8))
    let doc = try Batch(pipeline: try Pipeline.standard(), options: BatchOptions()).load(item)
    #expect(doc.id == "x1" && doc.date == "2022-05-01" && doc.dateSource == .given)
    #expect(doc.language == .traditionalChinese)
    #expect(doc.sha256 == SHA256.hex(Array("今年投资30亿元".utf8)))
  }

  @Test("the reader splits a stream into lines, skipping blank ones but counting them")
  func jsonLinesReader() throws {
    let dir = try temporaryDirectory()
    let file = dir.appendingPathComponent("in.jsonl")
    try Data("{\"text\":\"a\"}\n\n{\"text\":\"b\"}".utf8).write(to: file)
    let fd = open(file.path, O_RDONLY)
    defer { close(fd) }
    let lines = Array(JSONLinesReader(fd: fd, source: "in.jsonl")).map(\.name)
    #expect(lines == ["in.jsonl:1", "in.jsonl:3"])
  }

  @Test("output files are written whole, under their final name only")
  func atomicWrite() throws {
    let dir = try temporaryDirectory()
    let writer = try OutputWriter(directory: dir.path)
    try writer.write(Array("{}\n".utf8), id: "doc")
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["doc.json"])
    #expect(try String(contentsOf: writer.url(for: "doc"), encoding: .utf8) == "{}\n")
  }

  @Test("a rewrite replaces the whole file; a failed write names the file and leaves no temporary")
  func rewriteAndFailure() throws {
    let dir = try temporaryDirectory()
    let writer = try OutputWriter(directory: dir.path)
    let large = [UInt8](repeating: 0x61, count: 1 << 20)
    try writer.write(large, id: "doc")
    try writer.write(Array("short".utf8), id: "doc")
    #expect(try Data(contentsOf: writer.url(for: "doc")) == Data("short".utf8))
    try writer.write(large, id: "big")
    #expect(try Data(contentsOf: writer.url(for: "big")).count == large.count)

    // A directory where the output file should go: the rename fails.
    try FileManager.default.createDirectory(
      at: writer.url(for: "blocked").appendingPathComponent("inside"),
      withIntermediateDirectories: true)
    #expect {
      try writer.write(Array("{}".utf8), id: "blocked")
    } throws: { error in
      "\(error)".contains("blocked.json") && "\(error)".contains("cannot write")
    }
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == [
        "big.json", "blocked.json", "doc.json",
      ])
  }
}

@Suite struct JSONWriterTests {
  @Test("numbers: integers without a fraction, others shortest round-trip, no NaN")
  func numbers() {
    #expect(JSONWriter.format(314_190_000_000) == "314190000000")
    #expect(JSONWriter.format(3141.9) == "3141.9")
    #expect(JSONWriter.format(15.8) == "15.8")
    #expect(JSONWriter.format(.nan) == "null")
  }

  @Test("strings are escaped, integers written whole; output parses back")
  func escapingAndOrder() throws {
    var w = JSONWriter(pretty: false)
    let layout = FieldLayout(ordinal: -1, ["end", "text", "value"])
    w.object(
      OutputObject(layout, [.int(-30), .string("a\"b\\c\n\u{1}重庆"), .number(314_190_000_000)]),
      level: 0)
    let json = String(decoding: w.bytes, as: UTF8.self)
    #expect(json == #"{"end":-30,"text":"a\"b\\c\n\u0001重庆","value":314190000000}"#)
    let back = try JSONSerialization.jsonObject(with: Data(w.bytes)) as? [String: Any]
    #expect(back?["text"] as? String == "a\"b\\c\n\u{1}重庆")
  }

  @Test("a document result is pretty-printed with sorted keys and every field of its type")
  func documentShape() throws {
    let doc = try TestSupport.document("面积1198平方公里")
    let record = Record(
      id: "f1", text: "1198平方公里", start: 2, end: 10, sentence: 0,
      payload: .figure(Figure(value: 1198, unit: "km2")))
    let json = String(
      decoding: JSONWriter.encode(DocumentResult(document: doc, records: [record]), pretty: true),
      as: UTF8.self)
    #expect(
      json.contains(
        "\n    {\n      \"end\": 10,\n      \"id\": \"f1\",\n      \"qualifier\": null,"))
    let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
    let records = object?["records"] as? [[String: Any]]
    #expect(
      records?.first?.keys.sorted() == [
        "end", "id", "qualifier", "sentence", "start", "text", "type", "unit", "value", "value_max",
      ])
  }
}

import Foundation
import Testing

@testable import PressFacts

/// Runs the built `pressfacts` binary (it sits beside the test bundle) the way a
/// user does: files and directories in, files or JSON Lines out, exit status.
@Suite struct CLITests {
  static let binary: URL? = {
    var dir = Bundle.module.bundleURL.deletingLastPathComponent()
    for _ in 0..<3 {
      let candidate = dir.appendingPathComponent("pressfacts")
      if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
      dir = dir.deletingLastPathComponent()
    }
    return nil
  }()

  struct Run {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  func run(
    _ arguments: [String], stdin: String? = nil, in directory: URL? = nil, shell: Bool = false
  ) throws -> Run {
    let process = Process()
    process.executableURL =
      shell
      ? URL(fileURLWithPath: "/bin/sh")
      : try #require(Self.binary, "build the pressfacts executable first")
    process.arguments = arguments
    process.currentDirectoryURL = directory ?? TestSupport.root
    let out = Pipe()
    let err = Pipe()
    let input = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = input
    try process.run()
    if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
    try input.fileHandleForWriting.close()
    let o = out.fileHandleForReading.readDataToEndOfFile()
    let e = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Run(
      status: process.terminationStatus, stdout: String(decoding: o, as: UTF8.self),
      stderr: String(decoding: e, as: UTF8.self))
  }

  @Test("extract --jsonl over the corpus gives one line per document with its offsets right")
  func jsonlOverCorpus() throws {
    let result = try run(["extract", "--jsonl", "corpus"])
    #expect(result.status == 0)
    let lines = result.stdout.split(separator: "\n")
    #expect(lines.count == TestSupport.corpusDocuments)
    for line in lines {
      let object = try #require(
        try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
      let document = try #require(object["document"] as? [String: Any])
      let text = try String(
        contentsOfFile: try #require(document["path"] as? String), encoding: .utf8)
      for record in try #require(object["records"] as? [[String: Any]]) {
        let start = record["start"] as! Int
        let end = record["end"] as! Int
        #expect(TestSupport.slice(text, start..<end) == record["text"] as? String)
      }
    }
  }

  @Test("JSON Lines on standard input: records per line, a bad line reported, exit status 1")
  func jsonlFromStdin() throws {
    let input = """
      {"id": "a", "text": "𠀀😀规划面积1198平方公里", "date": "2022"}
      {"id": "b", "text": 5}
      {"id": "c", "text": "今年投资30亿元"}

      """
    let result = try run(["extract", "--jsonl", "--jobs", "2"], stdin: input)
    #expect(result.status == 1)
    #expect(
      result.stderr.contains("<stdin>:2: error: bad JSON Lines document: \"text\" is not a string"))
    let ids = try result.stdout.split(separator: "\n").map { line -> String in
      let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
      return (object?["document"] as? [String: Any])?["id"] as? String ?? "?"
    }
    #expect(ids == ["a", "c"])
  }

  @Test("a directory batch writes one file per document and goes on past a bad file")
  func directoryBatchWithBadFile() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "pf-cli-\(UUID().uuidString)")
    let input = dir.appendingPathComponent("in")
    try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
    try Data([0xE8, 0xA7, 0x84, 0xFF]).write(to: input.appendingPathComponent("a_bad.txt"))
    try Data("规划面积1198平方公里。".utf8).write(to: input.appendingPathComponent("b_good.txt"))
    let result = try run([
      "extract", input.path, "--output", dir.appendingPathComponent("out").path, "--jobs", "1",
    ])
    #expect(result.status == 1)
    #expect(result.stderr.contains("a_bad.txt:byte 3: error: invalid UTF-8 byte sequence"))
    let written = try FileManager.default.contentsOfDirectory(
      atPath: dir.appendingPathComponent("out").path)
    #expect(written == ["b_good.json"])
  }

  @Test("the schema command prints the JSON Schema")
  func schema() throws {
    let result = try run(["schema"])
    let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
    #expect(object?["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
  }
}

/// Batches that are killed, or that cannot write, lose nothing already written.
@Suite struct CrashSafetyTests {
  let cli = CLITests()

  func makeBatch(copies: Int) throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "pf-crash-\(UUID().uuidString)")
    let input = dir.appendingPathComponent("in")
    try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
    let corpus = InputFiles.expand([TestSupport.root.appendingPathComponent("corpus").path])
    for i in 0..<copies {
      let source = corpus[i % corpus.count]
      try FileManager.default.copyItem(
        atPath: source, toPath: input.appendingPathComponent(String(format: "%04d.txt", i)).path)
    }
    return dir
  }

  func jsonFiles(_ dir: URL) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).filter {
      $0.hasSuffix(".json")
    }.sorted()
  }

  @Test(
    "a batch killed with SIGKILL leaves complete files only; --resume finishes it with the same bytes"
  )
  func killAndResume() throws {
    let dir = try makeBatch(copies: 400)
    let input = dir.appendingPathComponent("in").path
    let killed = dir.appendingPathComponent("killed")
    let whole = dir.appendingPathComponent("whole")
    let process = Process()
    process.executableURL = try #require(CLITests.binary)
    process.arguments = ["extract", input, "--output", killed.path, "--jobs", "1"]
    process.standardError = FileHandle.nullDevice
    try process.run()
    while process.isRunning && jsonFiles(killed).count < 20 { usleep(2_000) }
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
    let partial = jsonFiles(killed)
    #expect(partial.count >= 20)
    for name in partial {
      let data = try Data(contentsOf: killed.appendingPathComponent(name))
      #expect(
        (try? JSONSerialization.jsonObject(with: data)) != nil, "\(name) is not complete JSON")
    }
    let resumed = try cli.run(["extract", input, "--output", killed.path, "--resume"])
    #expect(resumed.status == 0)
    #expect(resumed.stderr.contains("resume: \(partial.count) of 400 documents already complete"))
    #expect(try cli.run(["extract", input, "--output", whole.path]).status == 0)
    let names = jsonFiles(whole)
    #expect(names.count == 400)
    #expect(try FileManager.default.contentsOfDirectory(atPath: killed.path).sorted() == names)
    for name in names {
      #expect(
        FileManager.default.contentsEqual(
          atPath: killed.appendingPathComponent(name).path,
          andPath: whole.appendingPathComponent(name).path))
    }
  }

  @Test("a file-size limit (disk full) is an error per document, with no partial file left")
  func fileSizeLimit() throws {
    let dir = try makeBatch(copies: 3)
    let out = dir.appendingPathComponent("out")
    let binary = try #require(CLITests.binary).path
    let script =
      "ulimit -f 0; exec '\(binary)' extract '\(dir.appendingPathComponent("in").path)' --output '\(out.path)'"
    let result = try cli.run(["-c", script], shell: true)
    #expect(result.status == 1)
    #expect(result.stderr.components(separatedBy: "error: cannot write").count - 1 == 3)
    #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).isEmpty)
  }

  @Test(
    "JSON Lines to a file that cannot grow: a message naming standard output, exit status 1, no trap"
  )
  func standardOutputFull() throws {
    let dir = try makeBatch(copies: 1)
    let binary = try #require(CLITests.binary).path
    let input = dir.appendingPathComponent("in/0000.txt").path
    let script =
      "ulimit -f 0; exec '\(binary)' extract --jsonl '\(input)' > '\(dir.appendingPathComponent("out.jsonl").path)'"
    let result = try cli.run(["-c", script], shell: true)
    #expect(result.status == 1)
    #expect(result.stderr.contains("<stdout>: error: cannot write: the file is too large"))
  }

  @Test("an output directory that cannot be created is reported and the exit status is 1")
  func unwritableOutput() throws {
    let dir = try makeBatch(copies: 1)
    let blocker = dir.appendingPathComponent("file")
    try Data("x".utf8).write(to: blocker)
    let result = try cli.run([
      "extract", dir.appendingPathComponent("in").path, "--output",
      blocker.appendingPathComponent("out").path,
    ])
    #expect(result.status != 0)
    #expect(result.stderr.contains("error: cannot write"))
  }
}

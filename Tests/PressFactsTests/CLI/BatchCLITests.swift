import Foundation
import Testing

@testable import PressFacts

/// Ids, collisions, file-system cases, the summary line and the default input
/// of validate, as a user meets them through the `pressfacts` binary.
@Suite struct BatchCLITests {
  let cli = CLITests()

  func sandbox() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "pf-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  func tree(_ root: URL) -> [String] {
    (FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String } ?? []).sorted()
  }

  func jsonLines(_ ids: [String]) throws -> String {
    try ids.map {
      String(
        decoding: try JSONSerialization.data(withJSONObject: ["id": $0, "text": "今年投资30亿元。"]),
        as: UTF8.self)
    }.joined(separator: "\n") + "\n"
  }

  @Test(
    "1,000 hostile JSON Lines ids: each invalid one an error naming its line, nothing outside --output"
  )
  func hostileIDs() throws {
    let root = try sandbox()
    let work = root.appendingPathComponent("work")
    try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
    let ids = OutputWriterTests.hostileIDs(1000)
    // Through files: a thousand error lines would fill a pipe nobody reads yet.
    try Data(try jsonLines(ids).utf8).write(to: root.appendingPathComponent("in.jsonl"))
    let binary = try #require(CLITests.binary).path
    let shell = try cli.run(
      [
        "-c",
        "cd work && exec '\(binary)' extract - --output out --jobs 2 <../in.jsonl 2>../err.txt",
      ],
      in: root, shell: true)
    let result = CLITests.Run(
      status: shell.status, stdout: shell.stdout,
      stderr: try String(contentsOf: root.appendingPathComponent("err.txt"), encoding: .utf8))
    try FileManager.default.removeItem(at: root.appendingPathComponent("in.jsonl"))
    try FileManager.default.removeItem(at: root.appendingPathComponent("err.txt"))
    #expect(result.status == 1)
    let tree = tree(root)
    #expect(tree.allSatisfy { $0 == "work" || $0 == "work/out" || $0.hasPrefix("work/out/") })
    #expect(!tree.contains { $0.split(separator: "/").contains { $0.hasPrefix(".") } })
    for (n, id) in ids.enumerated() where !DocumentID.isValid(id) {
      #expect(result.stderr.contains("<stdin>:\(n + 1): error: bad JSON Lines document: \"id\""))
    }
  }

  @Test("a/x.txt and b/x.txt become output/a/x.json and output/b/x.json")
  func collidingBaseNames() throws {
    let root = try sandbox()
    try InputFilesTests.write("今年投资30亿元。", "in/a/x.txt", in: root)
    try InputFilesTests.write("The plant cost $5 million.", "in/b/x.txt", in: root)
    let result = try cli.run(["extract", "in", "--output", "out"], in: root)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(tree(root.appendingPathComponent("out")) == ["a", "a/x.json", "b", "b/x.json"])
    let b = try String(contentsOf: root.appendingPathComponent("out/b/x.json"), encoding: .utf8)
    #expect(b.contains("\"id\": \"b/x\"") && b.contains("\"path\": \"in/b/x.txt\""))
    let validated = try cli.run(["validate", "out"], in: root)
    #expect(validated.status == 0, "\(validated.stdout)\(validated.stderr)")
  }

  @Test("two files named directly with one base name: the second is an error naming the first")
  func duplicateFileArguments() throws {
    let root = try sandbox()
    try InputFilesTests.write("今年投资30亿元。", "a/x.txt", in: root)
    try InputFilesTests.write("The plant cost $5 million.", "b/x.txt", in: root)
    let result = try cli.run(["extract", "a/x.txt", "b/x.txt", "--output", "out"], in: root)
    #expect(result.status == 1)
    #expect(
      result.stderr.contains(
        "b/x.txt: error: duplicate id \"x\": a/x.txt has it already; skipped (the first is kept)"))
    let kept = try String(contentsOf: root.appendingPathComponent("out/x.json"), encoding: .utf8)
    #expect(kept.contains("a/x.txt"))
  }

  @Test("duplicate JSON Lines ids: the second line is an error naming the first, the first is kept")
  func duplicateJSONLinesIDs() throws {
    let root = try sandbox()
    let input = """
      {"id": "r/1", "text": "今年投资30亿元。"}
      {"id": "r/1", "text": "The plant cost $5 million."}

      """
    let result = try cli.run(["extract", "-", "--output", "out"], stdin: input, in: root)
    #expect(result.status == 1)
    #expect(
      result.stderr.contains("<stdin>:2: error: duplicate id \"r/1\": <stdin>:1 has it already"))
    let kept = try String(contentsOf: root.appendingPathComponent("out/r/1.json"), encoding: .utf8)
    #expect(kept.contains("30亿元"))
  }

  @Test("a FIFO and a directory named like text files do not block or stop the batch")
  func specialFiles() throws {
    let root = try sandbox()
    try InputFilesTests.write("今年投资30亿元。", "in/good.txt", in: root)
    try #require(mkfifo(root.path + "/in/pipe.txt", 0o644) == 0)
    try FileManager.default.createDirectory(
      at: root.appendingPathComponent("in/folder.txt"), withIntermediateDirectories: true)
    let result = try cli.run(["extract", "in", "in/folder.txt", "--output", "out"], in: root)
    #expect(result.status == 1)
    #expect(
      result.stderr.contains(
        "in/pipe.txt: error: cannot read: is a FIFO (named pipe), not a regular file; skipped"))
    #expect(!result.stderr.contains("NSCocoaErrorDomain"))
    #expect(FileManager.default.fileExists(atPath: root.path + "/out/good.json"))
  }

  @Test(
    "the summary line: read, written, failed, records per type, place, time, MB/s; --quiet drops it"
  )
  func summaryLine() throws {
    let root = try sandbox()
    try InputFilesTests.write("今年投资30亿元，2025年建成。", "in/a.txt", in: root)
    try InputFilesTests.write("\u{0}binary", "in/b.txt", in: root)
    let result = try cli.run(["extract", "in", "--output", "out"], in: root)
    #expect(result.status == 1)
    let last = try #require(result.stderr.split(separator: "\n").last.map(String.init))
    #expect(last.hasPrefix("extract: 2 document(s) read, 1 written, 1 failed; "))
    #expect(last.contains(" figure, ") && last.contains(" target) in out/; "))
    #expect(last.hasSuffix(" MB/s"))
    let quiet = try cli.run(["extract", "in", "--output", "out2", "--quiet"], in: root)
    #expect(!quiet.stderr.contains("extract: "))
    let jsonl = try cli.run(["extract", "--jsonl", "in/a.txt"], in: root)
    #expect(
      jsonl.stderr.contains("1 written, 0 failed;") && jsonl.stderr.contains("to standard output"))
  }

  @Test(
    "validate with no PATH and an empty non-terminal standard input reads output/, and finding nothing fails"
  )
  func validateDefault() throws {
    let root = try sandbox()
    let empty = try cli.run(["validate"], stdin: "", in: root)
    #expect(empty.status == 1)
    #expect(empty.stderr.contains("no documents found (output/ does not exist)"))
    try FileManager.default.createDirectory(
      at: root.appendingPathComponent("output"), withIntermediateDirectories: true)
    let emptyDirectory = try cli.run(["validate"], stdin: "", in: root)
    #expect(emptyDirectory.status == 1)
    #expect(emptyDirectory.stderr.contains("no documents found (looked for *.json in output/)"))
    try InputFilesTests.write("今年投资30亿元。", "in/a.txt", in: root)
    #expect(try cli.run(["extract", "in", "--quiet"], in: root).status == 0)
    let found = try cli.run(["validate"], stdin: "", in: root)
    #expect(found.status == 0, "\(found.stdout)\(found.stderr)")
    #expect(found.stderr.contains("1 document(s): 0 error(s)"))
    let stdin = try cli.run(["validate", "-"], stdin: "", in: root)
    #expect(stdin.status == 1 && stdin.stderr.contains("standard input"))
  }

  @Test("export --format csv parses back with Python's csv module (pandas' quoting) to the records")
  func csvExport() throws {
    let root = try sandbox()
    try InputFilesTests.write(
      "公司\"新\"工厂投资30亿元，\n2025年建成。The plant, built by Acme Corp, cost $5 million.",
      "in/a.txt", in: root)
    #expect(try cli.run(["extract", "in", "--quiet"], in: root).status == 0)
    let result = try cli.run(["export", "--format", "csv", "--output", "r.csv"], in: root)
    #expect(result.status == 0, "\(result.stderr)")
    let script = """
      import csv, json, sys
      rows = list(csv.DictReader(open("r.csv", newline="", encoding="utf-8")))
      doc = json.load(open("output/a.json", encoding="utf-8"))
      text = open("in/a.txt", encoding="utf-8").read()
      assert len(rows) == len(doc["records"]), (len(rows), len(doc["records"]))
      for row, rec in zip(rows, doc["records"]):
          assert row["document"] == "a" and row["record"] == rec["id"] and row["type"] == rec["type"]
          assert row["text"] == rec["text"] == text[int(row["start"]):int(row["end"])], row
      print("ok", len(rows))
      """
    let python = try cli.run(
      ["-c", "command -v python3 >/dev/null || exit 77; python3 -c '\(script)'"], in: root,
      shell: true)
    if python.status != 77 { #expect(python.stdout.hasPrefix("ok"), "\(python.stderr)") }
  }
}

import Foundation
import Testing

@testable import PressFacts

/// `pressfacts show` and `pressfacts export` as a user runs them, on output
/// files written by hand (JSONWriter) so they do not depend on the extractors.
@Suite struct ReviewCLITests {
  let cli = CLITests()

  /// A directory with `astral.txt` and its output `out/astral.json` (path absolute).
  static func outputFixture(relativePath: Bool = false) throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "pf-review-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(
      at: dir.appendingPathComponent("out"), withIntermediateDirectories: true)
    let source = dir.appendingPathComponent("astral.txt")
    let text = ReviewFixtures.astralText
    try Data(text.utf8).write(to: source)
    let document = try Document(
      id: "astral", path: relativePath ? "astral.txt" : source.path, text: text,
      sha256: SHA256.hex(Array(text.utf8)),
      date: "2022")
    let records = try ReviewFixtures.astralDocument().records
    let bytes = JSONWriter.encode(
      DocumentResult(document: document, records: records), pretty: true)
    try Data(bytes).write(to: dir.appendingPathComponent("out/astral.json"))
    return dir
  }

  @Test("show renders an output directory; every record highlighted once")
  func showOutput() throws {
    let dir = try Self.outputFixture()
    defer { try? FileManager.default.removeItem(at: dir) }
    let result = try cli.run(["show", "out", "--output", "page.html"], in: dir)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr.contains("1 documents, 7 records"))
    let html = try String(contentsOf: dir.appendingPathComponent("page.html"), encoding: .utf8)
    let (page, ok, _) = PageReader.read(html)
    #expect(ok)
    #expect(page.idCounts.filter { $0.key.hasPrefix("d0-") }.count == 7)
    #expect(page.texts["d0-o1"] == "重庆医科\n\n大学")
  }

  @Test("a relative document.path is found from the output directory's parent, wherever show runs")
  func relativePath() throws {
    let dir = try Self.outputFixture(relativePath: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let result = try cli.run(
      ["show", ".", "--output", "page.html"], in: dir.appendingPathComponent("out"))
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr.contains("1 documents, 7 records"))
  }

  @Test("show refuses output whose source text changed since extraction")
  func staleOutput() throws {
    let dir = try Self.outputFixture()
    defer { try? FileManager.default.removeItem(at: dir) }
    try Data("换了".utf8).write(to: dir.appendingPathComponent("astral.txt"))
    let result = try cli.run(["show", "out/astral.json", "--output", "page.html"], in: dir)
    #expect(result.status != 0)
    #expect(result.stderr.contains("source changed since extraction"))
  }

  @Test("export writes doccano to stdout and brat files with annotation.conf")
  func export() throws {
    let dir = try Self.outputFixture()
    defer { try? FileManager.default.removeItem(at: dir) }
    let doccano = try cli.run(["export", "--format", "doccano", "out"], in: dir)
    #expect(doccano.status == 0)
    #expect(
      doccano.stdout.split(separator: "\n").count == 1
        && doccano.stdout.contains("\"label\":[[8,16,\"Figure\"]"))
    let brat = try cli.run(["export", "--format", "brat", "out", "--output", "brat"], in: dir)
    #expect(brat.status == 0, "\(brat.stderr)")
    let ann = try String(contentsOf: dir.appendingPathComponent("brat/astral.ann"), encoding: .utf8)
    #expect(ann.contains("\tOrganization 60 64;66 68\t重庆医科 大学\n"))
    #expect(
      FileManager.default.fileExists(
        atPath: dir.appendingPathComponent("brat/annotation.conf").path))
    #expect(
      try String(contentsOf: dir.appendingPathComponent("brat/astral.txt"), encoding: .utf8)
        == ReviewFixtures.astralText)
  }

  @Test("show takes text input (runs the pipeline) and JSON Lines output with --source")
  func textAndJSONLines() throws {
    let dir = try Self.outputFixture()
    defer { try? FileManager.default.removeItem(at: dir) }
    let text = try cli.run(["show", "astral.txt", "--output", "-"], in: dir)
    #expect(text.status == 0)
    #expect(PageReader.read(text.stdout).1)
    let input = "{\"id\": \"x\", \"text\": \"到2025年，建成新型研发机构30家。\"}\n"
    try Data(input.utf8).write(to: dir.appendingPathComponent("in.jsonl"))
    let extracted = try cli.run(["extract", "--jsonl", "-"], stdin: input, in: dir)
    #expect(extracted.status == 0)
    try Data(extracted.stdout.utf8).write(to: dir.appendingPathComponent("out.jsonl"))
    let shown = try cli.run(
      ["show", "out.jsonl", "--source", "in.jsonl", "--output", "-"], in: dir)
    #expect(shown.status == 0, "\(shown.stderr)")
    #expect(shown.stdout.contains("<h2>x</h2>"))
  }
}

import Foundation
import Testing

@testable import PressFacts

/// `pressfacts validate` and `pressfacts eval` run as a user runs them.
extension CLITests {
  @Test("validate: the baseline output/ is clean, exit status 0")
  func validateBaseline() throws {
    let result = try run(["validate", "output"])
    #expect(result.status == 0, "\(result.stdout)")
    #expect(result.stdout.isEmpty)
    #expect(
      result.stderr.contains(
        "\(TestSupport.corpusDocuments) document(s): 0 error(s), 0 warning(s)"))
  }

  @Test("validate: a broken file prints file: record: rule: message and exits 1")
  func validateBroken() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    try Data(SampleOutput.text.utf8).write(to: dir.appendingPathComponent("sample.txt"))
    let broken = SampleOutput.setting("f1", "value_max", .number(10))
    let file = dir.appendingPathComponent("sample.json")
    try JSONSerialization.data(withJSONObject: ValidationTests.foundation(broken)).write(to: file)
    let result = try run(["validate", file.path, "--source", dir.path])
    #expect(result.status == 1)
    #expect(
      result.stdout == "\(file.path): f1: ValueMaxNotBelowValue: value_max 10 is below value 30\n")
  }

  @Test("validate -: JSON Lines from extract --jsonl on standard input")
  func validateStdin() throws {
    let binary = try #require(Self.binary).path
    let result = try run(
      ["-c", "'\(binary)' extract --jsonl corpus | '\(binary)' validate -"], shell: true)
    #expect(result.status == 0, "\(result.stdout)")
    #expect(result.stderr.contains("\(TestSupport.corpusDocuments) document(s): 0 error(s)"))
  }

  @Test("eval: a table per document and kind with totals; --json for machines; no gold is an error")
  func evalTable() throws {
    let table = try run(["eval", "--gold", "corpus/gold", "--output", "output"])
    #expect(table.status == 0)
    let lines = table.stdout.split(separator: "\n")
    let totals = lines.filter { $0.hasPrefix("TOTAL (\(TestSupport.corpusDocuments) docs)") }
    #expect(totals.count == 4)
    // One summary row per language and kind, and the Markdown matrix of strict F1.
    for (lang, count) in TestSupport.corpusLanguages {
      #expect(lines.filter { $0.hasPrefix("\(lang) (\(count) docs)") }.count == 4)
      #expect(lines.contains { $0.hasPrefix("| \(lang) | \(count) | ") })
    }
    #expect(lines.contains { $0.hasPrefix("| all | \(TestSupport.corpusDocuments) | ") })
    let json = try run(["eval", "--gold", "corpus/gold", "--json"])
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    let total = try #require(object["total"] as? [String: [String: Any]])
    #expect(Set(total.keys) == ["figure", "date", "organization", "target"])
    #expect((total["figure"]?["gold"] as? Int ?? 0) > 0)
    let languages = try #require(object["languages"] as? [String: [String: Any]])
    #expect(languages.mapValues { $0["documents"] as? Int ?? -1 } == TestSupport.corpusLanguages)
    // The languages' gold counts add up to the total's.
    let perLanguageGold = languages.values.compactMap {
      (($0["kinds"] as? [String: [String: Any]])?["figure"]?["gold"] as? Int)
    }.reduce(0, +)
    #expect(perLanguageGold == total["figure"]?["gold"] as? Int)
    let none = try run(["eval", "--gold", "/nonexistent"])
    #expect(none.status == 1 && none.stderr.contains("no *.gold.json files"))
  }
}

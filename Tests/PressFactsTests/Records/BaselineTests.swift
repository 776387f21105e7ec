import Foundation
import Testing

@testable import PressFacts

/// The regression baseline: output/ holds the reviewed records of the sample
/// corpus. The pipeline must reproduce them byte for byte; when it does not,
/// the failure lists what changed, record by record.
@Suite struct BaselineTests {
  static let corpusFiles: [String] = {
    let dir = TestSupport.root.appendingPathComponent("corpus").path
    return ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter {
      $0.hasSuffix(".txt")
    }.sorted()
  }()

  /// Reads a corpus file the way `extract` does, with the relative path
  /// `corpus/<name>` that the baseline records as `document.path`.
  static func load(_ url: URL) throws -> Document {
    let decoded = try TextDecoding.decode(Array(try Data(contentsOf: url)), file: url.path)
    return try Document(
      id: url.deletingPathExtension().lastPathComponent, path: "corpus/" + url.lastPathComponent,
      text: decoded.text, sha256: decoded.sha256)
  }

  @Test("the sample corpus is there")
  func corpusPresent() {
    #expect(Self.corpusFiles.count == 33)
  }

  @Test("the pipeline reproduces output/<id>.json", arguments: corpusFiles)
  func matchesBaseline(name: String) throws {
    let root = TestSupport.root
    let document = try Self.load(root.appendingPathComponent("corpus").appendingPathComponent(name))
    let result = try Pipeline.standard().process(document)
    let baselineURL = root.appendingPathComponent("output").appendingPathComponent(
      document.id + ".json")
    let baseline = try Data(contentsOf: baselineURL)
    let current = JSONWriter.encode(result, pretty: true)
    if Array(baseline) == current { return }
    let diff = Self.diff(old: try JSONValue.parse(baseline), new: JSONValue(result))
    Issue.record(
      """
      output/\(document.id).json differs from what the pipeline now produces \
      (\(diff.isEmpty ? "formatting only" : "\(diff.count) change(s)")):
      \(diff.joined(separator: "\n"))
      If the change is intended, review it and regenerate the baseline with the README's main command `swift run -c release pressfacts extract` \
      (reads corpus/, writes output/), then commit output/.
      """)
  }

  /// Document field changes, then removed (-), added (+) and changed (~)
  /// records; records are identified by type and span.
  static func diff(old: JSONValue, new: JSONValue) -> [String] {
    var lines = [String]()
    if case .object(let a)? = old["document"], case .object(let b)? = new["document"] {
      for key in Set(a.keys).union(b.keys).sorted() where a[key] != b[key] {
        lines.append(
          "document.\(key): \(a[key]?.brief ?? "absent") -> \(b[key]?.brief ?? "absent")")
      }
    }
    func keyed(_ v: JSONValue) -> [(String, JSONValue)] {
      (v["records"]?.array ?? []).map { r in
        (
          "\(r["type"]?.string ?? "?") [\(r["start"]?.int ?? -1), \(r["end"]?.int ?? -1)) \(r["text"]?.brief ?? "")",
          r
        )
      }
    }
    let before = keyed(old)
    let after = keyed(new)
    let beforeMap = Dictionary(before, uniquingKeysWith: { a, _ in a })
    let afterMap = Dictionary(after, uniquingKeysWith: { a, _ in a })
    for (key, r) in before where afterMap[key] == nil { lines.append("- \(key): \(fields(r))") }
    for (key, r) in after where beforeMap[key] == nil { lines.append("+ \(key): \(fields(r))") }
    for (key, r) in after {
      guard let o = beforeMap[key], o != r, case .object(let a) = o, case .object(let b) = r else {
        continue
      }
      let changed = Set(a.keys).union(b.keys).sorted().filter { a[$0] != b[$0] }
      lines.append(
        "~ \(key): "
          + changed.map { "\($0) \(a[$0]?.brief ?? "absent") -> \(b[$0]?.brief ?? "absent")" }
          .joined(separator: ", "))
    }
    return lines
  }

  /// A record's fields other than its span, for a diff line.
  static func fields(_ r: JSONValue) -> String {
    guard case .object(let o) = r else { return r.brief }
    return o.keys.sorted().filter { !["type", "start", "end", "text"].contains($0) }.map {
      "\($0) \(o[$0]!.brief)"
    }
    .joined(separator: ", ")
  }

  @Test("the diff names removed, added and changed records with their fields")
  func diffIsReadable() {
    typealias S = SampleOutput
    let old = S.valid
    var new = S.setting("f1", "value", .number(31))
    new = S.setting("document", "lang", .string("en"), in: new)
    if case .object(var top) = new, case .array(var r)? = top["records"] {
      r.remove(at: 5)
      r.append(S.figure("f3", "2025", 2025, nil))
      top["records"] = .array(r)
      new = .object(top)
    }
    #expect(
      Self.diff(old: old, new: new) == [
        "document.lang: \"zh-Hans\" -> \"en\"",
        "- figure [43, 51) \"1198平方公里\": id \"f2\", qualifier null, sentence 0, unit \"km2\", value 1198, value_max null",
        "+ figure [21, 25) \"2025\": id \"f3\", qualifier null, sentence 0, unit null, value 2025, value_max null",
        "~ figure [35, 38) \"30家\": value 30 -> 31",
      ])
  }
}

import Foundation
import Testing

@testable import PressFacts

/// Where output files go: under the output directory, mirrored by id, and
/// nowhere else, whatever the ids and whatever is already in the directory.
@Suite struct OutputWriterTests {
  /// A sandbox holding only `out/`, and the writer for it.
  static func sandbox() throws -> (root: URL, writer: OutputWriter) {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "pf-out-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    return (root, try OutputWriter(directory: root.appendingPathComponent("out").path))
  }

  /// Every path below `root`, relative, sorted.
  static func tree(_ root: URL) -> [String] {
    (FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String } ?? []).sorted()
  }

  /// `count` ids made of pieces a hostile batch uses, from a fixed seed.
  static func hostileIDs(_ count: Int) -> [String] {
    let pieces = [
      "..", ".", "", "/", "//", "a", "x", "\\", "\u{0}", "\n", "\u{85}", "~", "%2e%2e", " ", "./",
      "../", "中", ".x", "x.json", ".json.tmp-1", String(repeating: "长", count: 80), "\u{202E}",
    ]
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    func next(_ n: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(n))
    }
    return (0..<count).map { _ in
      (0...next(6)).map { _ in pieces[next(pieces.count)] }.joined()
    }
  }

  @Test("1,000 hostile ids: invalid ones are refused, nothing appears outside the directory")
  func hostileIDsStayInside() throws {
    let (root, writer) = try Self.sandbox()
    var written = Set<String>()
    for id in Self.hostileIDs(1000) {
      do {
        try writer.write(Array("{}".utf8), id: id)
        #expect(DocumentID.isValid(id), "wrote invalid id \(id.debugDescription)")
        written.insert(id + ".json")
      } catch {
        if DocumentID.isValid(id) {
          // A valid id may still meet a file of the id before it (x vs x.json/…).
          #expect("\(error)".contains("in the way") || "\(error)".contains("not a directory"))
        }
      }
    }
    let tree = Self.tree(root)
    #expect(tree.allSatisfy { $0 == "out" || $0.hasPrefix("out/") })
    #expect(!tree.contains { $0.split(separator: "/").contains { $0.hasPrefix(".") } })
    let files = Set(
      tree.filter { path in
        var isDirectory: ObjCBool = false
        _ = FileManager.default.fileExists(
          atPath: root.path + "/" + path, isDirectory: &isDirectory)
        return !isDirectory.boolValue
      }.map { String($0.dropFirst(4)) })
    #expect(files.isSubset(of: written))
    #expect(!written.isEmpty)
  }

  @Test("id a/x is written as a/x.json; a symbolic link in the tree is not followed")
  func nestedAndLinks() throws {
    let (root, writer) = try Self.sandbox()
    try writer.write(Array("{}".utf8), id: "a/x")
    #expect(FileManager.default.fileExists(atPath: root.path + "/out/a/x.json"))
    let elsewhere = root.appendingPathComponent("elsewhere")
    try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(
      atPath: root.path + "/out/link", withDestinationPath: elsewhere.path)
    #expect(throws: PipelineError.self) { try writer.write(Array("{}".utf8), id: "link/x") }
    #expect(Self.tree(elsewhere).isEmpty)
  }

  @Test("a file where a directory is needed is said in words")
  func fileInTheWay() throws {
    let (_, writer) = try Self.sandbox()
    try writer.write(Array("{}".utf8), id: "a")
    do {
      try writer.write(Array("{}".utf8), id: "a.json/x")
      Issue.record("wrote through a file")
    } catch {
      #expect("\(error)".contains("is a file or a symbolic link, not a directory"))
    }
  }
}

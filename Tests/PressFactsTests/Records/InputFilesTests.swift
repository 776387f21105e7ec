import Foundation
import Testing

@testable import PressFacts

/// Listing input directories, reading input files, and the plain-words errors
/// for each file-system case a batch meets.
@Suite struct InputFilesTests {
  static func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "pf-in-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  static func write(_ text: String, _ relative: String, in dir: URL) throws {
    let url = dir.appendingPathComponent(relative)
    try FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url)
  }

  @Test("files of the same name in two subfolders get two ids: their relative paths")
  func collidingBaseNames() throws {
    let dir = try Self.temporaryDirectory()
    try Self.write("今年投资30亿元。", "a/x.txt", in: dir)
    try Self.write("The plant cost $5 million.", "b/x.txt", in: dir)
    try Self.write("x", "b/notes.md", in: dir)
    let listed = InputFiles.list([dir.path])
    #expect(listed.problems.isEmpty)
    #expect(listed.files.map(\.id) == ["a/x", "b/x"])
    #expect(listed.files.map(\.path) == [dir.path + "/a/x.txt", dir.path + "/b/x.txt"])
  }

  @Test("a file named directly keeps its base name as id; a trailing slash changes nothing")
  func singleFileAndSlash() throws {
    let dir = try Self.temporaryDirectory()
    try Self.write("x", "doc.txt", in: dir)
    #expect(
      InputFiles.list([dir.path + "/doc.txt"]).files == [InputFile(path: dir.path + "/doc.txt")])
    #expect(InputFiles.list([dir.path + "/"]).files.map(\.path) == [dir.path + "/doc.txt"])
  }

  @Test("hidden entries are skipped; a directory named like a text file is a directory")
  func hiddenAndDirectoryNamedTxt() throws {
    let dir = try Self.temporaryDirectory()
    try Self.write("x", ".draft.txt", in: dir)
    try Self.write("x", ".git/HEAD.txt", in: dir)
    try Self.write("x", "notes.txt/inner.txt", in: dir)
    let listed = InputFiles.list([dir.path])
    #expect(listed.files.map(\.id) == ["notes.txt/inner"])
    #expect(listed.problems.isEmpty)
  }

  @Test("a name that is not valid UTF-8 is one plain error, and the rest are listed")
  func invalidUTF8Name() throws {
    let dir = try Self.temporaryDirectory()
    try Self.write("x", "good.txt", in: dir)
    let name = Array(dir.path.utf8) + Array("/bad".utf8) + [0xFF] + Array(".txt".utf8) + [0]
    let fd = name.withUnsafeBufferPointer { p in
      p.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_CREAT | O_WRONLY, 0o644) }
    }
    try #require(fd >= 0)
    close(fd)
    let listed = InputFiles.list([dir.path])
    #expect(listed.files.map(\.id) == ["good"])
    #expect(listed.problems.count == 1)
    #expect("\(listed.problems.first!)".contains("not valid UTF-8"))
  }

  @Test("a FIFO named like a text file is refused at once, without blocking")
  func fifo() throws {
    let dir = try Self.temporaryDirectory()
    try #require(mkfifo(dir.path + "/pipe.txt", 0o644) == 0)
    let listed = InputFiles.list([dir.path])
    #expect(listed.files.map(\.id) == ["pipe"])
    #expect(
      throws: PipelineError.unreadable(
        file: dir.path + "/pipe.txt", reason: "is a FIFO (named pipe), not a regular file; skipped")
    ) {
      try FileProblem.read(dir.path + "/pipe.txt", listed: true)
    }
  }

  @Test("a directory, a device, a vanished and a missing file: each said in plain words")
  func plainWords() throws {
    let dir = try Self.temporaryDirectory()
    func reason(_ path: String, listed: Bool = false) -> String {
      do {
        _ = try FileProblem.read(path, listed: listed)
        return "read"
      } catch {
        guard case .unreadable(_, let reason) = error else { return "\(error)" }
        return reason
      }
    }
    #expect(reason(dir.path) == "is a directory, not a text file; skipped")
    #expect(reason("/dev/null") == "is a device, not a regular file; skipped")
    #expect(reason(dir.path + "/gone.txt", listed: true).contains("vanished during the batch"))
    #expect(reason(dir.path + "/typo.txt") == "no such file or directory")
  }

  @Test("errno and Foundation errors are words, never an error domain and a number")
  func errorWords() {
    #expect(FileProblem.words(errno: EACCES) == "permission denied")
    #expect(FileProblem.words(errno: EISDIR) == "is a directory")
    let cocoa = NSError(domain: NSCocoaErrorDomain, code: NSFileReadUnknownError)
    #expect(!Batch.reason(cocoa).contains("NSCocoaErrorDomain"))
    let denied = NSError(domain: NSCocoaErrorDomain, code: NSFileReadNoPermissionError)
    #expect(Batch.reason(denied) == "permission denied")
  }

  @Test("a file without read permission is 'permission denied' (skipped when run as root)")
  func permissionDenied() throws {
    guard geteuid() != 0 else { return }  // root reads anything
    let dir = try Self.temporaryDirectory()
    try Self.write("x", "locked.txt", in: dir)
    chmod(dir.path + "/locked.txt", 0)
    #expect(
      throws: PipelineError.unreadable(file: dir.path + "/locked.txt", reason: "permission denied")
    ) {
      try FileProblem.read(dir.path + "/locked.txt")
    }
  }
}

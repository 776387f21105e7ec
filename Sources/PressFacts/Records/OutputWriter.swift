import CFileSync
import Foundation

/// Writes one `ID.json` per document into a directory; id `a/x` is
/// `a/x.json` in a subdirectory made as needed. Each file is written to a
/// temporary name in its directory and renamed over the final name, so a
/// reader (or a crash) never sees a half-written file.
///
/// Nothing is ever created outside the directory: ids follow `DocumentID`'s
/// rule (checked again here), and every step below the directory goes through
/// `openat` from a descriptor of it, never following a symbolic link, so a
/// link planted in the output tree cannot redirect a write either.
public struct OutputWriter: Sendable {
  public let directory: URL
  private let handle: DirectoryHandle

  public init(directory: String) throws {
    self.directory = URL(fileURLWithPath: directory, isDirectory: true)
    do {
      try FileManager.default.createDirectory(at: self.directory, withIntermediateDirectories: true)
    } catch {
      // Foundation's message here is generic; mkdir's errno says what is wrong.
      let reason =
        mkdir(directory, 0o777) != 0 ? FileProblem.words(errno: errno) : Batch.reason(error)
      throw PipelineError.unwritable(file: directory, reason: reason)
    }
    let fd = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard fd >= 0 else {
      throw PipelineError.unwritable(file: directory, reason: FileProblem.words(errno: errno))
    }
    handle = DirectoryHandle(fd: fd)
  }

  public func url(for id: String) -> URL { directory.appendingPathComponent(id + ".json") }

  /// Whether `ID.json` is there, parses, and was made from a source with this
  /// SHA-256: what `--resume` skips. Files are only ever renamed into place
  /// whole, so one that exists is complete; the hash catches a changed source.
  public func isComplete(id: String, sourceSHA256: String) -> Bool {
    guard DocumentID.isValid(id), let data = try? Data(contentsOf: url(for: id)),
      let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
      let document = object["document"] as? [String: Any]
    else { return false }
    return document["sha256"] as? String == sourceSHA256 && object["records"] is [Any]
  }

  /// Removes temporary files left by a writer that was killed mid-write.
  public func removeStaleTemporaries() {
    let names = FileManager.default.enumerator(atPath: directory.path)?.compactMap { $0 as? String }
    for name in names ?? [] {
      let last = (name as NSString).lastPathComponent
      guard last.hasPrefix("."), last.contains(".json.tmp-") else { continue }
      try? FileManager.default.removeItem(at: directory.appendingPathComponent(name))
    }
  }

  /// Writes `bytes` as `ID.json`, atomically: a temporary file, then a rename.
  ///
  /// No fsync per file: Foundation's `Data.write` syncs every file, and on ext4
  /// each sync made the next file's creation wait for a journal commit (about
  /// 1 ms per file, as long as extracting it). The rename alone keeps a killed
  /// batch from leaving a half-written file; `synchronize()` makes the whole
  /// batch durable once at the end, and `--resume` re-checks every file's content
  /// and source hash, so a file lost to a power cut is made again.
  public func write(_ bytes: [UInt8], id: String) throws {
    let final = url(for: id)
    if let problem = DocumentID.problem(id) {
      throw PipelineError.unwritable(file: final.path, reason: "invalid id: \(problem)")
    }
    var parts = id.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
    let leaf = parts.removeLast() + ".json"
    let temporary = ".\(leaf).tmp-\(getpid())"
    let dir = try openParent(parts, for: final.path)
    defer { if dir != handle.fd { close(dir) } }
    do {
      try Self.create(temporary, in: dir, with: bytes)
      if renameat(dir, temporary, dir, leaf) != 0 { throw POSIXError.fromErrno() }
    } catch {
      unlinkat(dir, temporary, 0)
      let reason =
        (error as? POSIXError)?.code == .EISDIR
        ? "a directory of that name is in the way" : Batch.reason(error)
      throw PipelineError.unwritable(file: final.path, reason: reason)
    }
  }

  /// A descriptor of the directory `parts` below the output directory, made
  /// as needed; each step refuses a symbolic link or a file in the way.
  private func openParent(_ parts: [String], for file: String) throws -> Int32 {
    var current = handle.fd
    var walked = directory.path
    for part in parts {
      walked += "/" + part
      var next = openat(current, part, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
      if next < 0 && errno == ENOENT {
        if mkdirat(current, part, 0o777) != 0 && errno != EEXIST {
          let reason = FileProblem.words(errno: errno)
          if current != handle.fd { close(current) }
          throw PipelineError.unwritable(file: file, reason: "cannot make \(walked)/: \(reason)")
        }
        next = openat(current, part, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
      }
      let code = errno
      if current != handle.fd { close(current) }
      guard next >= 0 else {
        let reason =
          code == ENOTDIR || code == ELOOP
          ? "\(walked) is a file or a symbolic link, not a directory"
          : FileProblem.words(errno: code)
        throw PipelineError.unwritable(file: file, reason: reason)
      }
      current = next
    }
    return current
  }

  /// Flushes everything written to the directory's file system to disk (one
  /// syncfs for the batch, instead of one fsync per file).
  public func synchronize() {
    _ = pf_syncfs(handle.fd)
  }

  private static func create(_ name: String, in dir: Int32, with bytes: [UInt8]) throws {
    let fd = openat(dir, name, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0o644)
    guard fd >= 0 else { throw POSIXError.fromErrno() }
    var failure: Error?
    do { try FileDescriptor.write(bytes, to: fd) } catch { failure = error }
    let closed = close(fd)
    if let failure { throw failure }
    if closed != 0 { throw POSIXError.fromErrno() }
  }
}

/// The output directory's descriptor, open as long as a writer that shares it.
private final class DirectoryHandle: Sendable {
  let fd: Int32
  init(fd: Int32) { self.fd = fd }
  deinit { close(fd) }
}

/// Writing to a file descriptor without Foundation's `FileHandle.write`, which
/// traps on a failed write (a full disk, a file-size limit) instead of throwing.
public enum FileDescriptor {
  /// Writes all of `bytes` to `fd`, through short writes and EINTR.
  public static func write(_ bytes: [UInt8], to fd: Int32) throws {
    try bytes.withUnsafeBytes { buffer in
      var written = 0
      while written < buffer.count {
        let n = Glibc.write(fd, buffer.baseAddress! + written, buffer.count - written)
        if n < 0 {
          if errno == EINTR { continue }
          throw POSIXError.fromErrno()
        }
        written += n
      }
    }
  }
}

extension POSIXError {
  /// The error in errno, for `Batch.reason` to word.
  static func fromErrno() -> POSIXError { POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
}

/// Loads resource files (lexicons, unit tables, the schema) shipped in the
/// package's `Resources/` folder.
public enum ResourceFiles {
  public static func url(_ name: String) -> URL? {
    let base = (name as NSString).deletingPathExtension
    let ext = (name as NSString).pathExtension
    return Bundle.module.url(forResource: base, withExtension: ext, subdirectory: "Resources")
  }

  public static func data(_ name: String) throws -> Data {
    guard let url = url(name), let data = try? Data(contentsOf: url) else {
      throw PipelineError.badResource(file: name, entry: 0, reason: "resource file missing")
    }
    return data
  }
}

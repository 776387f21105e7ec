import CFileSync
import Foundation

/// Writes one `ID.json` per document into a directory. Each file is written to
/// a temporary name in the same directory and renamed over the final name, so a
/// reader (or a crash) never sees a half-written file.
public struct OutputWriter: Sendable {
  public let directory: URL

  public init(directory: String) throws {
    self.directory = URL(fileURLWithPath: directory, isDirectory: true)
    do {
      try FileManager.default.createDirectory(at: self.directory, withIntermediateDirectories: true)
    } catch {
      // Foundation's message here is generic; mkdir's errno says what is wrong.
      let reason =
        mkdir(directory, 0o777) != 0 ? String(cString: strerror(errno)) : Batch.reason(error)
      throw PipelineError.unwritable(file: directory, reason: reason)
    }
  }

  public func url(for id: String) -> URL { directory.appendingPathComponent(id + ".json") }

  /// Whether `ID.json` is there, parses, and was made from a source with this
  /// SHA-256: what `--resume` skips. Files are only ever renamed into place
  /// whole, so one that exists is complete; the hash catches a changed source.
  public func isComplete(id: String, sourceSHA256: String) -> Bool {
    guard let data = try? Data(contentsOf: url(for: id)),
      let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
      let document = object["document"] as? [String: Any]
    else { return false }
    return document["sha256"] as? String == sourceSHA256 && object["records"] is [Any]
  }

  /// Removes temporary files left by a writer that was killed mid-write.
  public func removeStaleTemporaries() {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
    for name in names where name.hasPrefix(".") && name.contains(".json.tmp-") {
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
    let temporary = directory.appendingPathComponent(".\(id).json.tmp-\(getpid())")
    do {
      try Self.create(temporary.path, with: bytes)
      if rename(temporary.path, final.path) != 0 { throw POSIXError.fromErrno() }
    } catch {
      unlink(temporary.path)
      throw PipelineError.unwritable(file: final.path, reason: Batch.reason(error))
    }
  }

  /// Flushes everything written to the directory's file system to disk (one
  /// syncfs for the batch, instead of one fsync per file).
  public func synchronize() {
    let fd = open(directory.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard fd >= 0 else { return }
    _ = pf_syncfs(fd)
    close(fd)
  }

  private static func create(_ path: String, with bytes: [UInt8]) throws {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard fd >= 0 else { throw POSIXError.fromErrno() }
    var failure: Error?
    do { try FileDescriptor.write(bytes, to: fd) } catch { failure = error }
    let closed = close(fd)
    if let failure { throw failure }
    if closed != 0 { throw POSIXError.fromErrno() }
  }
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

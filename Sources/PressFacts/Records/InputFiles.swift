import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// One input file and the id its document gets.
public struct InputFile: Sendable, Equatable {
  public var path: String
  /// The path relative to the directory named on the command line, without
  /// `.txt`; nil for a file named directly (its base name is the id).
  public var id: String?

  public init(path: String, id: String? = nil) {
    self.path = path
    self.id = id
  }
}

/// Lists the inputs named on a command line: a file is itself; a directory is
/// every `*.txt` below it, in sorted path order, each with its path relative to
/// the directory (without `.txt`) as id, so `a/x.txt` and `b/x.txt` never share
/// one. Hidden entries (names starting with ".") are skipped, as is every
/// symbolic link to a directory (no cycles); a name that is not valid UTF-8 is
/// a problem to report, not an input, since no id or path could name it.
public enum InputFiles {
  public static func expand(_ paths: [String]) -> [String] { list(paths).files.map(\.path) }

  /// The files, and what could not be listed (one error per name skipped).
  public static func list(_ paths: [String]) -> (files: [InputFile], problems: [PipelineError]) {
    var files = [InputFile]()
    var problems = [PipelineError]()
    for path in paths {
      var info = stat()
      guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else {
        files.append(InputFile(path: path))
        continue
      }
      let prefix = path.hasSuffix("/") && path.count > 1 ? String(path.dropLast()) : path
      var found = [InputFile]()
      walk(directory: prefix, relative: "", into: &found, problems: &problems)
      files += found.sorted { $0.path < $1.path }
    }
    return (files, problems)
  }

  /// Adds the `*.txt` entries below `directory` (`relative` is its path from
  /// the listed root, "" or ending in "/").
  private static func walk(
    directory: String, relative: String, into found: inout [InputFile],
    problems: inout [PipelineError]
  ) {
    guard let dir = opendir(directory) else {
      problems.append(.unreadable(file: directory, reason: FileProblem.words(errno: errno)))
      return
    }
    defer { closedir(dir) }
    while let entry = readdir(dir) {
      let nameBytes = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        Array(raw.prefix { $0 != 0 })
      }
      guard nameBytes.first != 0x2E else { continue }  // ".", "..", hidden
      let type = entryType(entry.pointee.d_type, directory: directory, name: nameBytes)
      guard type == .directory || nameBytes.count > 4 && nameBytes.suffix(4).elementsEqual(txt)
      else { continue }
      guard let name = String(validating: nameBytes, as: UTF8.self) else {
        // Shown with the bytes beyond ASCII as \xNN, since they are no text.
        let shown =
          directory + "/"
          + nameBytes.map { $0 < 0x80 ? String(UnicodeScalar($0)) : String(format: "\\x%02X", $0) }
          .joined()
        problems.append(
          .unreadable(
            file: shown, reason: "the file name is not valid UTF-8; skipped (rename it to read it)")
        )
        continue
      }
      let path = directory + "/" + name
      if type == .directory {
        walk(directory: path, relative: relative + name + "/", into: &found, problems: &problems)
      } else if type != .linkToDirectory {
        found.append(InputFile(path: path, id: relative + String(name.dropLast(4))))
      }
    }
  }

  private static let txt: [UInt8] = Array(".txt".utf8)

  private enum EntryType { case directory, linkToDirectory, other }

  private static func entryType(_ dType: UInt8, directory: String, name: [UInt8]) -> EntryType {
    if dType == UInt8(DT_DIR) { return .directory }
    guard dType == UInt8(DT_LNK) || dType == UInt8(DT_UNKNOWN) else { return .other }
    var info = stat()
    let path = Array(directory.utf8) + [0x2F] + name + [0]
    let isLink = dType == UInt8(DT_LNK)
    let ok = path.withUnsafeBufferPointer { p in
      p.withMemoryRebound(to: CChar.self) { stat($0.baseAddress!, &info) == 0 }
    }
    guard ok, info.st_mode & S_IFMT == S_IFDIR else { return .other }
    return isLink ? .linkToDirectory : .directory
  }
}

/// Reads input files, and words what goes wrong with them plainly: a batch
/// meets directories named like text files, FIFOs, sockets, devices, files
/// without permission and files deleted while it runs, and each must be one
/// clear message on that file, never a hang or a Foundation error domain.
public enum FileProblem {
  /// The bytes of a regular file. A FIFO, socket or device is refused from
  /// its `stat` before any `open` (a FIFO would block the batch), and the file
  /// is opened non-blocking in case it was swapped for one in between.
  /// `listed` says the path came from a directory listing, so that a missing
  /// file is one that vanished during the batch.
  public static func read(_ path: String, listed: Bool = false) throws(PipelineError) -> [UInt8] {
    var info = stat()
    guard stat(path, &info) == 0 else {
      throw unreadable(path, errno: errno, listed: listed)
    }
    if let kind = notRegular(info.st_mode) { throw .unreadable(file: path, reason: kind) }
    let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
    guard fd >= 0 else { throw unreadable(path, errno: errno, listed: listed) }
    defer { close(fd) }
    guard fstat(fd, &info) == 0 else { throw unreadable(path, errno: errno, listed: listed) }
    if let kind = notRegular(info.st_mode) { throw .unreadable(file: path, reason: kind) }
    var bytes = [UInt8](repeating: 0, count: max(Int(info.st_size), 0) + 1)
    var count = 0
    while true {
      if count == bytes.count { bytes += [UInt8](repeating: 0, count: max(bytes.count, 4096)) }
      let n = bytes.withUnsafeMutableBytes {
        Glibc.read(fd, $0.baseAddress! + count, $0.count - count)
      }
      if n < 0 {
        if errno == EINTR || errno == EAGAIN { continue }
        throw unreadable(path, errno: errno, listed: listed)
      }
      if n == 0 { break }
      count += n
    }
    bytes.removeSubrange(count...)
    return bytes
  }

  /// Why a file of this mode is no input, or nil for a regular file.
  static func notRegular(_ mode: mode_t) -> String? {
    switch mode & S_IFMT {
    case S_IFREG: return nil
    case S_IFDIR: return "is a directory, not a text file; skipped"
    case S_IFIFO: return "is a FIFO (named pipe), not a regular file; skipped"
    case S_IFSOCK: return "is a socket, not a regular file; skipped"
    case S_IFCHR, S_IFBLK: return "is a device, not a regular file; skipped"
    default: return "is not a regular file; skipped"
    }
  }

  static func unreadable(_ path: String, errno code: Int32, listed: Bool) -> PipelineError {
    if listed && code == ENOENT {
      return .unreadable(
        file: path, reason: "the file vanished during the batch (listed, then gone)")
    }
    return .unreadable(file: path, reason: words(errno: code))
  }

  /// An errno in plain words: the C library's, with the common cases said the
  /// way a user would look for them.
  public static func words(errno code: Int32) -> String {
    switch code {
    case EACCES, EPERM: return "permission denied"
    case ENOENT: return "no such file or directory"
    case EISDIR: return "is a directory"
    case ENOTDIR: return "a part of the path is a file, not a directory"
    case ELOOP: return "too many symbolic links (a loop?)"
    case ENAMETOOLONG: return "the name is too long for the file system"
    case ENOSPC: return "no space left on the device"
    case EDQUOT: return "the disk quota is exceeded"
    case EROFS: return "the file system is read-only"
    case EFBIG: return "the file is too large (file-size limit)"
    case EMFILE, ENFILE: return "too many open files"
    case EEXIST: return "a file of that name is in the way"
    default: return String(cString: strerror(code))
    }
  }
}

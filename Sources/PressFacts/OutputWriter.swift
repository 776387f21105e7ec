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
      throw PipelineError.unwritable(file: directory, reason: Batch.reason(error))
    }
  }

  public func url(for id: String) -> URL { directory.appendingPathComponent(id + ".json") }

  /// Writes `bytes` as `ID.json`, atomically.
  public func write(_ bytes: [UInt8], id: String) throws {
    let final = url(for: id)
    let temporary = directory.appendingPathComponent(".\(id).json.tmp-\(getpid())")
    do {
      try Data(bytes).write(to: temporary)
      if rename(temporary.path, final.path) != 0 {
        throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
      }
    } catch {
      try? FileManager.default.removeItem(at: temporary)
      throw PipelineError.unwritable(file: final.path, reason: Batch.reason(error))
    }
  }
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

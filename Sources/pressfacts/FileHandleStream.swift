import Foundation
import PressFacts

/// Writes to standard output and standard error. Not through `FileHandle.write`,
/// which traps when the write fails: output to a full disk ends the run with a
/// message and exit status 1 instead of an illegal instruction.
enum FileHandleStream {
  case standardOutput, standardError

  func write(_ string: String) { write(Array(string.utf8)) }
  func write(_ data: Data) { write([UInt8](data)) }

  func write(_ bytes: [UInt8]) {
    do {
      try FileDescriptor.write(bytes, to: self == .standardOutput ? 1 : 2)
    } catch {
      guard self == .standardOutput else { return }  // no stream left to report on
      FileHandleStream.standardError.write(
        "<stdout>: error: cannot write: \(Batch.reason(error))\n")
      exit(1)
    }
  }
}

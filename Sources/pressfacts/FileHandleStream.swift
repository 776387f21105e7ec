import Foundation

/// Buffered writes to standard output and standard error.
enum FileHandleStream {
  case standardOutput, standardError

  var handle: FileHandle {
    self == .standardOutput ? FileHandle.standardOutput : FileHandle.standardError
  }

  func write(_ string: String) { handle.write(Data(string.utf8)) }
  func write(_ data: Data) { handle.write(data) }
  func write(_ bytes: [UInt8]) { handle.write(Data(bytes)) }
}

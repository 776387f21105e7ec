#if canImport(Glibc)
  import Glibc
#endif

/// Reads a JSON Lines stream from a file descriptor as a lazy sequence of
/// input items, one line at a time in 1 MiB reads, so a stream of any length
/// is processed in bounded memory. Blank lines are skipped; line numbers count them.
public struct JSONLinesReader: Sequence, IteratorProtocol {
  public let source: String
  private let fd: Int32
  private var buffer = [UInt8]()
  private var position = 0
  private var line = 0
  private var atEnd = false

  public init(fd: Int32, source: String = "<stdin>") {
    self.fd = fd
    self.source = source
  }

  public mutating func next() -> InputItem? {
    while true {
      guard let bytes = nextLine() else { return nil }
      line += 1
      if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
      return .jsonLine(source: source, line: line, bytes: bytes)
    }
  }

  private mutating func nextLine() -> [UInt8]? {
    while true {
      if let newline = nextNewline() {
        let line = Array(buffer[position..<newline])
        position = newline + 1
        return line
      }
      if atEnd {
        guard position < buffer.count else { return nil }
        let line = Array(buffer[position...])
        position = buffer.count
        return line
      }
      buffer.removeSubrange(0..<position)
      position = 0
      fill()
    }
  }

  /// The index of the next line feed at or after `position` (memchr: a document
  /// line is kilobytes long).
  private func nextNewline() -> Int? {
    buffer.withUnsafeBufferPointer { b in
      guard position < b.count, let base = b.baseAddress,
        let hit = memchr(base + position, 0x0A, b.count - position)
      else { return nil }
      return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
    }
  }

  private mutating func fill() {
    let chunk = 1 << 20
    let old = buffer.count
    buffer.append(contentsOf: repeatElement(0, count: chunk))
    let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress! + old, chunk) }
    buffer.removeSubrange((old + Swift.max(n, 0))...)
    if n <= 0 { atEnd = true }
  }
}

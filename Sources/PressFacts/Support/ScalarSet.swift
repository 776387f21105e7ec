/// A set of code points tested with one bit read.
///
/// The scanners ask "is this character a break, a cue start, a numeral?" at every
/// position of every document; `Set<UInt32>` hashes each question (SipHash), which
/// cost more than the scans themselves. Here a BMP member is a bit in a table sized
/// to the largest member (at most 8 KB), and the rare member outside the BMP is
/// found in a short sorted list.
struct ScalarSet: Sendable, ExpressibleByArrayLiteral {
  private var bits: [UInt64] = []
  private var astral: [UInt32] = []

  init() {}

  init<S: Sequence>(_ members: S) where S.Element == UInt32 {
    for c in members { insert(c) }
  }

  init(arrayLiteral members: UInt32...) { self.init(members) }

  /// The code points of `text`, as written (no normalization).
  init(scalarsOf text: String) { self.init(text.unicodeScalars.map(\.value)) }

  mutating func insert(_ c: UInt32) {
    guard c < 0x10000 else {
      if !astral.contains(c) {
        astral.append(c)
        astral.sort()
      }
      return
    }
    let word = Int(c >> 6)
    if word >= bits.count { bits += [UInt64](repeating: 0, count: word + 1 - bits.count) }
    bits[word] |= 1 << UInt64(c & 63)
  }

  @inline(__always) func contains(_ c: UInt32) -> Bool {
    let word = Int(c >> 6)
    if word < bits.count { return bits[word] & (1 << UInt64(c & 63)) != 0 }
    return c >= 0x10000 && !astral.isEmpty && astral.contains(c)
  }
}

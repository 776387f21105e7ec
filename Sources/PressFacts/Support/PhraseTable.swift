/// A set of phrases (normalized code points) looked up by the code point they
/// end or start with, so that a scan can ask "which phrase ends here?" at every
/// position with one dictionary look-up and a few comparisons, without building
/// strings. Buckets are kept longest first: the first hit is the longest.
struct PhraseTable: Sendable {
  private(set) var phrases: [[UInt32]] = []
  private var byLast: [UInt32: [Int32]] = [:]
  private var byFirst: [UInt32: [Int32]] = [:]
  /// The code points some phrase ends (starts) with: lets the scan skip the
  /// dictionary look-up for almost every character of a text.
  private var lastScalars = ScalarSet()
  private var firstScalars = ScalarSet()

  init() {}

  init(_ texts: [String]) {
    for t in texts { insert(t) }
  }

  var count: Int { phrases.count }

  /// Adds `text` (folded to the normalized view) and returns its index; a phrase
  /// already present keeps its index, so a later entry can update its payload.
  @discardableResult
  mutating func insert(_ text: String) -> Int {
    let p = PhraseTable.normalize(text)
    guard let first = p.first, let last = p.last else { return -1 }
    if let existing = byFirst[first]?.first(where: { phrases[Int($0)] == p }) {
      return Int(existing)
    }
    let index = Int32(phrases.count)
    phrases.append(p)
    Self.add(index, to: &byLast[last, default: []], lengths: phrases)
    Self.add(index, to: &byFirst[first, default: []], lengths: phrases)
    lastScalars.insert(last)
    firstScalars.insert(first)
    return Int(index)
  }

  private static func add(_ index: Int32, to bucket: inout [Int32], lengths: [[UInt32]]) {
    let n = lengths[Int(index)].count
    let at = bucket.firstIndex { lengths[Int($0)].count < n } ?? bucket.endIndex
    bucket.insert(index, at: at)
  }

  /// The lexicon text in the view the extractors match on (width folded, Simplified).
  static func normalize(_ text: String) -> [UInt32] {
    NormalizedText(original: text.unicodeScalars.map(\.value)).scalars
  }

  func length(_ index: Int) -> Int { phrases[index].count }

  /// The longest phrase that ends just before `end` in `s` and starts at or after `lowerBound`.
  /// The scans ask this at nearly every position and almost every answer is a
  /// bit test's "no": that test is inlined into the caller, the rest is not.
  @inline(__always)
  func longestEnding(at end: Int, in s: [UInt32], lowerBound: Int = 0) -> Int? {
    guard end > lowerBound, end <= s.count, lastScalars.contains(s[end - 1]) else { return nil }
    return bucketEnding(at: end, in: s, lowerBound: lowerBound)
  }

  @inline(never)
  private func bucketEnding(at end: Int, in s: [UInt32], lowerBound: Int) -> Int? {
    guard let bucket = byLast[s[end - 1]] else { return nil }
    for i in bucket {
      let p = phrases[Int(i)]
      if end - p.count >= lowerBound && matches(p, s, at: end - p.count) { return Int(i) }
    }
    return nil
  }

  /// Every phrase that ends just before `end`, longest first.
  func allEnding(at end: Int, in s: [UInt32], lowerBound: Int = 0) -> [Int] {
    guard end > lowerBound, end <= s.count, lastScalars.contains(s[end - 1]),
      let bucket = byLast[s[end - 1]]
    else { return [] }
    return bucket.lazy.map(Int.init).filter {
      end - self.phrases[$0].count >= lowerBound
        && self.matches(self.phrases[$0], s, at: end - self.phrases[$0].count)
    }
  }

  /// The longest phrase that starts at `start` in `s` and ends at or before `upperBound`
  /// (the bit test inlined, as in `longestEnding`).
  @inline(__always)
  func longestStarting(at start: Int, in s: [UInt32], upperBound: Int? = nil) -> Int? {
    let limit = upperBound ?? s.count
    guard start >= 0, start < limit, firstScalars.contains(s[start]) else { return nil }
    return bucketStarting(at: start, in: s, limit: limit)
  }

  @inline(never)
  private func bucketStarting(at start: Int, in s: [UInt32], limit: Int) -> Int? {
    guard let bucket = byFirst[s[start]] else { return nil }
    for i in bucket {
      let p = phrases[Int(i)]
      if start + p.count <= limit && matches(p, s, at: start) { return Int(i) }
    }
    return nil
  }

  @inline(__always) private func matches(_ p: [UInt32], _ s: [UInt32], at start: Int) -> Bool {
    guard start >= 0, start + p.count <= s.count else { return false }
    for k in 0..<p.count where s[start + k] != p[k] { return false }
    return true
  }
}

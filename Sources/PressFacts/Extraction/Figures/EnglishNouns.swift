import Foundation

/// English counted nouns, for figures in English text ("135 industrial projects",
/// "12 million new urban jobs"): the head noun in the plural ends the figure and,
/// in the singular, is its unit. Built once from `Resources/english-words.json`
/// (WordNet 3.0's nouns and irregular plurals, English closed-class words), on
/// the first English document: Chinese text never loads it.
final class EnglishNouns: Sendable {
  /// Plural forms (regular plurals made from the nouns, and WordNet's irregular
  /// ones); the value is the index of the singular in `singulars`.
  let plurals: WordIndex
  /// The singular nouns, as one byte buffer and the bounds of each.
  let singularBytes: [UInt8]
  let singularStarts: [Int32]
  let singularEnds: [Int32]
  /// Words that end the modifiers between a number and its noun (of, the, were ...).
  let closedClass: WordIndex
  /// Nouns that label a number rather than count it: phase four, Line 3, Article 5.
  let labels: WordIndex

  /// Loaded on the first English number that may count something; the noun list
  /// is read as bytes (no string per noun), so loading costs a few milliseconds.
  static let shared: EnglishNouns = {
    do {
      return try EnglishNouns(
        words: ResourceFiles.data("english-words.json"),
        nouns: ResourceFiles.data("english-nouns.txt"))
    } catch {
      fatalError("english-words.json: \(error)")
    }
  }()

  private struct File: Decodable {
    let irregularPlurals: [String: String]
    let closedClass: [String]
    let labelNouns: [String]
  }

  init(words: Data, nouns: Data) throws {
    let file = try JSONDecoder().decode(File.self, from: words)
    var plurals = WordIndex(capacity: 64_000)
    var bytes = [UInt8](nouns)
    var starts = [Int32]()
    var ends = [Int32]()
    starts.reserveCapacity(64_000)
    ends.reserveCapacity(64_000)
    var plural = [UInt8]()
    // one pass over the bytes: each line is a noun, and the buffer keeps the singulars
    var lineStart = 0
    for k in bytes.indices where bytes[k] == 0x0A {
      if k > lineStart {
        Self.regularPlural(bytes[lineStart..<k], into: &plural)
        plurals.insert(plural, Int32(starts.count))
        starts.append(Int32(lineStart))
        ends.append(Int32(k))
      }
      lineStart = k + 1
    }
    for (p, singular) in file.irregularPlurals.sorted(by: { $0.key < $1.key }) {
      plurals.insert(Array(p.utf8), Int32(starts.count))
      starts.append(Int32(bytes.count))
      bytes.append(contentsOf: singular.utf8)
      ends.append(Int32(bytes.count))
    }
    self.plurals = plurals
    singularBytes = bytes
    singularStarts = starts
    singularEnds = ends
    var closed = WordIndex()
    for w in file.closedClass { closed.insert(Array(w.utf8), 0) }
    closedClass = closed
    var labels = WordIndex()
    for w in file.labelNouns { labels.insert(Array(w.utf8), 0) }
    self.labels = labels
  }

  /// The regular English plural of `noun` into `out`: -es after a sibilant (boxes,
  /// churches), -ies after a consonant and y (cities), else -s. Irregular ones
  /// come from the word list.
  static func regularPlural<C: Collection>(_ noun: C, into out: inout [UInt8])
  where C.Element == UInt8 {
    out.removeAll(keepingCapacity: true)
    out.append(contentsOf: noun)
    let n = out.count
    let last = out[n - 1]
    let sibilant =
      last == 0x73 || last == 0x78 || last == 0x7A
      || (n > 1 && (last == 0x68 && (out[n - 2] == 0x63 || out[n - 2] == 0x73)))
    if sibilant {
      out.append(contentsOf: [0x65, 0x73])  // es
    } else if last == 0x79, n > 1, !"aeiou".utf8.contains(out[n - 2]) {
      out.removeLast()
      out.append(contentsOf: [0x69, 0x65, 0x73])  // ies
    } else {
      out.append(0x73)
    }
  }

  /// Singular `i` is `singularBytes[singularStarts[i]..<singularEnds[i]]`.
  func singular(_ i: Int32) -> String {
    let a = Int(singularStarts[Int(i)])
    let b = Int(singularEnds[Int(i)])
    return String(decoding: singularBytes[a..<b], as: UTF8.self)
  }

  /// The singular of the word at `range` of `s` when it is a plural noun; a
  /// hyphenated compound is plural in its last part (gigawatt-hours → gigawatt-hour).
  func singular(ofPlural s: [UInt32], _ range: Range<Int>) -> String? {
    if let i = plurals.value(s, range) { return singular(i) }
    guard let dash = range.reversed().first(where: { s[$0] == 0x2D }),
      let i = plurals.value(s, (dash + 1)..<range.upperBound)
    else { return nil }
    var prefix = String.UnicodeScalarView()
    for k in range.lowerBound...dash { prefix.append(Unicode.Scalar(s[k] | 0x20) ?? "-") }
    return String(prefix) + singular(i)
  }
}

/// A set of lower-case ASCII words looked up straight from code points, without
/// building a string: the key is a 64-bit FNV-1a hash of the folded word, and
/// the word's bytes are kept to confirm a hit.
struct WordIndex: Sendable {
  private var slots: [UInt64: Int32] = [:]
  private var bytes: [UInt8] = []
  private var starts: [Int32] = [0]
  private var values: [Int32] = []

  init(capacity: Int = 0) {
    slots.reserveCapacity(capacity)
    starts.reserveCapacity(capacity + 1)
    values.reserveCapacity(capacity)
  }

  mutating func insert(_ key: [UInt8], _ value: Int32) {
    let h = Self.hash(key.lazy.map { UInt32($0) })
    if let existing = slots[h], equal(Int(existing), key.lazy.map { UInt32($0) }) {
      values[Int(existing)] = value
      return
    }
    bytes.append(contentsOf: key)
    starts.append(Int32(bytes.count))
    values.append(value)
    slots[h] = Int32(values.count - 1)
  }

  /// The value of the word at `range` of `s` (ASCII letters folded to lower case).
  func value(_ s: [UInt32], _ range: Range<Int>) -> Int32? {
    let word = s[range].lazy.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
    guard let i = slots[Self.hash(word)], equal(Int(i), word) else { return nil }
    return values[Int(i)]
  }

  func contains(_ s: [UInt32], _ range: Range<Int>) -> Bool { value(s, range) != nil }

  private func equal<C: Collection>(_ i: Int, _ word: C) -> Bool where C.Element == UInt32 {
    let a = Int(starts[i])
    let b = Int(starts[i + 1])
    guard b - a == word.count else { return false }
    return zip(bytes[a..<b], word).allSatisfy { UInt32($0) == $1 }
  }

  private static func hash<C: Sequence>(_ word: C) -> UInt64 where C.Element == UInt32 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for c in word {
      h ^= UInt64(c)
      h = h &* 0x100_0000_01b3
    }
    return h
  }
}

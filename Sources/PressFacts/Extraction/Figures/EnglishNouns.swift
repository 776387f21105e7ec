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
  let singulars: [String]
  /// Words that end the modifiers between a number and its noun (of, the, were ...).
  let closedClass: WordIndex
  /// Nouns that label a number rather than count it: phase four, Line 3, Article 5.
  let labels: WordIndex

  static let shared: EnglishNouns = {
    do { return try EnglishNouns(data: ResourceFiles.data("english-words.json")) } catch {
      fatalError("english-words.json: \(error)")
    }
  }()

  private struct File: Decodable {
    let nouns: [String]
    let irregularPlurals: [String: String]
    let closedClass: [String]
    let labelNouns: [String]
  }

  init(data: Data) throws {
    let file = try JSONDecoder().decode(File.self, from: data)
    var plurals = WordIndex()
    var singulars = [String]()
    var index = [String: Int32]()
    func add(_ plural: String, _ singular: String) {
      let i =
        index[singular]
        ?? {
          singulars.append(singular)
          index[singular] = Int32(singulars.count - 1)
          return Int32(singulars.count - 1)
        }()
      plurals.insert(plural, i)
    }
    for noun in file.nouns { add(Self.regularPlural(noun), noun) }
    for (plural, singular) in file.irregularPlurals.sorted(by: { $0.key < $1.key }) {
      add(plural, singular)
    }
    self.plurals = plurals
    self.singulars = singulars
    var closed = WordIndex()
    for w in file.closedClass { closed.insert(w, 0) }
    closedClass = closed
    var labels = WordIndex()
    for w in file.labelNouns { labels.insert(w, 0) }
    self.labels = labels
  }

  /// The regular English plural: -es after a sibilant (boxes, churches), -ies after
  /// a consonant and y (cities), else -s. Irregular ones come from the word list.
  static func regularPlural(_ noun: String) -> String {
    let sibilants = ["s", "x", "z", "ch", "sh"]
    if sibilants.contains(where: noun.hasSuffix) { return noun + "es" }
    if noun.hasSuffix("y"), noun.count > 1 {
      let before = noun[noun.index(noun.endIndex, offsetBy: -2)]
      if !"aeiou".contains(before) { return String(noun.dropLast()) + "ies" }
    }
    return noun + "s"
  }

  /// The singular of the word at `range` of `s` when it is a plural noun; a
  /// hyphenated compound is plural in its last part (gigawatt-hours → gigawatt-hour).
  func singular(ofPlural s: [UInt32], _ range: Range<Int>) -> String? {
    if let i = plurals.value(s, range) { return singulars[Int(i)] }
    guard let dash = range.reversed().first(where: { s[$0] == 0x2D }),
      let i = plurals.value(s, (dash + 1)..<range.upperBound)
    else { return nil }
    var prefix = String.UnicodeScalarView()
    for k in range.lowerBound...dash { prefix.append(Unicode.Scalar(s[k] | 0x20) ?? "-") }
    return String(prefix) + singulars[Int(i)]
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

  mutating func insert(_ word: String, _ value: Int32) {
    let key = Array(word.utf8)
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

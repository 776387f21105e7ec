import Foundation

/// A character trie over code points, matched forwards or backwards from a
/// position without allocating: the unit, measure-word and qualifier lexicons
/// are looked up at every number, so the look-up must cost a few array reads.
struct ScalarTrie<Value: Sendable>: Sendable {
  private var children: [[UInt32: Int32]] = [[:]]
  private var values: [Value?] = [nil]
  /// The first characters of the keys (as stored, ASCII lower case when folded):
  /// most positions start no key, and a bit read says so without hashing.
  private var roots = ScalarSet()

  /// Adds `key` (stored reversed when the trie is matched backwards).
  mutating func insert(_ key: [UInt32], _ value: Value) {
    var node = 0
    if let first = key.first { roots.insert(first) }
    for c in key {
      if let next = children[node][c] {
        node = Int(next)
      } else {
        children.append([:])
        values.append(nil)
        children[node][c] = Int32(children.count - 1)
        node = children.count - 1
      }
    }
    values[node] = value
  }

  /// The longest key that starts at `start` (forwards) or ends right before
  /// `start` (backwards, keys inserted reversed). `fold` lower-cases ASCII letters.
  /// `boundary(end)` must accept the position after the match (before it, backwards).
  func longestMatch(
    in s: [UInt32], at start: Int, backwards: Bool = false, fold: Bool = false,
    boundary: (Int) -> Bool = { _ in true }
  ) -> (value: Value, end: Int)? {
    var node = 0
    var i = start
    var best: (Value, Int)?
    while true {
      if !backwards, node != 0, i < s.count, s[i] == 0x20 {
        // Spaces inside a Chinese word (个 百 分点) are skipped; they end a Latin one.
        var k = i
        while k < s.count, s[k] == 0x20 { k += 1 }
        if k < s.count, s[k] >= 0x3000, s[i - 1] >= 0x3000 { i = k }
      }
      let k = backwards ? i - 1 : i
      guard k >= 0, k < s.count else { break }
      var c = s[k]
      if fold, c >= 0x41, c <= 0x5A { c |= 0x20 }
      if node == 0, !roots.contains(c) { break }
      guard let next = children[node][c] else { break }
      node = Int(next)
      i = backwards ? i - 1 : i + 1
      if let v = values[node], boundary(i) { best = (v, i) }
    }
    return best.map { (value: $0.0, end: $0.1) }
  }
}

/// What kind of unit a surface is: the extractor treats each differently (a
/// calendar word makes the number a date; a bare 一 counts only before a real unit).
enum UnitKind: String, Sendable, Decodable {
  case currency, physical, percent, time, calendar, measure
}

/// A unit as it goes into a record.
struct UnitEntry: Sendable {
  let unit: String?
  let kind: UnitKind
  /// A bare 元: its currency is the document region's (TWD in a Taiwan text).
  var bare = false
  /// A bare $ or "dollars": the region's dollar (HKD in a Hong Kong text), else USD.
  var dollar = false
}

/// The lexicons of the figure extractor, compiled once from units.json,
/// measure-words.json and qualifiers.json into tries (the JSON is data so that a
/// unit or cue word is added without touching code). A class, so that the
/// figure scanner (a value copied into its helpers) holds one reference rather
/// than a copy of a dozen tables; never mutated after `init`.
final class UnitTable: Sendable {
  /// Units and measure words written right after the number (Chinese, %, km).
  let adjacent: ScalarTrie<UnitEntry>
  /// English unit phrases and nouns after a space, lower case.
  let english: ScalarTrie<UnitEntry>
  /// Currency signs before the number, stored reversed.
  let prefixes: ScalarTrie<UnitEntry>
  /// English number words (three, twenty), lower case.
  let englishNumbers: ScalarTrie<Double>
  /// English magnitude words (million, billion).
  let englishMultipliers: ScalarTrie<Double>
  /// Magnitudes written onto the number (10.3b, 5bn, 2mn); `money` ones (m, k, B)
  /// are magnitudes only for an amount of money or a count (\$2.5m, 2.5m people).
  let attachedMultipliers: ScalarTrie<(factor: Double, money: Bool)>
  /// Per currency code, its sub-units after the amount (角, 分, 美分) and their value.
  let currencySubunits: [String: ScalarTrie<Double>]
  /// Qualifier cue words: prefixes stored reversed, suffixes forwards, infixes by character.
  let prefixQualifiers: ScalarTrie<String>
  let suffixQualifiers: ScalarTrie<String>
  let infixQualifiers: [UInt32: String]
  /// Canonical codes of the currency units, for the conformance runner.
  let currencyCodes: Set<String>
  /// Canonical codes of the physical units (km, t, MW ...), for the conformance runner.
  let physicalCodes: Set<String>

  /// Built once per process: decoding three JSON files and building the tries costs
  /// far more than extracting a document, and the tables never change at run time.
  static let shared: UnitTable = {
    do { return try UnitTable() } catch { fatalError("figure resources: \(error)") }
  }()

  private struct UnitsFile: Decodable {
    struct Group: Decodable {
      let unit: String?
      let kind: UnitKind
      let surfaces: [String]
      let bare: Bool?
      let dollar: Bool?
    }
    let adjacent: [Group]
    let english: [Group]
    let prefixes: [Group]
    let englishMultipliers: [String: Double]
    let englishAttachedMultipliers: [String: Double]
    let englishAttachedMoneyMultipliers: [String: Double]
    let currencySubunits: [String: [String: Double]]
    let englishNumbers: [String: Double]
  }

  private struct MeasureFile: Decodable {
    let chinese: [String: String]
    let english: [String: [String]]
  }

  private struct QualifierFile: Decodable {
    let prefix: [String: String]
    let suffix: [String: String]
    let infix: [String: String]
    let englishPrefix: [String: String]
    let englishSuffix: [String: String]
  }

  init() throws {
    let decoder = JSONDecoder()
    let units = try decoder.decode(UnitsFile.self, from: ResourceFiles.data("units.json"))
    let measures = try decoder.decode(
      MeasureFile.self, from: ResourceFiles.data("measure-words.json"))
    let qualifiers = try decoder.decode(
      QualifierFile.self, from: ResourceFiles.data("qualifiers.json"))
    func scalars(_ s: String) -> [UInt32] { s.unicodeScalars.map(\.value) }
    // Built in locals and stored once, so the tables are constants (a class
    // `var` costs an exclusivity check on every read in the scanners' loops).
    var adjacent = ScalarTrie<UnitEntry>()
    var english = ScalarTrie<UnitEntry>()
    var prefixes = ScalarTrie<UnitEntry>()
    var englishNumbers = ScalarTrie<Double>()
    var englishMultipliers = ScalarTrie<Double>()
    var attachedMultipliers = ScalarTrie<(factor: Double, money: Bool)>()
    var prefixQualifiers = ScalarTrie<String>()
    var suffixQualifiers = ScalarTrie<String>()
    var infixQualifiers: [UInt32: String] = [:]
    var currencyCodes = Set<String>()
    var physicalCodes = Set<String>()

    for (surface, unit) in measures.chinese {
      adjacent.insert(scalars(surface), UnitEntry(unit: unit, kind: .measure))
    }
    for (noun, surfaces) in measures.english {
      for s in surfaces { english.insert(scalars(s), UnitEntry(unit: noun, kind: .measure)) }
    }
    // Units after measure words, so that a surface in both (块) is a unit.
    func entry(_ g: UnitsFile.Group) -> UnitEntry {
      UnitEntry(unit: g.unit, kind: g.kind, bare: g.bare ?? false, dollar: g.dollar ?? false)
    }
    for g in units.adjacent {
      for s in g.surfaces { adjacent.insert(scalars(s), entry(g)) }
      if g.kind == .currency, let u = g.unit { currencyCodes.insert(u) }
      if g.kind == .physical, let u = g.unit { physicalCodes.insert(u) }
    }
    for g in units.english {
      for s in g.surfaces { english.insert(scalars(s), entry(g)) }
    }
    for g in units.prefixes {
      for s in g.surfaces {
        prefixes.insert(scalars(s).reversed(), entry(g))
      }
    }
    for (word, value) in units.englishNumbers { englishNumbers.insert(scalars(word), value) }
    for (word, factor) in units.englishMultipliers {
      englishMultipliers.insert(scalars(word), factor)
    }
    for (word, factor) in units.englishAttachedMultipliers {
      attachedMultipliers.insert(scalars(word), (factor, false))
    }
    for (word, factor) in units.englishAttachedMoneyMultipliers {
      attachedMultipliers.insert(scalars(word), (factor, true))
    }
    for (word, q) in qualifiers.prefix { prefixQualifiers.insert(scalars(word).reversed(), q) }
    for (word, q) in qualifiers.englishPrefix {
      prefixQualifiers.insert(scalars(word).reversed(), q)
    }
    for (word, q) in qualifiers.suffix { suffixQualifiers.insert(scalars(word), q) }
    for (word, q) in qualifiers.englishSuffix { suffixQualifiers.insert(scalars(word), q) }
    for (word, q) in qualifiers.infix {
      if let c = word.unicodeScalars.first { infixQualifiers[c.value] = q }
    }
    self.adjacent = adjacent
    self.english = english
    self.prefixes = prefixes
    self.englishNumbers = englishNumbers
    self.englishMultipliers = englishMultipliers
    self.attachedMultipliers = attachedMultipliers
    self.currencySubunits = units.currencySubunits.mapValues { table in
      var trie = ScalarTrie<Double>()
      for (surface, value) in table { trie.insert(scalars(surface), value) }
      return trie
    }
    self.prefixQualifiers = prefixQualifiers
    self.suffixQualifiers = suffixQualifiers
    self.infixQualifiers = infixQualifiers
    self.currencyCodes = currencyCodes
    self.physicalCodes = physicalCodes
  }
}

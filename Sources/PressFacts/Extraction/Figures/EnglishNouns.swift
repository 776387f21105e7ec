import Foundation

/// English counted nouns, for figures in English text ("135 industrial projects",
/// "12 million new urban jobs"): the head noun in the plural ends the figure and,
/// in the singular, is its unit. Built once from `Resources/english-words.json`
/// (WordNet 3.0's common nouns and irregular plurals, English closed-class
/// words), on the first English document: Chinese text never loads it.
final class EnglishNouns: Sendable {
  /// Plural form → singular (regular plurals made from the nouns, and WordNet's irregular ones).
  let singularOfPlural: [String: String]
  /// Words that end the modifiers between a number and its noun (of, the, were ...).
  let closedClass: Set<String>
  /// Nouns that label a number rather than count it: phase four, Line 3, Article 5.
  let labels: Set<String>

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
    var plurals = [String: String](minimumCapacity: file.nouns.count * 2)
    for noun in file.nouns { plurals[Self.regularPlural(noun)] = noun }
    for (plural, singular) in file.irregularPlurals { plurals[plural] = singular }
    singularOfPlural = plurals
    closedClass = Set(file.closedClass)
    labels = Set(file.labelNouns)
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

  /// The singular of `word` (lower case) when it is a plural noun; a hyphenated
  /// compound is plural in its last part (gigawatt-hours → gigawatt-hour).
  func singular(ofPlural word: String) -> String? {
    if let s = singularOfPlural[word] { return s }
    guard let dash = word.lastIndex(of: "-") else { return nil }
    let last = String(word[word.index(after: dash)...])
    guard let s = singularOfPlural[last] else { return nil }
    return String(word[...dash]) + s
  }
}

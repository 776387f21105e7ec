/// English organisation names: a keyword (University, Institute, Group,
/// Corporation, Government …, from org-suffixes.json) with the capitalised words
/// before it ("China Electronics Technology Group Corporation", "the Chongqing
/// Municipal Government" without "the") and an "of …" tail after it ("University
/// of Science and Technology of China"). Keywords alone ("Co., Ltd.") are not a name.
struct EnglishOrganizationMatcher {
  /// Keyword → kind, from org-suffixes.json.
  let keywords: [String: String]
  /// From org-suffixes.json: `fields`, the nouns that government and institute
  /// names pair with "and" (Science and Technology, Development and Reform; not
  /// places or firms: "Wuxi … District and Asia Pacific … Ltd" are two parties);
  /// `roles`, the titles that follow a name and never belong to it ("Ministry of
  /// Foreign Affairs Director-General …"); `mediaWords`, the words that make a
  /// name a news outlet whatever its head ("Xinhua News Agency").
  let fields: Set<String>
  let roles: Set<String>
  let mediaWords: Set<String>

  init(lexicon: OrganizationLexicon) {
    keywords = lexicon.englishKeywords
    fields = lexicon.englishFields
    roles = lexicon.englishRoles
    mediaWords = lexicon.englishMediaWords
  }

  /// Capitalised words that start sentences or phrases but never names.
  static let leaders: Set<String> = [
    "The", "A", "An", "In", "On", "At", "By", "For", "From", "With", "And", "Of", "To", "This",
    "That", "These", "Those", "Its", "Their", "Our", "His", "Her", "As", "Both", "When", "While",
    "After", "Before", "Since", "During", "According", "Meanwhile", "Also", "Under", "Between",
  ]
  /// Lower-case words that may join the capitalised words of one name.
  static let joiners: Set<String> = ["of", "and", "for", "&"]

  struct Word {
    var range: Range<Int>
    var text: String
    /// Only a space separates it from the next word.
    var joinedToNext: Bool
  }

  func candidates(in s: [UInt32]) -> [Candidate] {
    let words = Self.words(in: s)
    var out = [Candidate]()
    for (i, w) in words.enumerated() {
      guard let kind = keywords[w.text] else { continue }
      var first = i
      while first > 0 && Self.joins(first - 1, words, s) {
        if roles.contains(words[first - 1].text) {
          break  // "… Vice President Equity Derivatives First Union": a title ends the name
        } else if Self.isNamePart(words[first - 1].text)
          && (first == i || !Self.isNumber(words[first - 1].text))
        {
          first -= 1
        } else if innerConjunction(before: first, words, s) {
          first -= 2
          while fieldInList(before: first, words, s) { first -= 1 }
        } else {
          break
        }
      }
      while first < i && Self.leaders.contains(words[first].text) { first += 1 }
      let last = tail(after: i, in: words)
      let hasName = { (from: Int) in
        (from...last).contains(where: {
          self.keywords[words[$0].text] == nil && !Self.joiners.contains(words[$0].text)
        })
      }
      guard hasName(first) else { continue }
      if first < i && Self.isPlacePossessive(words[first].text) && hasName(first + 1) { first += 1 }
      var end = words[last].range.upperBound
      if Self.abbreviations.contains(words[last].text) && end < s.count && s[end] == 0x2E {
        end += 1
      }
      let r = words[first].range.lowerBound..<end
      let name = TextDecoding.string(s[r])
      let named =
        (first...last).contains { mediaWords.contains(words[$0].text) } ? "media" : kind
      out.append(Candidate(range: r, payload: .organization(Organization(name: name, kind: named))))
      if let a = Self.acronym(after: end, in: s) {
        let org = Organization(name: TextDecoding.string(s[a]), kind: named)
        out.append(Candidate(range: a, payload: .organization(org)))
      }
    }
    return out
  }

  /// Whether the word before `first` is an "and" inside the name: "Science and
  /// Technology Commission", "Development and Reform Commission". The word before
  /// the "and" must be a capitalised non-keyword: after a keyword ("Tsinghua
  /// University and Toyota Motor Corporation") the "and" joins two names.
  private func innerConjunction(before first: Int, _ words: [Word], _ s: [UInt32]) -> Bool {
    guard first >= 2, Self.conjunctions.contains(words[first - 1].text),
      Self.joins(first - 2, words, s)
    else { return false }
    return fields.contains(words[first - 2].text) && fields.contains(words[first].text)
  }

  static let conjunctions: Set<String> = ["and"]

  /// Whether a field and a comma come before `first` in a list of fields that
  /// ends in "and": "Innovation, Technology and Industry Bureau".
  private func fieldInList(before first: Int, _ words: [Word], _ s: [UInt32]) -> Bool {
    guard first >= 1, fields.contains(words[first - 1].text) else { return false }
    return Array(s[words[first - 1].range.upperBound..<words[first].range.lowerBound]) == [
      0x2C, 0x20,
    ]
  }

  /// An acronym defined right after a name: "Taiwan Railways Administration
  /// (TRA)", "… Investment Ltd (APRD)": two to eight capitals in parentheses.
  static func acronym(after end: Int, in s: [UInt32]) -> Range<Int>? {
    guard end + 4 < s.count, s[end] == 0x20, s[end + 1] == 0x28 else { return nil }
    var q = end + 2
    while q < s.count && q - end - 2 < 9 && (CodePoint.isASCIIUpper(s[q]) || s[q] == 0x26) {
      q += 1
    }
    guard q < s.count, s[q] == 0x29, (2...8).contains(q - end - 2) else { return nil }
    return (end + 2)..<q
  }

  /// The last word of an "of …" tail: "of" or "for", then capitalised words that
  /// "of", "and" or "&" may join ("University of Science and Technology of China").
  private func tail(after i: Int, in words: [Word]) -> Int {
    guard i + 2 < words.count, words[i].joinedToNext, Self.tailOpeners.contains(words[i + 1].text)
    else { return i }
    var last = i
    var j = i + 1
    while j + 1 < words.count, words[j].joinedToNext {
      if words[j + 1].text == "the", j + 2 < words.count, words[j + 1].joinedToNext,
        Self.tailOpeners.contains(words[j].text)
      {
        j += 1
      }
      let next = words[j + 1].text
      guard Self.isCapitalised(next), !Self.leaders.contains(next), !roles.contains(next)
      else { break }
      j += 1
      last = j
      if j + 2 < words.count, words[j].joinedToNext, Self.joiners.contains(words[j + 1].text) {
        // "… of the Arts London and Bank of China": a keyword after "and" opens another name.
        if words[j + 1].text == "and" && keywords[words[j + 2].text] != nil { break }
        j += 1
      }
    }
    return last
  }

  static let tailOpeners: Set<String> = ["of", "for"]

  /// Keywords written with a full stop, kept in the name ("Co., Ltd.").
  static let abbreviations: Set<String> = ["Ltd", "Co", "Inc", "Corp"]

  /// Whether word `k` and the next are parts of one name: a single space
  /// between them, the ".," of "Co., Ltd", or a one-word parenthesis inside the
  /// name ("Western (Chongqing) Science City").
  static func joins(_ k: Int, _ words: [Word], _ s: [UInt32]) -> Bool {
    if words[k].joinedToNext { return true }
    guard k + 1 < words.count else { return false }
    let g = gap(k, words, s)
    if words[k].text == "Co" { return g == [0x2E, 0x2C, 0x20] }
    if g == [0x20, 0x2D, 0x20] {
      return isCapitalised(words[k].text) && isCapitalised(words[k + 1].text)
    }
    if g == [0x20, 0x28] {
      return k + 2 < words.count && gap(k + 1, words, s) == [0x29, 0x20]
        && !isAcronym(words[k + 1].text)
    }
    if g == [0x29, 0x20] {
      return k > 0 && gap(k - 1, words, s) == [0x20, 0x28] && !isAcronym(words[k].text)
    }
    return false
  }

  private static func gap(_ k: Int, _ words: [Word], _ s: [UInt32]) -> [UInt32] {
    Array(s[words[k].range.upperBound..<words[k + 1].range.lowerBound].prefix(4))
  }

  /// A possessive before a name is the place it belongs to ("Taiwan's Ministry of
  /// Economic Affairs", "China's State Council"), not part of it; common nouns
  /// in the possessive are ("People's Bank of China", "Women's Federation").
  static func isPlacePossessive(_ w: String) -> Bool {
    guard w.hasSuffix("'s") || w.hasSuffix("\u{2019}s") else { return false }
    return !possessiveNouns.contains(String(w.unicodeScalars.prefix(w.unicodeScalars.count - 2)))
  }

  static let possessiveNouns: Set<String> = [
    "People", "Women", "Children", "Men", "Workers", "Citizens", "Veterans", "Farmers",
    "Peoples", "Nation", "Writers", "Artists", "Teachers", "Journalists", "Lawyers",
  ]

  /// An all-capitals word in parentheses defines an acronym or names a wire
  /// ("(CNA) Taiwan's Ministry …"): it is not a part inside a name.
  static func isAcronym(_ w: String) -> Bool {
    w.utf8.count >= 2 && w.utf8.allSatisfy { $0 >= 0x41 && $0 <= 0x5A }
  }

  /// A bare number ("May 3"): part of a name only right before its keyword ("360 Group").
  static func isNumber(_ w: String) -> Bool { w.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }

  static func isCapitalised(_ w: String) -> Bool {
    guard let f = w.unicodeScalars.first else { return false }
    return (f.value >= 0x41 && f.value <= 0x5A) || (f.value >= 0x30 && f.value <= 0x39)
  }

  /// A capitalised word or '&'; a year ("By 2025 Chongqing University") is not.
  static func isNamePart(_ w: String) -> Bool {
    if w.utf8.count == 4, w.hasPrefix("19") || w.hasPrefix("20"),
      w.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 })
    {
      return false
    }
    // A phone or reference number ("853-0569") is no part of a name.
    if let f = w.utf8.first, f >= 0x30 && f <= 0x39, w.utf8.contains(0x2D) { return false }
    return isCapitalised(w) || w == "&"
  }

  /// ASCII words (letters, digits, '&', inner '-' and '.') with whether a single space joins each to the next.
  static func words(in s: [UInt32]) -> [Word] {
    var out = [Word]()
    var i = 0
    while i < s.count {
      guard isWordChar(s[i]) else {
        i += 1
        continue
      }
      var j = i
      while j < s.count
        && (isWordChar(s[j])
          || ((s[j] == 0x2D) && j + 1 < s.count && isWordChar(s[j + 1]))
          || (isApostrophe(s[j]) && j + 1 < s.count && CodePoint.isASCIILetter(s[j + 1])))
      {
        j += 1
      }
      let text = TextDecoding.string(s[i..<j])
      let joined = j + 1 < s.count && s[j] == 0x20 && isWordChar(s[j + 1])
      out.append(Word(range: i..<j, text: text, joinedToNext: joined))
      i = j
    }
    return out
  }

  /// The apostrophe of "People's" keeps the word whole.
  @inline(__always) static func isApostrophe(_ c: UInt32) -> Bool { c == 0x27 || c == 0x2019 }

  @inline(__always) static func isWordChar(_ c: UInt32) -> Bool {
    CodePoint.isASCIILetter(c) || CodePoint.isASCIIDigit(c) || c == 0x26
  }
}

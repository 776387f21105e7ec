/// English organisation names: a keyword (University, Institute, Group,
/// Corporation, Government …, from org-suffixes.json) with the capitalised words
/// before it ("China Electronics Technology Group Corporation", "the Chongqing
/// Municipal Government" without "the") and an "of …" tail after it ("University
/// of Science and Technology of China"). Keywords alone ("Co., Ltd.") are not a name.
struct EnglishOrganizationMatcher {
  /// Keyword → kind, from org-suffixes.json.
  let keywords: [String: String]

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
      while first > 0 && Self.joins(first - 1, words, s) && Self.isNamePart(words[first - 1].text) {
        first -= 1
      }
      while first < i && Self.leaders.contains(words[first].text) { first += 1 }
      let last = tail(after: i, in: words)
      guard
        (first...last).contains(where: {
          keywords[words[$0].text] == nil && !Self.joiners.contains(words[$0].text)
        })
      else { continue }
      var end = words[last].range.upperBound
      if Self.abbreviations.contains(words[last].text) && end < s.count && s[end] == 0x2E {
        end += 1
      }
      let r = words[first].range.lowerBound..<end
      let name = TextDecoding.string(s[r])
      out.append(Candidate(range: r, payload: .organization(Organization(name: name, kind: kind))))
    }
    return out
  }

  /// The last word of an "of …" tail: "of" or "for", then capitalised words that
  /// "of", "and" or "&" may join ("University of Science and Technology of China").
  private func tail(after i: Int, in words: [Word]) -> Int {
    guard i + 2 < words.count, words[i].joinedToNext, Self.tailOpeners.contains(words[i + 1].text)
    else { return i }
    var last = i
    var j = i + 1
    while j + 1 < words.count, words[j].joinedToNext {
      let next = words[j + 1].text
      guard Self.isCapitalised(next), !Self.leaders.contains(next) else { break }
      j += 1
      last = j
      if j + 2 < words.count, words[j].joinedToNext, Self.joiners.contains(words[j + 1].text) {
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
    if g == [0x20, 0x28] { return k + 2 < words.count && gap(k + 1, words, s) == [0x29, 0x20] }
    if g == [0x29, 0x20] { return k > 0 && gap(k - 1, words, s) == [0x20, 0x28] }
    return false
  }

  private static func gap(_ k: Int, _ words: [Word], _ s: [UInt32]) -> [UInt32] {
    Array(s[words[k].range.upperBound..<words[k + 1].range.lowerBound].prefix(4))
  }

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
        && (isWordChar(s[j]) || ((s[j] == 0x2D) && j + 1 < s.count && isWordChar(s[j + 1])))
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

  @inline(__always) static func isWordChar(_ c: UInt32) -> Bool {
    CodePoint.isASCIILetter(c) || CodePoint.isASCIIDigit(c) || c == 0x26
  }
}

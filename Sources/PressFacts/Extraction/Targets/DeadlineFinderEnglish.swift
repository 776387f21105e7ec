/// English deadline phrases, on the same code points as the Chinese ones.
extension DeadlineFinder {
  /// "by 2025", "by the end of 2030", "by the end of this year", "within five years",
  /// "in the next 3 years", and "this year, the city will …" (an intention follows).
  func english(at i: Int) -> Deadline? {
    let by = cues.english.byPrefixes.match(s, at: i)
    if by > 0 {
      if let (year, end) = englishYear(at: i + by) {
        if let docYear, year < docYear { return nil }
        return Deadline(phrase: i..<end, year: String(year))
      }
      guard let docYear, let (offset, end) = englishRelative(at: i + by) else { return nil }
      return Deadline(phrase: i..<end, year: String(docYear + offset))
    }
    let inYear = cues.english.inPrefixes.match(s, at: i)
    if inYear > 0, let (year, end) = englishYear(at: i + inYear) {
      // "the main projected targets for development in 2023 as follows:"
      if docYear.map({ year >= $0 }) ?? true, let header = listHeader(from: i, after: end) {
        return Deadline(phrase: i..<end, year: String(year), scope: .list(start: header))
      }
      return stated(year, end) ? Deadline(phrase: i..<end, year: String(year)) : nil
    }
    let within = cues.english.withinPrefixes.match(s, at: i)
    if within > 0 { return englishDuration(from: i, count: i + within) }
    guard let docYear, let (offset, end) = englishRelative(at: i), end < s.count else { return nil }
    if let header = listHeader(from: i, after: end) {  // "The main targets for this year are:"
      return Deadline(phrase: i..<end, year: String(docYear + offset), scope: .list(start: header))
    }
    let intended: Bool
    switch s[end] {
    case 0x2C:  // "This year, the zone will …"
      intended = cues.firstModalEnd(s, in: (end + 1)..<clauseEnd(from: end + 1)) != nil
    case 0x2E:  // "… will start 12 projects this year."
      intended = cues.firstModalEnd(s, in: clauseStart(before: i)..<i) != nil
    default: intended = false
    }
    return intended ? Deadline(phrase: i..<end, year: String(docYear + offset)) : nil
  }

  /// Where the sentence or clause that ends at `end` starts (bounded look-back).
  private func clauseStart(before end: Int) -> Int {
    var j = end
    while j > 0 && end - j < 300 && s[j - 1] != 0x2C && s[j - 1] != 0x2E && s[j - 1] != 0x0A {
      j -= 1
    }
    return j
  }

  /// "In 2025, the city will …" or "… will open in 2025.": a year that is not past, with
  /// an intention in its clause.
  private func stated(_ year: Int, _ end: Int) -> Bool {
    guard let docYear, year >= docYear, end < s.count else { return false }
    if s[end] == 0x2C { return futureYearLead(year, end) }
    return s[end] == 0x2E && cues.firstModalEnd(s, in: clauseStart(before: end)..<end) != nil
  }

  /// A four-digit year at `j` that is a whole word.
  private func englishYear(at j: Int) -> (Int, Int)? {
    var k = j
    while k < s.count && CodePoint.isASCIIDigit(s[k]) && k - j < 5 { k += 1 }
    guard k - j == 4,
      k == s.count || !CodePoint.isASCIIDigit(s[k]) && !CodePoint.isASCIILetter(s[k])
    else {
      return nil
    }
    return (s[j..<k].reduce(0) { $0 * 10 + Int($1 - 0x30) }, k)
  }

  /// "this year" → 0, "next year" → 1, with the offset just after it.
  private func englishRelative(at j: Int) -> (Int, Int)? {
    guard let r = cues.english.relativeYears.first(where: { matchesWord($0.word, at: j) }) else {
      return nil
    }
    return (r.offset, j + r.word.count)
  }

  /// "within five years": the document's year plus N; the number starts at `j`.
  private func englishDuration(from i: Int, count j: Int) -> Deadline? {
    guard let docYear else { return nil }
    var j = j
    var n: Int?
    if let w = cues.english.numbers.first(where: { matchesWord($0.word, at: j) }) {
      n = w.value
      j += w.word.count
    } else {
      let start = j
      while j < s.count && CodePoint.isASCIIDigit(s[j]) { j += 1 }
      if j > start && j - start < 3 { n = s[start..<j].reduce(0) { $0 * 10 + Int($1 - 0x30) } }
    }
    guard let n, j < s.count, s[j] == 0x20 else { return nil }
    let unit = cues.english.yearWords.match(s, at: j + 1)
    guard unit > 0 else { return nil }
    return Deadline(phrase: i..<(j + 1 + unit), year: String(docYear + n))
  }

  /// Whether the lower-case word `w` is at `j` as a whole word.
  private func matchesWord(_ w: [UInt32], at j: Int) -> Bool {
    guard j + w.count <= s.count else { return false }
    for k in 0..<w.count where CueList.lower(s[j + k]) != w[k] { return false }
    return j + w.count == s.count || !CodePoint.isASCIILetter(s[j + w.count])
  }
}

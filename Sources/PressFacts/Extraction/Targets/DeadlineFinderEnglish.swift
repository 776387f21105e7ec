/// English deadline phrases, on the same code points as the Chinese ones.
extension DeadlineFinder {
  /// "by 2025", "by the end of 2030", "by the end of this year", "within five years",
  /// "in the next 3 years", and "this year, the city will …" (an intention follows).
  func english(at i: Int) -> Deadline? {
    if let d = englishPlanPeriod(at: i) ?? englishPart(at: i) ?? englishWindow(at: i) {
      return d
    }
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
    default:  // "… will start 12 projects this year.", "would propose spending … next year and …"
      intended = cues.firstModalEnd(s, in: clauseStart(before: i)..<i) != nil
    }
    return intended ? Deadline(phrase: i..<end, year: String(docYear + offset)) : nil
  }

  /// Where the sentence or clause that ends at `end` starts (bounded look-back).
  private func clauseStart(before end: Int) -> Int {
    var j = end
    while j > 0 && end - j < 300 && s[j - 1] != 0x0A {
      let c = s[j - 1]
      // Not the point of 104.4 or the comma of 2,000.
      let inNumber =
        j >= 2 && j < s.count && CodePoint.isASCIIDigit(s[j - 2]) && CodePoint.isASCIIDigit(s[j])
      if (c == 0x2C || c == 0x2E) && !inNumber { break }
      j -= 1
    }
    return j
  }

  /// "In 2025, the city will …" or "… will open in 2025.": a year that is not past, with
  /// an intention in its clause.
  private func stated(_ year: Int, _ end: Int) -> Bool {
    guard let docYear, year >= docYear, end < s.count else { return false }
    if s[end] == 0x2C && futureYearLead(year, end) { return true }
    // "… will open in 2025." / "aims to double its GDP in 2035 from …"
    return cues.firstModalEnd(s, in: clauseStart(before: end)..<end) != nil
  }

  /// "the 15th Five-Year Plan (2026-30) period": the plan's last year, when it is not past.
  private func englishPlanPeriod(at i: Int) -> Deadline? {
    let n = cues.english.planWords.match(s, at: i)
    guard n > 0 else { return nil }
    var j = i + n
    while j < s.count && j - i - n < 12 && s[j] != 0x28 { j += 1 }  // (
    guard j + 8 < s.count, s[j] == 0x28, let (first, dash) = englishYear(at: j + 1),
      dash < s.count, s[dash] == 0x2D || s[dash] == 0x2013
    else { return nil }
    var k = dash + 1
    while k < s.count && CodePoint.isASCIIDigit(s[k]) && k - dash <= 4 { k += 1 }
    guard k < s.count, s[k] == 0x29, k - dash == 3 || k - dash == 5 else { return nil }
    var last = s[(dash + 1)..<k].reduce(0) { $0 * 10 + Int($1 - 0x30) }
    if last < 100 { last += first / 100 * 100 }  // 2026-30
    guard last >= first, last >= (docYear ?? 0) else { return nil }
    var end = k + 1
    end += cues.english.planPeriodSuffixes.match(s, at: end)
    return Deadline(
      phrase: planLead(before: i)..<end, year: String(last), planYears: last - first + 1)
  }

  /// Where "during the 15th " before "Five-Year Plan" starts: the words of the phrase.
  private func planLead(before i: Int) -> Int {
    var start = i
    var words = 0
    while words < 3 && start > 1 && s[start - 1] == 0x20 {
      var j = start - 1
      while j > 0 && CodePoint.isASCIIAlnum(s[j - 1]) { j -= 1 }
      let word = j..<(start - 1)
      let ordinal = !word.isEmpty && CodePoint.isASCIIDigit(s[word.lowerBound])
      guard ordinal || cues.english.planLeads.match(s, at: j) == word.count else { break }
      start = j
      words += 1
    }
    return start
  }

  /// "in the fourth quarter of this year", "in the first half of 2025", with an intention
  /// in its clause.
  private func englishPart(at i: Int) -> Deadline? {
    let n = cues.english.partPrefixes.match(s, at: i)
    guard n > 0 else { return nil }
    var j = i + n
    guard let ordinal = cues.english.ordinals.first(where: { matchesWord($0.word, at: j) }) else {
      return nil
    }
    j += ordinal.word.count
    let quarter = cues.english.quarterWords.match(s, at: j)
    let half = quarter > 0 ? 0 : cues.english.halfWords.match(s, at: j)
    guard quarter + half > 0, ordinal.value <= (quarter > 0 ? 4 : 2) else { return nil }
    j += quarter + half
    let suffix = (quarter > 0 ? "-Q" : "-H") + String(ordinal.value)
    let year: Int
    let end: Int
    if let (y, e) = englishYear(at: j) {
      (year, end) = (y, e)
    } else if let docYear, let (offset, e) = englishRelative(at: j) {
      (year, end) = (docYear + offset, e)
    } else {
      return nil
    }
    guard stated(year, end) else { return nil }
    return Deadline(phrase: i..<end, year: String(year) + suffix)
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
    guard var n, j < s.count, s[j] == 0x20 else { return nil }
    // "within two to three years": the later bound.
    if matchesWord(Self.to, at: j + 1),
      let w = cues.english.numbers.first(where: { matchesWord($0.word, at: j + 4) }), w.value > n
    {
      n = w.value
      j += 4 + w.word.count
    }
    let unit = cues.english.yearWords.match(s, at: j + 1)
    guard unit > 0 else { return nil }
    return Deadline(phrase: i..<(j + 1 + unit), year: String(docYear + n), duration: n)
  }

  /// "plans to launch a rocket between May 27 and June 4": a window of two dates the
  /// date stage resolved, after an intention in its clause, is due at its last date.
  private func englishWindow(at i: Int) -> Deadline? {
    guard let docYear, matchesWord(Self.between, at: i) else { return nil }
    guard let first = date(startingAt: i + Self.between.count) else { return nil }
    var k = first.end
    guard k < s.count, s[k] == 0x20, matchesWord(Self.and, at: k + 1) else { return nil }
    k += 1 + Self.and.count
    guard let last = date(startingAt: k), let year = Int(last.value.prefix(4)), year >= docYear,
      cues.firstModalEnd(s, in: clauseStart(before: i)..<i) != nil
    else { return nil }
    return Deadline(phrase: i..<last.end, year: last.value)
  }

  /// The date candidate that starts at `j` (after spaces): its value and end.
  private func date(startingAt j: Int) -> (value: String, end: Int)? {
    var j = j
    while j < s.count && s[j] == 0x20 { j += 1 }
    guard let d = dates.covering(j), d.range.lowerBound == j, case .date(let date) = d.payload,
      date.value.count >= 4, !date.value.contains("/")
    else { return nil }
    return (date.value, d.range.upperBound)
  }

  private static let between: [UInt32] = Array("between".unicodeScalars.map(\.value))
  private static let and: [UInt32] = Array("and".unicodeScalars.map(\.value))
  private static let to: [UInt32] = Array("to".unicodeScalars.map(\.value))

  /// Whether the lower-case word `w` is at `j` as a whole word.
  private func matchesWord(_ w: [UInt32], at j: Int) -> Bool {
    guard j + w.count <= s.count else { return false }
    for k in 0..<w.count where CueList.lower(s[j + k]) != w[k] { return false }
    return j + w.count == s.count || !CodePoint.isASCIILetter(s[j + w.count])
  }
}

/// The English calendar-expression grammar on the normalized code points:
/// "August 25, 2021", "Aug. 25", "25 August 2021", "August 2021", "January-August 2022",
/// "Q1 2023", "H1 2022", "FY2021", "the first half of 2022", "first three quarters of 2022",
/// "end of 2021", "early 2022", "mid-2022", "this year", and a four-digit year only
/// after a date word ("in 2021", "by 2025", "since 2020"): "2000 companies" is a count.
struct EnglishDateGrammar {
  let s: [UInt32]
  let cues: DateCues

  func at(_ i: Int) -> UInt32 { i < s.count && i >= 0 ? s[i] : 0 }

  /// The end of the letter-or-digit word starting at `i`.
  func wordEnd(_ i: Int) -> Int {
    var j = i
    while j < s.count && CodePoint.isASCIIAlnum(s[j]) { j += 1 }
    return j
  }

  func key(_ i: Int) -> (key: UInt64, end: Int)? {
    let e = wordEnd(i)
    return WordKey.key(s, i..<e).map { ($0, e) }
  }

  /// Skips one or more spaces; nil when there is none.
  func space(_ i: Int) -> Int? {
    var j = i
    while at(j) == 0x20 || at(j) == 0xA0 { j += 1 }
    return j > i ? j : nil
  }

  /// The keys of the function words the grammar asks for, computed once.
  static let keys: [String: UInt64] = {
    var d = [String: UInt64]()
    for w in [
      "year", "fiscal", "of", "the", "quarter", "half", "quarters", "months", "to", "through",
      "and", "between", "st", "nd",
      "rd", "th", "week", "budget", "ago", "years", "days", "day",
    ] {
      d[w] = WordKey.key(w)
    }
    return d
  }()
  static let suffixKeys: Set<UInt64> = Set(["st", "nd", "rd", "th"].map { keys[$0]! })

  /// `w` (a word of `keys`) after spaces at `i`: the end of the word.
  func word(_ w: String, after i: Int) -> Int? {
    guard let j = space(i), let k = key(j), k.key == Self.keys[w] else { return nil }
    return k.end
  }

  /// A four-digit year 1900–2100 at `i`, not part of a longer number.
  func year(at i: Int) -> (value: Int, end: Int)? {
    var j = i
    var v = 0
    while j < s.count && CodePoint.isASCIIDigit(s[j]) && j - i < 5 {
      v = v * 10 + Int(s[j] - 0x30)
      j += 1
    }
    guard j - i == 4, !CodePoint.isASCIIDigit(at(j)), !CodePoint.isASCIILetter(at(j)),
      (1900...2100).contains(v)
    else {
      return nil
    }
    if at(j) == 0x2E && CodePoint.isASCIIDigit(at(j + 1)) { return nil }  // 2021.5 is a decimal
    return (v, j)
  }

  /// The year a phrase points at: 2021, "this year", "fiscal 2021".
  func yearTarget(at i: Int) -> (year: YearReference, end: Int)? {
    if let y = year(at: i) { return (.absolute(y.value), y.end) }
    guard let k = key(i) else { return nil }
    if let r = cues.enRelativeYears[k.key], let e = word("year", after: k.end) {
      return (.relative(r), e)
    }
    if k.key == Self.keys["fiscal"], let j = space(k.end), let y = year(at: j) {
      return (.absolute(y.value), y.end)
    }
    return nil
  }

  /// " of [the] YEAR" after a part-of-year phrase, or nothing (the document year).
  func ofYear(after i: Int) -> (year: YearReference, end: Int) {
    if let o = word("of", after: i), let j = space(o) {
      var k = j
      if let t = word("the", after: o), let j2 = space(t) { k = j2 }
      if let y = yearTarget(at: k) { return y }
      // of the year: the year the text is about (the document year)
      if k > j, let e = word("year", after: k - 1) { return (.implicit, e) }
    }
    if let j = space(i), let y = year(at: j) { return (.absolute(y.value), y.end) }
    return (.implicit, i)
  }

  /// The date expression starting at the word boundary `i`, if any, with the
  /// modifier of a date word before it (since last year, before June).
  func parse(at i: Int) -> DateMention? {
    guard var m = expression(at: i) else { return nil }
    if m.mod == nil, let context = previousWordContext(before: i), !context.isEmpty {
      m.mod = context
    }
    return m
  }

  func expression(at i: Int) -> DateMention? {
    if CodePoint.isASCIIDigit(at(i)) { return number(at: i) }
    guard CodePoint.isASCIILetter(at(i)), let k = key(i) else { return nil }
    // one hash lookup says whether any word table holds the word (most words: none)
    guard cues.enDateWords.contains(k.key) else { return quarterCode(at: i, wordEnd: k.end) }
    if let m = cues.enMonths[k.key], CodePoint.isASCIIUpper(at(i)) {
      return month(m, at: i, wordEnd: k.end)
    }
    if let r = cues.enRelativeYears[k.key], let e = word("year", after: k.end) {
      return DateMention(range: i..<e, start: DatePoint(year: .relative(r)))
    }
    if let relative = relativeDay(k, at: i) { return relative }
    if let r = cues.enWeekWords[k.key], let j = space(k.end) {
      return weekPhrase(r, at: i, next: j)
    }
    if let w = cues.enWeekdays[k.key], CodePoint.isASCIIUpper(at(i)) {
      var m = DateMention(range: i..<k.end, start: DatePoint(year: .relative(0)))
      m.weekday = w
      return m
    }
    if let mod = cues.enModWords[k.key] {
      let j = at(k.end) == 0x2D ? k.end + 1 : (space(k.end) ?? -1)
      guard j >= 0 else { return nil }
      if let y = yearTarget(at: j) {
        return DateMention(range: i..<y.end, start: DatePoint(year: y.year), mod: mod)
      }
      if let mk = key(j), let m = cues.enMonths[mk.key], CodePoint.isASCIIUpper(at(j)),
        var d = month(m, at: j, wordEnd: mk.end), d.end == nil, d.start.day == nil
      {
        d.range = i..<d.range.upperBound
        d.mod = mod
        return d
      }
      return nil
    }
    if let mod = cues.enModOfWords[k.key], let o = word("of", after: k.end), let j = space(o) {
      var t = j
      if let the = word("the", after: o), let j2 = space(the) { t = j2 }
      if let y = yearTarget(at: t) {
        return DateMention(range: i..<y.end, start: DatePoint(year: y.year), mod: mod)
      }
      if let mk = key(t), let m = cues.enMonths[mk.key], CodePoint.isASCIIUpper(at(t)),
        var d = month(m, at: t, wordEnd: mk.end), d.end == nil, d.start.day == nil
      {
        d.range = i..<d.range.upperBound
        d.mod = mod
        return d
      }
      // the end of the second quarter
      if let ok = key(t), let n = cues.enOrdinals[ok.key],
        var d = ordinal(n, at: t, wordEnd: ok.end),
        d.end == nil
      {
        d.range = i..<d.range.upperBound
        d.mod = mod
        return d
      }
      return nil
    }
    if let n = cues.enCounts[k.key], let a = ago(n, at: i, after: k.end) { return a }
    if let n = cues.enOrdinals[k.key] { return ordinal(n, at: i, wordEnd: k.end) }
    return quarterCode(at: i, wordEnd: k.end)
  }

  /// Q1 2023, H1 2022, FY2021, FY 2021.
  func quarterCode(at i: Int, wordEnd e: Int) -> DateMention? {
    let c0 = at(i)
    let c1 = at(i + 1)
    if e == i + 2, c0 == 0x51 || c0 == 0x48, CodePoint.isASCIIDigit(c1) {
      let n = Int(c1 - 0x30)
      guard (1...(c0 == 0x51 ? 4 : 2)).contains(n) else { return nil }
      var y = YearReference.implicit
      var end = e
      if let j = space(e), let yy = year(at: j) {
        y = .absolute(yy.value)
        end = yy.end
      } else if at(e) == 0x20 || at(e) == 0x2C || at(e) == 0x2E || e == s.count {
      } else {
        return nil
      }
      // H1 alone may be a visa or a heading: a half needs a year or a date word (in H1)
      if c0 == 0x48, y == .implicit, previousWordContext(before: i) == nil { return nil }
      let p = c0 == 0x51 ? DatePoint(year: y, quarter: n) : DatePoint(year: y, half: n)
      return DateMention(range: i..<end, start: p)
    }
    if c0 == 0x46, c1 == 0x59 {  // FY
      if e == i + 6, let y = year(at: i + 2) {
        return DateMention(range: i..<y.end, start: DatePoint(year: .absolute(y.value)))
      }
      if e == i + 2, let j = space(e), let y = year(at: j) {
        return DateMention(range: i..<y.end, start: DatePoint(year: .absolute(y.value)))
      }
    }
    return nil
  }

  /// first quarter [of 2023], second half [of 2022], first three quarters, first nine months.
  func ordinal(_ n: Int, at i: Int, wordEnd e: Int) -> DateMention? {
    // first quarter, first-quarter: a space or a hyphen before the noun
    let next = at(e) == 0x2D ? key(e + 1) : space(e).flatMap { key($0) }
    if let k = next, k.key == Self.keys["quarter"] || k.key == Self.keys["half"] {
      let quarter = k.key == Self.keys["quarter"]
      guard n <= (quarter ? 4 : 2) else { return nil }
      let y = ofYear(after: k.end)
      let p = quarter ? DatePoint(year: y.year, quarter: n) : DatePoint(year: y.year, half: n)
      return DateMention(range: i..<max(k.end, y.end), start: p)
    }
    guard n == 1, let j = space(e), let ck = key(j) else { return nil }
    let count =
      cues.enCounts[ck.key]
      ?? (CodePoint.isASCIIDigit(at(j)) ? Int(WordKey.number(s, j..<ck.end) ?? 0) : 0)
    if count >= 2 && count <= 4, let q = word("quarters", after: ck.end) {
      let y = ofYear(after: q)
      return DateMention(
        range: i..<max(q, y.end), start: DatePoint(year: y.year, quarter: 1),
        end: DatePoint(year: y.year, quarter: count))
    }
    if count >= 2 && count <= 12, let m = word("months", after: ck.end) {
      let y = ofYear(after: m)
      return DateMention(
        range: i..<max(m, y.end), start: DatePoint(year: y.year, month: 1),
        end: DatePoint(year: y.year, month: count))
    }
    return nil
  }

  /// A month name and what follows: a day, a year, or a second month (January-August 2022).
  func month(_ m: Int, at i: Int, wordEnd e0: Int) -> DateMention? {
    var e = e0
    if at(e) == 0x2E { e += 1 }
    var point = DatePoint(year: .implicit, month: m)
    var end = e
    if let j = space(e), let d = dayNumber(at: j) {
      point.day = d.value
      end = d.end
      var k = d.end
      if at(k) == 0x2C { k += 1 }
      if let j2 = space(k), let y = year(at: j2) {
        point.year = .absolute(y.value)
        end = y.end
      }
      return point.isValid ? DateMention(range: i..<end, start: point) : nil
    }
    if let j = space(e), let y = year(at: j) {
      point.year = .absolute(y.value)
      return DateMention(range: i..<y.end, start: point)
    }
    // January-August 2022, January to August 2022
    var j = -1
    if at(e) == 0x2D || at(e) == 0x2013 {
      j = e + 1
    } else if let t = word("to", after: e) ?? word("through", after: e) {
      j = space(t) ?? -1
    } else if let t = word("and", after: e), previousWordKey(before: i) == Self.keys["between"] {
      j = space(t) ?? -1
    }
    if j >= 0, let k2 = key(j), let m2 = cues.enMonths[k2.key], m2 > m,
      CodePoint.isASCIIUpper(at(j))
    {
      var last = DatePoint(year: .implicit, month: m2)
      var r = k2.end
      if at(r) == 0x2E { r += 1 }
      if let sp = space(r), let y = year(at: sp) {
        last.year = .absolute(y.value)
        point.year = .absolute(y.value)
        r = y.end
      } else if let y = relativeYear(after: r) {
        (last.year, point.year, r) = (y.year, y.year, y.end)
      }
      return DateMention(range: i..<r, start: point, end: last)
    }
    // "May" alone is a verb far more often than a month, and an abbreviation alone
    // (Jan) a name, unless a date word precedes (in May, since Jan.).
    let abbreviated = e0 - i < [7, 8, 5, 5, 3, 4, 4, 6, 9, 7, 8, 8][m - 1]
    if (m == 5 || abbreviated) && previousWordContext(before: i) == nil { return nil }
    if let y = relativeYear(after: e0) {
      point.year = y.year
      return DateMention(range: i..<y.end, start: point)
    }
    return DateMention(range: i..<e0, start: point)
  }

  /// " this year", " of last year" after a month: the year it is in.
  func relativeYear(after i: Int) -> (year: YearReference, end: Int)? {
    var j = i
    if let o = word("of", after: i) { j = o }
    guard let k = space(j), let y = yearTarget(at: k), case .relative = y.year else { return nil }
    return y
  }

  /// A day of the month, 1–31, with an optional st/nd/rd/th.
  func dayNumber(at i: Int) -> (value: Int, end: Int)? {
    var j = i
    var v = 0
    while CodePoint.isASCIIDigit(at(j)) && j - i < 3 {
      v = v * 10 + Int(at(j) - 0x30)
      j += 1
    }
    guard j > i, j - i <= 2, (1...31).contains(v) else { return nil }
    let w = wordEnd(j)
    if w > j {
      guard let k = WordKey.key(s, j..<w), Self.suffixKeys.contains(k)
      else { return nil }
      return (v, w)
    }
    return (v, j)
  }

  /// A number at a word start: 25 August 2021, or a year after a date word
  /// (in 2021, since 2020) with ranges 2021-2025 and from 2021 to 2025.
  func number(at i: Int) -> DateMention? {
    if let d = dayNumber(at: i), let j = space(d.end), let k = key(j), let m = cues.enMonths[k.key],
      CodePoint.isASCIIUpper(at(j))
    {
      var p = DatePoint(year: .implicit, month: m, day: d.value)
      var end = k.end
      if let j2 = space(end), let y = year(at: j2) {
        p.year = .absolute(y.value)
        end = y.end
      }
      return p.isValid ? DateMention(range: i..<end, start: p) : nil
    }
    if let n = dayNumber(at: i), n.end == wordEnd(i), let a = ago(n.value, at: i, after: n.end) {
      return a
    }
    guard let y = year(at: i) else { return nil }
    if let split = splitYears(y, at: i) { return split }
    // 2021-2025, 2021–2025
    if at(y.end) == 0x2D || at(y.end) == 0x2013, let y2 = year(at: y.end + 1), y2.value > y.value,
      y2.value - y.value <= 50
    {
      return DateMention(
        range: i..<y2.end, start: DatePoint(year: .absolute(y.value)),
        end: DatePoint(year: .absolute(y2.value)))
    }
    // "from the 2020 level": after "the", a year before a singular noun
    let afterThe = previousWordKey(before: i) == Self.keys["the"] ? "" : nil
    guard
      let context = previousWordContext(before: i) ?? afterThe
        ?? sentenceOpening(i, yearEnd: y.end),
      nextWordAllows(after: y.end)
    else { return nil }
    var m = DateMention(
      range: i..<y.end, start: DatePoint(year: .absolute(y.value)),
      mod: context.isEmpty ? nil : context)
    if let t = word("to", after: y.end) ?? word("through", after: y.end)
      ?? word("and", after: y.end),
      let j = space(t), let y2 = year(at: j), y2.value > y.value
    {
      m.end = DatePoint(year: .absolute(y2.value))
      m.range = i..<y2.end
      m.mod = nil
    }
    return m
  }

  /// "five years ago", "3 days ago": the document year or day less N.
  func ago(_ n: Int, at i: Int, after e: Int) -> DateMention? {
    guard let j = space(e), let k = key(j), let a = space(k.end), let g = key(a),
      g.key == Self.keys["ago"]
    else { return nil }
    if k.key == Self.keys["years"] || (n == 1 && k.key == Self.keys["year"]) {
      return DateMention(range: i..<g.end, start: DatePoint(year: .relative(-n)))
    }
    if k.key == Self.keys["days"] || (n == 1 && k.key == Self.keys["day"]) {
      return DateMention(range: i..<g.end, start: DatePoint(year: .relative(0)), dayOffset: -n)
    }
    return nil
  }

  /// today, yesterday, tomorrow (Today at a sentence start).
  func relativeDay(_ k: (key: UInt64, end: Int), at i: Int) -> DateMention? {
    guard let d = cues.enRelativeDays[k.key], at(k.end) != 0x27 || at(k.end + 1) != 0x73 else {
      return nil
    }
    // Lantau Tomorrow: capitalised after a capitalised word, part of a name
    if CodePoint.isASCIIUpper(at(i)), at(i - 1) == 0x20 {
      var j = i - 1
      while j > 0 && CodePoint.isASCIILetter(at(j - 1)) { j -= 1 }
      if j < i - 1 && CodePoint.isASCIIUpper(at(j)) { return nil }
    }
    return DateMention(range: i..<k.end, start: DatePoint(year: .relative(0)), dayOffset: d)
  }

  /// After this/last/next: "week" (the ISO week), a weekday ("last Friday": the
  /// one before the document day), or a month ("last June").
  func weekPhrase(_ r: Int, at i: Int, next j: Int) -> DateMention? {
    guard let k = key(j) else { return nil }
    if k.key == Self.keys["week"] {
      var m = DateMention(range: i..<k.end, start: DatePoint(year: .relative(0)))
      m.weekOffset = r
      return m
    }
    if let w = cues.enWeekdays[k.key], CodePoint.isASCIIUpper(at(j)) {
      var m = DateMention(range: i..<k.end, start: DatePoint(year: .relative(0)))
      m.weekday = w
      if r < 0 { m.weekdayBefore = true } else { m.weekOffset = r }
      return m
    }
    if r != 0, let mo = cues.enMonths[k.key], CodePoint.isASCIIUpper(at(j)), k.end - j >= 3 {
      var m = DateMention(range: i..<k.end, start: DatePoint(year: .implicit, month: mo))
      m.monthDirection = r
      return m
    }
    return nil
  }

  /// 2026-30 (2026/2030), and 2022-23 before Budget or after "financial year"
  /// (a split financial year, April to March).
  func splitYears(_ y: (value: Int, end: Int), at i: Int) -> DateMention? {
    guard at(y.end) == 0x2D || at(y.end) == 0x2013, CodePoint.isASCIIDigit(at(y.end + 1)),
      CodePoint.isASCIIDigit(at(y.end + 2)), !CodePoint.isASCIIAlnum(at(y.end + 3))
    else { return nil }
    let yy = Int(at(y.end + 1) - 0x30) * 10 + Int(at(y.end + 2) - 0x30)
    let century = y.value / 100 * 100
    let last = century + yy < y.value ? century + 100 + yy : century + yy
    guard last > y.value, last - y.value <= 10 else { return nil }
    let e = y.end + 3
    if last == y.value + 1 {
      let fiscal =
        word("budget", after: e) != nil || previousWordKey(before: i) == Self.keys["year"]
      guard fiscal else { return nil }
      var m = DateMention(
        range: i..<e, start: DatePoint(year: .absolute(y.value), month: 4),
        end: DatePoint(year: .absolute(last), month: 3))
      m.fiscalYear = true
      return m
    }
    return DateMention(
      range: i..<e, start: DatePoint(year: .absolute(y.value)),
      end: DatePoint(year: .absolute(last)))
  }

  /// The modifier of the date word before `i` ("" for a plain one), or nil when
  /// the word before is not a date word.
  func previousWordContext(before i: Int) -> String? {
    previousWordKey(before: i).flatMap { cues.enYearContext[$0] }
  }

  /// The key of the word before `i`, across spaces.
  func previousWordKey(before i: Int) -> UInt64? {
    var j = i - 1
    guard at(j) == 0x20 || at(j) == 0xA0 else { return nil }
    while j >= 0 && (s[j] == 0x20 || s[j] == 0xA0) { j -= 1 }
    let e = j + 1
    while j >= 0 && CodePoint.isASCIILetter(s[j]) { j -= 1 }
    return WordKey.key(s, (j + 1)..<e)
  }

  /// A year that opens a sentence as its subject or time ("2021 was a record year",
  /// "2021, the first year"): "" when so, nil otherwise.
  func sentenceOpening(_ i: Int, yearEnd e: Int) -> String? {
    var j = i - 1
    while j >= 0 && (s[j] == 0x20 || s[j] == 0xA0) { j -= 1 }
    guard j < 0 || s[j] == 0x2E || s[j] == 0x0A || s[j] == 0x21 || s[j] == 0x3F else { return nil }
    if at(e) == 0x2C { return "" }
    guard let k = space(e), let w = key(k), cues.enYearVerbs.contains(w.key) else { return nil }
    return ""
  }

  /// "in 2000 companies" is a count: a plural lower-case noun after the number rejects it.
  func nextWordAllows(after e: Int) -> Bool {
    if at(e) == 0x25 { return false }
    guard let j = space(e), CodePoint.isASCIILetter(at(j)), !CodePoint.isASCIIUpper(at(j)) else {
      return true
    }
    let w = wordEnd(j)
    guard at(w - 1) == 0x73, let k = WordKey.key(s, j..<w) else { return true }
    return cues.enYearNextAllowed.contains(k)
  }
}

extension WordKey {
  /// The value of a run of ASCII digits.
  static func number(_ s: [UInt32], _ range: Range<Int>) -> Int? {
    var v = 0
    for i in range {
      guard s[i] >= 0x30 && s[i] <= 0x39 else { return nil }
      v = v * 10 + Int(s[i] - 0x30)
    }
    return range.isEmpty ? nil : v
  }
}

/// The parts of the year the Chinese grammar reads after a year head (or alone):
/// quarters, months, days.
extension ChineseDateGrammar {
  /// 一季度, 第一季度, 1季度 (+ 末/初), 一至三季度, 前三季度 (Q1/Q3).
  func quarters(at p: Int, year: YearReference) -> DateMention? {
    if Self.isFirstN(at(p)), let n = small(at: p + 1), (2...4).contains(n.value),
      let e = quarterEnd(n.end, year != .implicit && at(p) != CodePoint.front)
    {
      return DateMention(
        range: p..<e, start: DatePoint(year: year, quarter: 1),
        end: DatePoint(year: year, quarter: n.value))
    }
    // 首季, 首季度 (Hong Kong): the first quarter
    if at(p) == 0x9996, year != .implicit, let e = quarterEnd(p + 1, true) {
      return DateMention(range: p..<e, start: DatePoint(year: year, quarter: 1))
    }
    let q0 = at(p) == CodePoint.ordinal ? p + 1 : p
    // a bare 季 only as 第N季 after a year (今年四季如春 is the four seasons)
    let short = year != .implicit && q0 > p
    guard let n = small(at: q0), (1...4).contains(n.value) else { return nil }
    if let c = connector(at: n.end), let n2 = small(at: c), n2.value > n.value, n2.value <= 4,
      let e = quarterEnd(n2.end, short)
    {
      return DateMention(
        range: p..<e, start: DatePoint(year: year, quarter: n.value),
        end: DatePoint(year: year, quarter: n2.value))
    }
    guard let e = quarterEnd(n.end, short) else { return nil }
    var m = DateMention(range: p..<e, start: DatePoint(year: year, quarter: n.value))
    if let part = cues.quarterParts.match(s, at: e),
      !cues.yearPartBlockedAfter.contains(at(part.end))
    {
      m.mod = part.value
      m.range = p..<part.end
    }
    return m
  }

  /// The end of 季度 at `i`, or of a bare 季 when `short` is allowed (2023年第四季,
  /// the Taiwan usage) unless it starts another word (季节, 季风).
  func quarterEnd(_ i: Int, _ short: Bool) -> Int? {
    if matches(Self.jidu, at: i) { return i + 2 }
    guard short, at(i) == Self.jidu[0], !cues.seasonWords.contains(at(i + 1)) else { return nil }
    return i + 1
  }

  /// 8月, 8月份, 8月25日, 8月25—27日, 8月下旬, 1至8月, 1—2月.
  func months(at p: Int, year: YearReference) -> DateMention? {
    guard let m1 = small(at: p), (1...12).contains(m1.value) else { return nil }
    if let c = connector(at: m1.end), let m2 = small(at: c), m2.value > m1.value, m2.value <= 12,
      at(m2.end) == CodePoint.month
    {
      let e = at(m2.end + 1) == CodePoint.portion ? m2.end + 2 : m2.end + 1
      return DateMention(
        range: p..<e, start: DatePoint(year: year, month: m1.value),
        end: DatePoint(year: year, month: m2.value))
    }
    guard at(skipSpaces(m1.end)) == CodePoint.month else { return nil }
    var e = skipSpaces(m1.end) + 1
    if at(e) == CodePoint.portion { e += 1 }
    var point = DatePoint(year: year, month: m1.value)
    if let m = days(at: skipSpaces(e), point: point, from: p) { return m }
    if case .absolute(let y) = year, invalidMonthDay(at: p, year: y) { return nil }
    if invalidMonthDay(at: p, year: 2000) { return nil }  // 2月30日 in any year
    if let part = cues.monthParts.match(s, at: e), !cues.yearPartBlockedAfter.contains(at(part.end))
    {
      // 三月初一: 初 with a day number is the day
      if part.value == "START", let d = small(at: part.end), d.value <= 10,
        at(part.end) != 0x5341 || d.value == 10
      {
        point.day = d.value
        return DateMention(range: p..<d.end, start: point)
      }
      return DateMention(range: p..<part.end, start: point, mod: part.value)
    }
    return DateMention(range: p..<e, start: point)
  }

  /// 全年 or 内 after a year head (今年全年, 2023年内): the year itself.
  func wholeYear(at p: Int) -> Int? {
    if at(p) == 0x5168 && at(p + 1) == CodePoint.year { return p + 2 }  // 全年
    if at(p) == CodePoint.within { return p + 1 }  // 内
    return nil
  }

  /// The day after a month: 25日, 25号, 25—27日, 25日至27日, and 十五 (Chinese
  /// numerals after a month need no 日 at the end of a phrase). Nil when no day follows.
  func days(at e: Int, point month: DatePoint, from p: Int) -> DateMention? {
    guard let d = small(at: e) else { return nil }
    var point = month
    point.day = d.value
    if let c = connector(at: d.end), let d2 = small(at: c), d2.value > d.value,
      isDayMark(skipSpaces(d2.end))
    {
      // 8月25—27日
      var last = point
      last.day = d2.value
      guard point.isValid, last.isValid else { return nil }
      return DateMention(range: p..<skipSpaces(d2.end) + 1, start: point, end: last)
    }
    let mark = skipSpaces(d.end)
    if isDayMark(mark) {
      guard point.isValid else { return nil }
      var m = DateMention(range: p..<mark + 1, start: point)
      // 8月25日至27日
      if let c = connector(at: mark + 1), let d2 = small(at: c), d2.value > d.value,
        isDayMark(d2.end)
      {
        var last = point
        last.day = d2.value
        if last.isValid {
          m.end = last
          m.range = p..<d2.end + 1
        }
      }
      return m
    }
    if !CodePoint.isASCIIDigit(s[e]), !CodePoint.isHan(at(d.end)), point.isValid {
      return DateMention(range: p..<d.end, start: point)
    }
    return nil
  }

  /// A bare day, 25日, read against the month mentioned before it (month 0 until
  /// the extractor fills it in). Not 3日内 (a duration) nor 第3日.
  func bareDay(at i: Int) -> DateMention? {
    guard let d = digits(at: i), d.count <= 2, (1...31).contains(d.value),
      at(skipSpaces(d.end)) == CodePoint.day
        || (at(d.end) == CodePoint.dayNumber && !CodePoint.isHan(at(d.end + 1)))
    else {
      return nil
    }
    let before = at(i - 1)
    // 每 (every) before a number is a frequency, not a date.
    if before == CodePoint.month || before == CodePoint.ordinal || before == 0x6BCF
      || before == 0x2E
    {
      return nil
    }
    let after = at(skipSpaces(d.end) + 1)
    // 内 以 之 after the number make it a duration or a bound.
    if after == 0x5185 || after == 0x4EE5 || after == 0x4E4B {
      return nil
    }
    return DateMention(
      range: i..<skipSpaces(d.end) + 1, start: DatePoint(year: .implicit, month: 0, day: d.value))
  }
}

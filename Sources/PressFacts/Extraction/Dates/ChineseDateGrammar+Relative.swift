/// The parts of the Chinese grammar that read dates against the document day or
/// another convention: today with its date written beside it, weeks and
/// weekdays, split financial years, and numeric dates other than year-first.
extension ChineseDateGrammar {
  /// 今日(四月十三日), 今天（2月22日）, 今(9)日: today, with the date written in
  /// brackets, which tells the document's own day (Hong Kong and Taiwan releases).
  func todayWithDate(at i: Int) -> DateMention? {
    guard at(i) == 0x4ECA else { return nil }  // 今
    // 今(9)日
    if Self.isOpenBracket(at(i + 1)), let d = small(at: i + 2), (1...31).contains(d.value),
      Self.isCloseBracket(at(d.end)), at(d.end + 1) == CodePoint.day
    {
      var m = DateMention(
        range: i..<d.end + 2, start: DatePoint(year: .implicit, day: d.value),
        dayOffset: 0)
      m.evidence = .today
      return m
    }
    // 今日(四月十三日)
    guard let r = cues.relativeDays.match(s, at: i), r.value == 0, Self.isOpenBracket(at(r.end)),
      let inner = months(at: r.end + 1, year: .implicit), inner.end == nil,
      inner.start.day != nil, Self.isCloseBracket(at(inner.range.upperBound))
    else { return nil }
    var m = DateMention(
      range: i..<inner.range.upperBound + 1, start: inner.start, dayOffset: 0)
    m.evidence = .today
    return m
  }

  /// 2010 01 29: a year, month and day apart by single spaces, all digits written.
  func spacedDate(_ y: (value: Int, end: Int, count: Int), at i: Int) -> DateMention? {
    guard (1000...2999).contains(y.value), let m = digits(at: y.end + 1), m.count == 2,
      at(m.end) == 0x20, let d = digits(at: m.end + 1), d.count == 2,
      !CodePoint.isASCIIDigit(at(d.end + 1)) || at(d.end) != 0x20
    else { return nil }
    let p = DatePoint(year: .absolute(y.value), month: m.value, day: d.value)
    return p.isValid ? DateMention(range: i..<d.end, start: p) : nil
  }

  /// 10月12号，星期一: the weekday after a date, part of it.
  func weekdayAfter(_ e: Int) -> Int? {
    var j = e
    if at(j) == 0xFF0C || at(j) == 0x2C || at(j) == 0x20 { j += 1 }
    guard let w = week(at: j), w.weekday != nil, w.weekOffset == nil else { return nil }
    return w.range.upperBound
  }

  /// 十四五, “十四五”末, 十五五期间: a five-year plan by its number (the third
  /// began in 1966, one every five years since: the 14th is 2021–2025), with 末
  /// (its last year, END) or 初 (its first, START). Otherwise (“十四五”规划,
  /// “十四五”期间, 开局) it names the plan, and the gold does not count it a date.
  func fiveYearPlan(at i: Int) -> DateMention? {
    let j = i
    guard at(j) == CodePoint.ten, let n = ChineseDigit.value(at(j + 1)), (3...9).contains(n),
      at(j + 2) == 0x4E94, ChineseDigit.value(at(j - 1)) == nil
    else { return nil }
    let first = 1966 + 5 * (10 + n - 3)
    // “十四五”末: the quotes belong to the expression when a part follows them
    let quoted = at(j - 1) == 0x201C && at(j + 3) == 0x201D
    let e = quoted ? j + 4 : j + 3
    let from = quoted ? j - 1 : j
    var m = DateMention(
      range: j..<j + 3, start: DatePoint(year: .absolute(first)),
      end: DatePoint(year: .absolute(first + 4)))
    switch at(e) {
    case 0x672B:  // 末
      m = DateMention(range: from..<e + 1, start: DatePoint(year: .absolute(first + 4)), mod: "END")
    case 0x521D:  // 初
      m = DateMention(range: from..<e + 1, start: DatePoint(year: .absolute(first)), mod: "START")
    default: return nil  // a name (规划, 良好开局), not a time
    }
    return m
  }

  /// 3年前, 两年前 (the document year less N), 5天前 (the document day less N).
  func ago(at i: Int) -> DateMention? {
    guard !CodePoint.isASCIIDigit(at(i - 1)), !cues.bareBlockedBefore.contains(at(i - 1))
    else { return nil }
    let n: (value: Int, end: Int)?
    if at(i) == 0x4E24 { n = (2, i + 1) } else { n = small(at: i) }  // 两
    guard let n, (1...99).contains(n.value), at(n.end + 1) == CodePoint.front,
      !cues.suffixModBlockedAfter.contains(at(n.end + 2))
    else { return nil }
    switch at(n.end) {
    case CodePoint.year:
      return DateMention(range: i..<n.end + 2, start: DatePoint(year: .relative(-n.value)))
    case 0x5929:  // 天
      return DateMention(
        range: i..<n.end + 2, start: DatePoint(year: .relative(0)), dayOffset: -n.value)
    default: return nil
    }
  }

  /// Exactly seven digits at `i` (the ROC yyyMMdd of a closing code).
  func sevenDigits(at i: Int) -> (value: Int, end: Int)? {
    var v = 0
    var j = i
    while j < s.count && CodePoint.isASCIIDigit(s[j]) && j - i < 8 {
      v = v * 10 + Int(s[j] - 0x30)
      j += 1
    }
    return j - i == 7 ? (v, j) : nil
  }

  static func isOpenBracket(_ c: UInt32) -> Bool { c == 0x28 || c == 0xFF08 }
  static func isCloseBracket(_ c: UInt32) -> Bool { c == 0x29 || c == 0xFF09 }

  /// 上周, 下下周, 本周, 这周 (an ISO week); 周五, 星期三, 礼拜日, 上周一,
  /// 这个星期一 (a day); 下周末 (the week, END).
  func week(at i: Int) -> DateMention? {
    var j = i
    var offset: Int?
    if let p = cues.weekPrefixes.match(s, at: i) {
      offset = p.value
      j = p.end
    }
    let word: Int
    if matches(Self.xingqi, at: j) || matches(Self.libai, at: j) {
      word = j + 2
    } else if at(j) == Self.zhou {
      word = j + 1
    } else {
      return nil
    }
    let c = at(word)
    if let w = Self.weekdayDigit(c, afterZhou: at(j) == Self.zhou) {
      // 每周一, 逢周五: a schedule, not a day
      if offset == nil && Self.scheduleWords.contains(at(i - 1)) { return nil }
      if offset == nil && at(j) == Self.zhou && CodePoint.isHan(at(word + 1))
        && !Self.weekdayFollowers.contains(at(word + 1))
      {
        return nil  // 周一鸣: a name
      }
      var m = DateMention(range: i..<word + 1, start: DatePoint(year: .relative(0)))
      m.weekday = w
      m.weekOffset = offset
      return m
    }
    // a week: 上周, 下周末; not 周年, 周边, 周期 and not 周 alone
    guard let k = offset, at(j) == Self.zhou || word > j + 1 else { return nil }
    if at(j) == Self.zhou && Self.weekWordMakers.contains(c) { return nil }
    var m = DateMention(range: i..<word, start: DatePoint(year: .relative(0)))
    m.weekOffset = k
    if c == 0x672B {  // 末
      m.range = i..<word + 1
      m.mod = "END"
    }
    return m
  }

  static let zhou: UInt32 = 0x5468  // 周 (週 normalized)
  /// After 周, characters that make another word: 年 边 期 围 转 刊 岁 到 全 密 长 游 报 知 折 旋.
  static let weekWordMakers: ScalarSet = [
    0x5E74, 0x8FB9, 0x671F, 0x56F4, 0x8F6C, 0x520A, 0x5C81, 0x5230, 0x5168, 0x5BC6, 0x957F,
    0x6E38, 0x62A5, 0x77E5, 0x6298, 0x65CB,
  ]
  static let xingqi: [UInt32] = [0x661F, 0x671F]  // 星期
  static let libai: [UInt32] = [0x793C, 0x62DC]  // 礼拜
  /// 每 逢 隔 before a weekday make it a schedule.
  static let scheduleWords: ScalarSet = [0x6BCF, 0x9022, 0x9694]
  /// What may follow 周一 in a sentence: 至 到 起 的 举 召 发 上 下 晚 早 中 前 后 在 是 将 和 与 及 、.
  static let weekdayFollowers: ScalarSet = [
    0x81F3, 0x5230, 0x8D77, 0x7684, 0x4E3E, 0x53EC, 0x53D1, 0x4E0A, 0x4E0B, 0x665A, 0x65E9,
    0x4E2D, 0x524D, 0x540E, 0x5728, 0x662F, 0x5C06, 0x548C, 0x4E0E, 0x53CA,
  ]

  /// 一…六, 日, 天 (not after 周: 周天 is rare and 周天 also a word) as 1…7.
  static func weekdayDigit(_ c: UInt32, afterZhou: Bool) -> Int? {
    if c == CodePoint.day || (c == 0x5929 && !afterZhou) { return 7 }
    guard let d = ChineseDigit.value(c), (1...6).contains(d) else { return nil }
    return d
  }

  /// 二○二二/二三財政年度, 二零二三至二四年度, 2022-23年度: a financial year
  /// split across two calendar years runs from April to March (Hong Kong).
  func fiscalYear(at i: Int) -> DateMention? {
    var value = 0
    var j = i
    while j < i + 4,
      let d = CodePoint.isASCIIDigit(at(j)) ? Int(at(j) - 0x30) : Self.yearDigit(at(j))
    {
      value = value * 10 + d
      j += 1
    }
    guard j == i + 4, (1900...2199).contains(value) else { return nil }
    guard let c = at(j) == 0x2F ? j + 1 : connector(at: j) else { return nil }
    var k = c
    var next = 0
    while k < c + 2,
      let d = CodePoint.isASCIIDigit(at(k)) ? Int(at(k) - 0x30) : Self.yearDigit(at(k))
    {
      next = next * 10 + d
      k += 1
    }
    guard k == c + 2, next == (value + 1) % 100 else { return nil }
    if at(k) == 0x8D22 && at(k + 1) == 0x653F { k += 2 }  // 财政
    guard at(k) == CodePoint.year, at(k + 1) == CodePoint.degree else { return nil }
    var m = DateMention(
      range: i..<k + 2, start: DatePoint(year: .absolute(value), month: 4),
      end: DatePoint(year: .absolute(value + 1), month: 3))
    m.fiscalYear = true
    return m
  }

  /// 106-02-09 (an ROC date in Traditional text), 13.10.2015 and 13/10/2015 (day
  /// first, as Chinese and European texts write a year last), 27-7-3 (a
  /// two-digit year first), 12/28 (month/day, Chinese text only), and the
  /// Central News Agency's closing code )1121228.
  func otherNumericDate(at i: Int) -> DateMention? {
    if rocYears, Self.isCloseBracket(at(i - 1)), let a = sevenDigits(at: i) {
      let p = DatePoint(
        year: .absolute(a.value / 10000 + 1911), month: a.value / 100 % 100, day: a.value % 100)
      guard p.isValid, (100...199).contains(a.value / 10000) else { return nil }
      var m = DateMention(range: i..<a.end, start: p)
      m.evidence = .editCode
      return m
    }
    guard let a = digits(at: i), !isJoined(before: i) else { return nil }
    let sep = at(a.end)
    if a.count == 4, sep == 0x20, let spaced = spacedDate(a, at: i) { return spaced }
    guard a.count <= 3, sep == 0x2D || sep == 0x2F || sep == 0x2E, let b = digits(at: a.end + 1),
      b.count <= 2
    else { return nil }
    if at(b.end) != sep {
      // 12/28: month/day, only in Chinese text and not a fraction or a score
      guard !english, sep == 0x2F, a.count <= 2, !isJoined(at: b.end), at(b.end) != 0x2F,
        !Self.shareWords.contains(at(i - 1)),
        !CodePoint.isASCIILetter(at(b.end)), at(b.end) != 0x25
      else { return nil }
      let p = DatePoint(year: .implicit, month: a.value, day: b.value)
      return p.isValid && a.value >= 1 ? DateMention(range: i..<b.end, start: p) : nil
    }
    // 10/1/2018-10/7/2018: a dash after a full year may open the interval's end
    guard let c = digits(at: b.end + 1),
      !isJoined(at: c.end) || (c.count == 4 && at(c.end) == 0x2D),
      !CodePoint.isASCIILetter(at(c.end))
    else { return nil }
    var p: DatePoint
    if a.count == 3 && rocYears && c.count <= 2 {
      p = DatePoint(year: .absolute(a.value + 1911), month: b.value, day: c.value)
    } else if !english && c.count == 2 && (a.count == 1 || c.value > 31) {
      // 3-7-07, 05/05/89: day, month, two-digit year
      p = DatePoint(
        year: .absolute(c.value + (c.value < 50 ? 2000 : 1900)), month: b.value, day: a.value)
    } else if a.count <= 2 && c.count == 4 {
      // day first; a slash date in English is month first (1/2/2020) unless the day shows
      if english && sep == 0x2F && a.value <= 12 { return nil }
      p = DatePoint(year: .absolute(c.value), month: b.value, day: a.value)
    } else if a.count == 2 && sep == 0x2D && c.count <= 2 && !english {
      p = DatePoint(year: .absolute(2000 + a.value), month: b.value, day: c.value)
    } else {
      return nil
    }
    guard p.isValid, p.day != nil, (p.month ?? 0) >= 1 else { return nil }
    return DateMention(range: i..<c.end, start: p)
  }

  /// 占 约 为 达 近 超 逾 共 计 仅 比 before 1/3 make it a share, not a month and day.
  static let shareWords: ScalarSet = [
    0x5360, 0x7EA6, 0x4E3A, 0x8FBE, 0x8FD1, 0x8D85, 0x903E, 0x5171, 0x8BA1, 0x4EC5, 0x6BD4,
  ]

  /// . / - between digits glue numbers together (1.2.3.4, 3/4/5/6, 2-3-4-5):
  /// a numeric date touches no further number.
  static let numberJoiners: ScalarSet = [0x2E, 0x2F, 0x2D]

  func isJoined(at k: Int) -> Bool {
    Self.numberJoiners.contains(at(k)) && CodePoint.isASCIIDigit(at(k + 1))
  }

  func isJoined(before i: Int) -> Bool {
    // 10/1/2018-10/7/2018: a dash after a full year opens the interval's end
    if at(i - 1) == 0x2D, (2...5).allSatisfy({ CodePoint.isASCIIDigit(at(i - $0)) }),
      Self.numberJoiners.contains(at(i - 6))
    {
      return false
    }
    return Self.numberJoiners.contains(at(i - 1)) && CodePoint.isASCIIDigit(at(i - 2))
  }
}

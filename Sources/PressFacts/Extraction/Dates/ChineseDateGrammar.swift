/// The Chinese calendar-expression grammar, run on the normalized code points
/// (so Traditional text and full-width digits read the same): a year head
/// (2021年, 二〇二五年, 今年), then an optional tail (底, 上半年, 一季度, 前三季度,
/// 1至8月, 8月25日, 春节前夕), then an optional modifier (以来, 以前).
///
/// A bare number is never a year: a year needs 年 (or the full numeric date
/// 2021-08-25), so 2000家 and 3141.9 are left to the figures.
struct ChineseDateGrammar {
  let s: [UInt32]
  let cues: DateCues
  /// Whether a two- or three-digit year before a month is a Republic of China
  /// era year (Taiwan text: 112年12月 = 2023-12).
  var rocYears = false
  /// Whether a bare three-digit year (105年度, 112年投資) is an ROC year: only in
  /// Traditional text that shows it is from Taiwan (the document's region, `RegionInference`),
  /// not in Hong Kong or Macau text, where 150年 is a length of time.
  var rocBareYears = false
  /// English text: slash dates are month first, and 12/28 alone is no date.
  var english = false
  /// ICU's tokens (by start): a relative word must begin one, so that 目前|年产值,
  /// 如今|年轻 and 成本|年均 hold no 前年, 今年 or 本年. Empty: no check.
  var tokens: [Token] = []

  /// Whether a token starts at `i` (binary search over the tokens).
  func startsToken(_ i: Int) -> Bool { tokens.isEmpty || tokens.index(startingAt: Int32(i)) != nil }

  static let jidu: [UInt32] = [0x5B63, 0x5EA6]  // 季度
  static let shiji: [UInt32] = [0x4E16, 0x7EAA]  // 世纪
  static let niandai: [UInt32] = [0x5E74, 0x4EE3]  // 年代
  /// Characters after 年中 that keep it a time (年中以来, 年中前后, 年中起): 以 前 后 起 至 时.
  static let midFollowers: ScalarSet = [0x4EE5, 0x524D, 0x540E, 0x8D77, 0x81F3, 0x65F6]
  /// 前 (mainland) or 首 (Hong Kong) before N季度 / N个月: the first N.
  static func isFirstN(_ c: UInt32) -> Bool { c == CodePoint.front || c == 0x9996 }
  /// After N年, 历 (2000年历史) makes it a length of time, not a year.
  static let lengthWords: ScalarSet = [0x5386]  // 历

  /// / - – — ~ 〜 至 到 ―: what may follow the four digits of a split financial year.
  static let fiscalSeparators: ScalarSet = [
    0x2F, 0x2D, 0x2013, 0x2014, 0x7E, 0x301C, 0x81F3, 0x5230, 0x2015,
  ]
  /// What follows the first character of a week word: 周 星 礼 个 上 下 一 期 拜 (上周,
  /// 这个星期, 上上周, 上一个周三, 星期, 礼拜) and the weekday digits after 周.
  static let weekSeconds: ScalarSet = [
    0x5468, 0x661F, 0x793C, 0x4E2A, 0x4E0A, 0x4E0B, 0x4E00, 0x671F, 0x62DC, 0x4E8C, 0x4E09,
    0x56DB, 0x4E94, 0x516D, 0x65E5, 0x672B,
  ]

  /// Whether 年前 or 天前 follows within the next three characters (3年前, 十五天前).
  func agoFollows(_ i: Int) -> Bool {
    for k in 1...3 where (at(i + k) == CodePoint.year || at(i + k) == 0x5929) {
      return at(i + k + 1) == CodePoint.front
    }
    return false
  }

  /// Whether a numeric date other than year-first may start at the digit `i`:
  /// a separator within its first three digits, a spaced year, or a closing code.
  func mayBeNumericDate(_ i: Int) -> Bool {
    for k in 1...3 where !CodePoint.isASCIIDigit(at(i + k)) {
      return [0x2E, 0x2F, 0x2D].contains(at(i + k))
    }
    return at(i + 4) == 0x20 || (rocYears && Self.isCloseBracket(at(i - 1)))
  }

  /// 上 下 这 本 周 星 礼: the characters a week or weekday starts with.
  static let weekStarts: ScalarSet = [0x4E0A, 0x4E0B, 0x8FD9, 0x672C, 0x5468, 0x661F, 0x793C]

  /// 在 于 至 到 从 自 和 与 及 的 、 ， (and ASCII ,): a word ends before them.
  static let particlesBefore: ScalarSet = [
    0x5728, 0x4E8E, 0x81F3, 0x5230, 0x4ECE, 0x81EA, 0x548C, 0x4E0E, 0x53CA, 0x7684, 0x3001,
    0xFF0C, 0x2C,
  ]

  /// Before a three-digit number, words that make N年 a length of time: 近 逾 约 多 超 达 第 每 满.
  static let rocBlockedBefore: ScalarSet = [
    0x8FD1, 0x903E, 0x7EA6, 0x591A, 0x8D85, 0x8FBE, 0x7B2C, 0x6BCF, 0x6EE1,
  ]
  /// After N年, words that make it a length of time: 来 内 历 间.
  static let rocBlockedAfter: ScalarSet = [0x6765, 0x5185, 0x5386, 0x95F4]

  /// A digit of a written year: 〇零一…九, and ○ (U+25CB), which Hong Kong
  /// releases write for zero (二○二二年).
  static func yearDigit(_ c: UInt32) -> Int? { c == 0x25CB ? 0 : ChineseDigit.value(c) }

  /// 〇零一…九 as digits (两 is a count, never a date digit).
  static func chineseDigit(_ c: UInt32) -> Int? { ChineseDigit.value(c) }

  func at(_ i: Int) -> UInt32 { i < s.count && i >= 0 ? s[i] : 0 }

  /// A run of ASCII digits at `i`: its value, end and length (at most 6 digits read).
  func digits(at i: Int) -> (value: Int, end: Int, count: Int)? {
    var j = i
    var v = 0
    while j < s.count && CodePoint.isASCIIDigit(s[j]) && j - i < 6 {
      v = v * 10 + Int(s[j] - 0x30)
      j += 1
    }
    return j > i && !CodePoint.isASCIIDigit(at(j)) ? (v, j, j - i) : nil
  }

  /// A number from 1 to 99 in one or two digits or in Chinese numerals (八, 十二, 二十五).
  func small(at i: Int) -> (value: Int, end: Int)? {
    if let d = digits(at: i), d.count <= 2 { return (d.value, d.end) }
    var j = i
    var v = 0
    if let a = Self.chineseDigit(at(j)), a > 0 {
      v = a
      j += 1
    }
    if at(j) == CodePoint.ten {
      v = (j == i ? 1 : v) * 10
      j += 1
      if let b = Self.chineseDigit(at(j)), b > 0 {
        v += b
        j += 1
      }
    }
    return j > i && v > 0 && Self.chineseDigit(at(j)) == nil ? (v, j) : nil
  }

  /// A written year: four digits or four Chinese digits, then 年 (not 2000年的历史).
  func year(at i: Int) -> (value: Int, end: Int)? {
    if let d = digits(at: i), (2...3).contains(d.count), at(d.end) == CodePoint.year {
      let era = cues.rocEraPrefixes.match(s, endingAt: i) != nil
      if (1...200).contains(d.value), era || (rocYears && monthFollows(d.end + 1, day: false)) {
        return (d.value + 1911, d.end + 1)
      }
      // 105年度, 112年投資金額: in Traditional text a three-digit year is an ROC
      // year, unless a word makes it a length of time (逾100年, 100年來, 100年歷史)
      if rocBareYears, d.count == 3, (100...199).contains(d.value),
        !Self.rocBlockedBefore.contains(at(i - 1)),
        !Self.rocBlockedAfter.contains(at(d.end + 1) == 0x7684 ? at(d.end + 2) : at(d.end + 1))
      {
        return (d.value + 1911, d.end + 1)
      }
      // 18年10月1日: a two-digit year needs a full month and day after it; 07年
      // (a leading zero) is a year anyway
      if d.count == 2, !rocYears, monthFollows(d.end + 1, day: true) || at(i) == 0x30 {
        return (d.value + (d.value < 50 ? 2000 : 1900), d.end + 1)
      }
      return nil
    }
    // 07 年 (PDF text spaces out a year with a leading zero)
    if let d = digits(at: i), d.count == 2, at(i) == 0x30, !rocYears, at(d.end) == 0x20,
      at(d.end + 1) == CodePoint.year
    {
      return (2000 + d.value, d.end + 2)
    }
    // 民国三年 (1914): an era year in Chinese numerals after 民国
    if Self.chineseDigit(at(i)) != nil || at(i) == CodePoint.ten, let n = small(at: i),
      at(n.end) == CodePoint.year,
      cues.rocEraPrefixes.match(s, endingAt: i) != nil
    {
      return (n.value + 1911, n.end + 1)
    }
    if let y = spokenYear(at: i) { return y }
    var value = 0
    var j = i
    if let d = digits(at: i), d.count == 4 {
      value = d.value
      j = skipSpaces(d.end)
    } else {
      while j < i + 4, let d = Self.yearDigit(at(j)) {
        value = value * 10 + d
        j += 1
      }
      guard j == i + 4, Self.yearDigit(at(j)) == nil else { return nil }
    }
    let after = at(j + 1) == 0x7684 ? at(j + 2) : at(j + 1)  // 2000年(的)历史
    guard (1000...2999).contains(value), at(j) == CodePoint.year, !Self.lengthWords.contains(after)
    else { return nil }
    // 1000年的历史, 1500年前: before 1800 a number of years is far likelier than a
    // year, unless a month follows
    if value < 1800 && !monthFollows(j + 1, day: false) { return nil }
    return (value, j + 1)
  }

  /// 两千零四年, 两千年, 二〇〇八 aside: a year said with 千 (2000–2099), 零八年
  /// (a two-digit year with a leading zero), 三六七年 before a full month and day.
  func spokenYear(at i: Int) -> (value: Int, end: Int)? {
    if at(i) == 0x4E24 || at(i) == 0x4E8C, at(i + 1) == 0x5343 {  // 两千, 二千
      var j = i + 2
      var v = 2000
      if at(j) == 0x96F6 { j += 1 }  // 零
      if let n = small(at: j) {
        v += n.value
        j = n.end
      }
      return at(j) == CodePoint.year ? (v, j + 1) : nil
    }
    if at(i) == 0x96F6 || at(i) == 0x3007, let d = Self.yearDigit(at(i + 1)),
      at(i + 2) == CodePoint.year, Self.yearDigit(at(i - 1)) == nil
    {
      return (2000 + d, i + 3)
    }
    if let a = Self.yearDigit(at(i)), let b = Self.yearDigit(at(i + 1)),
      let c = Self.yearDigit(at(i + 2)), at(i + 3) == CodePoint.year, a > 0,
      Self.yearDigit(at(i - 1)) == nil, monthFollows(i + 4, day: true)
    {
      return (a * 100 + b * 10 + c, i + 4)
    }
    return nil
  }

  /// A connector between the ends of an interval (—, -, ~, 至, 到), spaces around it included.
  func connector(at i: Int) -> Int? {
    cues.connectors.match(s, at: skipSpaces(i)).map { skipSpaces($0.end) }
  }

  /// `i` moved past spaces (PDF text writes 2021 年 8 月).
  func skipSpaces(_ i: Int) -> Int {
    var j = i
    while j < s.count && s[j] == 0x20 && j - i < 3 { j += 1 }
    return j
  }

  /// Whether a month (and a day, if asked) follows at `i`: 10月, 10月1日.
  func monthFollows(_ i: Int, day: Bool) -> Bool {
    guard let m = small(at: skipSpaces(i)), (1...12).contains(m.value),
      at(skipSpaces(m.end)) == CodePoint.month
    else {
      return false
    }
    guard day else { return true }
    let e = skipSpaces(skipSpaces(m.end) + 1)
    guard let d = small(at: e) else { return false }
    return isDayMark(skipSpaces(d.end))
  }

  /// A month and day that cannot exist (2月30日; 2月29日 of a common year).
  func invalidMonthDay(at i: Int, year: Int) -> Bool {
    guard let m = small(at: i), (1...12).contains(m.value), at(m.end) == CodePoint.month,
      let d = small(at: m.end + 1),
      isDayMark(d.end)
    else { return false }
    return !DatePoint(year: .absolute(year), month: m.value, day: d.value).isValid
  }

  /// The date expression starting at `i`, if any.
  func parse(at i: Int) -> DateMention? {
    guard var m = core(at: i) else { return nil }
    if m.end == nil, m.mod == nil, m.festival == nil, let c = connector(at: m.range.upperBound),
      let b = core(at: c, afterConnector: true), b.end == nil, b.mod == nil, b.festival == nil,
      Self.sameGrain(m.start, b.start),
      let last = Self.ordered(m.start, b.start) ? b.start : Self.nextYear(of: m.start, b.start)
    {
      m.end = last
      m.range = m.range.lowerBound..<b.range.upperBound
    }
    if m.end == nil, m.mod == nil, m.festival == nil, let between = betweenInterval(after: m) {
      m = between
    }
    if m.start.day != nil, m.end == nil, let e = weekdayAfter(m.range.upperBound) {
      m.range = m.range.lowerBound..<e
    }
    if m.mod == nil || m.mod == "START", m.festival == nil,
      let suffix = cues.suffixMods.match(s, at: m.range.upperBound),
      m.mod == nil || suffix.value == "SINCE",
      !cues.suffixModBlockedAfter.contains(at(suffix.end)),
      !(suffix.end == m.range.upperBound + 1
        && (CodePoint.isASCIIDigit(at(suffix.end)) || small(at: suffix.end) != nil))
    {
      // 2月15日开始的春节长假: 开始的 describes what follows, no SINCE
      if !(s[suffix.end - 1] == 0x59CB && at(suffix.end) == 0x7684) {
        m.mod = suffix.value
        m.range = m.range.lowerBound..<suffix.end
      }
    }
    return m
  }

  /// 2015年和2018年之间, 三月与九月间: an interval only with 间/之间 after it
  /// (2015年和2018年的销售额 is two dates).
  func betweenInterval(after m: DateMention) -> DateMention? {
    let j = m.range.upperBound
    guard at(j) == 0x548C || at(j) == 0x4E0E, let b = core(at: j + 1, afterConnector: true),
      b.end == nil,
      b.mod == nil,
      b.festival == nil, Self.sameGrain(m.start, b.start)
    else { return nil }
    var e = b.range.upperBound
    if at(e) == 0x4E4B { e += 1 }  // 之
    guard at(e) == 0x95F4 else { return nil }  // 间
    var out = m
    out.end = b.start
    out.range = m.range.lowerBound..<e + 1
    return out
  }

  /// Whether `b` comes after `a` (an interval A/B needs A <= B); a `b` without
  /// a year is in `a`'s year.
  static func ordered(_ a: DatePoint, _ b: DatePoint) -> Bool {
    let rest = { (p: DatePoint) in [p.month ?? 0, p.day ?? 0, p.quarter ?? 0, p.half ?? 0] }
    switch (a.year, b.year) {
    case (.absolute(let x), .absolute(let y)) where x != y: return x < y
    case (.relative(let x), .relative(let y)) where x != y: return x < y
    case (_, .implicit), (.absolute, .absolute), (.relative, .relative):
      return rest(a).lexicographicallyPrecedes(rest(b))
    default: return true
    }
  }

  /// 8月至2月: a yearless end before the start is in the next year.
  static func nextYear(of a: DatePoint, _ b: DatePoint) -> DatePoint? {
    guard b.year == .implicit, a.month != nil || a.quarter != nil else { return nil }
    var last = b
    switch a.year {
    case .absolute(let y): last.year = .absolute(y + 1)
    case .relative(let k): last.year = .relative(k + 1)
    case .implicit: last.year = .relative(1)
    }
    return last
  }

  static func sameGrain(_ a: DatePoint, _ b: DatePoint) -> Bool {
    (a.month == nil) == (b.month == nil) && (a.day == nil) == (b.day == nil)
      && (a.quarter == nil) == (b.quarter == nil) && (a.half == nil) == (b.half == nil)
  }

  /// A year head and its tail, or a tail alone (8月25日, 上半年, 年底).
  func core(at i: Int, afterConnector: Bool = false) -> DateMention? {
    // after 至/到 ICU often glues the connector to what follows (至今|年): no word check
    // 在今|年年|底: ICU may cut a relative word after a preposition; a particle
    // before it still ends the word before
    let wordStart = {
      afterConnector || startsToken(i) || Self.particlesBefore.contains(at(i - 1))
    }
    // 民国三年, 民國112年12月: the era word belongs to the date
    if let era = cues.rocEraPrefixes.match(s, at: i), var m = core(at: era.end),
      m.start.year.isExplicit
    {
      m.range = i..<m.range.upperBound
      return m
    }
    if let numeric = numericDate(at: i) { return numeric }
    let c = at(i)
    let digit = CodePoint.isASCIIDigit(c) || Self.yearDigit(c) != nil
    // each helper below returns a whole mention: a cheap look at the next
    // characters first keeps the common case from copying an empty one
    if digit, Self.fiscalSeparators.contains(at(i + 4)), let fy = fiscalYear(at: i) { return fy }
    if let y = year(at: i) {
      // 2021—2025年, 2021年—2025年
      if let c = connector(at: y.end), let y2 = year(at: c), y2.value > y.value {
        return DateMention(
          range: i..<y2.end, start: DatePoint(year: .absolute(y.value)),
          end: DatePoint(year: .absolute(y2.value)))
      }
      if at(y.end) == 0x4EE3, y.value % 10 == 0 {  // 1990年代
        return DateMention(
          range: i..<y.end + 1, start: DatePoint(year: .absolute(y.value), decade: true))
      }
      let head = at(y.end) == CodePoint.degree ? y.end + 1 : y.end
      if let t = tail(at: skipSpaces(head), from: i, year: .absolute(y.value)) { return t }
      // 二○二二年的第四季: 的 between a year and its quarter, half or month
      if at(head) == 0x7684, let t = tail(at: head + 1, from: i, year: .absolute(y.value)),
        t.start.quarter != nil || t.start.half != nil || (t.start.month ?? 0) > 0
      {
        return t
      }
      // 2019年2月29日 is no date at all, not the year 2019
      if invalidMonthDay(at: skipSpaces(head), year: y.value) { return nil }
      return DateMention(range: i..<head, start: DatePoint(year: .absolute(y.value)))
    }
    if let d = digits(at: i), d.count == 4, (1000...2999).contains(d.value),
      let c = connector(at: d.end)
    {
      if let y2 = year(at: c), y2.value > d.value {
        return DateMention(
          range: i..<y2.end, start: DatePoint(year: .absolute(d.value)),
          end: DatePoint(year: .absolute(y2.value)))
      }
      // 从2016到2018: bare years, but only after 从/自
      if cues.sincePrefixes.contains(at(i - 1)), let d2 = digits(at: c), d2.count == 4,
        d2.value > d.value,
        d2.value - d.value <= 100
      {
        return DateMention(
          range: i..<d2.end, start: DatePoint(year: .absolute(d.value)),
          end: DatePoint(year: .absolute(d2.value)))
      }
    }
    if c == 0x4ECA, let today = todayWithDate(at: i) { return today }
    if let r = cues.relativeDays.match(s, at: i), wordStart(), at(i - 1) != 0x300A,
      cues.relativeDayBlockedAfter.match(s, at: r.end) == nil
    {
      return DateMention(range: i..<r.end, start: DatePoint(year: .relative(0)), dayOffset: r.value)
    }
    if Self.weekStarts.contains(c), Self.weekSeconds.contains(at(i + 1)), let w = week(at: i) {
      return w
    }
    if cues.relativeMonths.match(s, at: i) != nil, wordStart(),
      let m = relativeMonth(at: i, from: i, year: 0)
    {
      return m
    }
    if let d = decade(at: i) { return d }
    if let r = cues.relativeYears.match(s, at: i), wordStart(),
      let m = relativeMonth(at: r.end, from: i, year: r.value)
    {
      return m  // 去年本月十日
    }
    if c < 0x10000, DateExtractor.chineseStarts[Int(c)] == 2, let era = eraYear(at: i) {
      return era
    }
    if let r = cues.relativeYears.match(s, at: i), wordStart() {
      // 今年度, 本年度, 明年度: the (fiscal) year, a calendar year
      // 去年同期: the period named last, in that year (filled in by the extractor)
      if at(r.end) == 0x540C && at(r.end + 1) == 0x671F {
        var m = DateMention(range: i..<r.end + 2, start: DatePoint(year: .relative(r.value)))
        m.samePeriod = true
        return m
      }
      let e = at(r.end) == CodePoint.degree ? r.end + 1 : r.end
      return tail(at: skipSpaces(e), from: i, year: .relative(r.value))
        ?? DateMention(range: i..<e, start: DatePoint(year: .relative(r.value)))
    }
    // 该年12月底, 同年: the year written last before it
    if at(i + 1) == CodePoint.year, at(i) == 0x8BE5 || at(i) == 0x540C, wordStart() {
      var m =
        tail(at: i + 2, from: i, year: .relative(0))
        ?? DateMention(range: i..<i + 2, start: DatePoint(year: .relative(0)))
      m.anaphoric = true
      return m
    }
    if c == CodePoint.ten, at(i + 2) == 0x4E94, let plan = fiveYearPlan(at: i) { return plan }
    if digit || c == CodePoint.ten || c == 0x4E24, agoFollows(i), let ago = ago(at: i) {
      return ago
    }
    guard !cues.bareBlockedBefore.contains(at(i - 1)) else { return nil }
    if at(i) == CodePoint.year, let part = yearPart(at: i + 1) {
      return DateMention(range: i..<part.end, start: DatePoint(year: .implicit), mod: part.mod)
    }
    return tail(at: i, from: i, year: .implicit)
  }

  /// 本月, 上个月, 本月十日 at `p` (after a relative year at `i`, or alone).
  func relativeMonth(at p: Int, from i: Int, year k: Int) -> DateMention? {
    guard let r = cues.relativeMonths.match(s, at: p) else { return nil }
    var m = DateMention(
      range: i..<r.end, start: DatePoint(year: .relative(k)), monthOffset: r.value)
    if let d = small(at: r.end), (1...31).contains(d.value), isDayMark(d.end) {
      m.start.day = d.value
      m.range = i..<d.end + 1
    }
    return m
  }

  /// 康熙三年五月, 民国三年 aside: a reign year of an imperial era (Resources
  /// date-cues.json, eras), its first year given; 元年 is the first.
  func eraYear(at i: Int) -> DateMention? {
    guard let e = cues.eras.match(s, at: i) else { return nil }
    var n: (value: Int, end: Int)?
    if at(e.end) == 0x5143 {
      n = (1, e.end + 1)
    }  // 元
    else if let d = digits(at: e.end), d.count <= 2 {
      n = (d.value, d.end)
    } else {
      n = small(at: e.end)
    }
    guard let n, at(n.end) == CodePoint.year else { return nil }
    let y = e.value + n.value - 1
    if let t = tail(at: n.end + 1, from: i, year: .absolute(y)), t.start.month != nil { return t }
    return DateMention(range: i..<n.end + 1, start: DatePoint(year: .absolute(y)))
  }

  /// 90年代, 上世纪90年代, 20世纪80年代, 十九世纪七十年代: a decade, written 199X.
  /// Without a century, 30–90年代 are the 1900s and 00–20年代 the 2000s.
  func decade(at i: Int) -> DateMention? {
    var j = i
    var century: Int?
    if let c = cues.centuries.match(s, at: i) {
      century = c.value
      j = c.end
    } else if let n = small(at: i), (1...21).contains(n.value), matches(Self.shiji, at: n.end) {
      century = n.value - 1
      j = n.end + Self.shiji.count
    }
    guard let d = small(at: j), d.value % 10 == 0, d.value >= 10 || CodePoint.isASCIIDigit(s[j]),
      matches(Self.niandai, at: d.end)
    else { return nil }
    let year =
      century.map { $0 * 100 + d.value } ?? (d.value >= 30 ? 1900 + d.value : 2000 + d.value)
    return DateMention(range: i..<d.end + 2, start: DatePoint(year: .absolute(year), decade: true))
  }

  /// 2021-08-25, 2021/8/25, 2021.08.25: a year only with a full month and day;
  /// also 106-02-09 (ROC, Traditional text), 13.10.2015 (day first), 12/28.
  func numericDate(at i: Int) -> DateMention? {
    if CodePoint.isASCIIDigit(at(i)), mayBeNumericDate(i), let m = otherNumericDate(at: i) {
      return m
    }
    guard let y = digits(at: i), y.count == 4, (1000...2999).contains(y.value) else { return nil }
    let sep = at(y.end)
    guard sep == 0x2D || sep == 0x2F || sep == 0x2E, let m = digits(at: y.end + 1), m.count <= 2,
      at(m.end) == sep, let d = digits(at: m.end + 1), d.count <= 2, at(d.end) != 0x2E
    else { return nil }
    let p = DatePoint(year: .absolute(y.value), month: m.value, day: d.value)
    return p.isValid ? DateMention(range: i..<d.end, start: p) : nil
  }

  /// 初/底/末 (and 中 when no word follows) after a year: START, END, MID.
  func yearPart(at i: Int) -> (end: Int, mod: String)? {
    guard let p = cues.yearParts.match(s, at: i) else { return nil }
    let next = at(p.end)
    // 年中 only before punctuation or a function word (年中以来), not 2021年中国
    if p.value == "MID" && CodePoint.isHan(next) && !Self.midFollowers.contains(next) { return nil }
    return cues.yearPartBlockedAfter.contains(next) ? nil : (p.end, p.value)
  }

  /// What follows a year head (or stands alone): a part of the year, a half, a
  /// quarter, the first N quarters or months, a month with or without a day, a festival.
  func tail(at p: Int, from i: Int, year: YearReference) -> DateMention? {
    let headed = year != .implicit
    // a bare Chinese numeral must begin a word: 统一|月度, 统一|季度 hold no date
    if !headed, Self.chineseDigit(at(p)) != nil || at(p) == CodePoint.ten, !startsToken(p) {
      return nil
    }
    // 2021年底, 今年年底, 2022年年中
    if headed, let part = yearPart(at: p) ?? (at(p) == CodePoint.year ? yearPart(at: p + 1) : nil) {
      return DateMention(range: i..<part.end, start: DatePoint(year: year), mod: part.mod)
    }
    if headed, let e = wholeYear(at: p) {
      return DateMention(range: i..<e, start: DatePoint(year: year))
    }
    if let h = cues.halves.match(s, at: p), headed || startsToken(p) {
      return DateMention(range: i..<h.end, start: DatePoint(year: year, half: h.value))
    }
    if let q = quarters(at: p, year: year) {
      var m = q
      m.range = i..<q.range.upperBound
      return m
    }
    // 今年前8个月, and 前2个月 alone (the first months of the document year)
    if headed || (at(p) == CodePoint.front && startsToken(p)), Self.isFirstN(at(p)),
      let n = small(at: p + 1), (2...12).contains(n.value)
    {
      let e = at(n.end) == CodePoint.ge ? n.end + 1 : n.end
      if at(e) == CodePoint.month {
        return DateMention(
          range: i..<e + 1, start: DatePoint(year: year, month: 1),
          end: DatePoint(year: year, month: n.value))
      }
    }
    if var m = months(at: p, year: year) {
      m.range = i..<m.range.upperBound
      return m
    }
    if headed, let f = cues.festivals.match(s, at: p) {
      let mod = cues.festivalMods.match(s, at: f.end)
      return DateMention(
        range: i..<(mod?.end ?? f.end), start: DatePoint(year: year),
        mod: mod.flatMap { $0.value.isEmpty ? nil : $0.value }, festival: f.value)
    }
    return nil
  }

  /// 日 or 号 after a day number.
  func isDayMark(_ i: Int) -> Bool { at(i) == CodePoint.day || at(i) == CodePoint.dayNumber }

  func matches(_ p: [UInt32], at i: Int) -> Bool {
    guard i + p.count <= s.count else { return false }
    for k in 0..<p.count where s[i + k] != p[k] { return false }
    return true
  }
}

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

  static let nian: UInt32 = 0x5E74  // 年
  static let yue: UInt32 = 0x6708  // 月
  static let ri: UInt32 = 0x65E5  // 日
  static let hao: UInt32 = 0x53F7  // 号
  static let fen: UInt32 = 0x4EFD  // 份
  static let du: UInt32 = 0x5EA6  // 度
  static let di: UInt32 = 0x7B2C  // 第
  static let qian: UInt32 = 0x524D  // 前
  static let ge: UInt32 = 0x4E2A  // 个
  static let shi: UInt32 = 0x5341  // 十
  static let jidu: [UInt32] = [0x5B63, 0x5EA6]  // 季度
  /// After N年, 历 (2000年历史) makes it a length of time, not a year.
  static let lengthWords: Set<UInt32> = [0x5386]  // 历

  /// 〇零一…九 as digits (两 is a count, never a date digit).
  static func chineseDigit(_ c: UInt32) -> Int? {
    switch c {
    case 0x3007, 0x96F6: return 0
    case 0x4E00: return 1
    case 0x4E8C: return 2
    case 0x4E09: return 3
    case 0x56DB: return 4
    case 0x4E94: return 5
    case 0x516D: return 6
    case 0x4E03: return 7
    case 0x516B: return 8
    case 0x4E5D: return 9
    default: return nil
    }
  }

  static func isDigit(_ c: UInt32) -> Bool { c >= 0x30 && c <= 0x39 }
  static func isHan(_ c: UInt32) -> Bool { c >= 0x3400 && c <= 0x9FFF }

  func at(_ i: Int) -> UInt32 { i < s.count && i >= 0 ? s[i] : 0 }

  /// A run of ASCII digits at `i`: its value, end and length (at most 6 digits read).
  func digits(at i: Int) -> (value: Int, end: Int, count: Int)? {
    var j = i, v = 0
    while j < s.count && Self.isDigit(s[j]) && j - i < 6 {
      v = v * 10 + Int(s[j] - 0x30)
      j += 1
    }
    return j > i && !Self.isDigit(at(j)) ? (v, j, j - i) : nil
  }

  /// A number from 1 to 99 in one or two digits or in Chinese numerals (八, 十二, 二十五).
  func small(at i: Int) -> (value: Int, end: Int)? {
    if let d = digits(at: i), d.count <= 2 { return (d.value, d.end) }
    var j = i, v = 0
    if let a = Self.chineseDigit(at(j)), a > 0 {
      v = a
      j += 1
    }
    if at(j) == Self.shi {
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
    if let d = digits(at: i), (2...3).contains(d.count), (1...200).contains(d.value), at(d.end) == Self.nian {
      let era = cues.rocEraPrefixes.match(s, endingAt: i) != nil
      let month = small(at: d.end + 1).map { (1...12).contains($0.value) && at($0.end) == Self.yue } ?? false
      return era || (rocYears && month) ? (d.value + 1911, d.end + 1) : nil
    }
    var value = 0, j = i
    if let d = digits(at: i), d.count == 4 {
      value = d.value
      j = d.end
    } else {
      while j < i + 4, let d = Self.chineseDigit(at(j)) {
        value = value * 10 + d
        j += 1
      }
      guard j == i + 4, Self.chineseDigit(at(j)) == nil else { return nil }
    }
    guard (1000...2999).contains(value), at(j) == Self.nian, !Self.lengthWords.contains(at(j + 1))
    else { return nil }
    return (value, j + 1)
  }

  /// A connector between the ends of an interval (—, -, ~, 至, 到).
  func connector(at i: Int) -> Int? { cues.connectors.match(s, at: i)?.end }

  /// The date expression starting at `i`, if any.
  func parse(at i: Int) -> DateMention? {
    guard var m = core(at: i) else { return nil }
    if m.end == nil, m.mod == nil, m.festival == nil, let c = connector(at: m.range.upperBound),
      let b = core(at: c), b.end == nil, b.mod == nil, b.festival == nil, Self.sameGrain(m.start, b.start)
    {
      m.end = b.start
      m.range = m.range.lowerBound..<b.range.upperBound
    }
    if m.mod == nil || m.mod == "START", m.festival == nil,
      let suffix = cues.suffixMods.match(s, at: m.range.upperBound), m.mod == nil || suffix.value == "SINCE",
      !cues.suffixModBlockedAfter.contains(at(suffix.end)),
      !(suffix.end == m.range.upperBound + 1 && (Self.isDigit(at(suffix.end)) || small(at: suffix.end) != nil))
    {
      m.mod = suffix.value
      m.range = m.range.lowerBound..<suffix.end
    }
    return m
  }

  static func sameGrain(_ a: DatePoint, _ b: DatePoint) -> Bool {
    (a.month == nil) == (b.month == nil) && (a.day == nil) == (b.day == nil)
      && (a.quarter == nil) == (b.quarter == nil) && (a.half == nil) == (b.half == nil)
  }

  /// A year head and its tail, or a tail alone (8月25日, 上半年, 年底).
  func core(at i: Int) -> DateMention? {
    if let numeric = numericDate(at: i) { return numeric }
    if let y = year(at: i) {
      // 2021—2025年, 2021年—2025年
      if let c = connector(at: y.end), let y2 = year(at: c), y2.value > y.value {
        return DateMention(
          range: i..<y2.end, start: DatePoint(year: .absolute(y.value)),
          end: DatePoint(year: .absolute(y2.value)))
      }
      let head = at(y.end) == Self.du ? y.end + 1 : y.end
      return tail(at: head, from: i, year: .absolute(y.value))
        ?? DateMention(range: i..<head, start: DatePoint(year: .absolute(y.value)))
    }
    if let d = digits(at: i), d.count == 4, (1000...2999).contains(d.value),
      let c = connector(at: d.end), let y2 = year(at: c), y2.value > d.value
    {
      return DateMention(
        range: i..<y2.end, start: DatePoint(year: .absolute(d.value)),
        end: DatePoint(year: .absolute(y2.value)))
    }
    if let r = cues.relativeYears.match(s, at: i) {
      return tail(at: r.end, from: i, year: .relative(r.value))
        ?? DateMention(range: i..<r.end, start: DatePoint(year: .relative(r.value)))
    }
    guard !cues.bareBlockedBefore.contains(at(i - 1)) else { return nil }
    if at(i) == Self.nian, let part = yearPart(at: i + 1) {
      return DateMention(range: i..<part.end, start: DatePoint(year: .implicit), mod: part.mod)
    }
    return tail(at: i, from: i, year: .implicit)
  }

  /// 2021-08-25, 2021/8/25, 2021.08.25: a year only with a full month and day.
  func numericDate(at i: Int) -> DateMention? {
    guard let y = digits(at: i), y.count == 4, (1900...2100).contains(y.value) else { return nil }
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
    if p.value == "MID" && Self.isHan(next) { return nil }
    return cues.yearPartBlockedAfter.contains(next) ? nil : (p.end, p.value)
  }

  /// What follows a year head (or stands alone): a part of the year, a half, a
  /// quarter, the first N quarters or months, a month with or without a day, a festival.
  func tail(at p: Int, from i: Int, year: YearReference) -> DateMention? {
    let headed = year != .implicit
    if headed, let part = yearPart(at: p) {
      return DateMention(range: i..<part.end, start: DatePoint(year: year), mod: part.mod)
    }
    if let h = cues.halves.match(s, at: p) {
      return DateMention(range: i..<h.end, start: DatePoint(year: year, half: h.value))
    }
    if let q = quarters(at: p, year: year) {
      var m = q
      m.range = i..<q.range.upperBound
      return m
    }
    if headed, at(p) == Self.qian, let n = small(at: p + 1), (2...12).contains(n.value) {
      let e = at(n.end) == Self.ge ? n.end + 1 : n.end
      if at(e) == Self.yue {
        return DateMention(
          range: i..<e + 1, start: DatePoint(year: year, month: 1), end: DatePoint(year: year, month: n.value))
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

  /// 一季度, 第一季度, 1季度 (+ 末/初), 一至三季度, 前三季度 (Q1/Q3).
  func quarters(at p: Int, year: YearReference) -> DateMention? {
    if at(p) == Self.qian, let n = small(at: p + 1), (2...4).contains(n.value), let e = quarterEnd(n.end, false) {
      return DateMention(
        range: p..<e, start: DatePoint(year: year, quarter: 1), end: DatePoint(year: year, quarter: n.value))
    }
    let q0 = at(p) == Self.di ? p + 1 : p
    // a bare 季 only as 第N季 after a year (今年四季如春 is the four seasons)
    let short = year != .implicit && q0 > p
    guard let n = small(at: q0), (1...4).contains(n.value) else { return nil }
    if let c = connector(at: n.end), let n2 = small(at: c), n2.value > n.value, n2.value <= 4,
      let e = quarterEnd(n2.end, short)
    {
      return DateMention(
        range: p..<e, start: DatePoint(year: year, quarter: n.value), end: DatePoint(year: year, quarter: n2.value))
    }
    guard let e = quarterEnd(n.end, short) else { return nil }
    var m = DateMention(range: p..<e, start: DatePoint(year: year, quarter: n.value))
    if let part = cues.quarterParts.match(s, at: e), !cues.yearPartBlockedAfter.contains(at(part.end)) {
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
      at(m2.end) == Self.yue
    {
      let e = at(m2.end + 1) == Self.fen ? m2.end + 2 : m2.end + 1
      return DateMention(
        range: p..<e, start: DatePoint(year: year, month: m1.value), end: DatePoint(year: year, month: m2.value))
    }
    guard at(m1.end) == Self.yue else { return nil }
    var e = m1.end + 1
    if at(e) == Self.fen { e += 1 }
    var point = DatePoint(year: year, month: m1.value)
    if let d = small(at: e) {
      if let c = connector(at: d.end), let d2 = small(at: c), d2.value > d.value, isDayMark(d2.end) {
        // 8月25—27日
        point.day = d.value
        var last = point
        last.day = d2.value
        guard point.isValid, last.isValid else { return nil }
        return DateMention(range: p..<d2.end + 1, start: point, end: last)
      }
      if isDayMark(d.end) {
        point.day = d.value
        guard point.isValid else { return nil }
        var m = DateMention(range: p..<d.end + 1, start: point)
        // 8月25日至27日
        if let c = connector(at: d.end + 1), let d2 = small(at: c), d2.value > d.value, isDayMark(d2.end) {
          var last = point
          last.day = d2.value
          if last.isValid {
            m.end = last
            m.range = p..<d2.end + 1
          }
        }
        return m
      }
    }
    if let part = cues.monthParts.match(s, at: e), !cues.yearPartBlockedAfter.contains(at(part.end)) {
      return DateMention(range: p..<part.end, start: point, mod: part.value)
    }
    return DateMention(range: p..<e, start: point)
  }

  /// A bare day, 25日, read against the month mentioned before it (day 0 of month 0
  /// until the extractor fills it in). Not 3日内 (a duration) nor 第3日.
  func bareDay(at i: Int) -> DateMention? {
    guard let d = digits(at: i), d.count <= 2, (1...31).contains(d.value), at(d.end) == Self.ri else {
      return nil
    }
    let before = at(i - 1)
    if before == Self.yue || before == Self.di || before == 0x6BCF /* 每 */ || before == 0x2E { return nil }
    let after = at(d.end + 1)
    if after == 0x5185 /* 内 */ || after == 0x4EE5 /* 以 */ || after == 0x4E4B /* 之 */ { return nil }
    return DateMention(range: i..<d.end + 1, start: DatePoint(year: .implicit, month: 0, day: d.value))
  }

  /// 日 or 号 after a day number.
  func isDayMark(_ i: Int) -> Bool { at(i) == Self.ri || at(i) == Self.hao }

  func matches(_ p: [UInt32], at i: Int) -> Bool {
    guard i + p.count <= s.count else { return false }
    for k in 0..<p.count where s[i + k] != p[k] { return false }
    return true
  }
}

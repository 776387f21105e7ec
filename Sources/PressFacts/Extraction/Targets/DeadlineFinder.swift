/// A deadline phrase (到2025年, 5年内, 今年将, "by 2025") and the year it resolves to.
/// `phrase` is in normalized offsets; the goals it governs follow it.
struct Deadline: Sendable, Equatable {
  var phrase: Range<Int>
  var year: String
  var scope: Scope = .sentence
  /// N of a duration (5年内, "over the next five years").
  var duration: Int? = nil
  /// The length of a plan period the phrase names ("十五五"时期, "Five-Year Plan (2026-30)").
  var planYears: Int? = nil

  enum Scope: Sendable, Equatable {
    case sentence, paragraph
    case list(start: Int)
  }
}

/// Character classes of the normalized text, on code points (no String indexing).
enum TargetScan {

  /// 〇零一二两三四五六七八九 → 0...9.
  static func chineseDigit(_ c: UInt32) -> Int? {
    // 两; ○ (white circle), the zero Hong Kong and Taiwan texts type for 〇 (二○二七年).
    c == 0x4E24 ? 2 : c == 0x25CB ? 0 : ChineseDigit.value(c)
  }

  /// Whether an English word can start at `i` (no letter just before it).
  static func wordStart(_ s: [UInt32], _ i: Int) -> Bool {
    i == 0 || !CodePoint.isASCIILetter(s[i - 1])
  }

  /// The number written just before `end` (Arabic digits, or Chinese numerals with
  /// an optional 十: 二〇二五, 五, 十五), with its start; nil if there is none.
  static func number(endingAt end: Int, in s: [UInt32]) -> (start: Int, value: Int, digits: Int)? {
    var j = end
    while j > 0 && end - j < 4 && CodePoint.isASCIIDigit(s[j - 1]) { j -= 1 }
    if j < end {
      // longer number, decimal
      if j > 0 && (CodePoint.isASCIIDigit(s[j - 1]) || s[j - 1] == 0x2E) { return nil }
      let v = s[j..<end].reduce(0) { $0 * 10 + Int($1 - 0x30) }
      return (j, v, end - j)
    }
    while j > 0 && end - j < 4 && (chineseDigit(s[j - 1]) != nil || s[j - 1] == CodePoint.ten) {
      j -= 1
    }
    guard j < end else { return nil }
    return (j, chineseValue(s[j..<end]), end - j)
  }

  /// 二〇二五 → 2025 digit by digit; with 十: 十 → 10, 十五 → 15, 二十 → 20.
  static func chineseValue(_ chars: ArraySlice<UInt32>) -> Int {
    guard let ten = chars.firstIndex(of: CodePoint.ten) else {
      return chars.reduce(0) { $0 * 10 + (chineseDigit($1) ?? 0) }
    }
    let tens = ten == chars.startIndex ? 1 : (chineseDigit(chars[ten - 1]) ?? 1)
    let ones = ten + 1 < chars.endIndex ? (chineseDigit(chars[ten + 1]) ?? 0) : 0
    return tens * 10 + ones
  }
}

/// Finds deadline phrases in one pass over the normalized text: every 年 is checked
/// for 到2025年 / 2025年前 / 2025年计划 / 5年内 / 今年, every English word start for
/// "by 2025" and "within five years". Relative deadlines need the document's year;
/// without one they are not deadlines (their goals are skipped, never guessed).
struct DeadlineFinder {
  let cues: TargetCues
  let s: [UInt32]
  let docYear: Int?
  /// Date candidates: an absolute year takes the date extractor's value when one covers it.
  let dates: SortedCandidates
  /// A Traditional text, where a three-digit year is an ROC year (民國106年 = 2017).
  var roc = false

  func find() -> [Deadline] {
    var found = [Deadline]()
    for i in s.indices {
      // Inside the phrase just found ("by the end of next year").
      if let last = found.last, last.phrase.upperBound > i { continue }
      // Inside a list header (“十四五”时期(2021年至2025年)的目标：): its years are no deadlines.
      if let last = found.last, case .list(let colon) = last.scope, i < colon { continue }
      let c = s[i]
      var d: Deadline?
      if c == CodePoint.year {
        d = chinese(at: i)
      } else if c == CodePoint.ten {
        d = planPeriod(at: i)
      } else if CodePoint.isASCIILetter(c), TargetScan.wordStart(s, i) {
        d = english(at: i)
      }
      if let d, !insideTitle(d.phrase.lowerBound) { found.append(d) }
    }
    found = durationsOfCurrentPlan(found)
    let planned = plannedDates(besides: found)
    guard !planned.isEmpty else { return found }
    return (found + planned).sorted { $0.phrase.lowerBound < $1.phrase.lowerBound }
  }

  /// In a document written in the first year of a plan period it names (a 2026 text on
  /// the 15th Five-Year Plan, 2026-30), "the next five years" / 未来五年 are that period:
  /// the deadline is the plan's last year, not the document's year + 5.
  func durationsOfCurrentPlan(_ found: [Deadline]) -> [Deadline] {
    guard let docYear else { return found }
    let plans = found.filter { d in
      guard let n = d.planYears, let last = Int(d.year) else { return false }
      return last - n + 1 == docYear
    }
    guard !plans.isEmpty else { return found }
    return found.map { d in
      guard let n = d.duration, d.year == String(docYear + n),
        let plan = plans.first(where: { $0.planYears == n })
      else { return d }
      var snapped = d
      snapped.year = plan.year
      return snapped
    }
  }

  /// Whether `i` is inside a 《title》 (《重庆市到2025年数字经济发展规划》 names a
  /// document; it sets no deadline itself).
  private func insideTitle(_ i: Int) -> Bool {
    var j = i
    while j > 0 && i - j < 60 {
      j -= 1
      switch s[j] {
      case 0x300A: return true  // 《
      case 0x300B, 0x3002, 0x0A: return false  // 》, 。, line break
      default: continue
      }
    }
    return false
  }

  // MARK: Chinese

  /// Spaces around the number are allowed, as exported documents write them (到 2025 年).
  private func chinese(at y: Int) -> Deadline? {
    if let n = TargetScan.number(endingAt: y > 0 && s[y - 1] == 0x20 ? y - 1 : y, in: s) {
      let start = n.start > 0 && s[n.start - 1] == 0x20 ? n.start - 1 : n.start
      if n.digits == 4 && (1900...2199).contains(n.value) { return absolute(start, y, n.value) }
      // 113年 in a Taiwan text: the date extractor has read it as an ROC year (2024).
      if n.digits == 3, let year = dateYear(covering: y), year >= 1912 {
        return absolute(start, y, year)
      }
      // 預計106年 in a Traditional text the date extractor left alone: ROC year + 1911.
      if n.digits == 3 && roc && (100...199).contains(n.value) && s[y - 1] != 0x20 {
        return absolute(start, y, n.value + 1911)
      }
      if n.value >= 1 && n.value <= 30 { return duration(start, y, n.value) }
      return nil
    }
    return relative(y)
  }

  /// 到2025年(底), 力争到2035年, 2025年前, 2023年计划…; not 截至2023年底, not a past year.
  private func absolute(_ start: Int, _ y: Int, _ parsed: Int) -> Deadline? {
    let year = dateYear(covering: y) ?? parsed
    if let docYear, year < docYear { return nil }
    let prefix = cues.deadlinePrefixes.match(s, endingAt: start)
    let hasPrefix = prefix > cues.blockedPrefixes.match(s, endingAt: start)
    if prefix == 0 && cues.blockedPrefixes.match(s, endingAt: start) > 0 { return nil }
    if prefix == 1 && start >= 2 && s[start - 2] == CodePoint.year { return nil }  // 2021年至2035年
    var (date, dateEnd) = monthAndDay(after: y, year: year)
    if dateEnd == y + 1, let p = period(after: y + 1) {  // 2022年(的)第四季, 2019年上半年
      date += p.suffix
      dateEnd = p.end
    }
    var end = dateEnd
    if end == y + 1 && end < s.count && s[end] == CodePoint.degree {
      if namesFiscalProgramme(degreeAt: end) { return nil }
      end += 1  // 2024年度将…, 预计2024年度完成: 年度 belongs to the phrase
    }
    let suffix = cues.yearEndSuffixes.match(s, at: end)
    var before = false
    if suffix > 0 && !startsCount(at: end + suffix) {
      before = s[end + suffix - 1] == CodePoint.front
      end += suffix
    }
    // 在2034年入伙, 于2026年5月完工: a future date with its milestone verb as the clause's end.
    let planned =
      cues.modal(s, at: end) > 0
      || (year > (docYear ?? 0) && start > 0 && (s[start - 1] == 0x4E8E || s[start - 1] == 0x5728)
        && milestoneEndsClause(at: end))
    let header = listHeader(from: start, after: end)
    guard
      hasPrefix || before || planned || header != nil || modalBefore(start)
        || futureYearLead(year, end)
    else {
      return nil
    }
    let phraseStart = hasPrefix ? start - prefix : start
    return Deadline(
      phrase: phraseStart..<end, year: date, scope: scope(phraseStart, header: header))
  }

  /// Whether the 度 of 年度 at `i` starts a fiscal year that names a budget, a programme or
  /// funding (争取2023年度专项资金, 獲112年度前瞻補助計畫): the year qualifies the noun after
  /// it and sets no deadline, even after 争取/预计. 2024年度将…, 预计2024年度完成 stay deadlines:
  /// a modal or a goal verb follows.
  func namesFiscalProgramme(degreeAt i: Int) -> Bool {
    guard i + 1 < s.count, s[i] == CodePoint.degree, CodePoint.isHan(s[i + 1]) else {
      return false
    }
    let j = i + 1
    return cues.modal(s, at: j) == 0 && cues.goalVerbs.match(s, at: j) == 0
      && cues.milestoneVerbs.match(s, at: j) == 0 && cues.resultVerbs.match(s, at: j) == 0
      && !endsFiscalYear(at: j)
  }

  /// 年度内, 年度底前, 年度前 before a break: the fiscal year's end (not 年度前瞻计划, a name).
  private func endsFiscalYear(at j: Int) -> Bool {
    let n = cues.yearEndSuffixes.match(s, at: j)
    guard n > 0 else { return false }
    return s[j] != CodePoint.front || j + 1 >= s.count || !CodePoint.isHan(s[j + 1])
      || cues.modal(s, at: j + 1) > 0 || cues.milestoneVerbs.match(s, at: j + 1) > 0
  }

  /// Whether a milestone verb (入伙, 完工) at `i` is all that is left of its clause.
  private func milestoneEndsClause(at i: Int) -> Bool {
    let n = cues.milestoneVerbs.match(s, at: i)
    return n > 0 && clauseEnd(from: i) == i + n
  }

  /// 2025年6月(30日): the deadline as YYYY-MM(-DD) and where the phrase ends; just
  /// the year when no month follows 年 at `y`.
  private func monthAndDay(after y: Int, year: Int) -> (String, Int) {
    var date = String(year)
    var end = y + 1
    for (unit, limit) in Self.monthDay {
      var j = end
      while j < s.count && j - end < 2 && CodePoint.isASCIIDigit(s[j]) { j += 1 }
      guard j > end, j < s.count, s[j] == unit else { break }
      let v = s[end..<j].reduce(0) { $0 * 10 + Int($1 - 0x30) }
      guard v >= 1 && v <= limit else { break }
      date += v < 10 ? "-0\(v)" : "-\(v)"
      end = j + 1
    }
    return (date, end)
  }

  /// Whether a future modal ends just before `start`, maybe with 于/在 between: 将于2025年,
  /// 力争在今年, 计划于2025年 (not 主要在2025年, and not the noun in 行动计划2023年工作).
  func modalBefore(_ start: Int) -> Bool {
    var p = start
    if p > 0 && (s[p - 1] == 0x4E8E || s[p - 1] == 0x5728) {  // 于, 在; 预计，在2027年
      p -= 1
      if p > 0 && s[p - 1] == 0x2C { p -= 1 }
    }
    guard cues.futureModals.match(s, endingAt: p) > 0,
      cues.modalBlockers.match(s, endingAt: p) == 0
    else { return false }
    return p < start || !matches(Self.jihua, at: p - 2)
  }

  /// 计划, a modal that is also a noun: only with 于/在 before a year.
  private static let jihua: [UInt32] = [0x8BA1, 0x5212]

  /// 月 up to 12, then 日 up to 31.
  private static let monthDay: [(unit: UInt32, limit: Int)] = [(0x6708, 12), (0x65E5, 31)]

  /// "2025年，全市将…": the document's year or a later one, opening a clause that
  /// states an intention.
  func futureYearLead(_ year: Int, _ end: Int) -> Bool {
    guard let docYear, year >= docYear, end < s.count, s[end] == 0x2C else { return false }
    return cues.firstModalEnd(s, in: (end + 1)..<clauseEnd(from: end + 1)) != nil
  }

  /// 到“十四五”末, “十五五”时期: the plan's last year.
  private func planPeriod(at i: Int) -> Deadline? {
    guard let plan = cues.planPeriods.first(where: { matches($0.word, at: i) }) else { return nil }
    if let docYear, plan.year < docYear { return nil }
    var end = i + plan.word.count
    // ” or the 」 of Traditional texts (「十五五」時期).
    if end < s.count && (s[end] == 0x201D || s[end] == 0x300D) { end += 1 }
    let suffix = cues.planPeriodSuffixes.match(s, at: end)
    guard suffix > 0 else { return nil }
    var start = i
    if start > 0 && (s[start - 1] == 0x201C || s[start - 1] == 0x300C) { start -= 1 }
    start -= cues.deadlinePrefixes.match(s, endingAt: start)
    let header = listHeader(from: start, after: end + suffix)
    return Deadline(
      phrase: start..<(end + suffix), year: String(plan.year), scope: scope(start, header: header),
      planYears: 5)
  }

  func matches(_ w: [UInt32], at i: Int) -> Bool {
    guard i >= 0 && i + w.count <= s.count else { return false }
    for k in 0..<w.count where s[i + k] != w[k] { return false }
    return true
  }

  /// 5年内, 五年内, 未来5年, 用3年时间: the document's year plus N (not 近5年内, the past).
  private func duration(_ start: Int, _ y: Int, _ n: Int) -> Deadline? {
    guard let docYear, cues.pastMarkers.match(s, endingAt: start) == 0 else { return nil }
    let year = String(docYear + n)
    let suffix = cues.durationSuffixes.match(s, at: y)
    if suffix > 0 { return Deadline(phrase: start..<(y + suffix), year: year, duration: n) }
    let prefix = cues.durationPrefixes.match(s, endingAt: start)
    guard prefix > 0 else { return nil }
    var end = y + 1
    if matches(Self.shijian, at: end) { end += 2 }  // 用3年时间
    if end < s.count && s[end] == CodePoint.within { end += 1 }
    return Deadline(phrase: (start - prefix)..<end, year: year, duration: n)
  }

  /// 时间, after 用3年 (a span of time, part of the deadline phrase).
  private static let shijian: [UInt32] = [0x65F6, 0x95F4]

  /// 今年, / 今年将… / 全年计划…: the document's year, when a future modal follows in
  /// the first clause (今年初, 今年7月, 今年前三季度 are dates, not deadlines).
  private func relative(_ y: Int) -> Deadline? {
    guard let docYear else { return nil }
    for (word, offset) in cues.relativeYears {
      let start = y + 1 - word.count
      guard matches(word, at: start) else { continue }
      let year = String(docYear + offset)
      if let d = yearEnd(start, y, year: year) { return d }
      // 明年度編列預算…: the fiscal year, a calendar year (GUIDELINE.md, Traditional texts).
      if y + 1 < s.count && s[y + 1] == CodePoint.degree {
        let end = y + 2
        let planned =
          modalBefore(start) || cues.firstModalEnd(s, in: end..<clauseEnd(from: end)) != nil
        return planned ? Deadline(phrase: start..<end, year: year) : nil
      }
      // 新公司明年成立: a later year with its milestone verb as the clause's end.
      if offset > 0 && milestoneEndsClause(at: y + 1) {
        return Deadline(phrase: start..<(y + 1), year: year)
      }
      let suffix = cues.yearEndSuffixes.match(s, at: y + 1)
      // 今年底前 (not 今年前三季度).
      if suffix > 0 && s[y + suffix] == CodePoint.front && !startsCount(at: y + 1 + suffix) {
        return Deadline(phrase: start..<(y + 1 + suffix), year: year)
      }
      if y + 1 < s.count && s[y + 1] == CodePoint.within {
        return Deadline(phrase: start..<(y + 2), year: year)
      }
      let prefix = cues.deadlinePrefixes.match(s, endingAt: start)
      if prefix > 0 {  // 到今年底
        return Deadline(phrase: (start - prefix)..<(y + 1 + suffix), year: year)
      }
      // 今年上半年佛山计划开工…: a half or quarter of the year, with a plan in its clause.
      if let p = period(after: y + 1),
        modalBefore(start) || cues.firstModalEnd(s, in: p.end..<clauseEnd(from: p.end)) != nil
      {
        return Deadline(phrase: start..<p.end, year: year + p.suffix)
      }
      // 今年，/ 今年将 / 今年科学城将…, but not 今年初, 今年7月, 今年前三季度, 今年以来.
      guard y + 1 < s.count, !CodePoint.isASCIIDigit(s[y + 1]),
        cues.relativeDateContinuations.match(s, at: y + 1) == 0
      else { return nil }
      if modalBefore(start) { return Deadline(phrase: start..<(y + 1), year: year) }  // 计划今年
      if let header = listHeader(from: start, after: y + 1) {  // 今年主要预期目标是：
        return Deadline(phrase: start..<(y + 1), year: year, scope: .list(start: header))
      }
      guard cues.firstModalEnd(s, in: (y + 1)..<clauseEnd(from: y + 1)) != nil else { return nil }
      return Deadline(phrase: start..<(y + 1), year: year)
    }
    return nil
  }

  /// 将在今年年底, 今年年内将…: the year's end written with a second 年, as a deadline
  /// when a modal or deadline word goes with it.
  private func yearEnd(_ start: Int, _ y: Int, year: String) -> Deadline? {
    guard y + 2 < s.count, s[y + 1] == CodePoint.year else { return nil }
    let n = cues.yearEndSuffixes.match(s, at: y + 2)
    guard n > 0, !startsCount(at: y + 2 + n) else { return nil }
    let end = y + 2 + n
    let prefix = cues.deadlinePrefixes.match(s, endingAt: start)
    guard
      prefix > 0 || modalBefore(start)
        || cues.firstModalEnd(s, in: end..<clauseEnd(from: end)) != nil
    else { return nil }
    return Deadline(phrase: (start - prefix)..<end, year: year)
  }

  /// Whether a count or a period starts at `i` (2025年前三季度 is a date, not "before 2025").
  private func startsCount(at i: Int) -> Bool {
    guard i < s.count else { return false }
    // 些
    return CodePoint.isASCIIDigit(s[i]) || TargetScan.chineseDigit(s[i]) != nil || s[i] == 0x4E9B
  }

  /// The end of the clause that starts at `i` (next comma, semicolon, full stop or line break).
  func clauseEnd(from i: Int) -> Int {
    var j = i
    while j < s.count && j - i < 200 {
      let c = s[j]
      if j > i && (c == 0x2C || c == 0x3B || c == 0x3002 || c == 0x21 || c == 0x3F || c == 0x0A) {
        break
      }
      if c == 0x2E && !(j + 1 < s.count && CodePoint.isASCIIDigit(s[j + 1])) { break }  // not 3.5
      j += 1
    }
    return j
  }

  /// The year of the date candidate covering `y`; for a range (2026 至 2030 年, value
  /// 2026/2030) its last year, as a goal set for a span of years is due at its end.
  private func dateYear(covering y: Int) -> Int? {
    guard let d = dates.covering(y),
      case .date(let date) = d.payload, date.value.count >= 4
    else { return nil }
    let last = date.value.split(separator: "/").last ?? Substring(date.value)
    return Int(last.prefix(4)) ?? Int(date.value.prefix(4))
  }
}

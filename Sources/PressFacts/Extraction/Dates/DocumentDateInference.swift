import Foundation

/// Infers the year (or day) a press release was written from what the text
/// itself says, and explains how, so that 今年 and 8月25日 can be resolved:
///
/// 1. a dateline: a full written date (2021年8月25日, Aug. 25, 2021) near the start;
/// 2. a relative year next to its written year: 今年(2023年), 去年即2022年;
/// 3. otherwise the written years: a year that is reported as past or present
///    (2021年是项目建设年, 2023年一季度重大项目集中开工活动举行) is at most the
///    current year; a year reported as completed (截至2023年底, 2021年底…落户,
///    2021年…GDP同比增长12.9%) is before it. Years that are goals (到2035年,
///    力争到2025年, by 2025, 2023年计划…) say nothing. The document year is the
///    latest that these allow.
///
/// With no written year that is not a goal, there is no basis and no date.
public struct DocumentDateInference: DocumentDating {
  let cues: DateCues

  public init() { self.cues = DateCues.shared }

  public func date(of document: Document) -> (date: String, basis: String)? {
    var context = ExtractionContext()
    return date(of: document, sharing: &context)
  }

  /// Leaves the date scan in `context.dateScan` for the date stage. The scan
  /// uses the same shared cues as `DateExtractor`, so it is the stage's scan.
  public func date(of document: Document, sharing context: inout ExtractionContext) -> (
    date: String, basis: String
  )? {
    let s = document.normalized.scalars
    let scanned = DateExtractor().scan(document)
    context.dateScan = scanned
    let mentions = DateExtractor.resolvingBareDays(
      scanned, documentDay: document.date.flatMap(CivilDay.init))
    if let code = mentions.first(where: { $0.evidence == .editCode }) {
      let value = code.start.timex(documentYear: nil)
      return (value, "closing code of the Central News Agency \(quote(code, document)) = \(value)")
    }
    if let dateline = dateline(mentions, s) {
      let p = dateline.start
      let value = p.timex(documentYear: nil)
      return (
        value, "dateline: the text opens with the date \(quote(dateline, document)) = \(value)"
      )
    }
    guard let year = self.year(mentions, s, document) else {
      return weekdayDated(mentions, s, document)
    }
    return withDay(year, mentions, s, document)
  }

  /// The document year and how it was found.
  func year(_ mentions: [DateMention], _ s: [UInt32], _ document: Document) -> (
    date: String, basis: String
  )? {
    if let named = namedYear(mentions, s) {
      return (
        String(named.year),
        "今年/this year written next to its year: \(quote(named.pair, document)) = \(named.year)"
      )
    }
    var candidates = [(year: Int, mention: DateMention, completed: Bool)]()
    for m in mentions where m.end == nil || m.fiscalYear {
      guard case .absolute(let y) = m.start.year, !m.start.decade, !isGoal(m, s),
        !Self.insideTitle(m, s)
      else {
        continue
      }
      let completed = isCompleted(m, s, english: document.language == .english)
      candidates.append((completed ? y + 1 : y, m, completed))
    }
    // latest first; among equal years a completed one explains more, then the first
    candidates.sort {
      ($0.year, $0.completed ? 1 : 0, -$0.mention.range.lowerBound)
        > ($1.year, $1.completed ? 1 : 0, -$1.mention.range.lowerBound)
    }
    // a year far beyond every other (2035年全面建成 beside 2021, 2022) is a goal
    // stated without a goal word
    while candidates.count >= 2,
      let next = candidates.first(where: { $0.year < candidates[0].year }),
      candidates[0].year - next.year > Self.outlierGap
    {
      let top = candidates[0].year
      candidates.removeAll { $0.year == top }
    }
    guard var best = candidates.first else {
      return eventYear(s).map { y in
        (
          String(y.year),
          "a yearly event held as reported: \(quote(y.mention, document)) = \(y.year)"
        )
      }
    }
    if let cap = sequenceCap(mentions, s), cap.year < best.year {
      return (
        String(cap.year),
        "a relative year listed before a written one: \(quote(cap.pair, document)), so the text dates from \(cap.year)"
      )
    }
    best = candidates[0]
    let relative = mentions.contains {
      if case .relative = $0.start.year { return true } else { return false }
    }
    let anchor = relative ? "; 今年/this year = \(best.year)" : ""
    let written = quote(best.mention, document)
    let basis =
      best.completed
      ? "latest year reported as completed: \(written) (\(best.year - 1)), so the text dates from \(best.year)\(anchor)"
      : "latest year written as past or present (not a goal): \(written) = \(best.year)\(anchor)"
    return (String(best.year), basis)
  }

  /// A year found, made a day when the text writes today's date beside 今日
  /// (今日(四月十三日)) or opens with an English dateline without a year (SEOUL, May 27 (…)).
  func withDay(
    _ year: (date: String, basis: String), _ mentions: [DateMention], _ s: [UInt32],
    _ document: Document
  ) -> (date: String, basis: String) {
    guard let y = Int(year.date),
      let m = mentions.first(where: { $0.evidence == .today && $0.start.month != nil })
        ?? englishDateline(mentions, s) ?? chineseDateline(mentions, s),
      let month = m.start.month, let day = m.start.day, month > 0
    else { return year }
    let p = DatePoint(year: .absolute(y), month: month, day: day)
    guard p.isValid else { return year }
    let value = p.timex(documentYear: nil)
    return (value, year.basis + "; the day is written as today's: \(quote(m, document)) = \(value)")
  }

  /// SEOUL, May 27 (AJU PRESS) -: a month and day without a year at the start,
  /// after a comma and before the agency's name or a dash.
  func englishDateline(_ mentions: [DateMention], _ s: [UInt32]) -> DateMention? {
    guard let m = mentions.first, m.range.lowerBound < cues.datelineWindow, m.end == nil,
      m.start.year == .implicit, m.start.day != nil, (m.start.month ?? 0) > 0,
      m.range.lowerBound >= 2, s[m.range.lowerBound - 2] == 0x2C
    else { return nil }
    var e = m.range.upperBound
    while e < s.count && s[e] == 0x20 { e += 1 }
    guard e < s.count, [0x28, 0x2D, 0x2013, 0x2014].contains(s[e]) else { return nil }
    var dated = m
    dated.evidence = .dateline
    return dated
  }

  /// 新华社北京3月12日电, 本报讯 5月8日讯: a month and day without a year at the
  /// start, right before 电 or 讯 (date-cues.json datelineMarkers).
  func chineseDateline(_ mentions: [DateMention], _ s: [UInt32]) -> DateMention? {
    for m in mentions {
      guard m.range.lowerBound < cues.datelineWindow else { break }
      guard m.end == nil, m.start.year == .implicit, m.start.day != nil,
        (m.start.month ?? 0) > 0, cues.datelineMarkers.match(s, at: m.range.upperBound) != nil
      else { continue }
      return m
    }
    return nil
  }

  /// With no year at all: a dateline's month and day and the weekday the text
  /// names (reported Monday) fix the year, the latest not after today.
  func weekdayDated(_ mentions: [DateMention], _ s: [UInt32], _ document: Document) -> (
    date: String, basis: String
  )? {
    guard let line = englishDateline(mentions, s), let month = line.start.month,
      let day = line.start.day,
      let w = mentions.first(where: {
        $0.weekday != nil && $0.weekOffset == nil && !$0.weekdayBefore
      })
    else { return nil }
    let now = CivilDay(daysSinceEpoch: Int(Date().timeIntervalSince1970 / 86400))
    for y in stride(from: now.year, through: now.year - 30, by: -1) {
      let d = CivilDay(year: y, month: month, day: day)
      guard d.daysSinceEpoch <= now.daysSinceEpoch,
        DatePoint(year: .absolute(y), month: month, day: day).isValid
      else { continue }
      if d.weekday == w.weekday {
        return (
          d.iso,
          "dateline \(quote(line, document)) on the weekday the text names (\(quote(w, document))): the latest such year is \(y)"
        )
      }
    }
    return nil
  }

  /// 「2025澳門工商業座談會」昨午舉行: a yearly event named by its year and reported
  /// as held dates the text to that year.
  func eventYear(_ s: [UInt32]) -> (year: Int, mention: DateMention)? {
    for i in 0..<max(0, s.count - 6) where Self.nameOpeners.contains(s[i]) {
      var v = 0
      var j = i + 1
      while j < i + 5 && CodePoint.isASCIIDigit(s[j]) {
        v = v * 10 + Int(s[j] - 0x30)
        j += 1
      }
      guard j == i + 5, (1900...2100).contains(v), CodePoint.isHan(s[j]), s[j] != CodePoint.year
      else { continue }
      var k = j
      while k < s.count && k < j + 30 && !Self.nameClosers.contains(s[k]) { k += 1 }
      guard k < s.count, Self.nameClosers.contains(s[k]),
        cues.heldVerbs.occurs(in: s, k + 1..<min(s.count, k + 8))
      else { continue }
      return (v, DateMention(range: i + 1..<j, start: DatePoint(year: .absolute(v))))
    }
    return nil
  }

  static let nameOpeners: ScalarSet = [0x300C, 0x300E, 0x201C, 0x300A]
  static let nameClosers: ScalarSet = [0x300D, 0x300F, 0x201D, 0x300B]

  /// "NT$104.4 billion next year and NT$105.8 billion in 2024": a relative year
  /// listed before a written one in the same sentence comes before it, so the
  /// document year is at most the written year less the offset and one.
  func sequenceCap(_ mentions: [DateMention], _ s: [UInt32]) -> (year: Int, pair: DateMention)? {
    // by index: a pair of mentions is read in place, not copied
    for n in mentions.indices.dropLast() where mentions[n].end == nil && mentions[n + 1].end == nil
    {
      guard case .relative(let k) = mentions[n].start.year, k > 0 else { continue }
      let (a, b) = (mentions[n], mentions[n + 1])
      guard a.start.month == nil,
        case .absolute(let y) = b.start.year, b.start.month == nil, a.mod == nil,
        b.range.lowerBound - a.range.upperBound <= 60,
        !(a.range.upperBound..<b.range.lowerBound).contains(where: { Self.isSentenceBreak(s, $0) }),
        cues.listWords.occurs(in: s, a.range.upperBound..<b.range.lowerBound)
      else { continue }
      return (
        y - k - 1, DateMention(range: a.range.lowerBound..<b.range.upperBound, start: a.start)
      )
    }
    return nil
  }

  func quote(_ m: DateMention, _ document: Document) -> String {
    "“" + document.originalText(document.normalized.originalRange(m.range)) + "”"
  }

  /// 今年(2023年), 去年即2022年, 2023年(今年): a relative year in apposition to a
  /// written one names the document year outright.
  func namedYear(_ mentions: [DateMention], _ s: [UInt32]) -> (year: Int, pair: DateMention)? {
    for (a, b) in zip(mentions, mentions.dropFirst()) where a.end == nil && b.end == nil {
      guard
        [a.start, b.start].allSatisfy({ $0.month == nil && $0.quarter == nil && $0.half == nil }),
        a.mod == nil && b.mod == nil
      else { continue }
      let gap = a.range.upperBound..<b.range.lowerBound
      guard gap.count <= 2, gap.allSatisfy({ Self.appositionMarks.contains(s[$0]) }) else {
        continue
      }
      let pair = DateMention(range: a.range.lowerBound..<b.range.upperBound, start: a.start)
      switch (a.start.year, b.start.year) {
      case (.relative(let k), .absolute(let y)), (.absolute(let y), .relative(let k)):
        if !a.start.decade && !b.start.decade { return (y - k, pair) }
      default: continue
      }
    }
    return nil
  }

  /// How many years the latest candidate may lead the next one before it is
  /// taken for an unmarked goal.
  static let outlierGap = 3

  /// What may stand between a relative year and its written year: ( （ 即 (a comma
  /// or 、 would make a list of two years).
  static let appositionMarks: ScalarSet = [0x28, 0xFF08, 0x5373]

  /// A full date with a written year within the first characters, not a goal.
  func dateline(_ mentions: [DateMention], _ s: [UInt32]) -> DateMention? {
    for m in mentions {
      // 日期:106-02-09, Updated: 2023-03-15: a labelled date may stand below a
      // page's menus, further from the start
      let near = m.range.lowerBound < cues.datelineWindow
      guard near || m.range.lowerBound < 4 * cues.datelineWindow else { break }
      if !near {
        guard m.end == nil, m.start.year.isExplicit, m.start.day != nil,
          cues.dateLabels.match(s, endingAt: labelEnd(before: m.range.lowerBound, s)) != nil
        else { continue }
      }
      if m.end == nil, m.mod == nil, m.start.year.isExplicit, m.start.day != nil,
        m.start.month != 0,
        !isGoal(m, s)
      {
        return m
      }
    }
    return nil
  }

  /// Where a label before `i` would end: past spaces and one colon.
  func labelEnd(before i: Int, _ s: [UInt32]) -> Int {
    var b = i
    while b > 0 && s[b - 1] == 0x20 { b -= 1 }
    if b > 0 && (s[b - 1] == 0x3A || s[b - 1] == 0xFF1A) { b -= 1 }
    while b > 0 && s[b - 1] == 0x20 { b -= 1 }
    return b
  }

  /// Whether the text sets the date as a deadline or plan: 到2035年, 力争到2025年,
  /// by 2025, 2023年计划…, 2025年前.
  func isGoal(_ m: DateMention, _ s: [UInt32]) -> Bool {
    if m.mod == "BEFORE" { return true }
    var b = m.range.lowerBound
    while b > 0 && s[b - 1] == 0x20 { b -= 1 }
    // "by the end of 2025": look past an English article.
    if b >= 3 && s[b - 3] == 0x74 && s[b - 2] == 0x68 && s[b - 1] == 0x65
      && (b == 3 || s[b - 4] == 0x20)
    {
      b -= 3
      while b > 0 && s[b - 1] == 0x20 { b -= 1 }
    }
    if cues.pastPrefixes.match(s, endingAt: b) != nil { return false }
    if let p = cues.futurePrefixes.match(s, endingAt: b) {
      // an English prefix must be a whole word
      let c = p.start > 0 ? s[p.start - 1] : 0x20
      if !CodePoint.isASCIILetter(s[p.start]) || !CodePoint.isASCIILetter(c) { return true }
    }
    if cues.futureSuffixes.match(s, at: m.range.upperBound) != nil { return true }
    // 2025年，全市GDP将达到… / 2025年将建成…: a plan word in the clause the date
    // opens (a date before a comma is the time of the next clause).
    var c = m.range.upperBound
    if c < s.count && (s[c] == 0x2C || s[c] == 0x3001) { c += 1 }
    var e = c
    while e < s.count && e < c + cues.goalWindow && !DateExtractor.clauseBreaks.contains(s[e]) {
      e += 1
    }
    return cues.clauseFutureMarkers.occurs(in: s, c..<e)
  }

  /// 。；!?, a line break, or a full stop followed by a space (not a decimal point).
  static func isSentenceBreak(_ s: [UInt32], _ i: Int) -> Bool {
    if sentenceBreaks.contains(s[i]) { return true }
    return s[i] == 0x2E && (i + 1 == s.count || s[i + 1] == 0x20)
  }

  /// Whether the text reports the whole year as over: the end of a year told in
  /// the past (2021年底, 截至2023年底), or a bare year whose sentence gives
  /// full-year results (同比增长, 增速, 全年) and no plan.
  func isCompleted(_ m: DateMention, _ s: [UInt32], english: Bool) -> Bool {
    let p = m.start
    guard p.month == nil, p.quarter == nil, p.half == nil, m.festival == nil else { return false }
    if m.mod == "END" { return true }
    guard m.mod == nil || m.mod == "SINCE" else { return false }
    if m.mod == "SINCE" { return false }
    var e = m.range.upperBound
    while e < s.count && e < m.range.upperBound + 120 && !Self.isSentenceBreak(s, e) { e += 1 }
    // English puts the time last (GDP grew 12.9% in 2021): read the whole sentence.
    var b = m.range.upperBound
    if english {
      b = m.range.lowerBound
      while b > 0 && b > m.range.lowerBound - 160 && !Self.isSentenceBreak(s, b - 1) { b -= 1 }
    }
    let clause = b..<e
    return cues.completionMarkers.occurs(in: s, clause)
      && !cues.clauseFutureMarkers.occurs(in: s, clause)
  }

  /// Whether the date is inside a title or a quoted name (《2021年度…清单》,
  /// 「2030年淨零排放路徑」): a name, not a report of the time.
  static func insideTitle(_ m: DateMention, _ s: [UInt32]) -> Bool {
    var j = m.range.lowerBound - 1
    while j >= 0 && j >= m.range.lowerBound - 40 {
      switch s[j] {
      case 0x300A, 0x300C, 0x300E, 0x201C: return true  // 《 「 『 “
      case 0x300B, 0x300D, 0x300F, 0x201D: return false  // 》 」 』 ”
      default: if isSentenceBreak(s, j) { return false }
      }
      j -= 1
    }
    return false
  }

  /// Punctuation that ends a sentence (a comma does not).
  static let sentenceBreaks: ScalarSet = [0x3002, 0x3B, 0x21, 0x3F, 0x0A, 0xFF1B, 0xFF01, 0xFF1F]
}

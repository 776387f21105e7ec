/// Finds calendar expressions (GUIDELINE.md, Dates) and proposes `.date`
/// candidates with TIMEX3 values resolved against the document date: 2035年,
/// 今年1至8月 (2022-01/2022-08), 2021年底 (2021, END), 8月25日 (2021-08-25, or
/// XXXX-08-25 with no document date), "the first half of 2022" (2022-H1).
///
/// Every mention is proposed (the gold lists each distinct expression once; the
/// output has a record per mention). Durations (5年内, 三年) and vague time
/// (近年来, 目前, 日前) have no calendar value and are never matched.
public struct DateExtractor: Extractor {
  public var name: String { "dates" }
  public var produces: RecordType { .date }
  public var requires: [RecordType] { [] }

  let cues: DateCues

  public init() { self.cues = DateCues.shared }

  public func extract(from document: Document, in context: ExtractionContext) -> [Candidate] {
    let year = document.documentYear
    let day = document.date.flatMap(CivilDay.init)
    // 今天/昨天 are calendar days only against a document day; otherwise vague.
    let found = Self.resolvingBareDays(context.dateScan ?? scan(document), documentDay: day)
    return found.filter { !$0.needsDocumentDay || day != nil }.map {
      Candidate(
        range: $0.range,
        payload: .date($0.calendarDate(documentYear: year, cues: cues, documentDay: day)))
    }
  }

  /// What a code point can begin, in one byte per BMP code point so that the
  /// scan reads one small table per character: 1 a Chinese date (digits, Chinese
  /// digits, 十, 第, 前, 年 and the first characters of the cue words), 2 a date
  /// only with the right second character (两千年, 同年, 该年, 这个星期一, 周五,
  /// 星期三, 礼拜日, 康熙三年), tested against `startPairs`, so that 这, 同 or 开
  /// alone cost no parse.
  static let chineseStarts: [UInt8] = {
    var t = [UInt8](repeating: 0, count: 0x10000)
    for p in startPairWords where p.count == 2 { t[Int(p[0])] = 2 }
    for c in UInt32(0x30)...0x39 { t[Int(c)] = 1 }
    let firsts = "〇零一二三四五六七八九十第前年今本去明后上下昨大民"
    for c in firsts.unicodeScalars { t[Int(c.value)] = 1 }
    return t
  }()

  static let startPairWords: [[UInt32]] = {
    var words = ["两千", "两年", "两天", "同年", "该年", "这个", "这周", "这星", "这礼", "星期", "礼拜"]
    for d in "一二三四五六日" { words.append("周" + String(d)) }
    return words.map { $0.unicodeScalars.map(\.value) } + DateCues.shared.eraBigrams
  }()

  /// The pairs of `startPairWords` as `first << 32 | second`.
  static let startPairs: Set<UInt64> = Set(
    startPairWords.filter { $0.count == 2 }.map { UInt64($0[0]) << 32 | UInt64($0[1]) })

  /// Whether a date may start at `i`: a start character, or a start pair.
  @inline(__always)
  static func mayStart(_ s: [UInt32], _ i: Int, _ starts: [UInt8], _ pairs: Set<UInt64>) -> Bool {
    let c = s[i]
    guard c < 0x10000 else { return false }
    switch starts[Int(c)] {
    case 1: return true
    case 2: return i + 1 < s.count && pairs.contains(UInt64(c) << 32 | UInt64(s[i + 1]))
    default: return false
    }
  }

  /// Every date mention in document order, unresolved years kept as references,
  /// with the bare days (25日) given the month mentioned before them.
  func mentions(in document: Document) -> [DateMention] {
    Self.resolvingBareDays(scan(document), documentDay: document.date.flatMap(CivilDay.init))
  }

  /// Every date mention in document order, bare days (month 0) not yet
  /// resolved: the part that does not depend on the document date, so the
  /// document-date inference and the stage can share one scan.
  func scan(_ document: Document) -> [DateMention] {
    let s = document.normalized.scalars
    let zh = ChineseDateGrammar(
      s: s, cues: cues, rocYears: document.language == .traditionalChinese,
      rocBareYears: document.language == .traditionalChinese && document.region == .taiwan,
      english: document.language == .english, tokens: document.tokens)
    let en = document.language == .english ? EnglishDateGrammar(s: s, cues: cues) : nil
    var found = [DateMention]()
    let starts = Self.chineseStarts  // once, not a lazy-global check per character
    let pairs = Self.startPairs
    var i = 0
    while i < s.count {
      let c = s[i]
      if Self.mayStart(s, i, starts, pairs), Self.startsChinese(s, i),
        var m = zh.parse(at: i) ?? zh.bareDay(at: i)
      {
        if m.mod == nil { m.mod = sinceAcross(s, m.range) }
        found.append(m)
        i = m.range.upperBound
        continue
      }
      if let en, CodePoint.isASCIIAlnum(c), i == 0 || !CodePoint.isASCIIAlnum(s[i - 1]) {
        if let m = en.parse(at: i) {
          found.append(m)
          i = m.range.upperBound
          continue
        }
        i = en.wordEnd(i)
        continue
      }
      i += 1
    }
    return found
  }

  /// A digit starts a date only at the start of a number (not inside 3141.9 or 12345).
  static func startsChinese(_ s: [UInt32], _ i: Int) -> Bool {
    guard i > 0, CodePoint.isASCIIDigit(s[i]) else { return true }
    let b = s[i - 1]
    return !CodePoint.isASCIIDigit(b) && b != 0x2E && !CodePoint.isASCIILetter(b)
  }

  /// 自2020年启动建设以来: SINCE for a date after 自/从 whose clause ends in 以来.
  func sinceAcross(_ s: [UInt32], _ range: Range<Int>) -> String? {
    guard range.lowerBound > 0, cues.sincePrefixes.contains(s[range.lowerBound - 1]) else {
      return nil
    }
    if range.lowerBound > 1 && s[range.lowerBound - 2] == 0x81EA
      && s[range.lowerBound - 1] == 0x4ECE
    {
      return "SINCE"  // 自从2018年
    }
    let zh = ChineseDateGrammar(s: s, cues: cues)
    var j = range.upperBound
    while j < min(s.count, range.upperBound + 40) {
      if Self.clauseBreaks.contains(s[j]) { return nil }
      if zh.matches(cues.sinceSuffix, at: j) { return "SINCE" }
      j += 1
    }
    return nil
  }

  /// Punctuation that ends a clause: ，。；！？ and their ASCII forms, line breaks.
  static let clauseBreaks: ScalarSet = [
    0x2C, 0x3002, 0x3B, 0x21, 0x3F, 0x0A, 0xFF0C, 0xFF1B, 0x3001,
  ]

  /// Gives each bare day (25日) the month and year of the latest dated mention
  /// before it, or else of the document day; with neither it is no calendar
  /// date and is dropped.
  static func resolvingBareDays(_ mentions: [DateMention], documentDay: CivilDay?) -> [DateMention]
  {
    var out = [DateMention]()
    out.reserveCapacity(mentions.count)
    var last: DatePoint? = documentDay.map { DatePoint(year: .absolute($0.year), month: $0.month) }
    var lastYear: Int?
    // the points only (no strings), so that keeping them copies no references
    var lastPeriod: (start: DatePoint, end: DatePoint?)?
    for var m in mentions {
      if m.samePeriod {
        // 去年同期: the months, quarters or half of the period named last
        guard let p = lastPeriod else { continue }
        let year = m.start.year
        m.start = p.start
        m.start.year = year
        m.end = p.end.map {
          var e = $0
          e.year = year
          return e
        }
        m.samePeriod = false
      } else if m.start.quarter != nil || m.start.half != nil
        || (m.end != nil && m.start.month != nil)
      {
        lastPeriod = (m.start, m.end)
      }
      if m.anaphoric {
        // 该年12月底: the year written last
        guard let y = lastYear else { continue }
        m.start.year = .absolute(y)
        m.end?.year = .absolute(y)
        m.anaphoric = false
      } else if m.end == nil, !m.start.decade, case .absolute(let y) = m.start.year {
        lastYear = y
      }
      if m.start.month == 0 {
        guard let l = last else { continue }
        m.start.month = l.month
        m.start.year = l.year
        if !m.start.isValid { continue }
      } else if let month = (m.end ?? m.start).month {
        last = m.end ?? m.start
        last?.month = month
      }
      out.append(m)
    }
    return out
  }
}

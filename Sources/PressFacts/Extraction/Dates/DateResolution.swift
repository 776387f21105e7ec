/// Where a calendar point gets its year: written out, counted from the
/// document year (今年 = 0, 去年 = -1), or left to the document year (8月25日).
enum YearReference: Equatable, Sendable {
  case absolute(Int)
  case relative(Int)
  case implicit

  var isExplicit: Bool { if case .absolute = self { return true } else { return false } }
}

/// A calendar point as written, before resolution: a year reference and at most
/// one of month (with day), quarter or half. `month == 0` marks a bare day (25日)
/// whose month the extractor fills in from the text before it.
struct DatePoint: Equatable, Sendable {
  var year: YearReference
  var month: Int? = nil
  var day: Int? = nil
  var quarter: Int? = nil
  var half: Int? = nil
  /// A decade (90年代): the year is its first year, written 199X.
  var decade = false

  /// Whether the point is a valid calendar reference (2月30日 is not).
  var isValid: Bool {
    if let m = month, m != 0 {
      guard (1...12).contains(m) else { return false }
      if let d = day {
        if m == 2, d == 29, case .absolute(let y) = year,
          !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0))
        {
          return false
        }
        return d >= 1 && d <= DatePoint.daysIn(month: m)
      }
    } else if let d = day {
      return d >= 1 && d <= 31
    }
    if let q = quarter { return (1...4).contains(q) }
    if let h = half { return (1...2).contains(h) }
    return true
  }

  /// The most days a month can have (29 for February: the year may be unknown).
  static func daysIn(month: Int) -> Int {
    [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
  }

  /// The year against the document year, or nil when it cannot be known.
  func resolvedYear(documentYear: Int?) -> Int? {
    switch year {
    case .absolute(let y): return y
    case .relative(let k): return documentYear.map { $0 + k }
    case .implicit: return documentYear
    }
  }

  /// The TIMEX3 value: `2021`, `2021-08`, `2021-08-25`, `2023-Q1`, `2022-H1`,
  /// with X digits where the year (or month) is unknown (`XXXX-08-25`).
  func timex(documentYear: Int?) -> String {
    var year = resolvedYear(documentYear: documentYear)
    // 2月29日 read against a common year: the year is not known after all
    if month == 2, day == 29, let y = year, !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) {
      year = nil
    }
    var v = year.map { Self.pad($0, 4) } ?? "XXXX"
    if decade { v = String(v.prefix(3)) + "X" }
    if let m = month {
      v += m == 0 ? "-XX" : "-" + Self.pad(m, 2)
      if let d = day { v += "-" + Self.pad(d, 2) }
    } else if let q = quarter {
      v += "-Q\(q)"
    } else if let h = half {
      v += "-H\(h)"
    }
    return v
  }

  static func pad(_ n: Int, _ width: Int) -> String {
    let s = String(n)
    return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
  }
}

/// One date expression found in the text: its normalized range, its first point,
/// the last point of an interval (1至8月, 前三季度), and a TIMEX3 modifier.
struct DateMention: Equatable, Sendable {
  var range: Range<Int>
  var start: DatePoint
  var end: DatePoint? = nil
  var mod: String? = nil
  /// A festival's fixed day (春节 2022 = 02-01) replaces month and day when resolved.
  var festival: String? = nil
  /// Days from the document day (今天 0, 昨天 -1): only resolvable with a full document date.
  var dayOffset: Int? = nil
  /// Months from the document month (本月 0, 上月 -1), with `start.day` when a day
  /// follows (本月十日): only resolvable with a full document date.
  var monthOffset: Int? = nil
  /// A weekday, 1 = Monday … 7 = Sunday (周五, Tuesday): with `weekOffset` that
  /// day of that week, otherwise the nearest such day on or before the document
  /// day (a press release reports what happened), or strictly before it when
  /// `weekdayBefore` ("last Friday").
  var weekday: Int? {
    get { weekdayCode == 0 ? nil : Int(weekdayCode) }
    set { weekdayCode = Int8(newValue ?? 0) }
  }
  var weekdayBefore = false
  /// Weeks from the document week (上周 -1, this week 0): the ISO week itself
  /// (`2024-W22`) when no weekday is named.
  var weekOffset: Int? {
    get { weekOffsetCode == .min ? nil : Int(weekOffsetCode) }
    set { weekOffsetCode = newValue.map { Int8(clamping: $0) } ?? .min }
  }
  /// "last June" (-1) / "next June" (+1): the nearest such month strictly
  /// before or after the document month; against a bare document year, the
  /// year before or after.
  var monthDirection: Int? {
    get { monthDirectionCode == 0 ? nil : Int(monthDirectionCode) }
    set { monthDirectionCode = Int8(clamping: newValue ?? 0) }
  }
  // The three above, stored in a byte each: a mention is copied often during
  // the scan, and every byte of it is copied each time.
  var weekdayCode: Int8 = 0
  var weekOffsetCode: Int8 = .min
  var monthDirectionCode: Int8 = 0
  /// 该年, 同年: the year of the latest written year before it (filled in by
  /// the extractor, dropped when there is none).
  var anaphoric = false
  /// 去年同期: the period named last (今年前2个月), in this mention's year.
  var samePeriod = false
  /// A split financial year (二○二二/二三財政年度, 2022-23 Budget): April to March.
  var fiscalYear = false
  /// What the mention says about the document's own date.
  var evidence: DocumentEvidence? = nil

  /// Whether the mention needs the document's day or month to mean anything.
  var needsDocumentDay: Bool {
    dayOffset != nil || monthOffset != nil || weekday != nil || weekOffset != nil
  }

  /// The record payload, resolved against the document year.
  func calendarDate(documentYear: Int?, cues: DateCues, documentDay: CivilDay? = nil)
    -> CalendarDate
  {
    if let k = dayOffset {
      return CalendarDate(
        value: documentDay.map { $0.adding(days: k).iso } ?? "XXXX-XX-XX", mod: mod)
    }
    if weekday != nil || weekOffset != nil {
      guard let d = documentDay else { return CalendarDate(value: "XXXX-XX-XX", mod: mod) }
      return CalendarDate(value: weekValue(documentDay: d), mod: mod)
    }
    if let k = monthOffset {
      guard let d = documentDay else { return CalendarDate(value: "XXXX-XX", mod: mod) }
      let shift: Int
      if case .relative(let y) = start.year { shift = y } else { shift = 0 }
      let months = (d.year + shift) * 12 + d.month - 1 + k
      let p = DatePoint(year: .absolute(months / 12), month: months % 12 + 1, day: start.day)
      return CalendarDate(value: p.timex(documentYear: nil), mod: mod)
    }
    if let f = festival {
      let y = start.resolvedYear(documentYear: documentYear)
      let md: String? = f == "lunar-new-year" ? y.flatMap { cues.springFestival[$0] } : f
      let value = y.map { DatePoint.pad($0, 4) } ?? "XXXX"
      return CalendarDate(value: md.map { value + "-" + $0 } ?? value, mod: mod)
    }
    if let dir = monthDirection, let m = start.month {
      var y = documentYear.map { $0 + dir }
      if let d = documentDay {
        y = dir < 0 ? (m < d.month ? d.year : d.year - 1) : (m > d.month ? d.year : d.year + 1)
      }
      let p = DatePoint(year: y.map { .absolute($0) } ?? .implicit, month: m)
      return CalendarDate(value: p.timex(documentYear: nil), mod: mod)
    }
    var value = start.timex(documentYear: documentYear)
    if let end {
      var last = end
      // 2021年8月25日至27日: the end inherits what it does not write.
      if last.year == .implicit { last.year = start.year }
      value += "/" + last.timex(documentYear: documentYear)
    }
    return CalendarDate(value: value, mod: mod)
  }
}

extension Document {
  /// The year of the document date (`2022` or `2022-05-17`), when known.
  var documentYear: Int? {
    guard let d = date else { return nil }
    let digits = d.unicodeScalars.prefix(4)
    guard digits.count == 4, digits.allSatisfy({ $0.value >= 0x30 && $0.value <= 0x39 }) else {
      return nil
    }
    return Int(String(String.UnicodeScalarView(digits)))
  }
}

/// What a mention tells about the document's own date.
enum DocumentEvidence: Sendable {
  /// 今日(四月十三日), 今(9)日: today, with its month and day (or day) written out.
  case today
  /// SEOUL, May 27 (AJU PRESS): an English dateline with month and day.
  case dateline
  /// (編輯:…)1121228: the Central News Agency's closing code, an ROC date.
  case editCode
}

extension DateMention {
  /// The day (or ISO week) of a weekday or week mention against the document day.
  func weekValue(documentDay d: CivilDay) -> String {
    let days = d.daysSinceEpoch
    let dow = ((days + 3) % 7 + 7) % 7 + 1  // 1970-01-01 was a Thursday
    let monday = days - (dow - 1)
    if let k = weekOffset {
      if let w = weekday { return CivilDay(daysSinceEpoch: monday + 7 * k + w - 1).iso }
      return CivilDay.isoWeek(ofDay: monday + 7 * k)
    }
    guard let w = weekday else { return d.iso }
    var back = (dow - w + 7) % 7
    if back == 0 && weekdayBefore { back = 7 }
    return CivilDay(daysSinceEpoch: days - back).iso
  }
}

/// A Gregorian day, for the arithmetic of 昨天 and 后天 (days from 1970-01-01 by
/// Howard Hinnant's civil-calendar algorithm: no Foundation calendar per record).
struct CivilDay: Equatable, Sendable {
  var year: Int, month: Int, day: Int

  /// Reads `YYYY-MM-DD`; nil for a year alone.
  init?(_ s: String) {
    let parts = s.split(separator: "-")
    guard parts.count == 3, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
      (1...12).contains(m), (1...31).contains(d)
    else { return nil }
    (year, month, day) = (y, m, d)
  }

  init(year: Int, month: Int, day: Int) { (self.year, self.month, self.day) = (year, month, day) }

  var daysSinceEpoch: Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146097 + doe - 719468
  }

  init(daysSinceEpoch z0: Int) {
    let z = z0 + 719468
    let era = (z >= 0 ? z : z - 146096) / 146097
    let doe = z - era * 146097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    self.init(year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d)
  }

  func adding(days k: Int) -> CivilDay { CivilDay(daysSinceEpoch: daysSinceEpoch + k) }

  /// 1 = Monday … 7 = Sunday.
  var weekday: Int { ((daysSinceEpoch + 3) % 7 + 7) % 7 + 1 }

  /// `2024-W22`: the ISO week of the week starting on the Monday `monday`
  /// (days since the epoch); its year is the year of its Thursday.
  static func isoWeek(ofDay monday: Int) -> String {
    let thursday = CivilDay(daysSinceEpoch: monday + 3)
    let jan1 = CivilDay(year: thursday.year, month: 1, day: 1).daysSinceEpoch
    let week = (monday + 3 - jan1) / 7 + 1
    return DatePoint.pad(thursday.year, 4) + "-W" + DatePoint.pad(week, 2)
  }

  var iso: String {
    DatePoint.pad(year, 4) + "-" + DatePoint.pad(month, 2) + "-" + DatePoint.pad(day, 2)
  }
}

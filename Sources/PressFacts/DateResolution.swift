/// Where a calendar point gets its year: written out, counted from the
/// document year (今年 = 0, 去年 = -1), or left to the document year (8月25日).
enum YearReference: Equatable, Sendable {
  case absolute(Int)
  case relative(Int)
  case implicit

  var isExplicit: Bool { if case .absolute = self { return true } else { return false } }
}

/// A calendar point as written, before resolution: a year reference and at most
/// one of month (with day), quarter or half. `month == 0` is an unknown month
/// (a bare 25日 with no month before it).
struct DatePoint: Equatable, Sendable {
  var year: YearReference
  var month: Int? = nil
  var day: Int? = nil
  var quarter: Int? = nil
  var half: Int? = nil

  /// Whether the point is a valid calendar reference (2月30日 is not).
  var isValid: Bool {
    if let m = month, m != 0 {
      guard (1...12).contains(m) else { return false }
      if let d = day {
        if m == 2, d == 29, case .absolute(let y) = year, !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) {
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
  static func daysIn(month: Int) -> Int { [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] }

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
    var v = resolvedYear(documentYear: documentYear).map { Self.pad($0, 4) } ?? "XXXX"
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

  /// The record payload, resolved against the document year.
  func calendarDate(documentYear: Int?, cues: DateCues) -> CalendarDate {
    if let f = festival {
      let y = start.resolvedYear(documentYear: documentYear)
      let md: String? = f == "lunar-new-year" ? y.flatMap { cues.springFestival[$0] } : f
      let value = y.map { DatePoint.pad($0, 4) } ?? "XXXX"
      return CalendarDate(value: md.map { value + "-" + $0 } ?? value, mod: mod)
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

/// Reads the date values of the output (ISO 8601 / TIMEX3 as the guideline
/// allows them: `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, `YYYY-Qn`, `YYYY-Hn`, seasons
/// `YYYY-SP|SU|FA|WI`, weeks `YYYY-Wnn`, `X` for unknown digits, intervals
/// `A/B`) into day bounds, so that validity and order can be checked. Works on
/// short strings outside the hot path, so plain `String` handling is fine.
public enum TimexValue {
  /// A day as `year * 10000 + month * 100 + day`, which orders like the date.
  public typealias Day = Int

  /// The first and last day a value covers, or nil bounds when digits are unknown (X).
  public struct Bounds: Sendable, Equatable {
    public var first: Day?
    public var last: Day?
  }

  /// Why a value is not acceptable.
  public enum Problem: Error, Sendable, Equatable {
    /// Not of a recognised form, or not a real calendar date (2021-13-40).
    case invalid
    /// An interval `A/B` whose `A` starts after `B`.
    case unordered
  }

  /// The bounds of `value`, or the problem with it.
  public static func parse(_ value: String) -> Result<Bounds, Problem> {
    let parts = value.split(separator: "/", omittingEmptySubsequences: false)
    guard (1...2).contains(parts.count) else { return .failure(.invalid) }
    var points = [Bounds]()
    for p in parts {
      guard let b = point(p) else { return .failure(.invalid) }
      points.append(b)
    }
    if points.count == 2, let a = points[0].first, let b = points[1].first, a > b {
      return .failure(.unordered)
    }
    return .success(Bounds(first: points[0].first, last: points[points.count - 1].last))
  }

  /// One point: `YYYY` then an optional `-MM[-DD]`, `-Qn`, `-Hn`, season or week.
  static func point(_ s: Substring) -> Bounds? {
    let parts = s.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
    guard (1...3).contains(parts.count), let year = year(parts[0]) else { return nil }
    let y = year ?? 0
    func known(_ first: Day, _ last: Day) -> Bounds {
      year == nil ? Bounds(first: nil, last: nil) : Bounds(first: first, last: last)
    }
    if parts.count == 1 { return known(y * 10000 + 101, y * 10000 + 1231) }
    let p = parts[1]
    if parts.count == 3 || isDigits(p, 2) || p == "XX" {
      return monthDay(year: year, month: p, day: parts.count == 3 ? parts[2] : nil)
    }
    let n = Int(p.dropFirst())
    switch p.first {
    case "Q" where p.count == 2 && (1...4).contains(n ?? 0):
      return known(y * 10000 + (3 * n! - 2) * 100 + 1, y * 10000 + 3 * n! * 100 + 31)
    case "H" where p.count == 2 && (1...2).contains(n ?? 0):
      return known(y * 10000 + (6 * n! - 5) * 100 + 1, y * 10000 + 6 * n! * 100 + 31)
    case "W" where p.count == 3 && isDigits(String(p.dropFirst()), 2) && (1...53).contains(n!):
      return known(y * 10000 + 101, y * 10000 + 1231)
    default:
      return ["SP", "SU", "FA", "WI"].contains(p) ? known(y * 10000 + 101, y * 10000 + 1231) : nil
    }
  }

  /// A four-character year: digits, possibly ending in 1, 2 or 4 X's. The
  /// outer optional is nil when the text is not a year, the inner one when
  /// digits are unknown.
  static func year(_ s: String) -> Int?? {
    guard s.count == 4 else { return nil }
    let digits = s.prefix { $0.isASCII && $0.isNumber }
    let xs = s.dropFirst(digits.count)
    guard xs.allSatisfy({ $0 == "X" }), [0, 1, 2, 4].contains(xs.count) else { return nil }
    return .some(xs.isEmpty ? Int(s)! : nil)
  }

  static func monthDay(year y: Int?, month: String, day: String?) -> Bounds? {
    if month == "XX" {
      guard day == nil || day == "XX" else { return nil }
      return Bounds(first: nil, last: nil)
    }
    guard isDigits(month, 2), let m = Int(month), (1...12).contains(m) else { return nil }
    let last = y.map { daysIn(month: m, year: $0) } ?? 31
    var firstDay = 1
    var lastDay = last
    if let day, day != "XX" {
      guard isDigits(day, 2), let d = Int(day), (1...last).contains(d) else { return nil }
      firstDay = d
      lastDay = d
    }
    guard let y else { return Bounds(first: nil, last: nil) }
    return Bounds(first: y * 10000 + m * 100 + firstDay, last: y * 10000 + m * 100 + lastDay)
  }

  static func daysIn(month: Int, year: Int) -> Int {
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    return month == 2
      ? (leap ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
  }

  static func isDigits(_ s: String, _ count: Int) -> Bool {
    s.count == count && s.allSatisfy { $0.isASCII && $0.isNumber }
  }
}

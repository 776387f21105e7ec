import Foundation

/// Reading the DateTime spec files and mapping their TIMEX values to ours.
extension DateConformance {
  static let dateTypes: Set<String> = [
    "date", "daterange", "datetimeV2.date", "datetimeV2.daterange",
  ]
  static let durationTypes: Set<String> = ["duration", "datetimeV2.duration"]

  static func read(_ obj: [String: Any], kind: Kind) -> RawCase {
    let reference = (obj["Context"] as? [String: Any])?["ReferenceDateTime"] as? String
    do {
      var expected = [Expected]()
      for r in obj["Results"] as? [[String: Any]] ?? [] {
        if let e = try item(r, kind: kind) { expected.append(e) }
      }
      return RawCase(reference: reference, expected: .success(expected))
    } catch let skip as Skip {
      return RawCase(reference: reference, expected: .failure(skip))
    } catch {
      return RawCase(reference: reference, expected: .failure(Skip(reason: "\(error)")))
    }
  }

  /// One expected entity, nil when it expects no date from us (a duration, an
  /// invalid date), or a Skip when the case is outside our conventions.
  static func item(_ r: [String: Any], kind: Kind) throws -> Expected? {
    let type = r["TypeName"] as? String ?? r["Type"] as? String ?? ""
    if durationTypes.contains(type) { return nil }
    guard dateTypes.contains(type) else { throw Skip(reason: "\(type) is not a calendar date") }
    guard let start = r["Start"] as? Int else { throw Skip(reason: "no span") }
    let end = (r["End"] as? Int).map { $0 + 1 } ?? (r["Length"] as? Int).map { start + $0 } ?? start
    var e = Expected(range: start..<end, value: nil, mod: nil)
    var timex: String?
    var mod: String?
    switch kind {
    case .extractor: return e
    case .parser:
      let value = r["Value"] as? [String: Any]
      timex = value?["Timex"] as? String
      mod = value?["Mod"] as? String
    case .model:
      let values = (r["Resolution"] as? [String: Any])?["values"] as? [[String: Any]] ?? []
      guard let first = values.first else { throw Skip(reason: "no resolution") }
      if first["isLunar"] as? Bool == true { throw Skip(reason: "lunar date") }
      timex = first["timex"] as? String
      mod = first["Mod"] as? String
      if first["value"] as? String == "not resolved", let t = timex, !isInvalidDate(t) {
        throw Skip(reason: "not resolved upstream")
      }
    }
    guard let t = timex else { throw Skip(reason: "no timex") }
    if isInvalidDate(t) { return nil }
    (e.value, e.mod) = try ours(timex: t, mod: mod)
    return e
  }

  /// An impossible calendar date (2月30日, 2019年2月29日), for which we report nothing.
  static func isInvalidDate(_ timex: String) -> Bool {
    let t = timex.hasPrefix("(") ? String(timex.dropFirst().prefix(10)) : timex
    let parts = t.split(separator: "-")
    guard parts.count == 3, let m = Int(parts[1]), let d = Int(parts[2]), (1...12).contains(m)
    else { return false }
    if d > DatePoint.daysIn(month: m) { return true }
    if m == 2, d == 29, let y = Int(parts[0]) {
      return !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0))
    }
    return false
  }

  /// Their TIMEX and Mod as our value and mod (README section 6.4).
  static func ours(timex: String, mod: String?) throws -> (String, String?) {
    let ourMod: String?
    switch mod {
    case nil: ourMod = nil
    case "since": ourMod = "SINCE"
    case "before", "until": ourMod = "BEFORE"
    default: throw Skip(reason: "mod \(mod!) has no counterpart")
    }
    for marker in ["W", "SU", "SP", "FA", "WI", "REF", "T"] where timex.contains(marker) {
      throw Skip(reason: "\(timex): weeks, seasons, references and times have no counterpart")
    }
    guard timex.hasPrefix("(") else { return (timex, ourMod) }
    let inner = timex.dropFirst().dropLast().split(separator: ",").map(String.init)
    guard inner.count == 3, inner[0].count == 10, inner[1].count == 10 else {
      throw Skip(reason: "range \(timex)")
    }
    let (a, b, duration) = (inner[0], inner[1], inner[2])
    let unit = duration.last.map(String.init) ?? ""
    let n = Int(duration.dropFirst().dropLast()) ?? 0
    let aMonth = Int(a.dropFirst(5).prefix(2)) ?? 0
    let aDay = a.suffix(2)
    if unit == "Y" && !a.hasSuffix("-01-01") || unit == "M" && aDay != "01" {
      throw Skip(reason: "\(timex): a rolling window is vague for us")
    }
    let year = String(a.prefix(4))
    // a decade: (1990-01-01,2000-01-01,P10Y) = 199X
    if unit == "Y" && n == 10 && year.hasSuffix("0") {
      return (String(year.prefix(3)) + "X", ourMod)
    }
    if unit == "M" && n == 3 && [1, 4, 7, 10].contains(aMonth) {
      return (year + "-Q\((aMonth - 1) / 3 + 1)", ourMod)
    }
    if unit == "M" && n == 6 && (aMonth == 1 || aMonth == 7) {
      return (year + "-H\(aMonth == 1 ? 1 : 2)", ourMod)
    }
    let cut = unit == "Y" ? 4 : unit == "M" ? 7 : 10
    return (String(a.prefix(cut)) + "/" + String(b.prefix(cut)), ourMod)
  }
}

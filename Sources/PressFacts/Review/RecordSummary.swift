/// A record's normalized fields as one short line for people: "1,198 km2",
/// "2021-08-25 · END", "中国科学院重庆科学中心 · research", "by 2025 · 新型研发机构 · 30 家".
/// The HTML view shows it on hover and in its record table; the exports carry it
/// as a note, so a reviewer correcting spans in another tool still sees the values.
public enum RecordSummary {
  public static func describe(_ payload: Payload) -> String {
    switch payload {
    case .figure(let f):
      return quantity(f.value, f.valueMax, f.unit, f.qualifier) ?? ""
    case .date(let d):
      return [d.value, d.mod].compactMap { $0 }.joined(separator: " · ")
    case .organization(let o):
      return "\(o.name) · \(o.kind)"
    case .target(let t):
      var parts = ["by " + (t.deadline ?? "?")]
      if let metric = t.metric { parts.append(metric) }
      if let q = quantity(t.value, t.valueMax, t.unit, t.qualifier) { parts.append(q) }
      if let figure = t.figure { parts.append("figure " + figure) }
      return parts.joined(separator: " · ")
    }
  }

  /// "≈ 5–15 km", "> 300 株": the qualifier as a sign, the value (range) with
  /// thousands separators, then the unit.
  static func quantity(_ value: Double?, _ valueMax: Double?, _ unit: String?, _ qualifier: String?)
    -> String?
  {
    guard let value else { return nil }
    var s = grouped(value)
    if let valueMax { s += "–" + grouped(valueMax) }
    if let unit { s += " " + unit }
    if let qualifier { s = (signs[qualifier] ?? qualifier) + " " + s }
    return s
  }

  static let signs = [
    "approx": "≈", "nearly": "nearly", "more_than": ">", "at_least": "≥", "at_most": "≤",
    "order_of_magnitude": "~order of",
  ]

  /// 314190000000 → "314,190,000,000"; 15.8 → "15.8"; the output's own number form
  /// (JSONWriter.format) with commas in the integer part.
  public static func grouped(_ d: Double) -> String {
    let plain = JSONWriter.format(d)
    guard !plain.contains("e"), !plain.contains("n") else { return plain }
    let negative = plain.hasPrefix("-")
    let body = negative ? String(plain.dropFirst()) : plain
    let parts = body.split(separator: ".", maxSplits: 1)
    var digits = Array(parts[0])
    var out = [Character]()
    while digits.count > 3 {
      out.insert(contentsOf: [","] + digits.suffix(3), at: 0)
      digits.removeLast(3)
    }
    out.insert(contentsOf: digits, at: 0)
    return (negative ? "-" : "") + String(out) + (parts.count > 1 ? "." + parts[1] : "")
  }
}

/// Matches the system items of one kind in one document to the gold items and
/// counts the result; collects misses, extras and wrong values as it goes.
struct KindScorer {
  let type: RecordType
  var discrepancies: [Discrepancy]

  /// Figures and targets: each gold span (located by text and occurrence) is
  /// matched to at most one overlapping system span and vice versa. Pairs are
  /// taken greedily: required gold before optional, then by larger overlap and
  /// closer start, so a system item that touches two gold items goes to the better one.
  mutating func matchSpans(_ gold: [GoldDocument.Item], _ system: [SystemItem], text: [UInt32])
    -> KindCounts
  {
    let spans = gold.map { locate($0, in: text) }
    var pairs = [(g: Int, s: Int, key: (Int, Int, Int))]()
    for (g, span) in spans.enumerated() {
      guard let span else { continue }
      for (s, item) in system.enumerated() where item.span.overlaps(span) {
        let overlap =
          min(span.upperBound, item.span.upperBound) - max(span.lowerBound, item.span.lowerBound)
        pairs.append(
          (g, s, (gold[g].optional ? 1 : 0, -overlap, abs(span.lowerBound - item.span.lowerBound))))
      }
    }
    pairs.sort {
      ($0.key.0, $0.key.1, $0.key.2, $0.g, $0.s) < ($1.key.0, $1.key.1, $1.key.2, $1.g, $1.s)
    }
    var goldMatch = [Int?](repeating: nil, count: gold.count)
    var systemMatched = [Bool](repeating: false, count: system.count)
    for p in pairs where goldMatch[p.g] == nil && !systemMatched[p.s] {
      goldMatch[p.g] = p.s
      systemMatched[p.s] = true
    }
    var counts = KindCounts()
    for (g, item) in gold.enumerated() {
      let start = spans[g]?.lowerBound ?? -1
      if item.optional {
        counts.optional += 1
        continue
      }
      counts.gold += 1
      guard let s = goldMatch[g] else {
        let why =
          spans[g] == nil
          ? "gold text (occurrence \(item.occurrence)) is not in the document" : "not found"
        note(.miss, item.text, start, why)
        continue
      }
      counts.matched += 1
      let differences = self.differences(gold: item.fields, system: system[s].fields)
      if differences.isEmpty {
        counts.strict += 1
      } else {
        note(
          .wrong, item.text, start,
          "\(system[s].id) \"\(system[s].text)\": " + differences.joined(separator: "; "))
      }
    }
    for (s, item) in system.enumerated() {
      let optionalMatch = goldMatch.enumerated().contains {
        $0.element == s && gold[$0.offset].optional
      }
      if optionalMatch { continue }
      counts.system += 1
      if !systemMatched[s] {
        note(
          .extra, item.text, item.span.lowerBound, "\(item.id) \(Self.describe(item.fields, type))")
      }
    }
    return counts
  }

  /// Dates and organisations: each distinct surface text once. System records
  /// are deduplicated by text (the first record of a text stands for it).
  mutating func matchTexts(_ gold: [GoldDocument.Item], _ system: [SystemItem], text: [UInt32])
    -> KindCounts
  {
    var firstByText = [String: SystemItem]()
    var order = [String]()
    for item in system where firstByText[item.text] == nil {
      firstByText[item.text] = item
      order.append(item.text)
    }
    var counts = KindCounts()
    var goldTexts = [String: Bool]()  // text -> optional
    for item in gold {
      goldTexts[item.text] = (goldTexts[item.text] ?? true) && item.optional
      let start = locate(item, in: text)?.lowerBound ?? -1
      if item.optional {
        counts.optional += 1
        continue
      }
      counts.gold += 1
      guard let s = firstByText[item.text] else {
        note(.miss, item.text, start, "not found")
        continue
      }
      counts.matched += 1
      let differences = self.differences(gold: item.fields, system: s.fields)
      if differences.isEmpty {
        counts.strict += 1
      } else {
        note(
          .wrong, item.text, s.span.lowerBound, "\(s.id): " + differences.joined(separator: "; "))
      }
    }
    for t in order where goldTexts[t] != true {
      counts.system += 1
      let s = firstByText[t]!
      if goldTexts[t] == nil {
        note(.extra, s.text, s.span.lowerBound, "\(s.id) \(Self.describe(s.fields, type))")
      }
    }
    return counts
  }

  /// The gold item's span: its `occurrence`-th occurrence (overlapping counted).
  func locate(_ item: GoldDocument.Item, in text: [UInt32]) -> Range<Int>? {
    let needle = item.text.unicodeScalars.map(\.value)
    let starts = Evaluator.occurrences(of: needle, in: text)
    guard item.occurrence >= 1, item.occurrence <= starts.count else { return nil }
    let start = starts[item.occurrence - 1]
    return start..<start + needle.count
  }

  mutating func note(
    _ category: Discrepancy.Category, _ text: String, _ start: Int, _ detail: String
  ) {
    discrepancies.append(
      Discrepancy(type: type, category: category, text: text, start: start, detail: detail))
  }

  /// The strict-match fields that differ, as `field system ≠ gold` phrases.
  /// Figures: value, unit (and value_max when gold has one). Dates: value and
  /// mod. Organisations: kind. Targets: deadline year, and value and unit when
  /// gold has a value.
  func differences(gold: JSONValue, system: JSONValue) -> [String] {
    var out = [String]()
    func number(_ field: String) {
      let g = gold[field] ?? .null
      let s = system[field] ?? .null
      if let gv = g.number, let sv = s.number, Evaluator.same(gv, sv) { return }
      if g == .null && s == .null { return }
      out.append("\(field) \(s.brief) ≠ gold \(g.brief)")
    }
    func exact(_ field: String) {
      let g = gold[field] ?? .null
      let s = system[field] ?? .null
      if g != s { out.append("\(field) \(s.brief) ≠ gold \(g.brief)") }
    }
    switch type {
    case .figure:
      number("value")
      exact("unit")
      if gold["value_max"]?.number != nil { number("value_max") }
    case .date:
      exact("value")
      exact("mod")
    case .organization:
      exact("kind")
    case .target:
      let g = gold["deadline"]?.string.map { String($0.prefix(4)) }
      let s = system["deadline"]?.string.map { String($0.prefix(4)) }
      if g != s { out.append("deadline year \(s ?? "null") ≠ gold \(g ?? "null")") }
      if gold["value"]?.number != nil {
        number("value")
        exact("unit")
      }
    }
    return out
  }

  /// The normalized fields of a record, for an extra's line.
  static func describe(_ r: JSONValue, _ type: RecordType) -> String {
    let fields: [String]
    switch type {
    case .figure: fields = ["value", "value_max", "unit"]
    case .date: fields = ["value", "mod"]
    case .organization: fields = ["kind"]
    case .target: fields = ["deadline", "value", "unit"]
    }
    return fields.compactMap { f in r[f].flatMap { $0 == .null ? nil : "\(f) \($0.brief)" } }
      .joined(separator: ", ")
  }
}

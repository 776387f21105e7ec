import Foundation

/// Where a document's records and its gold annotation (corpus/gold format)
/// disagree, for the HTML view: which records are extras, which gold items were
/// missed (located in the text). A minimal matcher with the guideline's rules —
/// figures and targets by span overlap, one to one; dates and organisations by
/// distinct surface text; optional gold items neither hits nor misses, and a
/// record that matches only an optional item is no extra. Scores are the
/// evaluator's business (`pressfacts eval`); this only marks the page.
public struct GoldComparison: Sendable {
  /// Ids of records that no gold item accounts for.
  public var extras: Set<String> = []
  /// Gold items no record found, located in the original text.
  public var misses: [Miss] = []
  /// Gold items whose text could not be found in the document (a stale gold file).
  public var unlocated: [String] = []

  public struct Miss: Sendable {
    public var type: RecordType
    public var start: Int
    public var end: Int
    public var text: String
    /// The gold item's fields, "value=30 unit=家".
    public var fields: String
  }

  /// Compares `document`'s records with the gold file's contents.
  public static func compare(_ document: AnnotatedText, gold data: Data, file: String) throws
    -> GoldComparison
  {
    guard let root = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
      throw ReviewError(
        file: file, message: "not a gold file (a JSON object with figures, dates, ...)")
    }
    let scalars = document.text.unicodeScalars.map(\.value)
    var result = GoldComparison()
    let sections: [(String, RecordType)] = [
      ("figures", .figure), ("dates", .date), ("organizations", .organization),
      ("targets", .target),
    ]
    for (key, type) in sections {
      let items = (root[key] as? [[String: Any]] ?? []).compactMap { item -> GoldItem? in
        guard let located = GoldItem(item, in: scalars) else {
          result.unlocated.append("\(key): \(item["text"] ?? "?")")
          return nil
        }
        return located
      }
      let records = document.records.filter { $0.type == type }
      if type == .figure || type == .target {
        result.add(byOverlap: items, records: records, type: type)
      } else {
        result.add(bySurface: items, records: records, type: type)
      }
    }
    result.misses.sort { ($0.start, -$0.end) < ($1.start, -$1.end) }
    return result
  }

  /// One to one by overlap: pairs with a required item first, larger overlap first.
  mutating func add(byOverlap items: [GoldItem], records: [Record], type: RecordType) {
    var pairs = [(gold: Int, record: Int, optional: Bool, overlap: Int)]()
    for (g, item) in items.enumerated() {
      for (r, record) in records.enumerated() {
        let overlap = min(item.end, record.end) - max(item.start, record.start)
        if overlap > 0 { pairs.append((g, r, item.optional, overlap)) }
      }
    }
    pairs.sort {
      ($0.optional ? 1 : 0, -$0.overlap, $0.gold) < ($1.optional ? 1 : 0, -$1.overlap, $1.gold)
    }
    var usedGold = Set<Int>()
    var usedRecord = Set<Int>()
    for p in pairs where !usedGold.contains(p.gold) && !usedRecord.contains(p.record) {
      usedGold.insert(p.gold)
      usedRecord.insert(p.record)
    }
    for (r, record) in records.enumerated() where !usedRecord.contains(r) {
      extras.insert(record.id)
    }
    for (g, item) in items.enumerated() where !usedGold.contains(g) && !item.optional {
      misses.append(item.miss(type))
    }
  }

  /// By distinct surface text: a gold text is found if any record has it.
  mutating func add(bySurface items: [GoldItem], records: [Record], type: RecordType) {
    let found = Set(records.map(\.text))
    let gold = Set(items.map(\.text))
    for record in records where !gold.contains(record.text) { extras.insert(record.id) }
    for item in items where !item.optional && !found.contains(item.text) {
      misses.append(item.miss(type))
    }
  }
}

/// A gold item located by its `text` and `occurrence` (counted overlapping, as
/// the scorer counts) in code points.
struct GoldItem {
  var text: String
  var start: Int
  var end: Int
  var optional: Bool
  var fields: String

  init?(_ item: [String: Any], in scalars: [UInt32]) {
    guard let text = item["text"] as? String, !text.isEmpty else { return nil }
    let needle = text.unicodeScalars.map(\.value)
    let occurrence = (item["occurrence"] as? Int) ?? 1
    var seen = 0
    var found: Int?
    if scalars.count >= needle.count {
      for i in 0...(scalars.count - needle.count) where scalars[i] == needle[0] {
        if scalars[i..<i + needle.count].elementsEqual(needle) {
          seen += 1
          if seen == occurrence {
            found = i
            break
          }
        }
      }
    }
    guard let found else { return nil }
    self.text = text
    self.start = found
    self.end = found + needle.count
    self.optional = (item["optional"] as? Bool) ?? false
    let skipped: Set<String> = ["text", "occurrence", "optional", "note"]
    self.fields = item.keys.filter { !skipped.contains($0) }.sorted().map { key -> String in
      let value = item[key]
      if let d = value as? Double, !(value is Bool) { return "\(key)=\(RecordSummary.grouped(d))" }
      if value == nil || value is NSNull { return "\(key)=null" }
      return "\(key)=\(value!)"
    }.joined(separator: " ")
  }

  func miss(_ type: RecordType) -> GoldComparison.Miss {
    .init(type: type, start: start, end: end, text: text, fields: fields)
  }
}

import Foundation

/// The rules of the validator beyond the schema, run over one output document.
/// Each rule is named after what it enforces; a rule reads only fields of the
/// right JSON type and leaves wrong types to the schema's findings. Generic over
/// the view of the output: a parsed file, or a result still in memory.
struct ValidationRun<V: JSONView> {
  let file: String
  let output: V
  let records: [V]
  let lang: String?
  let documentDate: String?
  var findings = [Finding]()
  /// The source's code points once found and matching; offsets are checked against it.
  var source: [UInt32]?
  /// Figure records by id (the first of an id), for the targets' `figure`.
  let figuresByID: [String: V]
  /// The first day of a valid document date, for DeadlineNotBeforeDocumentDate.
  let documentFirstDay: TimexValue.Day?

  init(file: String, output: V) {
    self.file = file
    self.output = output
    records = output["records"]?.array ?? []
    lang = output["document"]?["lang"]?.string
    documentDate = output["document"]?["date"]?.string
    var figures = [String: V](minimumCapacity: records.count)
    for r in records where r["type"]?.string == "figure" {
      if let id = r["id"]?.string, figures[id] == nil { figures[id] = r }
    }
    figuresByID = figures
    if let date = documentDate, DocumentDate.isValid(date),
      case .success(let doc) = TimexCache.parse(date)
    {
      documentFirstDay = doc.first
    } else {
      documentFirstDay = nil
    }
  }

  mutating func report(
    _ rule: String, _ record: String, _ message: String, _ severity: Finding.Severity = .error
  ) {
    findings.append(
      Finding(file: file, record: record, rule: rule, message: message, severity: severity))
  }

  /// The id of record `i` for messages; `records[i]` when it has no string id.
  func recordName(_ i: Int) -> String { records[i]["id"]?.string ?? "records[\(i)]" }

  // MARK: SourceFound, SourceHashMatches, CharsMatchSource

  mutating func checkSource(_ lookup: Result<SourceText, Validator.SourceMissing>) {
    switch lookup {
    case .failure(let missing):
      report("SourceFound", "document", missing.message, missing.severity)
    case .success(let text):
      if let sha = text.sha256, let claimed = output["document"]?["sha256"]?.string, sha != claimed
      {
        report(
          "SourceHashMatches", "document",
          "sha256 \(claimed) differs from the source's \(sha): offsets not checked")
        return
      }
      if let chars = output["document"]?["chars"]?.int, chars != text.scalars.count {
        report(
          "CharsMatchSource", "document",
          "chars is \(chars), the source has \(text.scalars.count) code points")
      }
      source = text.scalars
    }
  }

  // MARK: Record rules

  mutating func checkRecords(units: KnownUnits) {
    if let date = documentDate, !DocumentDate.isValid(date) {
      report(
        "DateValueIsValid", "document",
        "date \"\(date)\" is not a real YYYY, YYYY-MM or YYYY-MM-DD date")
    }
    var seen = [String: Int](minimumCapacity: records.count)
    var previousStart: Int?
    for (i, r) in records.enumerated() {
      let name = recordName(i)
      if let id = r["id"]?.string {
        if let first = seen[id] {
          report("IdsUnique", name, "id \(id) is used again (first by records[\(first)])")
        }
        seen[id] = seen[id] ?? i
      }
      if let start = r["start"]?.int {
        if let previousStart, start < previousStart {
          report(
            "SortedByStart", name,
            "start \(start) comes after a record starting at \(previousStart)")
        }
        previousStart = start
      }
      checkOffsets(r, name)
      switch r["type"]?.string {
      case "figure": checkQuantity(r, name, units: units)
      case "date": checkDateValue(r["value"]?.string, field: "value", name)
      case "target": checkTarget(r, name, units: units)
      default: break
      }
    }
  }

  /// OffsetsMatchSource: `text` equals the source at [start, end) in code points.
  mutating func checkOffsets(_ r: V, _ name: String) {
    guard let start = r["start"]?.int, let end = r["end"]?.int, let text = r["text"]?.string else {
      return
    }
    guard start >= 0, start < end else {
      report("OffsetsMatchSource", name, "span [\(start), \(end)) is empty or reversed")
      return
    }
    guard let source else { return }
    guard end <= source.count else {
      report(
        "OffsetsMatchSource", name,
        "end \(end) is past the end of the source (\(source.count) code points)")
      return
    }
    if !TextDecoding.string(text, equals: source[start..<end]) {
      var actual = String.UnicodeScalarView()
      for c in source[start..<end] { actual.append(Unicode.Scalar(c) ?? "\u{FFFD}") }
      report(
        "OffsetsMatchSource", name,
        "text \"\(text)\" differs from the source at [\(start), \(end)): \"\(String(actual))\"")
    }
  }

  /// UnitIsKnown, ValueIsFinite, ValueMaxNotBelowValue for figures and targets.
  mutating func checkQuantity(_ r: V, _ name: String, units: KnownUnits) {
    if let unit = r["unit"]?.string {
      if let problem = units.memoizedProblem(unit, lang: lang) {
        report("UnitIsKnown", name, problem)
      }
    }
    let value = r["value"]?.number
    let valueMax = r["value_max"]?.number
    if let value, !value.isFinite {
      report("ValueIsFinite", name, "value is \(value), not a finite number")
    }
    if let valueMax, !valueMax.isFinite {
      report("ValueIsFinite", name, "value_max is \(valueMax), not a finite number")
    }
    if let value, let valueMax, valueMax < value {
      report(
        "ValueMaxNotBelowValue", name, "value_max \(valueMax.brief) is below value \(value.brief)")
    }
  }

  /// DateValueIsValid and IntervalOrdered; returns the bounds of a good value.
  @discardableResult
  mutating func checkDateValue(_ value: String?, field: String, _ name: String) -> TimexValue
    .Bounds?
  {
    guard let value else { return nil }
    switch TimexCache.parse(value) {
    case .success(let bounds): return bounds
    case .failure(.invalid):
      report(
        "DateValueIsValid", name,
        "\(field) \"\(value)\" is not a valid date (YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Qn, YYYY-Hn, A/B; real calendar dates)"
      )
    case .failure(.unordered):
      report("IntervalOrdered", name, "\(field) \"\(value)\" ends before it starts")
    }
    return nil
  }

  mutating func checkTarget(_ r: V, _ name: String, units: KnownUnits) {
    checkQuantity(r, name, units: units)
    let deadline = checkDateValue(r["deadline"]?.string, field: "deadline", name)
    if let last = deadline?.last, let date = documentDate, let docFirst = documentFirstDay,
      last < docFirst
    {
      report(
        "DeadlineNotBeforeDocumentDate", name,
        "deadline \(r["deadline"]!.string!) is before the document date \(date)", .warning)
    }
    guard let figure = r["figure"]?.string else { return }
    guard let f = figuresByID[figure] else {
      report(
        "TargetFigureInsideSpan", name, "figure \(figure) is not a figure record of this document")
      return
    }
    if let ts = r["start"]?.int, let te = r["end"]?.int, let fs = f["start"]?.int,
      let fe = f["end"]?.int,
      !(ts <= fs && fe <= te)
    {
      report(
        "TargetFigureInsideSpan", name,
        "figure \(figure) at [\(fs), \(fe)) is outside the target's span [\(ts), \(te))")
    }
  }
}

extension ValidationRun where V == JSONValue {
  // MARK: MatchesSchema

  mutating func checkSchema(_ schema: JSONSchema) {
    for v in schema.check(output) {
      var path = v.path[...]
      var record = "document"
      if path.first == "records", path.count >= 2, let i = Int(path[path.startIndex + 1]),
        i < records.count
      {
        record = recordName(i)
        path = path.dropFirst(2)
      }
      let at = path.isEmpty ? "" : path.joined(separator: ".") + ": "
      report("MatchesSchema", record, at + v.message)
    }
  }
}

/// `TimexValue.parse` memoized: the same date values (2021, 2022-06) recur across
/// the documents of a batch, and parsing one splits it into Strings.
enum TimexCache {
  private static let memo = SharedMemo<String, Result<TimexValue.Bounds, TimexValue.Problem>>()

  static func parse(_ value: String) -> Result<TimexValue.Bounds, TimexValue.Problem> {
    memo.value(for: value) { TimexValue.parse(value) }
  }
}

extension Double {
  /// The number as the output writes it, for messages.
  var brief: String { JSONWriter.format(self) }
}

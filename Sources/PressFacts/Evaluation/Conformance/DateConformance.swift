import Foundation

/// The Recognizers-Text DateTime/Chinese files that concern calendar dates, run
/// through the date stage with each case's `Context.ReferenceDateTime` as the
/// document date. Conventions are mapped as the specs' README (section 6.4) says:
///
/// - TIMEX values compare with X as a wildcard (a yearless `XXXX-03` upstream is
///   our `2018-03` in the reference year; `XXXX-XX-29` matches any 29th);
/// - one-period ranges become our codes: `(2017-01-01,2017-04-01,P3M)` = `2017-Q1`,
///   P6M = `H1`/`H2`; other ranges (A到B) are `A/B` with both
///   ends cut to the unit of the duration (`(1995-01-01,1997-01-01,P2Y)` = `1995/1997`);
/// - `since` = SINCE, `before` and `until` = BEFORE; `after` has no counterpart (skip);
/// - spans pair by overlap; a leading 自/从/在 and trailing function words may differ;
/// - cases with clock times, weeks, seasons, durations as results, rolling windows
///   (近三年), lunar dates and 截止到 (a convention conflict) are skipped with the reason;
///   invalid dates (2月30日) must give no date.
public enum DateConformance {
  /// What one expected entity says, in our terms.
  struct Expected: Sendable {
    var range: Range<Int>
    /// Our value (with X wildcards), nil for extractor files (spans only).
    var value: String?
    var mod: String?
  }

  /// One case of a DateTime file, read from the raw JSON (the shared loader keeps
  /// no reference date and no TIMEX).
  struct RawCase: Sendable {
    var reference: String?
    /// The expected entities, or the reason to skip the case.
    var expected: Result<[Expected], Skip>
  }

  struct Skip: Error, Sendable { var reason: String }

  enum Kind: Sendable { case extractor, parser, model }

  static let files: [(String, Kind)] = [
    ("DateTime/Chinese/DateExtractor.json", .extractor),
    ("DateTime/Chinese/DateParser.json", .parser),
    ("DateTime/Chinese/DatePeriodExtractor.json", .extractor),
    ("DateTime/Chinese/DatePeriodParser.json", .parser),
    ("DateTime/Chinese/DateTimeModel.json", .model),
  ]

  /// The families for `ConformanceFamilies.all`.
  public static let families: [SpecFamily] = files.map { file, kind in
    SpecFamily(file: file, skipped: skipped[file] ?? [:]) { c, _ in judge(c, file: file, kind: kind)
    }
  }

  /// Cases whose expectation conflicts with our guideline (README section 6.4).
  static let skipped: [String: [Int: String]] = [
    "DateTime/Chinese/DateTimeModel.json": [
      74: "截止到2018年 excludes 2018 upstream; through 2018 for us"
    ]
  ]

  /// The raw cases of every file, read once from the default specs folder.
  static let raw: [String: [RawCase]] = {
    guard let root = ConformanceRunner.defaultSpecs() else { return [:] }
    var out = [String: [RawCase]]()
    for (file, kind) in files {
      let url = URL(fileURLWithPath: root).appendingPathComponent(file)
      guard let data = try? Data(contentsOf: url),
        let array = try? JSONSerialization.jsonObject(with: data) as? [[String: Any]]
      else { continue }
      out[file] = array.map { read($0, kind: kind) }
    }
    return out
  }()

  /// The date stage alone: dates come first in the pipeline, so no other stage
  /// changes them.
  static let pipeline: Pipeline? = try? Pipeline(stages: [DateExtractor()], dating: nil)

  static func judge(_ c: SpecCase, file: String, kind: Kind) -> SpecVerdict {
    guard let cases = raw[file], c.index < cases.count, let pipeline else {
      return .skip("raw spec not readable")
    }
    let rc = cases[c.index]
    let expected: [Expected]
    switch rc.expected {
    case .failure(let skip): return .skip(skip.reason)
    case .success(let e): expected = e
    }
    // Extractor files carry no reference date and compare spans only: give them
    // the suite's usual one, so that 明天 or 本月十日 count as dates.
    let date =
      rc.reference.map { String($0.prefix(10)) } ?? (kind == .extractor ? "2017-03-22" : nil)
    guard
      let doc = try? Document(
        id: "spec", path: nil, text: c.input, sha256: SHA256.hex(Array(c.input.utf8)), date: date)
    else { return .skip("unreadable input") }
    let found: [(Record, CalendarDate)] = pipeline.process(doc).records.compactMap { r in
      if case .date(let d) = r.payload { return (r, d) }
      return nil
    }
    return compare(expected, found, input: Array(c.input.unicodeScalars.map(\.value)))
  }

  /// Pairs by overlap in order; checks span (with the allowed differences), value and mod.
  static func compare(_ expected: [Expected], _ found: [(Record, CalendarDate)], input: [UInt32])
    -> SpecVerdict
  {
    var used = Set<Int>()
    let text = { (r: Range<Int>) -> String in
      String(
        String.UnicodeScalarView(
          input[max(0, r.lowerBound)..<min(input.count, r.upperBound)].compactMap(
            Unicode.Scalar.init)))
    }
    for e in expected {
      guard
        let k = found.indices.first(where: {
          !used.contains($0) && found[$0].0.start < e.range.upperBound
            && e.range.lowerBound < found[$0].0.end
        })
      else { return .fail("missing \(text(e.range))") }
      used.insert(k)
      let (r, d) = found[k]
      if !spanAgrees(ours: r.start..<r.end, theirs: e.range, text: text) {
        return .fail("span \(r.text) vs \(text(e.range))")
      }
      if let v = e.value, !matches(d.value, pattern: v) {
        return .fail("value \(r.text) = \(d.value), expected \(v)")
      }
      if e.value != nil, d.mod != e.mod {
        return .fail("mod \(r.text) = \(d.mod ?? "nil"), expected \(e.mod ?? "nil")")
      }
    }
    let extra = found.indices.filter { !used.contains($0) }.map { found[$0].0.text }
    return extra.isEmpty ? .pass : .fail("extra \(extra)")
  }

  static let leadingWords: Set<String> = ["自", "从", "在", "自从", "截止", "截至", "截止到", "时间从"]
  static let trailingWords: Set<String> = [
    "以来", "开始", "起", "之间", "间", "或之后", "或之前", "及以前", "及以后", "及之后", "及之前", "以后", "之后", "以前",
    "之前", "前", ",星期一", "，星期一",
  ]

  static func spanAgrees(ours: Range<Int>, theirs: Range<Int>, text: (Range<Int>) -> String) -> Bool
  {
    if ours == theirs { return true }
    let head =
      ours.lowerBound == theirs.lowerBound
      || (ours.lowerBound > theirs.lowerBound
        && leadingWords.contains(text(theirs.lowerBound..<ours.lowerBound)))
    let tail =
      ours.upperBound == theirs.upperBound
      || (ours.upperBound < theirs.upperBound
        && trailingWords.contains(
          text(ours.upperBound..<theirs.upperBound).trimmingCharacters(in: .whitespaces)))
      || (ours.upperBound > theirs.upperBound
        && trailingWords.contains(text(theirs.upperBound..<ours.upperBound)))
    return head && tail
  }

  /// Whether `value` fits `pattern`, where an X in the pattern stands for any character.
  static func matches(_ value: String, pattern: String) -> Bool {
    let v = Array(value.unicodeScalars)
    let p = Array(pattern.unicodeScalars)
    guard v.count == p.count else { return false }
    return zip(v, p).allSatisfy { $1 == "X" || $0 == $1 }
  }
}

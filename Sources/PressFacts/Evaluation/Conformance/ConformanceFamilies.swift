import Foundation

/// The spec families the conformance runner knows, by file. Each maps the
/// upstream conventions onto ours (README section 6 beside the specs).
///
/// Extension point: a stage that wants its own files checked (the DateTime
/// specs) adds `extension ConformanceFamilies { static let dateTime: [SpecFamily] = [...] }`
/// in a file of its own, and appends `dateTime` to `all`. `SpecFamily.judge` gets the
/// case and a function that runs the pipeline on a text; the helpers below
/// (`compare`, `substring`, `close`) are shared.
public enum ConformanceFamilies {
  /// Every family, in report order.
  public static let all: [SpecFamily] = numbers + numbersWithUnit + DateConformance.families

  /// Number/Chinese: numerals (normalizer mode) and percentages (extractor mode).
  public static let numbers: [SpecFamily] = [
    SpecFamily(
      file: "Number/Chinese/NumberModel.json",
      skipped: [
        58: "兆 = 10^12", 59: "兆 = 10^12", 140: "兆 = 10^12", 141: "兆 = 10^12", 361: "兆 = 10^12",
        96: "numbers inside a date", 173: "numbers inside a date",
        178: "百分之… is a percent figure", 179: "百分之… is a percent figure",
        189: "个百分点 is a percent figure", 190: "个百分点 is a percent figure",
      ],
      judge: numeral),
    SpecFamily(file: "Number/Chinese/PercentModel.json", judge: percentage),
  ]

  /// NumberWithUnit/Chinese: currency and dimension (extractor mode); ages and
  /// temperatures are not figures under our guideline.
  public static let numbersWithUnit: [SpecFamily] = [
    SpecFamily(
      file: "NumberWithUnit/Chinese/CurrencyModel.json", skipped: [31: "兆 = 10^12"], judge: currency
    ),
    SpecFamily(file: "NumberWithUnit/Chinese/DimensionModel.json", judge: dimension),
    SpecFamily(
      file: "NumberWithUnit/Chinese/AgeModel.json",
      outOfScope: "ages are not figures in GUIDELINE.md"
    ) { _, _ in .skip("") },
    SpecFamily(
      file: "NumberWithUnit/Chinese/TemperatureModel.json",
      outOfScope: "temperatures are not in GUIDELINE.md"
    ) { _, _ in .skip("") },
  ]

  /// What a case expects, in our terms.
  public struct Expected: Sendable {
    public let range: Range<Int>
    public let value: Double
    public let unit: String?
  }

  /// NumberModel in normalizer mode: each expected span's text must read as the
  /// expected value. A negative case must yield no figure other than money.
  static func numeral(_ c: SpecCase, _ run: (String) -> [Record]) -> SpecVerdict {
    if c.results.isEmpty {
      let found = figures(run(c.input)).filter {
        !UnitTable.shared.currencyCodes.contains($0.1.unit ?? "")
      }
      return found.isEmpty ? .pass : .fail("found \(found.map(\.0.text))")
    }
    for r in c.results {
      guard let range = r.range else { return .skip("no span") }
      let text = substring(c.input, range)
      guard let value = NumeralParser.value(of: text) else { return .fail("cannot read \(text)") }
      if c.ignoreResolution { continue }
      guard let expected = r.value.flatMap(Double.init) else { return .skip("no value") }
      if !close(value, expected) { return .fail("\(text) read as \(value), expected \(expected)") }
    }
    return .pass
  }

  /// PercentModel: % and 百分之 are `percent`, 个百分点 is `percentage_point`; 折
  /// (discounts) is not specified by our guideline.
  static func percentage(_ c: SpecCase, _ run: (String) -> [Record]) -> SpecVerdict {
    var expected = [Expected]()
    for r in c.results {
      if r.text.contains("折") { return .skip("折 (discount)") }
      guard let range = r.range, let v = r.value,
        let value = Double(v.replacingOccurrences(of: "%", with: ""))
      else { return .skip("no value") }
      let squeezed = r.text.replacingOccurrences(of: " ", with: "")
      let point = squeezed.contains("百分点") || squeezed.contains("百分點")
      expected.append(
        Expected(range: range, value: value, unit: point ? "percentage_point" : "percent"))
    }
    let found = figures(run(c.input)).filter {
      $0.1.unit == "percent" || $0.1.unit == "percentage_point"
    }
    return compare(expected, found, input: c.input)
  }

  /// CurrencyModel: compare `isoCurrency` (`$` is USD); amounts without a value
  /// (a bare 人民币) and currencies without a code (Bitcoin) are skipped.
  static func currency(_ c: SpecCase, _ run: (String) -> [Record]) -> SpecVerdict {
    var expected = [Expected]()
    for r in c.results {
      let code = r.isoCurrency ?? (r.unit == "Dollar" ? "USD" : nil)
      guard let range = r.range, let code, let value = r.value.flatMap(Double.init) else {
        return .skip("no value or no currency code")
      }
      expected.append(Expected(range: range, value: value, unit: code))
    }
    let found = figures(run(c.input)).filter {
      UnitTable.shared.currencyCodes.contains($0.1.unit ?? "")
    }
    return compare(expected, found, input: c.input)
  }

  /// Upstream dimension names → our unit and the factor from their value to ours
  /// (三千比特 is 3 Kilobit upstream, 3000 bit here).
  static let dimensionUnits: [String: (String, Double)] = [
    "Mu": ("mu", 1), "Ton": ("t", 1), "Kilometer": ("km", 1), "Meter": ("m", 1),
    "Centimeter": ("cm", 1),
    "Kilogram": ("kg", 1), "Gram": ("g", 1), "Microgram": ("µg", 1), "Jin": ("斤", 1),
    "Kilobit": ("bit", 1000), "Kilobyte": ("byte", 1000), "Megabyte": ("byte", 1e6),
  ]

  /// DimensionModel: physical units, mapped by `dimensionUnits`; other names are skipped.
  static func dimension(_ c: SpecCase, _ run: (String) -> [Record]) -> SpecVerdict {
    var expected = [Expected]()
    for r in c.results {
      guard let range = r.range, let name = r.unit, let (unit, factor) = dimensionUnits[name],
        let value = r.value.flatMap(Double.init)
      else { return .skip("unit \(r.unit ?? "nil") not mapped") }
      expected.append(Expected(range: range, value: value * factor, unit: unit))
    }
    let found = figures(run(c.input)).filter {
      UnitTable.shared.physicalCodes.contains($0.1.unit ?? "")
    }
    return compare(expected, found, input: c.input)
  }

  /// Pairs expected and found items by overlapping span, in order; each pair must
  /// agree on start, end (ours may stop before a suffix word such as 以上), value and
  /// unit; an unpaired item on either side fails the case.
  public static func compare(_ expected: [Expected], _ found: [(Record, Figure)], input: String)
    -> SpecVerdict
  {
    var used = Set<Int>()
    for e in expected {
      guard
        let k = found.indices.first(where: {
          !used.contains($0) && found[$0].0.start < e.range.upperBound
            && e.range.lowerBound < found[$0].0.end
        })
      else { return .fail("missing \(substring(input, e.range))") }
      used.insert(k)
      let (r, f) = found[k]
      let tail = r.end < e.range.upperBound ? substring(input, r.end..<e.range.upperBound) : ""
      let suffixOK = ["以上", "以下", "之间", "左右", "以内"].contains(
        tail.replacingOccurrences(of: " ", with: ""))
      if r.start != e.range.lowerBound || (r.end != e.range.upperBound && !suffixOK) {
        return .fail("span \(r.text) vs \(substring(input, e.range))")
      }
      if !close(f.value, e.value) { return .fail("\(r.text) = \(f.value), expected \(e.value)") }
      if f.unit != e.unit {
        return .fail("\(r.text) unit \(f.unit ?? "nil"), expected \(e.unit ?? "nil")")
      }
    }
    let extra = found.indices.filter { !used.contains($0) }.map { found[$0].0.text }
    return extra.isEmpty ? .pass : .fail("extra \(extra)")
  }

  /// The figure records with their payloads.
  public static func figures(_ records: [Record]) -> [(Record, Figure)] {
    records.compactMap { r in
      if case .figure(let f) = r.payload { return (r, f) }
      return nil
    }
  }

  /// `text[range]` in code points.
  public static func substring(_ text: String, _ range: Range<Int>) -> String {
    let scalars = Array(text.unicodeScalars)
    var view = String.UnicodeScalarView()
    view.append(
      contentsOf: scalars[max(0, range.lowerBound)..<min(scalars.count, range.upperBound)])
    return String(view)
  }

  /// Values agree within a relative 1e-9 (upstream writes .NET doubles with 15 digits).
  public static func close(_ a: Double, _ b: Double) -> Bool {
    abs(a - b) <= 1e-9 * max(1, abs(a), abs(b))
  }
}

/// Proposes a `.figure` candidate for every quantity: a number (Arabic, Chinese
/// or mixed) with its unit or measure word, multiplied out, with range and
/// qualifier, by the Figures section of corpus/gold/GUIDELINE.md.
///
/// It scans the normalized code points once; at each number it reads the
/// numeral, then what follows it (range, infix 余/多, unit) and the cue words
/// around it. Years, dates, ordinals, numbers inside names and bare numbers are
/// not figures; the pipeline also drops any figure that overlaps a date.
/// 上万, 数百 ("upwards of", "several") keep their first character inside the
/// span and read as `more_than`.
public struct FigureExtractor: Extractor {
  public var name: String { "figures" }
  public var produces: RecordType { .figure }
  public var requires: [RecordType] { [] }

  /// The lexicons, compiled once per process (see `UnitTable.shared`).
  let table: UnitTable

  public init() { table = UnitTable.shared }

  public func extract(from document: Document, in context: ExtractionContext) -> [Candidate] {
    let scanner = FigureScanner(document: document, table: table)
    return scanner.run()
  }
}

/// One pass of the figure extractor over a document. A class: its helpers hand
/// methods to the numeral parser as closures, which copied a struct scanner (and
/// retained its arrays) on every number.
final class FigureScanner {
  let s: [UInt32]
  let original: [UInt32]
  let toOriginal: [Int32]
  let table: UnitTable
  /// English nouns count things (300 companies) only in English text; a Chinese
  /// text counts with measure words (GUIDELINE.md, units).
  let englishNouns: Bool
  /// 兆 is 10^12 as a number word in Traditional text (see `multiplierUnit`).
  let traditional: Bool
  var found: [Candidate] = []
  /// The document's region (`Document.region`): it decides the currency of a bare
  /// 元 and of a bare $, and makes 112年 an ROC year in a Taiwan text.
  let region: Region?
  /// The currency of a bare 元 and of a bare $ or "dollars" in this document.
  let bareCurrency: String
  let bareDollar: String

  init(document: Document, table: UnitTable) {
    s = document.normalized.scalars
    original = document.scalars
    toOriginal = document.normalized.toOriginal
    self.table = table
    englishNouns = document.language == .english
    traditional = document.language == .traditionalChinese
    region = document.region
    let regions = RegionInference.shared
    bareCurrency = document.region.flatMap { regions.currency[$0] } ?? "CNY"
    bareDollar = document.region.flatMap { regions.dollar[$0] } ?? "USD"
  }

  /// A figure before its qualifier is known.
  struct Reading {
    var start: Int
    var end: Int
    var value: Double
    var valueMax: Double?
    var unit: String?
    var kind: UnitKind?
    var infix = false
    var qualifier: String?
  }

  func run() -> [Candidate] {
    var i = 0
    while i < s.count {
      let c = s[i]
      let wordStart = CodePoint.isASCIILetter(c) && (i == 0 || !CodePoint.isASCIILetter(s[i - 1]))
      guard
        Chars.mayStartNumber(c)
          || (Chars.isUpwards(c) && i + 1 < s.count && NumeralParser.isMultiplier(s[i + 1]))
          || (c == CodePoint.half && i + 1 < s.count && s[i + 1] == CodePoint.tenths) || wordStart
      else {
        i += 1
        continue
      }
      let (reading, next) = wordStart ? readEnglishWords(at: i) : read(at: i)
      if var r = reading, r.value.isFinite, r.valueMax?.isFinite ?? true {
        r.qualifier = r.qualifier ?? qualifier(for: r)
        found.append(
          Candidate(
            range: r.start..<r.end,
            payload: .figure(
              Figure(value: r.value, valueMax: r.valueMax, unit: r.unit, qualifier: r.qualifier))))
      }
      i = max(next, i + 1)
    }
    return found
  }

  /// Whether the comma at `k` may separate thousands: an ASCII comma, or a
  /// full-width one between full-width digits (４，５６５).
  func separator(_ k: Int) -> Bool {
    let o = Int(toOriginal[k])
    if original[o] == 0x2C { return true }
    return original[o] == 0xFF0C && o > 0 && (0xFF10...0xFF19).contains(original[o - 1])
  }

  /// Reads the figure that starts at `i`, or says how far to skip.
  func read(at i: Int) -> (Reading?, Int) {
    if let percent = percentPrefixed(at: i) { return (percent, percent.end) }
    if s[i] == CodePoint.half {  // 半成 = 5%
      var r = Reading(start: i, end: i + 2, value: 5)
      r.unit = "percent"
      r.kind = .percent
      return (r, i + 2)
    }
    var start = i
    var upwards = false
    var at = i
    if Chars.isUpwards(s[i]) {
      upwards = true
      at = i + 1
    }
    guard let num = NumeralParser.parse(s, at: at, separatorAt: separator, unitAt: multiplierUnit)
    else { return (nil, i + 1) }
    let skip = num.range.upperBound
    if !upwards, !startIsFree(at: i, num) {
      // 第1至3名: the whole ordinal range is skipped.
      if i > 0, s[i - 1] == CodePoint.ordinal, let (_, end) = rangeEnd(after: num, at: skip) {
        return (nil, end)
      }
      return (nil, skipAlphanumeric(from: skip))
    }
    if skip + 1 < s.count, s[skip] == 0x2E, CodePoint.isASCIIDigit(s[skip + 1]) {
      return (nil, skipAlphanumeric(from: skip))  // 2023.10.5, 1.2.3: a date or a version
    }
    var r = Reading(start: start, end: skip, value: num.value)
    if isMinusSign(before: i) {
      r.value = -r.value
      start = i - 1
    }
    r.infix = num.approximate
    var j = skip
    var low = num
    if englishNouns, isLabelled(at: start) { return (nil, skipAlphanumeric(from: skip)) }
    if num.hasArabic,
      let (factor, end) = englishMultiplier(at: j) ?? attachedMultiplier(at: j, numberStart: start)
    {
      r.value = Self.scaled(r.value, by: factor)
      low.hasLargeMultiplier = true
      j = end
    }
    if let (high, end) = rangeEnd(after: low, at: j) ?? englishRangeEnd(after: low, at: j) {
      var lowValue = r.value
      if low.trailingScale == 1, high.trailingScale > 1 { lowValue *= high.trailingScale }
      if lowValue < high.value {
        r.value = lowValue
        r.valueMax = high.value
        j = end
        low = high
      }
    }
    if let tenths = tenths(after: num, at: j) {
      r.value = tenths.value
      r.unit = "percent"
      r.kind = .percent
      r.end = tenths.end
      return (r, r.end)
    }
    if j < s.count, table.infixQualifiers[s[j]] != nil, unit(at: j + 1, number: num) != nil {
      r.infix = true
      j += 1
    }
    r.start = start
    return finish(&r, num: num, low: low, upwards: upwards, at: j)
  }

  /// `value × factor` without the binary rounding error of a decimal fraction
  /// (16.344 million = 16344000, not 16344000.000000002).
  static func scaled(_ value: Double, by factor: Double) -> Double {
    let product = value * factor
    let whole = product.rounded()
    return abs(product - whole) <= abs(product) * 1e-12 ? whole : product
  }

  /// Reads the unit after the number (or a currency sign before it) and decides
  /// whether the reading is a figure: the reading, and where scanning goes on.
  func finish(_ r: inout Reading, num: ParsedNumber, low: ParsedNumber, upwards: Bool, at j: Int)
    -> (Reading?, Int)
  {
    var j = j
    if let (entry, end) = unit(at: j, number: num) {
      guard accepts(entry, num: num, low: low, upwards: upwards, end: end) else {
        return (nil, end)
      }
      r.unit = unitCode(entry, before: r.start)
      r.kind = entry.kind
      j = end
      if entry.kind == .physical, j < s.count, s[j] == CodePoint.half, r.valueMax == nil,
        !num.hasLargeMultiplier
      {
        r.value += 0.5  // 一吨半, 两米半
        j += 1
      }
      if entry.kind == .currency, !num.hasLargeMultiplier, r.valueMax == nil, let code = r.unit,
        let (fraction, end) = subunits(of: code, at: j)
      {
        r.value += fraction  // 五元三毛 = 5.3
        j = end
      }
      if let (perUnit, perEnd) = perUnit(at: j) {
        r.unit = (r.unit ?? "") + "/" + perUnit
        j = perEnd
      }
    } else if let (entry, prefixStart) = currencyPrefix(before: r.start) {
      r.unit = entry.dollar ? bareDollar : entry.unit
      r.kind = .currency
      r.start = prefixStart
    } else if !num.hasDigit || !(num.hasLargeMultiplier || low.hasLargeMultiplier || num.isFraction)
    {
      // A bare number is a figure only when it is large (3.5万, 1.2 billion, 超百亿) or a fraction.
      guard num.hasMultiplier, !num.hasArabic, isMagnitude(at: j) || isRoundAmount(num)
      else { return (nil, j) }
    }
    if !num.hasArabic, num.hasMultiplier, isMagnitude(at: j) {
      j += 1
      r.qualifier = "order_of_magnitude"
    } else if upwards {
      r.qualifier = "more_than"
    }
    r.end = j
    return (r, j)
  }

  /// The sub-units written after an amount of `code` at `j` (三毛, 又三美分, 五角二分):
  /// their value in the main unit and where they end. Each needs a small number
  /// of its own right before it.
  func subunits(of code: String, at j: Int) -> (Double, Int)? {
    guard let trie = table.currencySubunits[code] else { return nil }
    var k = j < s.count && s[j] == 0x53C8 ? j + 1 : j  // 又
    var total = 0.0
    var end: Int?
    while k < s.count, Chars.mayStartNumber(s[k]),
      let part = NumeralParser.parse(s, at: k, separatorAt: separator),
      !part.hasMultiplier || part.value == 10, part.value < 100,
      let m = trie.longestMatch(in: s, at: part.range.upperBound),
      (table.adjacent.longestMatch(in: s, at: part.range.upperBound)?.end ?? 0) <= m.end
    {
      total += part.value * m.value
      end = m.end
      k = m.end
    }
    // in whole cents: 0.3 + 0.02 is not 0.32 in binary
    return end.map { ((total * 100).rounded() / 100, $0) }
  }

  /// The currency of a bare 元: a currency word or sign right before the number
  /// (新台币7,596.9亿元, HK$5元), else the document region's.
  func currency(ofBareYuanBefore start: Int) -> String {
    if let (entry, _) = currencyPrefix(before: start), let code = unitCode(entry, before: start) {
      return code
    }
    return bareCurrency
  }

  /// The code an entry writes: a bare 元 or $ takes the region's currency.
  func unitCode(_ entry: UnitEntry, before start: Int) -> String? {
    if entry.dollar { return bareDollar }
    return entry.bare ? currency(ofBareYuanBefore: start) : entry.unit
  }

  /// Whether a number with this unit is a figure: not a date (8月, 2035年), not the
  /// article 一 (一台, 一批), not a bare multiplier (万家), not a URL escape (%20).
  func accepts(_ entry: UnitEntry, num: ParsedNumber, low: ParsedNumber, upwards: Bool, end: Int)
    -> Bool
  {
    if entry.kind == .calendar || isCalendarYear(entry, num: num, low: low) { return false }
    if num.isSingleOne, entry.kind == .measure || entry.kind == .time { return false }
    if !num.hasDigit, !upwards, !isMagnitude(at: end) {
      // 千亿元, 百万吨: a magnitude word before money or a physical unit is an amount; 万家 is not.
      guard
        num.range.count >= 2 && (entry.kind == .currency || entry.kind == .physical)
          || isRoundCount(num, entry, end: end)
      else {
        return false
      }
    }
    if entry.unit == "percent", end < s.count,
      CodePoint.isASCIIDigit(s[end]) || CodePoint.isASCIILetter(s[end])
    {
      return false
    }
    return true
  }

  /// Whether the number at `i` stands on its own: not an ordinal (第3), not part of
  /// a code or a name (5G, R2, COVID-19), not after a percent sign (URL escapes).
  func startIsFree(at i: Int, _ num: ParsedNumber) -> Bool {
    if i > 0 {
      let p = s[i - 1]
      // 二三十: no new number
      if NumeralParser.digit(p) != nil, p != 0x96F6 || !CodePoint.isASCIIDigit(s[i]) {
        return false
      }
      // RMB5 billion
      if CodePoint.isASCIILetter(p), currencyPrefix(before: i) != nil { return true }
      if p == CodePoint.ordinal || CodePoint.isASCIILetter(p) || p == 0x25 || p == 0x2E || p == 0x5F
      {
        return false
      }
      if p == 0x2D || p == 0x2F, i > 1,
        CodePoint.isASCIILetter(s[i - 2]) || CodePoint.isASCIIDigit(s[i - 2])
      {
        return false
      }
    }
    let c = s[i] == 0x8D1F && i + 1 < s.count ? s[i + 1] : s[i]  // 负
    // A Chinese numeral must begin with a digit or 十 (千亿 alone is a magnitude word).
    let digit = NumeralParser.digit(c)
    if num.range.count == 1,
      [0x58F9, 0x8D30, 0x53C1, 0x8086, 0x4F0D, 0x9646, 0x67D2, 0x634C, 0x7396].contains(c)
    {
      return false  // 陆部, 伍仁: a financial numeral alone is a word
    }
    if !CodePoint.isASCIIDigit(c), digit == nil || digit == 0, c != 0x5341, c != 0x62FE,
      !isMagnitudeNumeral(num)
    {
      return false  // 零部件, 万物: not numbers
    }
    return true
  }

  /// A minus sign right before the number, not a hyphen or a range dash: -22.2%.
  func isMinusSign(before i: Int) -> Bool {
    guard i > 0, s[i - 1] == 0x2D || s[i - 1] == 0x2212 else { return false }
    return i == 1
      || !(CodePoint.isASCIIDigit(s[i - 2]) || CodePoint.isASCIILetter(s[i - 2])
        || s[i - 2] == 0x25)
  }

  /// A numeral of multipliers only that is a figure: a magnitude word (千亿级, 百兆瓦级)
  /// or an amount of money or of a physical unit (千亿元, 百万吨).
  func isMagnitudeNumeral(_ num: ParsedNumber) -> Bool {
    guard !num.hasDigit, num.hasMultiplier else { return false }
    let end = num.range.upperBound
    if isMagnitude(at: end) { return true }
    guard let (entry, unitEnd) = table.adjacent.longestMatch(in: s, at: end) else {
      return isRoundAmount(num)
    }
    if isMagnitude(at: unitEnd) { return true }
    // 千亿元, 百万吨
    if num.range.count >= 2 && (entry.kind == .currency || entry.kind == .physical) { return true }
    return isRoundCount(num, entry, end: unitEnd)
  }

  /// 百个项目, 千家企业: 百 or 千 alone before a measure word is a round count
  /// (GUIDELINE.md), unless a numeral goes on after it, as in the set phrases
  /// 千家万户 and 百战百胜. 万 alone (每万人) is a denominator, not a count.
  func isRoundCount(_ num: ParsedNumber, _ entry: UnitEntry, end: Int) -> Bool {
    guard num.range.count == 1, entry.kind == .measure,
      s[num.range.lowerBound] == 0x767E || s[num.range.lowerBound] == 0x5343
    else { return false }
    return end >= s.count || !Chars.mayStartNumber(s[end])
  }

  /// 百亿, 千亿, 万亿 standing alone (收入超百亿。): a round amount of money whose
  /// unit goes unsaid. Only a numeral ending in 亿 or 兆 before a non-Han
  /// character or a qualifier suffix: 千万 is also an adverb, 百亿补贴 a name.
  func isRoundAmount(_ num: ParsedNumber) -> Bool {
    let end = num.range.upperBound
    guard !num.hasDigit, num.range.count >= 2, s[end - 1] == 0x4EBF || s[end - 1] == 0x5146
    else { return false }
    return end >= s.count || !CodePoint.isHan(s[end])
      || table.suffixQualifiers.longestMatch(in: s, at: end) != nil
  }

  func isMagnitude(at j: Int) -> Bool { j < s.count && s[j] == CodePoint.level }

  /// A 4-digit number or a Chinese digit sequence before 年 is a calendar year;
  /// so is a 3-digit number from 100 in a Taiwan text (112年 = 2023, ROC calendar).
  func isCalendarYear(_ entry: UnitEntry, num: ParsedNumber, low: ParsedNumber) -> Bool {
    guard entry.kind == .time, entry.unit == "year" else { return false }
    for n in [num, low] where n.isDigitSequence { return true }
    for n in [num, low] where n.isPlainInteger && n.range.count == 4 { return true }
    if region == .taiwan {
      for n in [num, low] where n.isPlainInteger && n.range.count == 3 && n.value >= 100 {
        return true
      }
    }
    return false
  }

  /// Whether a unit that begins with a multiplier character starts at `j` (千瓦, 千米, 千克).
  /// 兆 is 10^12 in Traditional text (2兆8623億元); in Simplified text the mainland
  /// writes 万亿, and 兆 is mega (500兆流量) unless money follows (2兆元).
  func multiplierUnit(_ j: Int) -> Bool {
    if s[j] == 0x5146, !traditional {
      guard let next = table.adjacent.longestMatch(in: s, at: j + 1) else { return true }
      return next.value.kind != .currency
    }
    guard let m = table.adjacent.longestMatch(in: s, at: j) else { return false }
    return m.end - j > 1 && m.value.kind != .measure
  }

  /// Skips the rest of a run of letters, digits and dots (a code such as A1B2.3).
  func skipAlphanumeric(from k: Int) -> Int {
    var k = k
    while k < s.count, CodePoint.isASCIIDigit(s[k]) || CodePoint.isASCIILetter(s[k]) || s[k] == 0x2E
    {
      k += 1
    }
    return k
  }
}

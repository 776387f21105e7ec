/// A number read from the normalized text: Arabic digits with separators and
/// decimals, Chinese numerals, or a mix (3.5万, 1.2万亿, 一百二十万, 三分之一).
public struct ParsedNumber: Sendable, Equatable {
  /// The value with every multiplier applied.
  public var value: Double
  /// Normalized offsets of the numeral (multipliers and infix 余/多/几 included).
  public var range: Range<Int>
  /// Whether any Arabic digit was read.
  public var hasArabic = false
  /// Whether it is a plain run of Arabic digits (no separator, decimal or multiplier):
  /// the only shape a calendar year or an identifier can take.
  public var isPlainInteger = false
  /// Whether a Chinese digit sequence without multipliers was read (二〇二五): a year.
  public var isDigitSequence = false
  /// Whether the numeral is the single character 一 (an article more often than a count).
  public var isSingleOne = false
  /// Whether a multiplier (十百千万亿) was read, and the product of the multipliers
  /// after the last digit (3.5万 → 1e4, 1.2万亿 → 1e12), used to scale the lower end of a range.
  public var hasMultiplier = false
  public var trailingScale: Double = 1
  /// Whether 万 or 亿 was read: such a number is a figure even without a unit.
  public var hasLargeMultiplier = false
  /// Whether any digit (Arabic or Chinese) was read: 千亿 alone has none.
  public var hasDigit = false
  /// Whether infix 余/多/几 was read (500余万): the value is a lower bound.
  public var approximate = false
  /// Whether it is a fraction (三分之一).
  public var isFraction = false
}

/// Reads numerals over normalized code points without allocating. The grammar is
/// the usual one of Chinese numbers: digits, small multipliers 十百千 inside a
/// section, 万 and 亿 closing sections; Arabic literals may take any digit's place.
public enum NumeralParser {
  /// The value of a Chinese digit character (〇零一二两三四五六七八九 and the financial
  /// forms 壹贰叁肆伍陆柒捌玖), or nil.
  @inline(__always) public static func digit(_ c: UInt32) -> Double? {
    switch c {
    case 0x3007, 0x96F6: return 0  // 〇 零
    case 0x4E00, 0x58F9: return 1  // 一 壹
    case 0x4E8C, 0x4E24, 0x8D30: return 2  // 二 两 贰
    case 0x4E09, 0x53C1: return 3  // 三 叁
    case 0x56DB, 0x8086: return 4  // 四 肆
    case 0x4E94, 0x4F0D: return 5  // 五 伍
    case 0x516D, 0x9646: return 6  // 六 陆
    case 0x4E03, 0x67D2: return 7  // 七 柒
    case 0x516B, 0x634C: return 8  // 八 捌
    case 0x4E5D, 0x7396: return 9  // 九 玖
    default: return nil
    }
  }

  /// 十百千 (and 拾佰仟) inside a section.
  @inline(__always) public static func smallMultiplier(_ c: UInt32) -> Double? {
    switch c {
    case 0x5341, 0x62FE: return 10
    case 0x767E, 0x4F70: return 100
    case 0x5343, 0x4EDF: return 1000
    default: return nil
    }
  }

  /// 万, 亿 and 兆, which close a section. 兆 is 10^12 as a number word (1.38兆元,
  /// 2兆8623億元: Taiwan's usage, and the modern one on the mainland); before a
  /// unit it is the prefix mega (兆瓦), which the caller's `unitAt` tells apart.
  @inline(__always) public static func largeMultiplier(_ c: UInt32) -> Double? {
    switch c {
    case 0x4E07: return 1e4
    case 0x4EBF: return 1e8
    case 0x5146: return 1e12
    default: return nil
    }
  }

  @inline(__always) static func isMultiplier(_ c: UInt32) -> Bool {
    smallMultiplier(c) != nil || largeMultiplier(c) != nil
  }

  /// Reads the longest numeral starting at `start`. `separatorAt(i)` says whether the
  /// comma at `i` may be a thousands separator (the caller knows the original text:
  /// a full-width comma between Chinese clauses is not one).
  public static func parse(
    _ s: [UInt32], at start: Int, separatorAt: (Int) -> Bool = { _ in true },
    unitAt: (Int) -> Bool = { _ in false }
  ) -> ParsedNumber? {
    var state = State()
    var j = start
    let n = s.count
    var negative = false
    if j < n, s[j] == 0x8D1F, j + 1 < n, CodePoint.isASCIIDigit(s[j + 1]) || digit(s[j + 1]) != nil
    {
      negative = true  // 负
      j += 1
    }
    let numberStart = j
    while j < n {
      if s[j] == 0x20, state.hasContent, let k = spacedContinuation(s, after: j) { j = k }
      guard
        let next = step(
          s, at: j, from: numberStart, &state, separatorAt: separatorAt, unitAt: unitAt)
      else { break }
      j = next
    }
    guard j > numberStart, state.hasContent else { return nil }
    // 二三十 is "twenty or thirty", not 23 followed by 十.
    if state.sequence, j < n, isMultiplier(s[j]) { return nil }
    var result = state.result(range: start..<j, numberStart: numberStart, in: s)
    if negative { result.value = -result.value }
    // The denominator carries the sign: 负三分之一 = -1/3, 负3分之负157 = 157/3.
    if let f = fraction(after: result, in: s, separatorAt: separatorAt) { result = f }
    return mixedFraction(after: result, in: s, separatorAt: separatorAt) ?? result
  }

  /// Reads one element of a numeral at `j` (an Arabic literal, a digit, a
  /// multiplier, 零, 点 and its decimals, an infix 余/多/几) into `state`; returns
  /// where the next element starts, or nil where the numeral ends.
  static func step(
    _ s: [UInt32], at j: Int, from numberStart: Int, _ state: inout State,
    separatorAt: (Int) -> Bool, unitAt: (Int) -> Bool
  ) -> Int? {
    let c = s[j]
    let n = s.count
    if CodePoint.isASCIIDigit(c) {
      guard state.current == nil else { return nil }
      let (value, end, plain) = arabicLiteral(s, at: j, separatorAt: separatorAt)
      state.arabic(value, plain: plain)
      return end
    }
    if let d = digit(c) {
      if d == 0, state.current == nil, j + 1 < n, state.multiplier || isMultiplier(s[j + 1]) {
        state.zeroGap()  // 零 between sections (一千零五, 一万零十二) only marks a gap.
        return j + 1
      }
      return state.chineseDigit(d, isLiang: c == 0x4E24) ? j + 1 : nil
    }
    state.lastWasChineseDigit = false
    if let m = smallMultiplier(c) {
      // 千瓦, 千米, 千克 are units, not 千 (5千瓦 = 5 kW); 亿千 is no numeral.
      guard !unitAt(j), state.small(m) else { return nil }
      return j + 1
    }
    if let m = largeMultiplier(c) {
      if m == 1e12, unitAt(j) { return nil }  // 5兆瓦 is 5 MW
      return state.large(m, afterWan: j > 0 && s[j - 1] == 0x4E07) ? j + 1 : nil
    }
    if c == 0x70B9, state.hasValue, !state.hasArabic, let k0 = decimalStart(s, after: j) {
      // 点: Chinese decimal digits (一百二十点五, 四点 五).
      var k = k0
      var f = 0.1
      var frac = 0.0
      while k < n, let d = digit(s[k]), s[k] != 0x4E24 {
        frac += d * f
        f /= 10
        k += 1
      }
      state.current = (state.current ?? 0) + frac
      return k
    }
    let after = skipSpaces(s, j + 1)
    if c == 0x4F59 || c == 0x591A || c == 0x51E0, j > numberStart, after < n,
      isMultiplier(s[after]),
      state.current != nil || state.multiplier
    {
      state.approximate = true  // Infix 余/多/几 before a multiplier: 500余万, 十几万, 十 余 万.
      return after
    }
    return nil
  }

  /// Where a Chinese numeral goes on after the spaces at `j` (一 百 五 十): the next
  /// character is a Chinese digit, multiplier or 点, and the one before was Chinese too.
  static func spacedContinuation(_ s: [UInt32], after j: Int) -> Int? {
    var k = j
    while k < s.count, s[k] == 0x20 { k += 1 }
    guard k < s.count, j > 0 else { return nil }
    let c = s[k]
    if isMultiplier(c) { return k }  // 1000 万, 7 万5
    guard s[j - 1] >= 0x3000 else { return nil }
    if CodePoint.isASCIIDigit(c) { return isMultiplier(s[j - 1]) ? k : nil }  // 7万 5千
    return digit(c) != nil || c == 0x70B9 || c == 0x4F59 || c == 0x591A || c == 0x51E0 ? k : nil
  }

  /// Where the decimal digits after 点 at `j` start (spaces allowed), if a digit follows.
  static func decimalStart(_ s: [UInt32], after j: Int) -> Int? {
    var k = j + 1
    while k < s.count, s[k] == 0x20 { k += 1 }
    guard k < s.count, digit(s[k]) != nil, s[k] != 0x4E24 else { return nil }
    return k
  }

  /// Reads `X分之Y` (三分之一 = 1/3) when `denominator` is followed by 分之.
  static func fraction(after denominator: ParsedNumber, in s: [UInt32], separatorAt: (Int) -> Bool)
    -> ParsedNumber?
  {
    var j = skipSpaces(s, denominator.range.upperBound)
    guard j < s.count, s[j] == 0x5206, denominator.value != 0 else { return nil }
    j = skipSpaces(s, j + 1)
    guard j < s.count, s[j] == 0x4E4B else { return nil }
    j = skipSpaces(s, j + 1)
    guard let numerator = parse(s, at: j, separatorAt: separatorAt), !numerator.isFraction else {
      return nil
    }
    var result = numerator
    result.value = numerator.value / denominator.value
    result.range = denominator.range.lowerBound..<numerator.range.upperBound
    result.isFraction = true
    result.isPlainInteger = false
    result.isSingleOne = false
    result.hasMultiplier = true
    return result
  }

  static func skipSpaces(_ s: [UInt32], _ k: Int) -> Int {
    var k = k
    while k < s.count, s[k] == 0x20 { k += 1 }
    return k
  }

  /// `A又B分之C` (三百五又三分之一): a whole number plus a fraction.
  static func mixedFraction(after whole: ParsedNumber, in s: [UInt32], separatorAt: (Int) -> Bool)
    -> ParsedNumber?
  {
    let j = skipSpaces(s, whole.range.upperBound)
    guard !whole.isFraction, j < s.count, s[j] == 0x53C8,
      let part = parse(s, at: skipSpaces(s, j + 1), separatorAt: separatorAt), part.isFraction
    else { return nil }
    var result = part
    result.value = whole.value < 0 ? whole.value - part.value : whole.value + part.value
    result.range = whole.range.lowerBound..<part.range.upperBound
    return result
  }

  /// Reads digits, thousands separators (",ddd" groups) and a decimal part.
  static func arabicLiteral(_ s: [UInt32], at start: Int, separatorAt: (Int) -> Bool)
    -> (value: Double, end: Int, plain: Bool)
  {
    var j = start
    var value = 0.0
    var plain = true
    let n = s.count
    while j < n, CodePoint.isASCIIDigit(s[j]) {
      value = value * 10 + Double(s[j] - 0x30)
      j += 1
    }
    // Groups of exactly three digits after a comma, when the first group is 1–3 digits.
    if j - start <= 3 {
      while j + 3 < n, s[j] == 0x2C, CodePoint.isASCIIDigit(s[j + 1]),
        CodePoint.isASCIIDigit(s[j + 2]),
        CodePoint.isASCIIDigit(s[j + 3]), !(j + 4 < n && CodePoint.isASCIIDigit(s[j + 4])),
        separatorAt(j)
      {
        for k in 1...3 { value = value * 10 + Double(s[j + k] - 0x30) }
        j += 4
        plain = false
      }
    }
    if j + 1 < n, s[j] == 0x2E, CodePoint.isASCIIDigit(s[j + 1]) {
      var k = j + 1
      var f = 0.1
      while k < n, CodePoint.isASCIIDigit(s[k]) {
        value += Double(s[k] - 0x30) * f
        f /= 10
        k += 1
      }
      j = k
      plain = false
    }
    return (value, j, plain)
  }

  /// The value of `text` when the whole of it is one numeral (for the conformance
  /// runner's normalizer mode and for tests), after width folding.
  public static func value(of text: String) -> Double? {
    let s = NormalizedText(original: text.unicodeScalars.map(\.value)).scalars
    let minus = s.first == 0x2D || s.first == 0x2212
    guard !s.isEmpty, let p = parse(s, at: minus ? 1 : 0), p.range.upperBound == s.count else {
      return nil
    }
    return minus ? -p.value : p.value
  }
}

/// The plain Chinese digits 〇零一二三四五六七八九 → 0...9, as years and dates
/// write them (二〇二五年, 八月): one table for the stages that read them.
/// 两 and the financial forms (壹贰叁) are left to the callers that accept them.
enum ChineseDigit {
  @inline(__always) static func value(_ c: UInt32) -> Int? {
    switch c {
    case 0x3007, 0x96F6: return 0
    case 0x4E00: return 1
    case 0x4E8C: return 2
    case 0x4E09: return 3
    case 0x56DB: return 4
    case 0x4E94: return 5
    case 0x516D: return 6
    case 0x4E03: return 7
    case 0x516B: return 8
    case 0x4E5D: return 9
    default: return nil
    }
  }
}

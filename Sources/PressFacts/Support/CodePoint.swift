/// Character classes and named code points shared by every scanner (figures,
/// dates, organisations, targets). The scanners test code points of the
/// normalized text (NFKC, Simplified), so one definition of "digit", "letter",
/// "blank" or "Han" serves them all. A named character is named
/// by what it means in the grammars (`CodePoint.year` is 年), because a
/// romanisation is ambiguous (分 and 份 are both "fen").
enum CodePoint {
  // MARK: Classes

  /// 0-9 (full-width digits are folded to these by normalization).
  @inline(__always) static func isASCIIDigit(_ c: UInt32) -> Bool { c >= 0x30 && c <= 0x39 }

  /// A-Z and a-z.
  @inline(__always) static func isASCIILetter(_ c: UInt32) -> Bool {
    (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A
  }

  /// A-Z.
  @inline(__always) static func isASCIIUpper(_ c: UInt32) -> Bool { c >= 0x41 && c <= 0x5A }

  /// A letter or a digit of ASCII.
  @inline(__always) static func isASCIIAlnum(_ c: UInt32) -> Bool {
    isASCIILetter(c) || isASCIIDigit(c)
  }

  /// Spaces, tabs, line breaks, the no-break space and the ideographic space
  /// (U+3000) that indents Chinese paragraphs.
  @inline(__always) static func isBlank(_ c: UInt32) -> Bool {
    c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == 0x3000 || c == 0xA0
  }

  /// CJK unified ideographs (the BMP block, extension A, the compatibility block
  /// and the supplementary planes' extensions B–G).
  @inline(__always) static func isHan(_ c: UInt32) -> Bool {
    (0x4E00...0x9FFF).contains(c) || (0x3400...0x4DBF).contains(c)
      || (0xF900...0xFAFF).contains(c) || (0x20000...0x3134F).contains(c)
  }

  // MARK: Named characters

  /// 年, year.
  static let year: UInt32 = 0x5E74
  /// 月, month.
  static let month: UInt32 = 0x6708
  /// 日, day of the month.
  static let day: UInt32 = 0x65E5
  /// 号, day of the month in speech.
  static let dayNumber: UInt32 = 0x53F7
  /// 份, as in 月份 and 年份.
  static let portion: UInt32 = 0x4EFD
  /// 度, as in 年度 and 季度.
  static let degree: UInt32 = 0x5EA6
  /// 第, the ordinal prefix.
  static let ordinal: UInt32 = 0x7B2C
  /// 前, before / the first N.
  static let front: UInt32 = 0x524D
  /// 个, the general measure word.
  static let ge: UInt32 = 0x4E2A
  /// 十, ten.
  static let ten: UInt32 = 0x5341
  /// 内, within.
  static let within: UInt32 = 0x5185
  /// 上, as in 上万 (upwards of).
  static let up: UInt32 = 0x4E0A
  /// 数, as in 数百 (several hundred).
  static let several: UInt32 = 0x6570
  /// 级, as in 千亿级 (order of magnitude).
  static let level: UInt32 = 0x7EA7
  /// 分, as in 三分之一.
  static let part: UInt32 = 0x5206
  /// 之, the linking particle of 三分之一.
  static let zhi: UInt32 = 0x4E4B
  /// 成, tenths (七成 = 70%).
  static let tenths: UInt32 = 0x6210
  /// 半, half.
  static let half: UInt32 = 0x534A
  /// 等, "and others", closing a list.
  static let etc: UInt32 = 0x7B49
  /// 家, the measure word of companies.
  static let jia: UInt32 = 0x5BB6
  /// 多, more than.
  static let more: UInt32 = 0x591A
  /// 、, the enumeration comma of Chinese lists.
  static let enumerationComma: UInt32 = 0x3001
}

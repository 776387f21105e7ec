extension NumeralParser {
  /// The running state of `parse`.
  struct State {
    var total = 0.0
    /// The part read before 兆 (2兆8623億 = 2e12 + 8623e8): 亿 after it does not multiply it.
    var zhao: Double?
    var wan: Double?
    var section = 0.0
    var current: Double?
    var afterMultiplier = 0.0
    /// The multiplier right before the last digit (一千二 = 1200), 0 if none.
    var abbreviable = 0.0
    var hasArabic = false
    var plain: Bool?
    var multiplier = false
    var large = false
    var sequence = false
    var chineseDigits = 0
    var lastWasChineseDigit = false
    var approximate = false
    var afterZero = false
    var scale = 1.0

    var hasContent: Bool { current != nil || multiplier }
    /// Whether anything has been read that 点 can add decimals to.
    var hasValue: Bool { current != nil || section > 0 || wan != nil || total > 0 || zhao != nil }

    mutating func arabic(_ value: Double, plain: Bool) {
      current = value
      hasArabic = true
      self.plain = plain
      afterMultiplier = 0
      scale = 1
    }

    mutating func zeroGap() {
      abbreviable = 0
      afterMultiplier = 0
      lastWasChineseDigit = false
      afterZero = true
    }

    /// A Chinese digit; digits in a row without multipliers (二〇二五) are a sequence.
    mutating func chineseDigit(_ d: Double, isLiang: Bool) -> Bool {
      if let value = current {
        guard lastWasChineseDigit, !isLiang else { return false }
        current = value * 10 + d
        sequence = true
      } else {
        abbreviable = afterMultiplier
        current = d
      }
      chineseDigits += 1
      lastWasChineseDigit = true
      scale = 1
      return true
    }

    /// 十, 百, 千 multiply the digit before them (or one) into the section.
    mutating func small(_ m: Double) -> Bool {
      guard !sequence, current != nil || !multiplier || afterZero else { return false }
      section += (current ?? 1) * m
      closeMultiplier(m)
      return true
    }

    /// 万 closes the section below it, 亿 everything below it; 万万 is 亿.
    mutating func large(_ m: Double, afterWan: Bool) -> Bool {
      guard !sequence else { return false }
      let base = section + (current ?? 0)
      if m == 1e12 {
        guard zhao == nil else { return false }
        let below = total + (wan ?? 0) * 1e4 + base
        zhao = (below == 0 ? 1 : below) * 1e12
        (total, wan, section) = (0, nil, 0)
        large = true
        closeMultiplier(m)
        return true
      }
      if m == 1e4, let w = wan, afterWan, current == nil, section == 0 {
        total = (total + w) * 1e8
        wan = nil
        return true
      }
      if m == 1e4 {
        guard wan == nil else { return false }
        wan = base == 0 ? 1 : base
      } else {
        let below = (wan ?? 0) * 1e4 + base
        total = (total + (below == 0 ? 1 : below)) * 1e8
        wan = nil
      }
      section = 0
      large = true
      closeMultiplier(m)
      return true
    }

    private mutating func closeMultiplier(_ m: Double) {
      current = nil
      afterMultiplier = m
      abbreviable = 0
      multiplier = true
      scale *= m
    }

    var value: Double {
      var last = current ?? 0
      if abbreviable >= 100, !hasArabic, !sequence, current != nil, last < 10 {
        let whole = last.rounded(.down)
        last = whole * abbreviable / 10 + (last - whole)  // 一千二 = 1200, 两千三点一 = 2300.1
      }
      return (zhao ?? 0) + total + (wan ?? 0) * 1e4 + section + last
    }

    func result(range: Range<Int>, numberStart: Int, in s: [UInt32]) -> ParsedNumber {
      var result = ParsedNumber(value: value, range: range)
      result.hasArabic = hasArabic
      result.isPlainInteger = plain == true && !multiplier && chineseDigits == 0
      result.isDigitSequence = sequence
      result.isSingleOne = range.upperBound - numberStart == 1 && s[numberStart] == 0x4E00
      result.hasMultiplier = multiplier
      result.trailingScale = scale
      result.hasLargeMultiplier = large
      // 十二, 拾万: a leading 十 is one ten.
      result.hasDigit =
        hasArabic || chineseDigits > 0 || s[numberStart] == 0x5341 || s[numberStart] == 0x62FE
      result.approximate = approximate
      return result
    }
  }
}

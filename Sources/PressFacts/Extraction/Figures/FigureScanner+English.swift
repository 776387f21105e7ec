/// English number words: "three projects", "twenty-five companies", "two million
/// yuan". Spelled-out numbers are common in English releases below ten; a word
/// is read as a number only when a unit or a listed noun follows it, so that
/// "one of the" and "ten-year plan" stay text.
extension FigureScanner {
  /// Reads a figure written in words at the word start `i`, or says where the word ends.
  func readEnglishWords(at i: Int) -> (Reading?, Int) {
    var k = i
    while k < s.count, CodePoint.isASCIILetter(s[k]) { k += 1 }
    guard let (value, end) = englishNumber(at: i), !isLabelled(at: i) else { return (nil, k) }
    var r = Reading(start: i, end: end, value: value)
    var j = end
    if let (factor, after) = englishMultiplier(at: j) {
      r.value = Self.scaled(r.value, by: factor)
      j = after
    }
    if let (high, after) = englishRangeEnd(
      after: ParsedNumber(value: r.value, range: i..<j), at: j),
      high.value > r.value
    {
      r.valueMax = high.value
      j = after
    }
    let words = ParsedNumber(value: r.value, range: i..<j)
    guard let (entry, unitEnd) = unit(at: j, number: words), entry.kind != .calendar else {
      return (nil, k)
    }
    // "one company" is an article more often than a count, as 一 is in Chinese.
    if value == 1, entry.kind == .measure { return (nil, k) }
    r.unit = unitCode(entry, before: i)
    r.kind = entry.kind
    r.end = unitEnd
    return (r, unitEnd)
  }

  /// A number word, or tens and units joined by a hyphen (twenty-five).
  func englishNumber(at i: Int) -> (Double, Int)? {
    guard
      let first = table.englishNumbers.longestMatch(in: s, at: i, fold: true, boundary: wordEnds)
    else {
      return nil
    }
    var value = first.value
    var end = first.end
    if value >= 20, value < 100, end + 1 < s.count, s[end] == 0x2D,
      let unit = table.englishNumbers.longestMatch(
        in: s, at: end + 1, fold: true, boundary: wordEnds), unit.value < 10
    {
      value += unit.value
      end = unit.end
    }
    return (value, end)
  }
}

/// The pieces around a number that the figure scanner reads: units, ranges,
/// percent forms, currency signs and qualifier cue words.
extension FigureScanner {
  /// 百分之五十, 千分之2.4, 万分之三, 百万分之五: percent figures whose number follows
  /// the cue (spaces inside allowed, as in 百 分 之 2).
  func percentPrefixed(at i: Int) -> Reading? {
    var k = i
    var denominator = 1.0
    while k < s.count, k - i < 8 {  // 百万万分之: a few multipliers at most
      if let m = NumeralParser.smallMultiplier(s[k]) ?? NumeralParser.largeMultiplier(s[k]) {
        denominator *= m
      } else if s[k] != 0x20 || k == i {
        break
      }
      k += 1
    }
    guard denominator >= 100, k + 1 < s.count, s[k] == CodePoint.part else { return nil }
    k = skipSpaces(k + 1)
    guard k < s.count, s[k] == CodePoint.zhi else { return nil }
    k = skipSpaces(k + 1)
    guard let num = NumeralParser.parse(s, at: k, separatorAt: separator),
      num.hasDigit || num.hasMultiplier,
      !num.isFraction
    else { return nil }
    var r = Reading(start: i, end: num.range.upperBound, value: num.value * 100 / denominator)
    r.unit = "percent"
    r.kind = .percent
    r.infix = num.approximate
    return r
  }

  func skipSpaces(_ k: Int) -> Int {
    var k = k
    while k < s.count, s[k] == 0x20 { k += 1 }
    return k
  }

  /// " million", " billion" after an Arabic number: the factor and where the word ends.
  /// A hyphen joins them too, in a compound adjective: a 500-million-yuan loan.
  func englishMultiplier(at j: Int) -> (Double, Int)? {
    guard j + 1 < s.count, s[j] == 0x20 || (s[j] == 0x2D && CodePoint.isASCIILetter(s[j + 1]))
    else { return nil }
    return table.englishMultipliers.longestMatch(in: s, at: j + 1, fold: true, boundary: wordEnds)
      .map { ($0.value, $0.end) }
  }

  /// Whether a word ends at `k` (no ASCII letter follows).
  func wordEnds(_ k: Int) -> Bool { k >= s.count || !CodePoint.isASCIILetter(s[k]) }

  /// Whether a whole word, hyphenated compounds included, ends at `k`: "gigawatt"
  /// in "gigawatt-hours" is not a unit of its own.
  func compoundEnds(_ k: Int) -> Bool {
    k >= s.count
      || !CodePoint.isASCIILetter(s[k])
        && !(s[k] == 0x2D && k + 1 < s.count && CodePoint.isASCIILetter(s[k + 1]))
  }

  /// A magnitude written onto the number (10.3b, 5bn; \$2.5m): its factor and end.
  /// m and k are magnitudes only for money or a count, else 2.5m is metres.
  func attachedMultiplier(at j: Int, numberStart: Int) -> (Double, Int)? {
    guard j < s.count, CodePoint.isASCIILetter(s[j]),
      let m = table.attachedMultipliers.longestMatch(
        in: s, at: j,
        boundary: { k in
          k >= self.s.count
            || !CodePoint.isASCIILetter(self.s[k]) && !CodePoint.isASCIIDigit(self.s[k])
        })
    else { return nil }
    if m.value.money, currencyPrefix(before: numberStart) == nil {
      guard englishNouns,
        let (entry, _) = unit(at: m.end, number: ParsedNumber(value: 1, range: j..<j)),
        entry.kind == .currency || entry.kind == .measure
      else { return nil }
    }
    return (m.value.factor, m.end)
  }

  /// "two to three years", "2 to 3 percent" in English text: the upper end of the
  /// range; "from 2 to 3" is a change, not a range.
  func englishRangeEnd(after low: ParsedNumber, at j: Int) -> (ParsedNumber, Int)? {
    guard englishNouns, j + 4 < s.count, s[j] == 0x20, s[j + 1] == 0x74, s[j + 2] == 0x6F,
      s[j + 3] == 0x20, !precededByFrom(low.range.lowerBound)
    else { return nil }
    let k = j + 4
    if low.hasArabic {
      guard CodePoint.isASCIIDigit(s[k]),
        let high = NumeralParser.parse(s, at: k, separatorAt: separator), high.hasArabic
      else { return nil }
      return (high, high.range.upperBound)
    }
    guard let (value, end) = englishNumber(at: k) else { return nil }
    return (ParsedNumber(value: value, range: k..<end), end)
  }

  /// Whether the word before `i` is "from".
  func precededByFrom(_ i: Int) -> Bool {
    guard i >= 5, s[i - 1] == 0x20 else { return false }
    let w: [UInt32] = [0x66, 0x72, 0x6F, 0x6D]
    return (0..<4).allSatisfy { (s[i - 5 + $0] | 0x20) == w[$0] }
      && (i == 5 || !CodePoint.isASCIILetter(s[i - 6]))
  }

  /// Whether the number at `i` labels a thing rather than counts it: the word
  /// before it is a label noun (phase four, Article 5) or a capitalized word inside
  /// a sentence, the number then being part of a name (Fortune 500, Boeing 737).
  func isLabelled(at i: Int) -> Bool {
    guard i >= 2, s[i - 1] == 0x20, CodePoint.isASCIILetter(s[i - 2]) else { return false }
    var b = i - 2
    while b > 0, CodePoint.isASCIILetter(s[b - 1]) { b -= 1 }
    let word = b..<(i - 1)
    let nouns = EnglishNouns.shared
    if nouns.labels.contains(s, word) { return true }
    // Title case (not RMB), not the sentence's first word, not a cue word (In, About).
    guard s[b] >= 0x41, s[b] <= 0x5A, i - 1 - b > 1, s[b + 1] >= 0x61, s[b + 1] <= 0x7A,
      b >= 2, s[b - 1] == 0x20, CodePoint.isASCIILetter(s[b - 2]) || s[b - 2] == 0x2C
    else { return false }
    return !nouns.closedClass.contains(s, word)
      && table.prefixQualifiers.longestMatch(
        in: s, at: i - 1, backwards: true, fold: true, boundary: { $0 == b }) == nil
  }

  /// The upper end of a range `A~B`, `A-B`, `A至B`, `A到B`, `A%-B%` after the lower end.
  func rangeEnd(after low: ParsedNumber, at j: Int) -> (ParsedNumber, Int)? {
    var k = j
    let percent = k < s.count && s[k] == 0x25
    if percent { k += 1 }
    guard k + 1 < s.count else { return nil }
    let c = s[k]
    let dash = c == 0x2D || c == 0x2014 || c == 0x2013 || c == 0x2012 || c == 0x2015
    guard dash || c == 0x7E || c == 0x301C || c == 0x81F3 || c == 0x5230 else { return nil }
    let next = s[k + 1]
    if dash || c == 0x7E {
      guard CodePoint.isASCIIDigit(next) || (!low.hasArabic && NumeralParser.digit(next) != nil)
      else {
        return nil
      }
    }
    guard Chars.mayStartNumber(next),
      let high = NumeralParser.parse(s, at: k + 1, separatorAt: separator, unitAt: multiplierUnit),
      high.hasDigit,
      high.hasArabic == low.hasArabic
    else { return nil }
    let end = high.range.upperBound
    // A%-B%: the unit reader takes the second %.
    if percent, end >= s.count || s[end] != 0x25 { return nil }
    return (high, end)
  }

  /// `X成` as tenths (三成 = 30%, 三成半 = 35%), only for a small number that is
  /// not part of a name: 2023成都 is a year and a city.
  func tenths(after num: ParsedNumber, at j: Int) -> (value: Double, end: Int)? {
    let k = skipSpaces(j)
    guard k < s.count, s[k] == CodePoint.tenths, num.value > 0, num.value <= 10,
      !num.hasMultiplier || num.value == 10, !num.isDigitSequence
    else { return nil }
    var end = k + 1
    var value = num.value * 10
    if end < s.count, s[end] == CodePoint.half {
      value += 5
      end += 1
    }
    guard end >= s.count || Chars.endsTenths(s[end]) else { return nil }
    return (value, end)
  }

  /// The unit or measure word at `j` (after an optional space), or an English
  /// unit or noun after a space (with at most one word between: "300 new companies").
  func unit(at j: Int, number: ParsedNumber) -> (UnitEntry, Int)? {
    guard j < s.count else { return nil }
    if let m = table.adjacent.longestMatch(in: s, at: j, boundary: asciiUnitEnds) {
      return (m.value, m.end)
    }
    if s[j] == 0x2D, j + 1 < s.count, CodePoint.isASCIILetter(s[j + 1]),
      let m = table.english.longestMatch(in: s, at: j + 1, fold: true, boundary: wordEnds),
      m.value.kind != .measure, m.value.kind != .time
    {
      return (m.value, m.end)  // a 10-km road, a 5.8-percent rise; a five-year plan is a name
    }
    guard s[j] == 0x20, j + 1 < s.count else { return nil }
    let k = skipSpaces(j)
    if k < s.count, s[k] >= 0x3000, let m = table.adjacent.longestMatch(in: s, at: k) {
      return (m.value, m.end)
    }
    if s[j + 1] == 0x25 {
      return table.adjacent.longestMatch(in: s, at: j + 1).map { ($0.value, $0.end) }
    }
    guard number.hasArabic || CodePoint.isASCIILetter(s[j + 1]) else { return nil }
    if englishNouns, s[number.range.lowerBound] < 0x80, CodePoint.isASCIIDigit(s[j + 1]),
      !number.isPlainInteger || number.range.count < 4,
      acronymEnd(at: j + 1) != nil
    {
      return countedNoun(from: j + 1)
    }
    if CodePoint.isASCIILetter(s[j + 1]) {
      // "in 2025 companies will...": a year, not a count (counts that large are written 2,025).
      let counts =
        englishNouns && s[number.range.lowerBound] < 0x80
        && !(number.isPlainInteger && number.range.count == 4 && number.value < 2200)
      if let m = table.english.longestMatch(in: s, at: j + 1, fold: true, boundary: compoundEnds),
        counts || m.value.kind != .measure
      {
        if m.value.kind == .measure, let counted = countedNoun(from: j + 1), counted.1 > m.end {
          return counted
        }
        return (m.value, m.end)
      }
      guard counts else { return nil }
      return countedNoun(from: j + 1)
    }
    if let m = table.adjacent.longestMatch(in: s, at: j + 1, boundary: asciiUnitEnds),
      m.value.kind != .measure || !CodePoint.isASCIILetter(s[j + 1])
    {
      return (m.value, m.end)
    }
    return nil
  }

  /// The counted noun of an English figure that starts at `start`: up to four
  /// lower-case modifiers ("135 industrial projects", "17 science and technology
  /// platforms"), a line break allowed between words, then a noun in the plural;
  /// plural nouns right after it are the head of a compound ("5 sales channels").
  /// A closed-class word (of, the, were) before the noun means no counted noun.
  func countedNoun(from start: Int) -> (UnitEntry, Int)? {
    let nouns = EnglishNouns.shared
    var k = start
    var head: (unit: String, end: Int)?
    for words in 0..<6 {
      if head == nil, let e = acronymEnd(at: k) {  // 30 AI companies, 10,000 5G base stations
        guard let next = nextWord(after: e) else { break }
        k = next
        continue
      }
      guard k < s.count, s[k] >= 0x61, s[k] <= 0x7A else { break }
      var e = k
      while e < s.count, CodePoint.isASCIILetter(s[e]) || !compoundEnds(e) { e += 1 }
      if e < s.count, CodePoint.isASCIIDigit(s[e]) { break }
      let word = k..<e
      if let unit = table.english.longestMatch(in: s, at: k, fold: true, boundary: compoundEnds),
        unit.end == e, unit.value.kind != .measure
      {
        // a unit word (tons, year) after modifiers is no counted noun: "NT$5 billion next year"
        break
      } else if !nouns.closedClass.contains(s, word),
        let singular = nouns.singular(ofPlural: s, word)
      {
        head = (singular, e)
      } else if head != nil || words == 5 {
        break
      } else if isAnd(word) ? words == 0 : nouns.closedClass.contains(s, word) {
        return nil
      }
      guard let next = nextWord(after: e) else { break }
      k = next
    }
    return head.map { (UnitEntry(unit: $0.unit, kind: .measure), $0.end) }
  }

  /// Whether the word at `range` is "and".
  func isAnd(_ range: Range<Int>) -> Bool {
    range.count == 3 && s[range.lowerBound] | 0x20 == 0x61 && s[range.lowerBound + 1] | 0x20 == 0x6E
      && s[range.lowerBound + 2] | 0x20 == 0x64
  }

  /// The end of an acronym that starts at `k` (AI, R&D, 5G, COVID-19): letters,
  /// digits, & and a hyphen before digits, with an upper-case letter and no
  /// lower-case one, at most ten long.
  func acronymEnd(at k: Int) -> Int? {
    var e = k
    var upper = false
    while e < s.count, e - k <= 10 {
      let c = s[e]
      if c >= 0x41 && c <= 0x5A {
        upper = true
      } else if !(CodePoint.isASCIIDigit(c) || c == 0x26
        || (c == 0x2D && e > k && e + 1 < s.count && CodePoint.isASCIIDigit(s[e + 1])))
      {
        break
      }
      e += 1
    }
    guard upper, e - k <= 10, e < s.count, s[e] == 0x20 || s[e] == 0x0A else { return nil }
    return e
  }

  /// Where the next word starts after a word ending at `e`: after one space, or
  /// after a single line break (with spaces around it); nil at anything else.
  func nextWord(after e: Int) -> Int? {
    var k = e
    var breaks = 0
    while k < s.count, s[k] == 0x20 || s[k] == 0x0A || s[k] == 0x0D {
      if s[k] == 0x0A { breaks += 1 }
      k += 1
    }
    guard k > e, breaks <= 1, k < s.count, CodePoint.isASCIILetter(s[k]) else { return nil }
    return breaks == 1 || k == e + 1 ? k : nil
  }

  /// A unit written in Latin letters (km, V, MW) must end its word: 5G and 8K are names.
  func asciiUnitEnds(_ k: Int) -> Bool {
    guard k > 0, CodePoint.isASCIILetter(s[k - 1]) else { return true }
    return k >= s.count || !(CodePoint.isASCIILetter(s[k]) || CodePoint.isASCIIDigit(s[k]))
  }

  /// `/平方公里` after a unit: a density (7公里/平方公里 = km/km2).
  func perUnit(at j: Int) -> (String, Int)? {
    guard j + 1 < s.count, s[j] == 0x2F,
      let m = table.adjacent.longestMatch(in: s, at: j + 1, boundary: asciiUnitEnds),
      m.value.kind == .physical || m.value.kind == .time, let u = m.value.unit
    else { return nil }
    return (u, m.end)
  }

  /// A currency sign or code right before the number ($20, ￥300, RMB 5 billion).
  func currencyPrefix(before i: Int) -> (UnitEntry, Int)? {
    var k = i
    if k > 0, s[k - 1] == 0x20 { k -= 1 }
    guard
      let m = table.prefixes.longestMatch(
        in: s, at: k, backwards: true,
        boundary: { b in
          b == 0 || !CodePoint.isASCIILetter(self.s[b - 1])
        })
    else { return nil }
    // a space only after a code (RMB 5, HK$ 5), not after a bare sign
    if k != i, !(m.end..<k).contains(where: { CodePoint.isASCIILetter(s[$0]) }) { return nil }
    return (m.value, m.end)
  }

  /// The qualifier of a reading from its cue words: a suffix (以上, 左右), else a
  /// prefix (约, 超过, more than), else the infix 余/多.
  func qualifier(for r: Reading) -> String? {
    var k = r.end
    if k < s.count, s[k] == 0x20, k + 1 < s.count, CodePoint.isASCIILetter(s[k + 1]) { k += 1 }
    if let m = table.suffixQualifiers.longestMatch(in: s, at: k, fold: true, boundary: wordEnds) {
      return m.value.isEmpty ? nil : m.value
    }
    var b = r.start
    // 约港币5亿元, 逾新台币410亿元: the cue stands before the currency word
    if let (_, prefixStart) = currencyPrefix(before: b), prefixStart < b,
      CodePoint.isHan(s[prefixStart])
    {
      b = prefixStart
    }
    let anchor = b
    if b > 0, s[b - 1] == 0x20 { b -= 1 }
    if let m = table.prefixQualifiers.longestMatch(
      in: s, at: b, backwards: true, fold: true,
      boundary: { p in
        p == 0 || !CodePoint.isASCIILetter(self.s[p - 1]) || !CodePoint.isASCIILetter(self.s[p])
      })
    {
      if b == anchor || CodePoint.isASCIILetter(s[b - 1]) {
        return m.value.isEmpty ? nil : m.value
      }
    }
    return r.infix ? "more_than" : nil
  }
}

/// Code points the figure scanner tests, by name.
enum Chars {

  /// 上 and 数 before a multiplier: 上万台套, 数百家 (a lower bound, inside the span).
  @inline(__always) static func isUpwards(_ c: UInt32) -> Bool {
    c == CodePoint.up || c == CodePoint.several
  }

  /// Digits, Chinese digits and multipliers: where a numeral may begin. Asked
  /// of every character, so one bit test rather than the numeral switches.
  @inline(__always) static func mayStartNumber(_ c: UInt32) -> Bool { numberStarts.contains(c) }

  static let numberStarts: ScalarSet = {
    var set = ScalarSet((0x30...0x39).map { UInt32($0) } + [0x8D1F])
    for c in UInt32(0x3007)..<0x10000
    where NumeralParser.digit(c) != nil || NumeralParser.isMultiplier(c) {
      set.insert(c)
    }
    return set
  }()

  /// What may follow 成 when it means tenths: punctuation, the end, or a word that
  /// continues a proportion (的, 以上, 左右, 多, 至/到 a second bound).
  static func endsTenths(_ c: UInt32) -> Bool {
    switch c {
    case 0x7684, 0x4EE5, 0x5DE6, 0x591A, 0x81F3, 0x5230, 0x4E0A, 0x4E0B, 0x4E8E, 0x8D77: return true
    default:
      return c < 0x3000
        ? !CodePoint.isASCIILetter(c) && !CodePoint.isASCIIDigit(c)
        : (c >= 0x3000 && c <= 0x303F) || c >= 0xFF00
    }
  }
}

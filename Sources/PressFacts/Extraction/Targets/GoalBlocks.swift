/// Deadlines that reach past their sentence: a year's list of targets after a header
/// (今年经济社会发展主要预期目标是：…; "the main projected targets for development in
/// 2023 as follows:") and a deadline that opens a paragraph of goals (到2027年，…).
extension DeadlineFinder {
  /// Just after the colon of a list header around the deadline phrase `start..<end`:
  /// the header's sentence names a list noun (目标, 指标, targets) and ends in a colon.
  /// A header that reports results (完成情况, 已) is none.
  func listHeader(from start: Int, after end: Int) -> Int? {
    // The colon first: a plain scan, so that most years cost no cue look-ups.
    var colon = end
    while colon < s.count && colon - end < Self.headerReach && s[colon] != 0x3A {
      if isSentenceEnd(s[colon]) { return nil }
      colon += 1
    }
    guard colon < s.count, s[colon] == 0x3A else { return nil }
    var noun = false
    var j = end
    while j < colon {
      if cues.statusWords.match(s, at: j) > 0 || cues.reportWords.match(s, at: j) > 0 {
        return nil
      }
      let n = cues.listNouns.match(s, at: j)
      if n > 0 && (CodePoint.isHan(s[j]) || TargetScan.wordStart(s, j)) { noun = true }
      j += max(n, 1)
    }
    j = start
    while j > 0 && start - j < Self.headerReach && !isSentenceEnd(s[j - 1]) {
      j -= 1
      if cues.reportWords.match(s, at: j) > 0 { return nil }
      if cues.listNouns.match(s, at: j) > 0 { noun = true }
    }
    return noun ? colon + 1 : nil
  }

  /// How far a header looks for its list noun and its colon.
  static let headerReach = 80

  private func isSentenceEnd(_ c: UInt32) -> Bool {
    c == 0x3002 || c == 0x3B || c == 0x21 || c == 0x3F || c == 0x0A
      || c == 0x2E
  }

  /// A list header's list, or a whole paragraph for a Chinese deadline that opens its
  /// line (only blanks or a bullet before it); otherwise its sentence.
  func scope(_ start: Int, header: Int?) -> Deadline.Scope {
    if let header { return .list(start: header) }
    guard start < s.count, !CodePoint.isASCIILetter(s[start]) else { return .sentence }
    var j = start
    while j > 0 && (CodePoint.isBlank(s[j - 1]) || GoalClauses.isBullet(s[j - 1])) {
      if s[j - 1] == 0x0A { return .paragraph }
      j -= 1
    }
    return j == 0 ? .paragraph : .sentence
  }
}

extension GoalClauses {
  /// Bullets that start a list line: ——, -, •, ·, ●, ▪, *.
  static func isBullet(_ c: UInt32) -> Bool {
    c == 0x2014 || c == 0x2D || c == 0x2022 || c == 0xB7 || c == 0x25CF || c == 0x25AA
      || c == 0x2A || c == 0x2013
  }

  /// The length of the list marker that starts a line at `j` (——, •, "1.", "2、", "(3)",
  /// （一）, 二、), or 0: such lines continue a list.
  func markerLength(at j: Int) -> Int {
    var k = j
    while k < s.count && Self.isBullet(s[k]) { k += 1 }
    if k > j { return k - j }
    let open = k < s.count && s[k] == 0x28  // (
    if open { k += 1 }
    let digits = k
    while k < s.count && k - digits < 2
      && (CodePoint.isASCIIDigit(s[k]) || TargetScan.chineseDigit(s[k]) != nil
        || s[k] == CodePoint.ten)
    {
      k += 1
    }
    guard k > digits, k < s.count else { return 0 }
    let arabic = CodePoint.isASCIIDigit(s[digits])
    let close = s[k]
    let ends =
      open ? close == 0x29 : (close == CodePoint.enumerationComma || (arabic && close == 0x2E))
    guard ends, k + 1 < s.count, !CodePoint.isASCIIDigit(s[k + 1]) else { return 0 }
    return k + 1 - j
  }

  /// The end of the paragraph that `start` is in, continued over the list lines
  /// that follow it (blank lines between them allowed).
  func blockEnd(from start: Int, limit: Int) -> Int {
    var end = lineEnd(from: start)
    while end < limit {
      var j = end
      while j < limit && CodePoint.isBlank(s[j]) { j += 1 }
      guard j < limit, markerLength(at: j) > 0 else { break }
      end = lineEnd(from: j)
    }
    return min(end, limit)
  }

  private func lineEnd(from i: Int) -> Int {
    var j = i
    while j < s.count && s[j] != 0x0A { j += 1 }
    return j
  }

  /// The items of a list after a header's colon: one per bullet line (its first
  /// clause: "-- continued reductions in …, with priority on …"), or, for a list
  /// written inline, one per clause (地区生产总值增长7.5%，城镇新增就业22万人；…).
  /// Section headings (总量支撑型指标方面) and deadline phrases are no items.
  func listGoals(from start: Int, limit: Int, skip: [Range<Int>]) -> [Range<Int>] {
    var i = start
    while i < limit && CodePoint.isBlank(s[i]) { i += 1 }
    guard i < limit else { return [] }
    if markerLength(at: i) > 0 {
      return markedItems(from: i, limit: limit, skip: skip)
    }
    let end = blockEnd(from: i, limit: limit)
    var items = inlineItems(i..<end, skip: skip)
    if let last = items.last, isCutOff(last) { items.removeLast() }
    return items
  }

  /// One item per clause of `r` (地区生产总值增长7.5%，城镇新增就业22万人；…).
  private func inlineItems(_ r: Range<Int>, skip: [Range<Int>]) -> [Range<Int>] {
    var items = [Range<Int>]()
    for sentence in sentences(r) {
      for clause in split(sentence) {
        let part = trimmed(clause)
        guard part.count >= 3, !isFraming(part), !isHeading(part),
          !skip.contains(where: {
            $0.lowerBound <= part.lowerBound && part.upperBound <= $0.upperBound
          })
        else { continue }
        items.append(part)
      }
    }
    return items
  }

  /// List lines from `i` while they follow one another (blank lines between allowed): an
  /// English line is one item, its first clause; a Chinese line, one item per clause.
  private func markedItems(from i: Int, limit: Int, skip: [Range<Int>]) -> [Range<Int>] {
    var items = [Range<Int>]()
    var j = i
    while j < limit, case let n = markerLength(at: j), n > 0 {
      j += n
      while j < limit && CodePoint.isBlank(s[j]) && s[j] != 0x0A { j += 1 }
      let end = min(lineEnd(from: j), limit)
      if j < end && CodePoint.isHan(s[j]) {
        items += inlineItems(j..<end, skip: skip)
      } else {
        let item = trimmed(split(j..<end).first ?? (j..<j))
        if item.count >= 3 && !isHeading(item) { items.append(item) }
      }
      j = end
      while j < limit && CodePoint.isBlank(s[j]) { j += 1 }
    }
    return items
  }

  /// The sentences of `r`, cut at full stops (not a decimal point).
  func sentences(_ r: Range<Int>) -> [Range<Int>] {
    var out = [Range<Int>]()
    var a = r.lowerBound
    for i in r {
      let c = s[i]
      let stop =
        c == 0x3002 || c == 0x21 || c == 0x3F || c == 0x0A
        || (c == 0x2E && !(i + 1 < s.count && CodePoint.isASCIIDigit(s[i + 1])))
      if stop {
        out.append(a..<i)
        a = i + 1
      }
    }
    out.append(a..<r.upperBound)
    return out
  }

  /// Whether an inline item is cut off: it ends a long line with no punctuation (a
  /// preview line truncated in the middle of a word, 研发支).
  func isCutOff(_ item: Range<Int>) -> Bool {
    var e = item.upperBound
    while e < s.count && s[e] == 0x20 { e += 1 }
    guard e == s.count || s[e] == 0x0A else { return false }
    var lineStart = item.lowerBound
    while lineStart > 0 && s[lineStart - 1] != 0x0A { lineStart -= 1 }
    return item.upperBound - lineStart >= Self.minBrokenLine
  }

  /// 总量支撑型指标方面, 主要目标: a heading inside a list, not an item.
  func isHeading(_ r: Range<Int>) -> Bool {
    cues.headingEnds.match(s, endingAt: r.upperBound) > 0
  }
}

extension DeadlineFinder {
  /// 上半年 / 下半年 → "-H1" / "-H2"; (的)第四季(度) → "-Q4", just after a year's 年 at `i`.
  func period(after i: Int) -> (suffix: String, end: Int)? {
    guard i + 2 < s.count else { return nil }
    if s[i + 1] == CodePoint.half && s[i + 2] == CodePoint.year {
      if s[i] == CodePoint.up { return ("-H1", i + 3) }
      if s[i] == 0x4E0B { return ("-H2", i + 3) }  // 下
    }
    var j = i
    if s[j] == 0x7684 { j += 1 }  // 的
    guard j + 2 < s.count, s[j] == CodePoint.ordinal, s[j + 2] == 0x5B63 else { return nil }  // 第n季
    let q =
      CodePoint.isASCIIDigit(s[j + 1]) ? Int(s[j + 1] - 0x30) : TargetScan.chineseDigit(s[j + 1])
    guard let q, (1...4).contains(q) else { return nil }
    var end = j + 3
    if end < s.count && s[end] == CodePoint.degree { end += 1 }  // 季度
    return ("-Q\(q)", end)
  }

  /// 预计28日公布, 将于5月完工: a planned date the date extractor resolved, right after a
  /// future modal (于/在 between allowed), that no deadline phrase covers yet.
  func plannedDates(besides found: [Deadline]) -> [Deadline] {
    var out = [Deadline]()
    var k = 0  // `found` is in document order: one pass over both lists
    for d in dates.items {
      while k < found.count && found[k].phrase.upperBound <= d.range.lowerBound { k += 1 }
      guard case .date(let date) = d.payload, date.value.count >= 4,
        let year = Int(date.value.prefix(4)), year >= (docYear ?? 0),
        k == found.count || !found[k].phrase.overlaps(d.range)
      else { continue }
      var start = d.range.lowerBound
      while start > 0 && s[start - 1] == 0x20 { start -= 1 }
      guard modalBefore(start), !date.value.contains("/"),
        !namesFiscalProgramme(degreeAt: d.range.upperBound),
        !namesFiscalProgramme(degreeAt: d.range.upperBound - 1)
      else { continue }
      out.append(Deadline(phrase: start..<d.range.upperBound, year: date.value))
    }
    return out
  }
}

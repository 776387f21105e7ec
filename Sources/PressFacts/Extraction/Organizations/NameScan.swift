/// One document's Chinese organisation scan over a `NameView`. A class, so that the
/// scans share one copy of the document's arrays and the lexicon.
final class NameScan {
  let lx: OrganizationLexicon
  let view: NameView
  let c: [UInt32]
  let tokens: [Token]
  /// Known-name hits, longest at each start, in order.
  let known: [(range: Range<Int>, index: Int)]
  /// `knownAt[i]` is the index into `known` of the hit covering view position i, or -1.
  let knownAt: [Int32]
  /// How far left a name may reach from its suffix before the candidate is dropped.
  static let maxStem = 26

  init(lexicon: OrganizationLexicon, view: NameView, tokens: [Token]) {
    lx = lexicon
    self.view = view
    c = view.chars
    self.tokens = tokens
    var hits = [(range: Range<Int>, index: Int)]()
    var at = [Int32](repeating: -1, count: view.chars.count)
    var i = 0
    while i < view.chars.count {
      if lexicon.knownPairs.mayStart(view.chars, at: i),
        let k = lexicon.known.longestStarting(at: i, in: view.chars)
      {
        let r = i..<(i + lexicon.known.length(k))
        for j in r { at[j] = Int32(hits.count) }
        hits.append((r, k))
        i = r.upperBound
      } else {
        i += 1
      }
    }
    known = hits
    knownAt = at
  }

  // MARK: Known names

  /// Known names that stand alone: not inside a longer word on the left (an ICU
  /// token starts there, or a stop, coordination or non-ideograph precedes) and
  /// not running on into a longer noun phrase on the right (华为鲲鹏计算产业生态 names
  /// a project, 腾讯等 the company). An institution that is not a company, of
  /// three characters or more, also stands alone where an ICU token ends it
  /// (立法院|三读, 数码港|推行): such names are not used as modifiers of products.
  func knownCandidates() -> [Candidate] {
    var out = [Candidate]()
    for hit in known where !lx.knownInfo[hit.index].prefixOnly {
      let r = hit.range
      let kind = lx.knownInfo[hit.index].kind
      let country = countryStart(before: r.lowerBound, kind: kind)
      let start = opensName(at: country) ? country : r.lowerBound
      guard start < r.lowerBound || opensName(at: start),
        closesName(at: r.upperBound) || (kind == "media" && opensDateline(at: r.upperBound))
          || (kind != "company" && r.upperBound - start >= 3 && startsToken(r.upperBound))
      else { continue }
      let name = start..<r.upperBound
      let org = Organization(name: view.string(name), kind: kind)
      out.append(Candidate(range: view.normalizedRange(name), payload: .organization(org)))
    }
    return out
  }

  private func opensName(at s: Int) -> Bool {
    guard s > 0 else { return true }
    let prev = c[s - 1]
    if CodePoint.isASCIILetter(c[s]) { return !CodePoint.isASCIILetter(prev) }
    if !CodePoint.isHan(prev) || lx.coordination.contains(prev) { return true }
    if lx.stops.longestEnding(at: s, in: c) != nil || lx.titles.longestEnding(at: s, in: c) != nil {
      return true
    }
    return isTokenStart(view.toNormalized[s])
  }

  /// Where a government body's name starts when a country stands right before
  /// it (美国证监会, 日本央行, 英国外交部): at the country, if the country is not
  /// itself inside a known name. Otherwise at the body.
  private func countryStart(before s: Int, kind: String) -> Int {
    guard kind == "government", s > 0, knownAt[s - 1] < 0,
      let k = lx.countries.longestEnding(at: s, in: c)
    else { return s }
    return s - lx.countries.length(k)
  }

  /// Whether a dateline follows an agency's name: place, date and 电, 讯 or 消息
  /// (中新社佛山2月28日电, 央广网北京3月5日消息) within a few characters of one line.
  private func opensDateline(at e: Int) -> Bool {
    var i = e
    while i + 1 < c.count && i - e <= 12 && c[i] != 0x0A {
      if c[i] == CodePoint.day && Self.wires.contains(c[i + 1]) { return true }
      i += 1
    }
    return false
  }

  /// 电 (wire), 讯 (dispatch), 消(息): the end of a dateline after its day.
  static let wires = ScalarSet(scalarsOf: "电讯消")

  private func closesName(at e: Int) -> Bool {
    guard e < c.count else { return true }
    let next = c[e]
    if CodePoint.isASCIILetter(c[e - 1]) { return !CodePoint.isASCIILetter(next) }
    if !CodePoint.isHan(next) || lx.coordination.contains(next) { return true }
    return lx.stops.longestStarting(at: e, in: c) != nil
      || lx.titles.longestStarting(at: e, in: c) != nil
      || lx.after.longestStarting(at: e, in: c) != nil
      || titleShares(end: e)
  }

  /// Whether a title starts on the name's last character and runs past it: the
  /// head of 行政院长, 发展局长 (院长, 局长) is the institution's.
  private func titleShares(end e: Int) -> Bool {
    guard let t = lx.titles.longestStarting(at: e - 1, in: c) else { return false }
    return lx.titles.length(t) >= 2
  }

  // MARK: Suffix-anchored names

  /// A candidate for every suffix end that passes the checks, scanning leftwards
  /// for its first character.
  func suffixCandidates() -> [Candidate] {
    var names = [(range: Range<Int>, kind: String)]()
    for e in 1...max(c.count, 1) where e <= c.count {
      guard let s = lx.suffixes.longestEnding(at: e, in: c) else { continue }
      if let name = candidate(suffix: s, end: e) { names.append(name) }
    }
    var out = names.map { make($0.range, $0.kind) }
    for outer in names {
      if let branch = bracketedBranch(after: outer.range) {
        out.append(make(outer.range.lowerBound..<(branch.upperBound + 1), outer.kind))
      }
    }
    return out
  }

  private func make(_ r: Range<Int>, _ kind: String) -> Candidate {
    let org = Organization(name: view.string(r), kind: kind)
    return Candidate(range: view.normalizedRange(r), payload: .organization(org))
  }

  /// A branch named in brackets right after a name is part of it:
  /// 某某科技有限公司(成都分公司), 某某研究院(重庆分院): up to `maxBranch`
  /// ideographs in the brackets, ending in a branch word. Returns the range
  /// inside the brackets.
  private func bracketedBranch(after r: Range<Int>) -> Range<Int>? {
    let open = r.upperBound
    guard open + 2 < c.count, c[open] == 0x28 else { return nil }
    var close = open + 1
    while close < c.count && close - open <= Self.maxBranch && CodePoint.isHan(c[close]) {
      close += 1
    }
    guard close < c.count, c[close] == 0x29, close > open + 1,
      lx.branches.longestEnding(at: close, in: c, lowerBound: open + 1) != nil
    else { return nil }
    return (open + 1)..<close
  }

  static let maxBranch = 12

  private func candidate(suffix s: Int, end e: Int) -> (range: Range<Int>, kind: String)? {
    let info = lx.suffixInfo[s]
    let a = e - lx.suffixes.length(s)
    if continuesWord(at: e) || runsIntoTitle(a, e) || (info.token && !isWordSuffix(a, e)) {
      return nil
    }
    guard
      let edge = leftEdge(
        from: a, anchor: a, allowCoordination: true, legal: info.legal, verbal: info.verbal),
      let p = trimmedStart(edge.start, edge.reason, end: a)
    else { return nil }
    guard a - p >= info.minStem, !isGeneric(p..<e), !onlyDeterminers(p..<a),
      lx.facilities.longestEnding(at: e, in: c) == nil,
      !insideTitleMarks(p..<e)
    else {
      return nil
    }
    let startsKnown = knownAt[p] >= 0 && known[Int(knownAt[p])].range.lowerBound == p
    if info.branch && !startsKnown && lx.places.longestEnding(at: a, in: c, lowerBound: p) == nil {
      return nil
    }
    var kind = info.kind
    if startsKnown, info.weak || known[Int(knownAt[p])].range.upperBound == e {
      kind = lx.knownInfo[known[Int(knownAt[p])].index].kind
    }
    return (p..<e, kind)
  }

  /// Whether a title starts inside the suffix and runs past it: 局 of 局长, 学校 of 大学校长.
  private func runsIntoTitle(_ a: Int, _ e: Int) -> Bool {
    (a..<e).contains { i in
      lx.titles.longestStarting(at: i, in: c).map { i + lx.titles.length($0) > e } ?? false
    }
  }

  /// Whether the suffix is the start of another word: 大学城, 大学生, 科研院所, 中心城区
  /// (a title after it, as in 研究所所长, still ends the name).
  private func continuesWord(at e: Int) -> Bool {
    guard e < c.count, lx.continuations.longestStarting(at: e, in: c) != nil else { return false }
    return lx.titles.longestStarting(at: e, in: c) == nil
  }

  /// Drops a count before the name (7家产业化公司, 四家主流评级公司) and the 年 of a
  /// year written before it (2021年重庆大学); nil when the candidate is a count phrase.
  private func trimmedStart(_ p: Int, _ reason: EdgeReason, end a: Int) -> Int? {
    guard p < a else { return p }
    let first = c[p]
    if reason == .digit {
      if Self.dateUnits.contains(first) { return p + 1 }
      if Self.countWords.contains(first) { return nil }
    }
    if p + 1 < a && Self.numerals.contains(first) && Self.countWords.contains(c[p + 1]) {
      return nil
    }
    return p
  }

  /// Whether a one-character suffix such as 局 ends a name rather than a word (布局,
  /// 开新局): it is its own ICU token after a word of two or more characters
  /// (改革发展|局). Longer forms (管理局, 统计局) are suffixes of their own.
  private func isWordSuffix(_ a: Int, _ e: Int) -> Bool {
    if a + 1 < e && Self.levels.contains(c[a]) && !startsToken(a) && startsToken(a + 1) {
      return true  // 安徽省|委: ICU glues the level of 省委 to the place
    }
    guard startsToken(a) else { return false }
    let before = precedingTokenLength(a)
    if before >= 2 || (a > 0 && Self.levels.contains(c[a - 1])) { return true }
    // 信息|化|局: ICU cut the noun suffix 化 off the word before the suffix (not 开|局).
    return before == 1 && Self.nounSuffixes.contains(c[a - 1]) && precedingTokenLength(a - 1) >= 2
  }

  /// Suffixes that make a noun of the word before them (信息化, 现代化).
  static let nounSuffixes = ScalarSet(scalarsOf: "化")

  /// Administrative levels that end a place and may stand before a body's
  /// one-token suffix: 屈原管理区|党委, 区|政协.
  static let levels = ScalarSet(scalarsOf: "省市区县镇乡州村")

  /// Whether a non-empty stem is nothing but determiners: 各级政府, 上市公司, 多所大学.
  private func onlyDeterminers(_ r: Range<Int>) -> Bool {
    var p = r.lowerBound
    while p < r.upperBound,
      let d = lx.determiners.longestStarting(at: p, in: c, upperBound: r.upperBound)
    {
      p += lx.determiners.length(d)
    }
    return !r.isEmpty && p == r.upperBound
  }

  /// A category noun with only modifiers before it: 西部金融中心, 川渝联合实验室,
  /// 西部股权投资基金 — but not 科学城产业引导基金 (科学城 is not a modifier).
  private func isGeneric(_ r: Range<Int>) -> Bool {
    for h in lx.genericHeads.allEnding(at: r.upperBound, in: c, lowerBound: r.lowerBound) {
      var p = r.lowerBound
      let stop = r.upperBound - lx.genericHeads.length(h)
      while p < stop, let m = lx.modifiers.longestStarting(at: p, in: c, upperBound: stop) {
        p += lx.modifiers.length(m)
      }
      if p == stop { return true }
    }
    return false
  }

  /// Whether ICU starts a token at view position `i`: the hint that a stop word
  /// or a one-character suffix is a word of its own (据 in 据了解, not in 大数据).
  func startsToken(_ i: Int) -> Bool { i <= 0 || isTokenStart(view.toNormalized[i]) }

  /// The length of the ICU token that ends where view position `i` starts.
  func precedingTokenLength(_ i: Int) -> Int {
    guard i > 0, let t = tokens.index(endingAt: view.toNormalized[i]) else { return 0 }
    return Int(tokens[t].end - tokens[t].start)
  }

  /// Whether `r` sits inside 《…》: a document or plan title, not an organisation,
  /// unless it is one of the issuers that open the title ("《中共安徽省委 安徽省人民政府
  /// 关于…》"): it starts at 《 or after a space and ends at a space or 关于.
  private func insideTitleMarks(_ r: Range<Int>) -> Bool {
    var q = r.lowerBound - 1
    while q >= 0 && r.lowerBound - q <= 40 && c[q] != 0x0A {
      if c[q] == 0x300B { return false }
      if c[q] == 0x300A { return !isIssuer(r, open: q) }
      q -= 1
    }
    return false
  }

  private func isIssuer(_ r: Range<Int>, open: Int) -> Bool {
    let opens = r.lowerBound == open + 1 || c[r.lowerBound - 1] == 0x20
    guard opens, r.upperBound < c.count else { return false }
    if Self.about.longestStarting(at: r.upperBound, in: c) != nil { return true }
    var e = r.upperBound
    while e < c.count && c[e] == 0x20 { e += 1 }
    guard e > r.upperBound else { return false }
    while e < c.count && e - r.upperBound <= 20 && CodePoint.isHan(c[e]) {
      if Self.about.longestStarting(at: e, in: c) != nil { return true }
      e += 1
    }
    return false
  }

  /// 关于 (on): the subject of a document title starts here, after its issuers.
  static let about = PhraseTable(["关于"])

  func isTokenStart(_ offset: Int32) -> Bool {
    tokens.isEmpty || tokens.index(startingAt: offset) != nil
  }

  static let dateUnits = ScalarSet(scalarsOf: "年月日号")
  static let countWords = ScalarSet(scalarsOf: "多余家个所批名位座项几")
  static let numerals = ScalarSet(scalarsOf: "一二三四五六七八九十两几数")
}

/// Why a left scan stopped: a title means the part before is a person.
enum EdgeReason {
  case stop, title, coordination, digit, punctuation, start
}

extension NameScan {
  /// The first character of the name whose suffix starts at `a`, found character
  /// by character: stop at punctuation, a stop word (位于, 引进, 由, 的), a title,
  /// or a coordinating 和/与/及 whose left part is another party; step over known
  /// names, kept phrases (川渝共建) and parentheses inside the name (西部(重庆)科学城).
  /// Nil when no edge is found within `maxStem` characters. `anchor` is the suffix
  /// start (letters and digits are part of the name only right before it: 360集团);
  /// `verbal` lets a policy verb stand inside a task force's name (省加快建设…工作领导小组);
  /// `legal` lets a verb end a registered company name (重庆建工建设有限公司), and
  /// makes a conjunction always coordination (台积电与鸿海精密工业股份有限公司).
  func leftEdge(
    from a: Int, anchor: Int, allowCoordination: Bool, legal: Bool, verbal: Bool = false
  )
    -> (start: Int, reason: EdgeReason)?
  {
    var p = a
    while p > 0 {
      if a - p > Self.maxStem { return nil }
      if knownAt[p - 1] >= 0 {
        p = min(p - 1, known[Int(knownAt[p - 1])].range.lowerBound)
        continue
      }
      if let k = lx.keep.longestEnding(at: p, in: c) {
        p -= lx.keep.length(k)
        continue
      }
      let ch = c[p - 1]
      if ch == 0x29 {
        guard let q = openParen(closingAt: p - 1) else { return (p, .punctuation) }
        p = q
        continue
      }
      if ch < 0x80 && (CodePoint.isASCIILetter(ch) || CodePoint.isASCIIDigit(ch)) {
        guard p == anchor else { return (p, CodePoint.isASCIIDigit(ch) ? .digit : .punctuation) }
        while p > 0 && c[p - 1] < 0x80
          && (CodePoint.isASCIILetter(c[p - 1]) || CodePoint.isASCIIDigit(c[p - 1]))
        {
          p -= 1
        }
        continue
      }
      if !CodePoint.isHan(ch) { return (p, .punctuation) }
      if !allowCoordination, let t = lx.titles.longestEnding(at: p, in: c),
        startsToken(p - lx.titles.length(t))
      {
        return (p, .title)
      }
      if let w = lx.stops.longestEnding(at: p, in: c), startsToken(p - lx.stops.length(w)) {
        if stationedAbroad(before: p, stop: w) {
          p -= 1
          continue
        }
        if verbal, let v = lx.inner.longestEnding(at: p, in: c),
          lx.inner.length(v) == lx.stops.length(w)
        {
          p -= lx.inner.length(v)
          continue
        }
        guard legal && p == anchor && lx.stops.length(w) > 1 else { return (shiftedStop(p), .stop) }
        p -= lx.stops.length(w)
        continue
      }
      if let w = lx.bounded.longestEnding(at: p, in: c), startsToken(p - lx.bounded.length(w)),
        startsToken(p)
      {
        return (p, .stop)
      }
      if lx.coordination.contains(ch) {
        if anchor >= p && (p == anchor || onlyDeterminers(p..<anchor)) { return (p, .coordination) }
        return coordinated(at: p - 1, allow: allowCoordination && !legal) ?? (p, .coordination)
      }
      p -= 1
    }
    return (0, .start)
  }

  /// Whether the stop before `p` is the 驻 of a mission's name that an
  /// organisation or a country opens: 中央人民政府驻香港特别行政区联络办公室,
  /// 中国驻美国大使馆
  /// (驻 after anything else, as in 派驻 or 企业驻地, still ends the name).
  private func stationedAbroad(before p: Int, stop w: Int) -> Bool {
    guard p >= 2, lx.stops.length(w) == 1, c[p - 1] == Self.stationed else { return false }
    return knownAt[p - 2] >= 0 || lx.suffixes.longestEnding(at: p - 1, in: c) != nil
      || (lx.modifiers.longestEnding(at: p - 1, in: c).map { lx.modifiers.length($0) >= 2 } ?? false)
  }

  /// 驻 (stationed in).
  static let stationed: UInt32 = 0x9A7B

  /// A stop word that ends where a place starts (共建成渝: 建成 against 共建 + 成渝)
  /// gives way to the stop before it, so the name keeps the whole place: the edge
  /// moves one character left when a stop ends there and a modifier starts there.
  private func shiftedStop(_ p: Int) -> Int {
    guard p >= 2, let m = lx.modifiers.longestStarting(at: p - 1, in: c),
      lx.modifiers.length(m) >= 2,
      let w = lx.stops.longestEnding(at: p - 1, in: c), startsToken(p - 1 - lx.stops.length(w))
    else { return p }
    return p - 1
  }

  /// The edge beyond a conjunction at `q` when the conjunction is inside the name
  /// (汽车安全与节能国家重点实验室, 政务服务和公共事务中心); nil when it joins two
  /// parties: the part before it is empty, long, a person (ends at a title) or ends
  /// in an organisation, a known name or a zone (科学城与国核铀业…).
  private func coordinated(at q: Int, allow: Bool) -> (start: Int, reason: EdgeReason)? {
    guard allow, q > 0,
      let left = leftEdge(from: q, anchor: -1, allowCoordination: false, legal: false)
    else { return nil }
    let l = left.start
    if l == q || left.reason == .title || q - l > 16 { return nil }
    if lx.suffixes.longestEnding(at: q, in: c, lowerBound: l) != nil
      || lx.zones.longestEnding(at: q, in: c, lowerBound: l) != nil || knownAt[q - 1] >= 0
    {
      return nil
    }
    return left
  }

  /// The '(' that opens the parenthesis closing at `close`, when the group is a
  /// short run of ideographs, letters or digits inside a name (a character of the
  /// name precedes it): 西部(重庆)科学城, 国际体外诊断(IVD)研究院.
  private func openParen(closingAt close: Int) -> Int? {
    var q = close - 1
    while q >= 0 && close - q <= 16 {
      let ch = c[q]
      if ch == 0x28 {
        guard q < close - 1, q > 0, CodePoint.isHan(c[q - 1]) else { return nil }
        return q
      }
      guard CodePoint.isHan(ch) || CodePoint.isASCIILetter(ch) || CodePoint.isASCIIDigit(ch) else {
        return nil
      }
      q -= 1
    }
    return nil
  }
}

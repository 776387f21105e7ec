/// The goal clauses a deadline phrase governs, and the metric of each, found on the
/// normalized code points (NFKC has already folded ，；（） to ,;()).
struct GoalClauses {
  let cues: TargetCues
  let s: [UInt32]
  /// The date candidates: a clause naming another date leaves the deadline's scope.
  let dates: SortedCandidates

  /// Scopes longer than this are cut: a deadline governs one sentence, and a text
  /// without full stops must not turn into one huge list of goals.
  static let maxScope = 400
  /// A line break ends a sentence unless it breaks a long line in the middle of a
  /// word (the corpus breaks lines inside words); short lines are headings.
  static let minBrokenLine = 40
  /// English list words that start a clause without belonging to the goal.
  static let joiners = CueList(["and ", "while ", "with "])

  /// The goal clauses after `phrase` up to the end of its sentence or `limit`. A
  /// deadline at the very end of its clause ("… 30 labs by 2025.") governs the clause
  /// before it.
  func goals(
    governedBy phrase: Range<Int>, limit: Int, figures: SortedCandidates, through end: Int? = nil,
    floor: Int = 0, newTimeFrame: (Range<Int>) -> Bool = { _ in false }
  ) -> [Range<Int>] {
    var start = phrase.upperBound
    while start < limit && (CodePoint.isBlank(s[start]) || s[start] == 0x2C || s[start] == 0x3A) {
      start += 1
    }
    var region = start..<max(start, min(end ?? sentenceEnd(from: start), limit))
    if CodePoint.isASCIILetter(s[phrase.lowerBound]),
      let before = englishGoalBefore(phrase, floor: floor)
    {
      // "… 30 labs by 2025.", "aims to achieve 5 percent growth over the next five years":
      // one goal, stated by its clause's intention; "set its GDP for 2035 at 2.8 trillion
      // yuan": the value after the deadline belongs to it.
      let tail = trimmed(phrase.upperBound..<min(clauseEndAfter(phrase.upperBound), limit))
      let goal =
        Self.valueLinks.match(s, at: tail.lowerBound) > 0 && !figures.inside(tail).isEmpty
        ? before.lowerBound..<tail.upperBound : before
      return isFraming(goal) ? [] : [goal]
    } else if trimmed(region).isEmpty && CodePoint.isASCIILetter(s[phrase.lowerBound]) {
      return []
    }
    var goals = [Range<Int>]()
    // 有望今年就在工地上使用: a modal before the deadline states the intention of what follows.
    var intended = modalJustBefore(phrase.lowerBound)
    for sentence in end == nil ? [region] : sentences(region) {
      for clause in split(sentence) {
        // 以利…, 进而…: the purpose of the goals; 并将…, 也将…: a new plan of its own;
        // 今年首三个月…: another time. None is governed by the deadline, nor is the rest
        // of the sentence.
        if endsScope(trimmed(clause)) || newTimeFrame(clause) { break }
        // 针对…，将加强…: after the goals, a clause that frames a new action starts a new
        // statement.
        if !goals.isEmpty && cues.newFrames.match(s, at: trimmed(clause).lowerBound) > 0 { break }
        // 完工启用重大建设，包括「…」、「…」等共29项: the list names and counts the goal.
        if let last = goals.last, let counted = countingList(clause, after: last, figures: figures)
        {
          goals[goals.count - 1] = last.lowerBound..<counted
          intended = false
          continue
        }
        for part in listItems(clause, figureCount: figures.inside(clause).count) {
          let part = trimmed(part)
          let milestone = isMilestone(part, after: phrase)
          guard part.count >= 3 || milestone || (intended && part.count >= 2) else { continue }
          guard !isFraming(part) else { continue }
          if !figures.inside(part).isEmpty || isQualitativeGoal(part) || milestone || intended {
            goals.append(part)
          }
        }
        intended = false
      }
    }
    return goals
  }

  /// The end of `clause` when it lists what the goal just before it covers and counts
  /// them (包括A、B等共29项): it starts with 包括 and ends with 等(共) and a figure;
  /// the goal has no figure of its own. nil otherwise.
  private func countingList(_ clause: Range<Int>, after goal: Range<Int>, figures: SortedCandidates)
    -> Int?
  {
    let c = trimmed(clause)
    guard figures.inside(goal).isEmpty, c.lowerBound - goal.upperBound <= 2,
      Self.includes.match(s, at: c.lowerBound) > 0,
      let f = figures.inside(c).last, f.range.upperBound == c.upperBound
    else { return nil }
    var p = f.range.lowerBound
    if p > 0 && s[p - 1] == 0x5171 { p -= 1 }  // 共
    return p > 0 && s[p - 1] == 0x7B49 ? c.upperBound : nil  // 等
  }

  /// 包括, 包含: a clause that lists the members of what comes before it.
  static let includes = CueList(["包括", "包含"])

  /// Whether a Chinese future modal ends just before `i` (有望今年, 计划于2025年).
  private func modalJustBefore(_ i: Int) -> Bool {
    var p = i
    if p > 0 && (s[p - 1] == 0x4E8E || s[p - 1] == 0x5728) { p -= 1 }  // 于, 在
    return p > 0 && CodePoint.isHan(s[p - 1]) && cues.futureModals.match(s, endingAt: p) > 0
      && cues.modalBlockers.match(s, endingAt: p) == 0
  }

  /// An English deadline inside its clause follows its goal: the words from the clause's
  /// start (or the previous deadline of the clause: "… over the next five years and to
  /// double its GDP in 2035") up to the phrase, when the clause states an intention (a
  /// modal, or a purpose "To …").
  func englishGoalBefore(_ phrase: Range<Int>, floor: Int) -> Range<Int>? {
    var p = phrase.lowerBound
    while p > 0 && CodePoint.isBlank(s[p - 1]) && s[p - 1] != 0x0A { p -= 1 }
    guard p > 0, !isPunctuation(s[p - 1]), s[p - 1] != 0x2E, s[p - 1] != 0x0A else { return nil }
    let clause = max(clauseStart(before: phrase.lowerBound), floor)
    let region = trimmed(clause..<phrase.lowerBound)
    guard region.count >= 3 else { return nil }
    let whole = clauseStart(before: phrase.lowerBound)..<phrase.lowerBound
    guard
      cues.firstModalEnd(s, in: whole) != nil || Self.purpose.match(s, at: region.lowerBound) > 0
    else { return nil }
    return afterIntention(region)
  }

  /// "Shanghai aims to achieve …", "its plan to launch …": the goal is what the actor
  /// intends, after the last "aims to" / "plan to" (a subject with "is expected to"
  /// stays: it names what is measured).
  private func afterIntention(_ region: Range<Int>) -> Range<Int> {
    var start: Int?
    for i in region where i == 0 || !CodePoint.isASCIILetter(s[i - 1]) {
      let n = cues.english.actorModals.match(s, at: i)
      if n > 0 && i + n < region.upperBound { start = i + n }
    }
    guard let start else { return region }
    let rest = trimmed(start..<region.upperBound)
    return rest.count >= 3 ? rest : region
  }

  /// The end of the clause that goes on at `i`: the next comma, semicolon or sentence end
  /// (not the point or comma inside a number).
  func clauseEndAfter(_ i: Int) -> Int {
    var j = i
    while j < s.count && j - i < Self.maxScope {
      let c = s[j]
      let inNumber =
        j > 0 && j + 1 < s.count && CodePoint.isASCIIDigit(s[j - 1])
        && CodePoint.isASCIIDigit(s[j + 1])
      if (c == 0x2C || c == 0x2E) && !inNumber { break }
      if c == 0x3B || c == 0x0A || c == 0x3002 || c == 0x21 || c == 0x3F { break }
      j += 1
    }
    return j
  }

  /// "at", "to" right after a deadline: the goal's value follows ("for 2035 at 2.8 trillion").
  static let valueLinks = CueList(["at ", "to "])

  /// "To improve …, the city will …": a purpose that states the goal.
  static let purpose = CueList(["to "])

  /// Whether a clause starts a purpose (以利, 进而) or a further plan (并将, 同时还将).
  func endsScope(_ clause: Range<Int>) -> Bool {
    var p = clause.lowerBound
    p += cues.listMarkers.match(s, at: p)
    return cues.scopeEnds.match(s, at: p) > 0
  }

  /// 投产, 完工 right after its deadline (预计2019年6月投产): a milestone, short as it is.
  private func isMilestone(_ part: Range<Int>, after phrase: Range<Int>) -> Bool {
    part.lowerBound == phrase.upperBound && !part.isEmpty
      && cues.milestoneVerbs.match(s, at: part.lowerBound) == part.count
  }

  /// The first character at or after `i` that is not blank.
  func firstVisible(from i: Int) -> Int {
    var j = i
    while j + 1 < s.count && CodePoint.isBlank(s[j]) { j += 1 }
    return j
  }

  // MARK: Sentences and clauses

  func sentenceEnd(from start: Int) -> Int {
    var lineStart = start
    while lineStart > 0 && s[lineStart - 1] != 0x0A && start - lineStart < 1000 { lineStart -= 1 }
    var i = start
    while i < s.count && i - start < Self.maxScope {
      let c = s[i]
      if c == 0x3002 || c == 0x21 || c == 0x3F || c == 0x2026 { return i }
      if c == 0x2E
        && !(i > 0 && CodePoint.isASCIIDigit(s[i - 1]) && i + 1 < s.count
          && CodePoint.isASCIIDigit(s[i + 1]))
      {
        return i
      }
      if c == 0x0A {
        if i - lineStart < Self.minBrokenLine || isPunctuation(lastVisible(before: i)) { return i }
        while i + 1 < s.count && CodePoint.isBlank(s[i + 1]) { i += 1 }
      }
      i += 1
    }
    return i
  }

  /// Where the clause that ends at `end` starts: after the previous comma,
  /// semicolon or sentence end.
  func clauseStart(before end: Int) -> Int {
    var i = end
    while i > 0 && end - i < Self.maxScope {
      let c = s[i - 1]
      if c == 0x3002 || c == 0x21 || c == 0x3F || c == 0x3B || c == 0x0A
        || (c == 0x2E && i < end - 1 && s[i] == 0x20)
      {
        break
      }
      if c == 0x2C
        && !(i - 1 > 0 && CodePoint.isASCIIDigit(s[i - 2]) && CodePoint.isASCIIDigit(s[i]))
      {
        break
      }
      i -= 1
    }
    return i
  }

  /// Splits at commas (not inside numbers: 2,000) and semicolons outside brackets and quotes.
  func split(_ region: Range<Int>) -> [Range<Int>] {
    var clauses = [Range<Int>]()
    var depth = 0
    var start = region.lowerBound
    for i in region {
      let c = s[i]
      switch c {
      case 0x28, 0x201C, 0x300A, 0x300C, 0x3010, 0x5B: depth += 1
      case 0x29, 0x201D, 0x300B, 0x300D, 0x3011, 0x5D: depth = max(0, depth - 1)
      case 0x3B where depth == 0:
        clauses.append(start..<i)
        start = i + 1
      case 0x3A where depth == 0:  // "推进以下工作：一是…": the clause before a colon announces a list
        start = i + 1
      case 0x2C where depth == 0:
        if i > 0 && i + 1 < s.count && CodePoint.isASCIIDigit(s[i - 1])
          && CodePoint.isASCIIDigit(s[i + 1])
        {
          continue
        }
        clauses.append(start..<i)
        start = i + 1
      default: break
      }
    }
    clauses.append(start..<region.upperBound)
    return clauses
  }

  /// A clause with several figures is a list when 、 (or English " and ") cuts it into
  /// parts with one figure each ("建设A3个、B5个"); otherwise 、 joins parts of one goal.
  func listItems(_ clause: Range<Int>, figureCount: Int) -> [Range<Int>] {
    guard figureCount > 1 else { return [clause] }
    var parts = [Range<Int>]()
    var start = clause.lowerBound
    for i in clause {
      let joiner = s[i] == 0x3001 ? 1 : (s[i] == 0x20 ? Self.andWord.match(s, at: i) : 0)
      // A joiner that runs past the clause's end (" and" at its last characters) cuts nothing.
      guard joiner > 0 && i >= start && i + joiner <= clause.upperBound else { continue }
      parts.append(start..<i)
      start = i + joiner
    }
    parts.append(start..<clause.upperBound)
    return parts.count == figureCount ? parts : [clause]
  }

  /// " and " between two English goals with a figure each ("attract 300 companies and
  /// create 10,000 jobs").
  static let andWord = CueList([" and "])

  /// Without its spaces at either end and a list word at its start ("and ", 一是).
  func trimmed(_ r: Range<Int>) -> Range<Int> {
    var a = r.lowerBound
    var b = r.upperBound
    while a < b && (CodePoint.isBlank(s[a]) || s[a] == 0x2E || Self.isBullet(s[a])) { a += 1 }
    while b > a && (CodePoint.isBlank(s[b - 1]) || s[b - 1] == 0x2E) { b -= 1 }
    let joiner = max(Self.joiners.match(s, at: a), cues.listMarkers.match(s, at: a))
    if joiner > 0 && a + joiner < b { a += joiner }
    return a..<b
  }

  /// A goal without a number: it starts with a goal verb after lead words
  /// (全面建成, 力争建成, 新投用) or states a future intention (…更是明确要加快…).
  func isQualitativeGoal(_ clause: Range<Int>) -> Bool {
    let p = skipLead(clause.lowerBound, in: clause)
    if cues.goalVerbs.match(s, at: p) > 0 || cues.english.goalVerbs.match(s, at: p) > 0 {
      return true
    }
    if cues.firstModalEnd(s, in: clause) != nil { return true }
    // A subject with a result verb: 科技进步综合评价位次实现“进等升位”, 经济发展进入全新阶段.
    if clause.contains(where: { $0 > clause.lowerBound && cues.resultVerbs.match(s, at: $0) > 0 }) {
      return true
    }
    // A subject with a result: 科技创新能力显著增强.
    return clause.contains { cues.goalPredicates.match(s, at: $0) > 0 }
  }

  /// A clause that frames the goals instead of stating one: 围绕…战略, 随着项目投产,
  /// 包括…项目, 在现有100家企业基础上 (even with a figure in it); or one that reports
  /// what is done (到2021年底，科学城已建成…): a status, not a goal.
  func isFraming(_ clause: Range<Int>) -> Bool {
    cues.framingLeads.match(s, at: clause.lowerBound) > 0
      || cues.framingEnds.match(s, endingAt: clause.upperBound) > 0
      || clause.contains { cues.statusWords.match(s, at: $0) > 0 }
  }

  private func skipLead(_ from: Int, in clause: Range<Int>) -> Int {
    var p = from
    while p < clause.upperBound {
      let n = cues.leadWords.match(s, at: p)
      guard n > 0 && p + n < clause.upperBound else { break }
      p += n
    }
    return p
  }

  private func lastVisible(before i: Int) -> UInt32 {
    var j = i
    while j > 0 && CodePoint.isBlank(s[j - 1]) { j -= 1 }
    return j > 0 ? s[j - 1] : 0x3002
  }

  private func isPunctuation(_ c: UInt32) -> Bool {
    c == 0x3002 || c == 0x21 || c == 0x3F || c == 0x3B || c == 0x2C || c == 0x3A || c == 0x2026
  }

  // MARK: Metric

  /// What the goal measures, as written: the words before the figure without the
  /// lead words, goal verb and comparison (建成新型研发机构30家 → 新型研发机构; 收入将达800亿元
  /// → 收入), or the words after it (开工建设4条轨道交通线路 → 轨道交通线路); for a goal
  /// without a number, the clause after its lead words, modal and verb.
  func metric(of clause: Range<Int>, figure: Range<Int>?) -> Range<Int>? {
    var r = clause
    if let f = figure {
      let after = f.upperBound + cues.figureSuffixes.match(s, at: f.upperBound)
      let rest = trimmed(min(after, clause.upperBound)..<clause.upperBound)
      // "50 percent of GDP", "NT$210 billion (US$7 billion)": what is measured stands before.
      let measuredBefore =
        rest.isEmpty || cues.english.ofWords.match(s, at: rest.lowerBound) > 0
        || s[rest.lowerBound] == 0x28
      r = measuredBefore ? clause.lowerBound..<f.lowerBound : rest  // "50 percent of GDP": before
    }
    var plain = withoutTrailing(withoutLead(trimmed(r)))
    // A subject first (科学城更是明确要加快…, 重庆将新建5G基站): what follows the modal,
    // unless that leaves nothing (收入将达800亿元 → 收入).
    if cues.leadWords.match(s, at: r.lowerBound) == 0
      && cues.goalVerbs.match(s, at: r.lowerBound) == 0,
      let m = cues.firstModalEnd(s, in: r)
    {
      let afterModal = withoutTrailing(withoutLead(trimmed(m..<r.upperBound)))
      if afterModal.count >= 2 {
        plain = afterModal
      } else if startsWithGoalVerb(m..<r.upperBound) {
        plain = afterModal  // "will attract more than [300 companies]": only the figure says what
      }
    }
    if let f = figure, plain.isEmpty || isVerbOnly(plain), let noun = englishNoun(of: f) {
      return noun
    }
    return plain.isEmpty ? nil : plain
  }

  /// Whether `r` starts, after lead words, with a goal verb (建成, "attract").
  private func startsWithGoalVerb(_ r: Range<Int>) -> Bool {
    let t = trimmed(r)
    let p = skipLead(t.lowerBound, in: t)
    return max(cues.goalVerbs.match(s, at: p), cues.english.goalVerbs.match(s, at: p)) > 0
  }

  /// Whether `r` is just a goal verb ("build"): no metric was written before the figure.
  private func isVerbOnly(_ r: Range<Int>) -> Bool {
    let n = cues.english.goalVerbs.match(s, at: r.lowerBound)
    return n > 0 && n - 1 == r.count || cues.goalVerbs.match(s, at: r.lowerBound) == r.count
  }

  /// The words after the number inside an English figure: "20 new laboratories" → "new laboratories".
  private func englishNoun(of f: Range<Int>) -> Range<Int>? {
    var p = f.lowerBound
    while p < f.upperBound && !CodePoint.isASCIILetter(s[p]) { p += 1 }
    return f.upperBound - p >= 3 && p > f.lowerBound ? p..<f.upperBound : nil
  }

  /// Skips lead words and one goal verb, the longer cue first (新建 is a verb, 新 a lead
  /// word); the verb stays when too little would be left (完成投资).
  private func withoutLead(_ r: Range<Int>) -> Range<Int> {
    var p = r.lowerBound
    while p < r.upperBound {
      let verb = max(cues.goalVerbs.match(s, at: p), cues.english.goalVerbs.match(s, at: p))
      let lead = cues.leadWords.match(s, at: p)
      if verb > 0 && verb >= lead {
        if r.upperBound - (p + verb) >= 3 { p += verb }
        break
      }
      guard lead > 0 && p + lead < r.upperBound else { break }
      p += lead
    }
    return trimmed(p..<r.upperBound)
  }

  /// Drops the comparison before the figure: 将达, 超过, 提升至, "will reach".
  private func withoutTrailing(_ r: Range<Int>) -> Range<Int> {
    var r = trimmed(r)
    while true {
      var en = cues.english.metricTrailing.match(s, endingAt: r.upperBound)
      if en > 0 && !TargetScan.wordStart(s, r.upperBound - en) { en = 0 }  // "format" is no "at"
      let n = max(cues.metricTrailing.match(s, endingAt: r.upperBound), en)
      // Only "将达": nothing is measured.
      if n > 0 && n >= r.count { return r.lowerBound..<r.lowerBound }
      guard n > 0 && r.count - n >= 2 else { return r }
      r = trimmed(r.lowerBound..<(r.upperBound - n))
    }
  }
}

extension GoalClauses {
  /// Whether `clause` names a date other than the deadline's (今年首三个月 after 今年全年…):
  /// a new time frame, outside the deadline's scope.
  func namesOtherDate(_ clause: Range<Int>, than deadline: Deadline) -> Bool {
    dates.inside(clause).contains { d in
      guard case .date(let date) = d.payload, !d.range.overlaps(deadline.phrase) else {
        return false
      }
      return date.value != deadline.year
    }
  }
}

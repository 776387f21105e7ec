import Foundation

/// Cue words compiled to code-point arrays, longest first, so that a match at an
/// offset of the normalized text is a few integer comparisons and no allocation.
/// ASCII letters compare case-insensitively (English cues are written in lower case).
struct CueList: Sendable {
  let words: [[UInt32]]
  /// The ASCII first code points of the cues, both cases, as a 128-bit mask, and
  /// whether any cue starts outside ASCII: in English text most word starts begin
  /// no cue, and two register tests say so before the words are compared.
  let asciiFirsts: (UInt64, UInt64)
  let nonASCIIFirst: Bool

  init(_ strings: [String]) {
    words = strings.map(Self.normalized).sorted { $0.count > $1.count }
    var mask: (UInt64, UInt64) = (0, 0)
    var nonASCII = false
    for w in words {
      guard let first = w.first else { continue }
      guard first < 0x80 else {
        nonASCII = true
        continue
      }
      let both: [UInt32] = first >= 0x61 && first <= 0x7A ? [first, first - 0x20] : [first]
      for c in both {
        if c < 64 { mask.0 |= 1 << UInt64(c) } else { mask.1 |= 1 << UInt64(c - 64) }
      }
    }
    (asciiFirsts, nonASCIIFirst) = (mask, nonASCII)
  }

  /// Whether some cue may start with `c` (exact for ASCII, any non-ASCII if one does).
  @inline(__always) func mayStart(_ c: UInt32) -> Bool {
    if c >= 0x80 { return nonASCIIFirst }
    return c < 64
      ? asciiFirsts.0 & (1 << UInt64(c)) != 0 : asciiFirsts.1 & (1 << UInt64(c - 64)) != 0
  }

  /// A cue as the normalized text spells it: the same per-character fold, so that a
  /// cue written 显著 matches the text's 显着 (the Traditional→Simplified fold maps 著 → 着).
  static func normalized(_ word: String) -> [UInt32] {
    NormalizedText(original: word.unicodeScalars.map(\.value)).scalars
  }

  @inline(__always) static func lower(_ c: UInt32) -> UInt32 {
    c >= 0x41 && c <= 0x5A ? c | 0x20 : c
  }

  /// The length of the longest cue that starts at `i`, or 0.
  func match(_ s: [UInt32], at i: Int) -> Int {
    guard i >= 0, i < s.count, mayStart(s[i]) else { return 0 }
    for w in words where i + w.count <= s.count {
      var k = 0
      while k < w.count && Self.lower(s[i + k]) == w[k] { k += 1 }
      if k == w.count { return w.count }
    }
    return 0
  }

  /// The length of the longest cue that ends just before `end`, or 0.
  func match(_ s: [UInt32], endingAt end: Int) -> Int {
    for w in words where end - w.count >= 0 && end <= s.count {
      if match(w, s, at: end - w.count) { return w.count }
    }
    return 0
  }

  private func match(_ w: [UInt32], _ s: [UInt32], at i: Int) -> Bool {
    for k in 0..<w.count where Self.lower(s[i + k]) != w[k] { return false }
    return true
  }
}

/// The cue words of `TargetExtractor`, from Resources/target-cues.json: deadline
/// phrases, future modals and goal verbs are data that grows with the texts seen,
/// not code. Loaded and compiled once per process (`standard`).
struct TargetCues: Sendable {
  let deadlinePrefixes, blockedPrefixes, yearEndSuffixes: CueList
  let futureModals, modalBlockers: CueList
  let durationPrefixes, durationSuffixes: CueList
  /// 近, 过去: a duration before them is the past (近5年内), not a deadline.
  let pastMarkers: CueList
  let leadWords, goalVerbs, metricTrailing, figureSuffixes: CueList
  /// 一是, 二是: list markers that start a goal clause without belonging to it.
  let listMarkers: CueList
  /// 显著增强, 基本形成: a result that makes a clause without verb or modal a goal.
  let goalPredicates: CueList
  /// 随着, 包括 at the start, 基础上 at the end: a clause that frames the goals.
  let framingLeads, framingEnds: CueList
  /// 已, 已经: what a clause reports as done.
  let statusWords: CueList
  /// 今年 → 0, 明年 → 1: years after the document's year.
  let relativeYears: [(word: [UInt32], offset: Int)]
  /// 初, 7月, 上半年, 以来 after 今年: a date, not a deadline.
  let relativeDateContinuations: CueList
  /// Five-year plans: 十四五 → 2025 (到“十四五”末).
  let planPeriods: [(word: [UInt32], year: Int)]
  let planPeriodSuffixes: CueList
  /// 目标, 指标, "targets": the noun of a list header (今年主要预期目标是：…).
  let listNouns: CueList
  /// 完成情况, "were": a header that reports how the targets went, not a plan.
  let reportWords: CueList
  /// 方面 at the end: a section heading inside a list (质量结构型指标方面).
  let headingEnds: CueList
  /// 投产, 完工, 开工: a milestone verb, a goal on its own after its date.
  let milestoneVerbs: CueList
  /// 实现, 取得, 进入: a result verb after a subject makes a clause a goal.
  let resultVerbs: CueList
  /// 以利, 进而, 并将: a clause that ends what a deadline governs in its sentence.
  let scopeEnds: CueList
  /// 针对, 围绕: a framing lead that, after goals, starts a new statement.
  let newFrames: CueList
  let english: English

  /// The English cues: "by 2025", "within five years", modals and goal verbs.
  struct English: Sendable {
    let byPrefixes, withinPrefixes, yearWords, modals, goalVerbs, metricTrailing: CueList
    /// "in 2025": a year that is a deadline only with an intention in its clause.
    let inPrefixes: CueList
    /// "of", "in": a figure followed by them measures what comes before it (50 percent of GDP).
    let ofWords: CueList
    let numbers: [(word: [UInt32], value: Int)]
    let relativeYears: [(word: [UInt32], offset: Int)]
    /// "five-year plan" and what may follow its years ("period").
    let planWords, planPeriodSuffixes: CueList
    /// "during the" before a plan's name.
    let planLeads: CueList
    /// "aims to", "plans to": an actor's intention; the goal is what follows it.
    let actorModals: CueList
    /// "in the " + ordinal + " quarter of " / " half of ".
    let partPrefixes, quarterWords, halfWords: CueList
    let ordinals: [(word: [UInt32], value: Int)]
  }

  /// The file as written; compiled into `TargetCues`.
  private struct File: Decodable {
    struct EnglishFile: Decodable {
      let byPrefixes, withinPrefixes, yearWords, modals, goalVerbs, metricTrailing,
        ofWords, inPrefixes: [String]
      let numbers: [String: Int]
      let relativeYears: [String: Int]
      let planWords, planPeriodSuffixes, planLeads, partPrefixes, quarterWords, halfWords: [String]
      let actorModals: [String]
      let ordinals: [String: Int]
    }
    let version: Int
    let deadlinePrefixes, blockedPrefixes, yearEndSuffixes, futureModals, modalBlockers: [String]
    let durationPrefixes, durationSuffixes, pastMarkers, leadWords, goalVerbs,
      metricTrailing: [String]
    let figureSuffixes, listMarkers, goalPredicates, framingLeads, framingEnds: [String]
    let statusWords: [String]
    let relativeYears: [String: Int]
    let relativeDateContinuations: [String]
    let planPeriods: [String: Int]
    let planPeriodSuffixes: [String]
    let listNouns, reportWords, headingEnds, milestoneVerbs, resultVerbs, scopeEnds,
      newFrames: [String]
    let english: EnglishFile
  }

  static let fileName = "target-cues.json"

  /// Loaded once: every TargetExtractor shares the compiled lists.
  static let standard: Result<TargetCues, PipelineError> = Result {
    try TargetCues(json: ResourceFiles.data(fileName))
  }.mapError { error in
    error as? PipelineError
      ?? .badResource(file: fileName, entry: 0, reason: String(describing: error))
  }

  init(json: Data) throws {
    let f = try JSONDecoder().decode(File.self, from: json)
    guard f.version == 1 else {
      throw PipelineError.badResource(file: Self.fileName, entry: 0, reason: "unknown version")
    }
    deadlinePrefixes = CueList(f.deadlinePrefixes)
    blockedPrefixes = CueList(f.blockedPrefixes)
    yearEndSuffixes = CueList(f.yearEndSuffixes)
    futureModals = CueList(f.futureModals)
    modalBlockers = CueList(f.modalBlockers)
    durationPrefixes = CueList(f.durationPrefixes)
    durationSuffixes = CueList(f.durationSuffixes)
    pastMarkers = CueList(f.pastMarkers)
    leadWords = CueList(f.leadWords)
    goalVerbs = CueList(f.goalVerbs)
    metricTrailing = CueList(f.metricTrailing)
    figureSuffixes = CueList(f.figureSuffixes)
    listMarkers = CueList(f.listMarkers)
    goalPredicates = CueList(f.goalPredicates)
    framingLeads = CueList(f.framingLeads)
    framingEnds = CueList(f.framingEnds)
    statusWords = CueList(f.statusWords)
    relativeYears = f.relativeYears.map { (CueList.normalized($0.key), $0.value) }
      .sorted { $0.word.count > $1.word.count }
    relativeDateContinuations = CueList(f.relativeDateContinuations)
    planPeriods = f.planPeriods.map { (CueList.normalized($0.key), $0.value) }
    planPeriodSuffixes = CueList(f.planPeriodSuffixes)
    listNouns = CueList(f.listNouns)
    reportWords = CueList(f.reportWords)
    headingEnds = CueList(f.headingEnds)
    milestoneVerbs = CueList(f.milestoneVerbs)
    resultVerbs = CueList(f.resultVerbs)
    scopeEnds = CueList(f.scopeEnds)
    newFrames = CueList(f.newFrames)
    let e = f.english
    english = English(
      byPrefixes: CueList(e.byPrefixes), withinPrefixes: CueList(e.withinPrefixes),
      yearWords: CueList(e.yearWords), modals: CueList(e.modals), goalVerbs: CueList(e.goalVerbs),
      metricTrailing: CueList(e.metricTrailing), inPrefixes: CueList(e.inPrefixes),
      ofWords: CueList(e.ofWords),
      numbers: e.numbers.map { (CueList.normalized($0.key), $0.value) }
        .sorted { $0.word.count > $1.word.count },
      relativeYears: e.relativeYears.map { (CueList.normalized($0.key), $0.value) },
      planWords: CueList(e.planWords), planPeriodSuffixes: CueList(e.planPeriodSuffixes),
      planLeads: CueList(e.planLeads), actorModals: CueList(e.actorModals),
      partPrefixes: CueList(e.partPrefixes), quarterWords: CueList(e.quarterWords),
      halfWords: CueList(e.halfWords),
      ordinals: e.ordinals.map { (CueList.normalized($0.key), $0.value) })
  }

  /// Whether a future modal (将, 要, 计划 ...) starts at `i` and is not part of a
  /// word that only contains it (主要, 将近).
  func modal(_ s: [UInt32], at i: Int) -> Int {
    let n = futureModals.match(s, at: i)
    guard n > 0 else { return 0 }
    if modalBlockers.match(s, at: i) > 0 || modalBlockers.match(s, at: i - 1) > 1 { return 0 }
    return n
  }

  /// The offset just after the first future modal in `range` (Chinese or English), or nil.
  func firstModalEnd(_ s: [UInt32], in range: Range<Int>) -> Int? {
    for i in range {
      let n = max(modal(s, at: i), TargetScan.wordStart(s, i) ? english.modals.match(s, at: i) : 0)
      if n > 0 && i + n <= range.upperBound { return i + n }
    }
    return nil
  }
}

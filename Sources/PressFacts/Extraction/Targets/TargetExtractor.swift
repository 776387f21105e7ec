/// Proposes `.target` candidates (GUIDELINE.md, section Targets): every goal that a
/// deadline phrase governs, one candidate per goal clause.
///
/// A deadline (到2025年, 5年内, 今年将…, "by 2025": `DeadlineFinder`) governs the rest of
/// its sentence, up to the next deadline phrase; that scope is split into clauses at
/// commas and semicolons outside brackets (`GoalClauses`). A clause is a goal when it
/// holds a figure (its value, unit and qualifier become the target's) or, without a
/// number, when it starts with a goal verb (建成, 成为 …) or contains a future modal
/// (将, 要, 力争 …). 下一步 and 将 alone are no deadline, so what they introduce is no target.
/// Relative deadlines (今年, N年内) need `document.date`; without it they are skipped.
public struct TargetExtractor: Extractor {
  public var name: String { "targets" }
  public var produces: RecordType { .target }
  public var requires: [RecordType] { [.date, .figure] }
  let cues: TargetCues

  /// Uses the cue words of Resources/target-cues.json (compiled once per process).
  public init() throws {
    cues = try TargetCues.standard.get()
  }

  public func extract(from document: Document, in context: ExtractionContext) -> [Candidate] {
    let s = document.normalized.scalars
    let docYear = document.date.flatMap { Int($0.prefix(4)) }
    let dates = SortedCandidates(context[.date])
    let deadlines = DeadlineFinder(
      cues: cues, s: s, docYear: docYear, dates: dates,
      roc: document.language == .traditionalChinese
    ).find()
    guard !deadlines.isEmpty else { return [] }
    let figures = Self.recordedFigures(context, dates: dates)
    let clauses = GoalClauses(cues: cues, s: s, dates: dates)
    var out = [Candidate]()
    var k = 0
    while k < deadlines.count {
      let deadline = deadlines[k]
      let (goals, next) = governed(k, in: deadlines, clauses: clauses, figures: figures)
      for clause in goals {
        let span = milestoneSpan(clause, deadline: deadline.phrase, clauses: clauses)
        out.append(
          candidate(span, clause: clause, deadline: deadline.year, figures: figures, in: document))
      }
      k = next
    }
    return out
  }

  /// The goal clauses of `deadlines[k]` and the index of the next deadline that
  /// governs goals of its own. A paragraph or list absorbs the later deadlines of the
  /// same year inside it (…，到2025年，国内生产总值达到…；… in a list for 2025); a
  /// deadline of another year ends it.
  private func governed(
    _ k: Int, in deadlines: [Deadline], clauses: GoalClauses, figures: SortedCandidates
  ) -> (goals: [Range<Int>], next: Int) {
    let deadline = deadlines[k]
    let s = clauses.s
    var start = deadline.phrase.upperBound
    if case .list(let colon) = deadline.scope { start = colon }
    var next = k + 1
    var end = s.count
    if deadline.scope != .sentence {
      // A list may start on the line after its header's colon.
      let first =
        start < s.count && deadline.scope != .paragraph
        ? clauses.firstVisible(from: start) : start
      end = clauses.blockEnd(from: first, limit: s.count)
      while next < deadlines.count && deadlines[next].phrase.lowerBound < end
        && deadlines[next].year == deadline.year
      {
        next += 1
      }
    }
    let limit = min(end, next < deadlines.count ? deadlines[next].phrase.lowerBound : s.count)
    let absorbed = deadlines[(k + 1)..<next].map(\.phrase)
    switch deadline.scope {
    case .sentence:
      let floor = k > 0 ? deadlines[k - 1].phrase.upperBound : 0
      let goals = clauses.goals(
        governedBy: deadline.phrase, limit: limit, figures: figures, floor: floor,
        newTimeFrame: { clauses.namesOtherDate($0, than: deadline) })
      return (goals, next)
    case .paragraph:
      let goals = clauses.goals(
        governedBy: deadline.phrase, limit: limit, figures: figures, through: limit,
        newTimeFrame: { clauses.namesOtherDate($0, than: deadline) })
      return (goals, next)
    case .list:
      return (clauses.listGoals(from: start, limit: limit, skip: absorbed), next)
    }
  }

  /// The figure that is the goal's value: the last one in the clause, but not an order
  /// of magnitude that only qualifies a noun (打造6个千亿级产业集群 → 6, not 千亿级).
  static func countedFigure(_ inside: ArraySlice<Candidate>, in s: [UInt32]) -> Candidate? {
    inside.last {
      $0.range.upperBound > 0 && s[$0.range.upperBound - 1] != CodePoint.level
        && !isConversion($0.range, in: s)
    } ?? inside.last
  }

  /// "NT$210.2 billion (US$6.96 billion)": a figure in brackets right after another
  /// restates it in other units; the goal's value is the first.
  static func isConversion(_ r: Range<Int>, in s: [UInt32]) -> Bool {
    var j = r.lowerBound
    while j > 0 && s[j - 1] == 0x20 { j -= 1 }
    return j > 0 && s[j - 1] == 0x28
  }

  /// A milestone that is just its verb (预计2019年6月投产 → 投产) keeps its deadline
  /// phrase in its span, as it is written as one phrase.
  private func milestoneSpan(_ clause: Range<Int>, deadline: Range<Int>, clauses: GoalClauses)
    -> Range<Int>
  {
    guard clause.lowerBound == deadline.upperBound,
      cues.milestoneVerbs.match(clauses.s, at: clause.lowerBound) == clause.count
    else { return clause }
    return deadline.lowerBound..<clause.upperBound
  }

  /// The figures that become records: the pipeline drops figures that overlap a
  /// date or an organisation, and a target may only name a figure record.
  static func recordedFigures(_ context: ExtractionContext, dates: SortedCandidates)
    -> SortedCandidates
  {
    let organizations = SortedCandidates(context[.organization])
    return SortedCandidates(
      context[.figure].filter {
        !dates.overlapsAny($0.range) && !organizations.overlapsAny($0.range)
      })
  }

  /// A target over `span`; its metric and figure come from the goal `clause` (the
  /// span of a milestone also holds its deadline phrase).
  private func candidate(
    _ span: Range<Int>, clause: Range<Int>, deadline: String, figures: SortedCandidates,
    in document: Document
  ) -> Candidate {
    let figure = Self.countedFigure(figures.inside(clause), in: document.normalized.scalars)
    let metricRange = GoalClauses(
      cues: cues, s: document.normalized.scalars, dates: SortedCandidates([])
    )
    .metric(of: clause, figure: figure?.range)
    let metric = metricRange.map { document.originalText(document.normalized.originalRange($0)) }
    var target = Target(deadline: deadline, metric: metric)
    if let figure, case .figure(let f) = figure.payload {
      target.value = f.value
      target.valueMax = f.valueMax
      target.unit = f.unit
      target.qualifier = f.qualifier
      target.figureRange = figure.range
    }
    return Candidate(range: span, payload: .target(target))
  }
}

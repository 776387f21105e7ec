/// One extraction stage: reads a document (and the candidates of the stages
/// before it) and proposes candidates of one record type. Stages are pure: only
/// the pipeline turns candidates into records.
public protocol Extractor: Sendable {
  /// A short name for messages and benchmarks.
  var name: String { get }
  /// The record type this stage produces.
  var produces: RecordType { get }
  /// Record types whose candidates this stage reads; they must come earlier.
  var requires: [RecordType] { get }
  func extract(from document: Document, in context: ExtractionContext) -> [Candidate]
}

/// Infers the publication date of a document that was given none, with the
/// reason, so that relative dates can be resolved and the basis shown.
public protocol DocumentDating: Sendable {
  func date(of document: Document) -> (date: String, basis: String)?
  /// Like `date(of:)`, and may leave work in `context` that a stage would
  /// otherwise repeat on the same document (the inference scans the text for
  /// date mentions, which the date stage needs too). The default leaves nothing.
  func date(of document: Document, sharing context: inout ExtractionContext) -> (
    date: String, basis: String
  )?
}

extension DocumentDating {
  public func date(of document: Document, sharing context: inout ExtractionContext) -> (
    date: String, basis: String
  )? {
    date(of: document)
  }
}

/// The candidates of the stages that have run so far, overlaps within each type
/// already resolved.
public struct ExtractionContext: Sendable {
  public private(set) var candidates: [RecordType: [Candidate]] = [:]

  /// The date mentions of this document before bare days are resolved, left by
  /// the document-date inference so the date stage does not scan the text again
  /// (the scan does not depend on the document date). Nil: not scanned yet.
  var dateScan: [DateMention]?

  public init() {}

  public subscript(type: RecordType) -> [Candidate] { candidates[type] ?? [] }

  mutating func add(_ new: [Candidate], of type: RecordType) {
    candidates[type, default: []] += new
  }
}

/// The stage order and the overlap rules; turns a document into records.
public struct Pipeline: Sendable {
  public let stages: [any Extractor]
  public let dating: (any DocumentDating)?

  /// The standard stages, in order: dates before figures (a year is not a
  /// count), organisations before figures (360集团 is a name), targets last.
  public static func standard() throws -> Pipeline {
    try Pipeline(
      stages: [DateExtractor(), OrganizationExtractor(), FigureExtractor(), TargetExtractor()],
      dating: DocumentDateInference())
  }

  /// Checks that every stage's requirements are produced by an earlier stage.
  public init(stages: [any Extractor], dating: (any DocumentDating)?) throws {
    var produced = Set<RecordType>()
    for (i, stage) in stages.enumerated() {
      for needed in stage.requires where !produced.contains(needed) {
        throw PipelineError.badResource(
          file: "Pipeline.stages", entry: i, reason: "\(stage.name) needs \(needed) records first")
      }
      produced.insert(stage.produces)
    }
    self.stages = stages
    self.dating = dating
  }

  /// Runs every stage over `document` and returns its records, sorted by start,
  /// with ids numbered per type in document order.
  public func process(_ document: Document) -> DocumentResult {
    process(document, afterStep: { _ in })
  }

  /// `process(_:)`, calling `afterStep(i)` when stage `i` is done (the date
  /// inference counts with stage 0) and `afterStep(stages.count)` when the
  /// records are built: the benchmark's clock, so it times this code, not a copy.
  func process(_ document: Document, afterStep: (Int) -> Void) -> DocumentResult {
    var document = document
    var context = ExtractionContext()
    if document.date == nil, let dating, let inferred = dating.date(of: document, sharing: &context)
    {
      document.date = inferred.date
      document.dateSource = .inferred
      document.dateBasis = inferred.basis
    }
    for (i, stage) in stages.enumerated() {
      let proposed = stage.extract(from: document, in: context)
        .filter { $0.payload.type == stage.produces && !$0.range.isEmpty }
      context.add(Self.longestFirst(proposed), of: stage.produces)
      afterStep(i)
    }
    let records = Self.records(from: context, in: document)
    afterStep(stages.count)
    return DocumentResult(document: document, records: records)
  }

  /// Keeps the longest of overlapping candidates (earlier start on ties),
  /// returned in document order; the rule of spaCy's `filter_spans`.
  /// Sorts positions, not candidates: a candidate carries its whole payload, and
  /// moving those around was most of the cost.
  static func longestFirst(_ candidates: [Candidate]) -> [Candidate] {
    let ranges = candidates.map(\.range)
    let byLength = ranges.indices.sorted {
      let (a, b) = (ranges[$0], ranges[$1])
      return (a.count, -a.lowerBound) > (b.count, -b.lowerBound)
    }
    var occupied = Occupancy(covering: candidates)
    var kept = [Int]()
    for i in byLength where occupied.isFree(ranges[i]) {
      occupied.take(ranges[i])
      kept.append(i)
    }
    return kept.sorted { ranges[$0].lowerBound < ranges[$1].lowerBound }.map { candidates[$0] }
  }

  /// Cross-type rules: a figure that overlaps a date is the date (2000年), and a
  /// figure inside an organisation's name is part of the name (360集团).
  static func crossTypeFiltered(_ context: ExtractionContext) -> [Candidate] {
    let (dates, organizations, figures) = (context[.date], context[.organization], context[.figure])
    var occupied = Occupancy(covering: dates, organizations, figures)
    for b in dates { occupied.take(b.range) }
    for b in organizations { occupied.take(b.range) }
    return dates + organizations + figures.filter { occupied.isFree($0.range) } + context[.target]
  }

  static func records(from context: ExtractionContext, in document: Document) -> [Record] {
    // Document order; a longer span before a shorter one at the same start.
    let unsorted = crossTypeFiltered(context)
    let keys = unsorted.map { (range: $0.range, type: $0.payload.type) }
    let candidates = keys.indices.sorted { i, j in
      let (a, b) = (keys[i], keys[j])
      if a.range.lowerBound != b.range.lowerBound { return a.range.lowerBound < b.range.lowerBound }
      if a.range.upperBound != b.range.upperBound { return a.range.upperBound > b.range.upperBound }
      return a.type < b.type
    }.lazy.map { unsorted[$0] }
    var counters = [Int](repeating: 0, count: RecordType.allCases.count)
    var figureIDs = [Range<Int>: String]()
    var records = [Record]()
    records.reserveCapacity(candidates.count)
    for c in candidates {
      let type = c.payload.type
      counters[type.ordinal] += 1
      let id = type.idPrefix + String(counters[type.ordinal])
      if type == .figure { figureIDs[c.range] = id }
      let original = document.normalized.originalRange(c.range)
      records.append(
        Record(
          id: id, text: document.originalText(original), start: original.lowerBound,
          end: original.upperBound,
          sentence: document.sentenceIndex(ofNormalized: c.range.lowerBound),
          payload: c.payload))
    }
    // Targets come after the figures they contain, so their figure ids are known now.
    for i in records.indices {
      guard case .target(var t) = records[i].payload, let r = t.figureRange else { continue }
      t.figure = figureIDs[r]
      records[i].payload = .target(t)
    }
    return records
  }
}

/// Which code points are taken by spans already kept: an overlap check costs
/// the span's length, not the number of spans kept (a 100 MB document has a
/// million candidates, and a pairwise check would never finish).
struct Occupancy {
  private var taken: [Bool]

  init(covering lists: [Candidate]...) {
    let end = lists.lazy.compactMap { $0.lazy.map(\.range.upperBound).max() }.max() ?? 0
    taken = [Bool](repeating: false, count: end)
  }

  func isFree(_ range: Range<Int>) -> Bool { !taken[range].contains(true) }

  mutating func take(_ range: Range<Int>) {
    for i in range { taken[i] = true }
  }
}

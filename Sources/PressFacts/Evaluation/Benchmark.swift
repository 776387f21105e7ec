import Foundation

/// Measures throughput on a synthetic corpus made by repeating sample documents:
/// ICU word segmentation alone (the floor of an ICU-based design), the full
/// pipeline (decode, normalize, segment, every extractor, JSON encoding, and the
/// in-memory validation `extract` runs by default) on one thread and on `jobs`
/// threads, and each stage's share of the single-thread time.
public struct Benchmark: Sendable {
  /// Throughput of one measured run.
  public struct Rate: Sendable {
    public let seconds: Double
    public let bytes: Int
    public let documents: Int
    public var megabytesPerSecond: Double { Double(bytes) / 1e6 / seconds }
    public var documentsPerSecond: Double { Double(documents) / seconds }
  }

  public struct Report: Sendable {
    public var icuSingle: Rate
    public var icuParallel: Rate
    public var pipelineSingle: Rate
    public var pipelineParallel: Rate
    /// Seconds spent per stage in the single-thread pipeline run, in stage order.
    public var stages: [(name: String, seconds: Double)]
    public var jobs: Int
    public var peakRSSMegabytes: Double
  }

  public let documents: [[UInt8]]
  public let pipeline: Pipeline
  public let jobs: Int

  /// Repeats the UTF-8 files in `sources` until `targetBytes` is reached.
  public init(sources: [String], targetBytes: Int, pipeline: Pipeline, jobs: Int) throws {
    let samples = try sources.map { Array(try Data(contentsOf: URL(fileURLWithPath: $0))) }
      .filter { !$0.isEmpty }
    guard !samples.isEmpty else {
      throw PipelineError.unreadable(file: "bench", reason: "no sample documents")
    }
    var docs = [[UInt8]]()
    var total = 0
    while total < targetBytes {
      let next = samples[docs.count % samples.count]
      docs.append(next)
      total += next.count
    }
    self.documents = docs
    self.pipeline = pipeline
    self.jobs = max(1, jobs)
  }

  public var totalBytes: Int { documents.reduce(0) { $0 + $1.count } }

  public func run() throws -> Report {
    let icu1 = time { for d in documents { _ = Self.segmentOnly(d) } }
    let docs = documents
    let icuN = time { parallel { Self.segmentOnly(docs[$0]) } }
    var stages = [(String, Double)]()
    let pipe1 = time { stages = timedPipeline() }
    let batch = Batch(pipeline: pipeline, options: BatchOptions(jobs: jobs))
    let validator = Validator()
    let pipeN = time {
      batch.run(documents.indices.lazy.map { InputItem.bytes(id: "b\($0)", bytes: documents[$0]) })
      { outcome in
        if case .success(let r) = outcome {
          let output = OutputDocument(r)
          _ = JSONWriter.encode(output, pretty: false)
          _ = validator.validate(r, output: output, file: r.document.id)
        }
      }
    }
    return Report(
      icuSingle: rate(icu1), icuParallel: rate(icuN), pipelineSingle: rate(pipe1),
      pipelineParallel: rate(pipeN), stages: stages, jobs: jobs, peakRSSMegabytes: Self.peakRSS())
  }

  /// ICU's zh word break iterator alone, UTF-8 decoding included.
  static func segmentOnly(_ bytes: [UInt8]) -> Int {
    let utf16 = Array(String(decoding: bytes, as: UTF8.self).utf16)
    return (try? ICU.breaks(utf16, locale: "zh", sentences: false).boundaries.count) ?? 0
  }

  /// The single-thread pipeline, one document at a time, with a clock per stage.
  private func timedPipeline() -> [(String, Double)] {
    let names =
      ["decode", "normalize", "segment"] + pipeline.stages.map(\.name) + [
        "records", "json", "validate",
      ]
    let validator = Validator()
    var seconds = [Double](repeating: 0, count: names.count)
    for (n, bytes) in documents.enumerated() {
      var clock = Clock()
      guard let decoded = try? TextDecoding.decode(bytes, file: "b\(n)") else { continue }
      seconds[0] += clock.lap()
      let scalars = TextDecoding.codePoints(of: decoded.text)
      let normalized = NormalizedText(original: scalars)
      seconds[1] += clock.lap()
      guard
        let doc = try? Document(
          id: "b\(n)", path: nil, text: decoded.text, scalars: scalars, normalized: normalized,
          sha256: decoded.sha256, language: nil, date: nil)
      else { continue }
      seconds[2] += clock.lap()
      let result = pipeline.process(doc) { step in seconds[3 + step] += clock.lap() }
      let output = OutputDocument(result)
      _ = JSONWriter.encode(output, pretty: false)
      seconds[names.count - 2] += clock.lap()
      _ = validator.validate(result, output: output, file: doc.id)
      seconds[names.count - 1] += clock.lap()
    }
    return Array(zip(names, seconds))
  }

  private func parallel(_ body: @escaping @Sendable (Int) -> Int) {
    let count = documents.count
    let workers = jobs
    DispatchQueue.concurrentPerform(iterations: workers) { w in
      for i in stride(from: w, to: count, by: workers) { _ = body(i) }
    }
  }

  private func time(_ body: () throws -> Void) rethrows -> Double {
    var clock = Clock()
    try body()
    return clock.lap()
  }

  private func rate(_ seconds: Double) -> Rate {
    Rate(seconds: seconds, bytes: totalBytes, documents: documents.count)
  }

  /// Peak resident set size of this process (getrusage reports KiB on Linux).
  public static func peakRSS() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
  }

  /// A monotonic stopwatch.
  struct Clock {
    var last = DispatchTime.now().uptimeNanoseconds
    mutating func lap() -> Double {
      let now = DispatchTime.now().uptimeNanoseconds
      defer { last = now }
      return Double(now - last) / 1e9
    }
  }
}

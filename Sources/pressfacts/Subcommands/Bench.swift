import ArgumentParser
import Foundation
import PressFacts

struct Bench: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Measures throughput: ICU segmentation alone vs the full pipeline, per stage.",
    discussion:
      "Builds a corpus of --megabytes MB by repeating the sample documents. Use a release build.")

  @Argument(help: "Sample documents or directories (default: corpus).")
  var inputs: [String] = []

  @Option(help: "Size of the synthetic corpus in MB of UTF-8.")
  var megabytes: Double = 20

  @Option(help: "Threads for the parallel runs (default: all cores).")
  var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

  func run() throws {
    let files = InputFiles.expand(inputs.isEmpty ? ["corpus"] : inputs)
    let bench = try Benchmark(
      sources: files, targetBytes: Int(megabytes * 1e6), pipeline: try Pipeline.standard(),
      jobs: jobs)
    let r = try bench.run()
    func f(_ x: Double) -> String { String(format: "%.2f", x) }
    var out =
      "corpus: \(bench.documents.count) documents, \(f(Double(bench.totalBytes) / 1e6)) MB UTF-8\n"
    out += "run                             seconds     MB/s    docs/s\n"
    for (name, rate) in [
      ("ICU segmentation, 1 thread", r.icuSingle),
      ("ICU segmentation, \(r.jobs) threads", r.icuParallel),
      ("full pipeline, 1 thread", r.pipelineSingle),
      ("full pipeline, \(r.jobs) threads", r.pipelineParallel),
    ] {
      out +=
        name.padding(toLength: 30, withPad: " ", startingAt: 0)
        + String(
          format: "%9.2f %8.2f %9.0f\n", rate.seconds, rate.megabytesPerSecond,
          rate.documentsPerSecond)
    }
    out +=
      "ratio pipeline/ICU, 1 thread: \(f(r.pipelineSingle.megabytesPerSecond / r.icuSingle.megabytesPerSecond))\n"
    out +=
      "parallel speed-up: \(f(r.pipelineParallel.megabytesPerSecond / r.pipelineSingle.megabytesPerSecond))x on \(r.jobs) threads\n"
    let total = r.stages.reduce(0) { $0 + $1.seconds }
    out += "stage shares (1 thread):\n"
    for (name, seconds) in r.stages {
      out +=
        "  " + name.padding(toLength: 14, withPad: " ", startingAt: 0)
        + String(format: "%7.3f s %5.1f%%\n", seconds, 100 * seconds / max(total, 1e-9))
    }
    out += "peak RSS: \(f(r.peakRSSMegabytes)) MB\n"
    print(out, terminator: "")
  }
}

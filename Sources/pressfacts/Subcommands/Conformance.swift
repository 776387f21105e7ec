import ArgumentParser
import Foundation
import PressFacts

/// `pressfacts conformance`: runs the Recognizers-Text Chinese specs (an external
/// suite with other conventions, mapped by `ConformanceFamilies`) and prints the
/// pass rate per spec file.
struct Conformance: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Runs the Recognizers-Text Chinese specs and prints the pass rate per spec file.",
    discussion: """
      Reads the specs from --specs, by default ../shared/peer-specs/recognizers-text (or
      ../../shared/...) when present; when absent, says so and exits 0.
      """)

  @Option(help: "The recognizers-text specs folder.")
  var specs: String?

  @Flag(help: "List every failing case with the reason.")
  var verbose = false

  func run() throws {
    guard let root = specs ?? ConformanceRunner.defaultSpecs(),
      FileManager.default.fileExists(atPath: root)
    else {
      print("skipped: specs not found at \(specs ?? "../shared/peer-specs/recognizers-text")")
      return
    }
    let runner = ConformanceRunner(pipeline: try Pipeline.standard())
    var passed = 0
    var failed = 0
    for report in try runner.run(root: root) {
      if let why = report.outOfScope {
        print("\(report.file): out of scope (\(why))")
        continue
      }
      passed += report.passed
      failed += report.failed
      let rate = String(format: "%.1f%%", report.rate * 100)
      print(
        "\(report.file): \(report.passed)/\(report.passed + report.failed) passed (\(rate)), \(report.skipped) skipped"
      )
      if verbose {
        for f in report.failures { print("  [\(f.index)] \(f.input.prefix(60)) — \(f.reason)") }
      }
    }
    let total = passed + failed
    print(
      "total: \(passed)/\(total) passed (\(String(format: "%.1f%%", total == 0 ? 0 : Double(passed) * 100 / Double(total))))"
    )
  }
}

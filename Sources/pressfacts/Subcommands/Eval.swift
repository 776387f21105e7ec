import ArgumentParser
import Foundation
import PressFacts

struct Eval: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Scores output documents against gold annotations.",
    discussion: """
      Reads every *.gold.json of --gold DIR (the format of corpus/gold, see its GUIDELINE.md) \
      and the output <id>.json of each from --output DIR. Figures and targets match by span \
      overlap, one to one; dates and organisations by distinct surface text; optional gold \
      items are neither rewarded nor penalised. Prints, per document and kind, the gold \
      count, optional count, counted system items, matches, precision, recall and F1 of \
      detection, and the strict F1 (normalized fields equal too), then the sums per \
      language (the gold file's "lang") and kind, the totals per kind, and a Markdown table \
      of strict F1 by language and kind. --json has the same under "documents", \
      "languages" and "total".
      """)

  @Option(help: "Directory of *.gold.json files.")
  var gold: String

  @Option(help: "Directory of the output <id>.json files (default: output).")
  var output: String = "output"

  @Option(
    help:
      "Directory of the documents named by the gold files' \"doc\" (default: the output's document.path, then next to the gold directory)."
  )
  var corpus: String?

  @Flag(help: "List every miss, extra and wrong value.")
  var verbose = false

  @Flag(help: "Print the scores as JSON.")
  var json = false

  func run() throws {
    let (evaluation, errors) = Evaluator().evaluate(
      goldDirectory: gold, outputDirectory: output, corpusDirectory: corpus)
    for e in errors { printError(e) }
    let report =
      json
      ? EvaluationReport.json(evaluation) : EvaluationReport.table(evaluation, verbose: verbose)
    FileHandleStream.standardOutput.write(report)
    if !errors.isEmpty { throw ExitCode.failure }
  }
}

import ArgumentParser
import Foundation
import PressFacts

struct Show: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Renders documents with their records highlighted as one self-contained HTML page.",
    discussion: """
      INPUT may be PressFacts output (ID.json files, JSON Lines from extract --jsonl, or a \
      directory of them) or text (files, or a directory of *.txt, which are run through the \
      pipeline first). The source text of output files is read from document.path or from \
      --source (a directory of ID.txt files, or the JSON Lines input that was extracted). \
      With --gold DIR, records that no gold item accounts for are outlined as extras and \
      missed gold items (DIR/ID.gold.json, the corpus/gold format) are shown dotted. \
      The page needs no network: open it in any browser.
      """)

  @OptionGroup var review: ReviewInputOptions

  @Option(help: "The HTML file to write ('-' for standard output).")
  var output = "pressfacts.html"

  @Option(help: "Gold directory: mark misses and extras against DIR/ID.gold.json.")
  var gold: String?

  @Option(help: "Page title.")
  var title = "PressFacts records"

  @OptionGroup var input: InputOptions

  func run() throws {
    let documents = try ReviewInputs.load(review.inputs, source: review.source, options: input)
    var comparisons = [String: GoldComparison]()
    if let gold {
      for document in documents {
        let file = (gold as NSString).appendingPathComponent(document.id + ".gold.json")
        guard let data = FileManager.default.contents(atPath: file) else {
          printError("\(file): warning: no gold file for \(document.id)")
          continue
        }
        comparisons[document.id] = try GoldComparison.compare(document, gold: data, file: file)
      }
    }
    let html = HTMLReport(title: title).render(documents, gold: comparisons)
    try ReviewInputs.write(Data(html.utf8), to: output)
    if output != "-" {
      let records = documents.reduce(0) { $0 + $1.records.count }
      printError("wrote \(output): \(documents.count) documents, \(records) records")
    }
  }
}

/// Loads what the review commands (show, export) take: PressFacts output read
/// back with its source text, or text files run through the standard pipeline.
enum ReviewInputs {
  static func load(_ inputs: [String], source: String?, options: InputOptions) throws
    -> [AnnotatedText]
  {
    let sources = try SourceTexts(source)
    var documents = [AnnotatedText]()
    var textFiles = [InputFile]()
    var failed = false
    for path in inputs {
      let outputs = outputFiles(path)
      if outputs.isEmpty {
        let listed = InputFiles.list([path])
        textFiles += listed.files
        for problem in listed.problems {
          printError("\(problem)")
          failed = true
        }
      } else {
        for file in outputs { documents += try OutputReader.load(file: file, source: sources) }
      }
    }
    guard !textFiles.isEmpty else {
      if failed { throw ExitCode.failure }
      return documents
    }
    let batch = Batch(
      pipeline: try Pipeline.standard(),
      options: BatchOptions(
        encoding: options.encoding, language: options.parsedLanguage, date: options.docDate,
        jobs: ProcessInfo.processInfo.activeProcessorCount))
    batch.run(textFiles.map { InputItem.file(path: $0.path, id: $0.id) }) { outcome in
      switch outcome {
      case .success(let result): documents.append(AnnotatedText(result))
      case .failure(let error):
        printError("\(error)")
        failed = true
      }
    }
    if failed { throw ExitCode.failure }
    return documents
  }

  /// Output files named by `path`: the file itself if it is `.json`/`.jsonl`,
  /// or the `.json`/`.jsonl` files directly in a directory (not `*.gold.json`).
  static func outputFiles(_ path: String) -> [String] {
    func isOutput(_ name: String) -> Bool {
      (name.hasSuffix(".json") && !name.hasSuffix(".gold.json")) || name.hasSuffix(".jsonl")
    }
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return [] }
    guard isDirectory.boolValue else { return isOutput(path) ? [path] : [] }
    let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
    return names.filter(isOutput).sorted().map { (path as NSString).appendingPathComponent($0) }
  }

  static func write(_ data: Data, to path: String) throws {
    if path == "-" {
      FileHandleStream.standardOutput.write(data)
      return
    }
    do {
      try data.write(to: URL(fileURLWithPath: path), options: .atomic)
    } catch {
      printError("\(path): error: cannot write: \(Batch.reason(error))")
      throw ExitCode.failure
    }
  }
}

import ArgumentParser
import Foundation
import PressFacts

struct Extract: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Extracts records from press releases.",
    discussion: """
      With no INPUT, reads corpus/ and writes output/ (one ID.json per document). \
      A directory INPUT means every *.txt below it, in sorted order, each with its path \
      relative to the directory without .txt as id (a/x.txt gives output/a/x.json); a file \
      INPUT has its base name as id. '-' means JSON Lines \
      on standard input, one {"id", "text", "date"?, "lang"?} object per line. With --jsonl \
      and no INPUT, reads JSON Lines from standard input; --jsonl writes one object per line \
      to standard output instead of files. A document that cannot be read is reported on \
      standard error with its file and position; the others go on, and the exit status is 1. \
      An id is parts joined by '/', none empty, '.', '..' or starting with '.', with no \
      control character or backslash, at most 200 bytes; a second document with the id of \
      an earlier one is an error (the first is kept). At the end, one summary line on \
      standard error: documents read, written and failed, records per type, where they went, \
      time and MB/s (--quiet drops it).
      """)

  @Argument(help: "Files, directories, or '-' for JSON Lines on standard input.")
  var inputs: [String] = []

  @Option(help: "Directory for the ID.json files (default: output).")
  var output: String?

  @Flag(help: "Write JSON Lines to standard output instead of files.")
  var jsonl = false

  @Option(help: "Worker threads (default: all cores).")
  var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

  @Flag(help: "Report progress on standard error even when it is not a terminal.")
  var progress = false

  @Flag(help: "No summary line at the end of the batch.")
  var quiet = false

  @Flag(help: "Skip files whose output is complete and whose source is unchanged (same SHA-256).")
  var resume = false

  @Flag(name: .customLong("no-validate"), help: "Do not validate the records before writing them.")
  var noValidate = false

  @OptionGroup var input: InputOptions

  func validate() throws {
    if jsonl && output != nil {
      throw ValidationError("--jsonl writes to standard output; drop --output")
    }
    if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    if resume && jsonl { throw ValidationError("--resume works with output files, not --jsonl") }
  }

  func run() throws {
    let batch = Batch(
      pipeline: try Pipeline.standard(),
      options: BatchOptions(
        encoding: input.encoding, language: input.parsedLanguage, date: input.docDate, jobs: jobs))
    let sources = inputs.isEmpty ? (jsonl ? ["-"] : ["corpus"]) : inputs
    let listed = InputFiles.list(sources.filter { $0 != "-" })
    var files = listed.files
    if resume { files = try skippingComplete(files) }
    var items: AnySequence<InputItem> = AnySequence(
      files.map { InputItem.file(path: $0.path, id: $0.id) })
    if sources.contains("-") {
      items = AnySequence([items, AnySequence(JSONLinesReader(fd: 0))].joined())
    }
    var sink = try ExtractSink(
      directory: jsonl ? nil : (output ?? "output"),
      total: sources.contains("-") ? nil : files.count + listed.problems.count,
      showProgress: progress || isatty(2) != 0)
    for problem in listed.problems { sink.take(.failed(problem)) }
    let finishing = ExtractSink.finishing(
      writer: sink.writer, validator: noValidate ? nil : Validator())
    batch.run(items, finishing: finishing) { sink.take($0) }
    sink.finish(summary: !quiet)
    if sink.failures > 0 { throw ExitCode.failure }
  }
}

extension Extract {
  /// The files whose output is not complete for their current bytes.
  func skippingComplete(_ files: [InputFile]) throws -> [InputFile] {
    let writer = try OutputWriter(directory: output ?? "output")
    writer.removeStaleTemporaries()
    let remaining = files.filter { file in
      guard let bytes = try? FileProblem.read(file.path) else { return true }
      let id =
        file.id ?? URL(fileURLWithPath: file.path).deletingPathExtension().lastPathComponent
      return !writer.isComplete(id: id, sourceSHA256: SHA256.hex(bytes))
    }
    if remaining.count < files.count {
      printError(
        "resume: \(files.count - remaining.count) of \(files.count) documents already complete")
    }
    return remaining
  }
}

/// Where extracted documents go: files in a directory, or JSON Lines on stdout.
struct ExtractSink {
  /// A result made ready on a worker thread: the validator's findings, and the
  /// JSON Lines line still to print (nil when its file is written already, or
  /// `written` says why it could not be).
  enum Finished: Sendable {
    case failed(PipelineError)
    case ready(
      id: String, line: [UInt8]?, findings: [Finding], inputBytes: Int, records: [Int],
      written: PipelineError?)
  }

  let writer: OutputWriter?
  let total: Int?
  let showProgress: Bool
  var done = 0
  var failures = 0
  var written = 0
  var records = [Int](repeating: 0, count: RecordType.allCases.count)
  var bytesIn = 0
  let started = Date()
  var stdoutBuffer = [UInt8]()

  init(directory: String?, total: Int?, showProgress: Bool) throws {
    writer = try directory.map { try OutputWriter(directory: $0) }
    self.total = total
    self.showProgress = showProgress
  }

  /// Encodes (pretty for files, compact for JSON Lines) and validates a result,
  /// and writes its file (each is renamed into place whole, so the order of
  /// files does not matter); runs on the worker threads, so that writing is
  /// parallel too. `validator` is nil with --no-validate.
  static func finishing(writer: OutputWriter?, validator: Validator?)
    -> @Sendable (Outcome) -> Finished
  {
    { outcome in
      switch outcome {
      case .failure(let error): return .failed(error)
      case .success(let result):
        let id = result.document.id
        let file = writer?.url(for: id).relativePath ?? "<stdout>:\(id)"
        let output = OutputDocument(result)
        let json = JSONWriter.encode(output, pretty: writer != nil)
        let findings = validator?.validate(result, output: output, file: file) ?? []
        var written: PipelineError?
        do {
          try writer?.write(json, id: id)
        } catch {
          written = error as? PipelineError ?? .unwritable(file: file, reason: "\(error)")
        }
        var records = [Int](repeating: 0, count: RecordType.allCases.count)
        for record in result.records {
          records[RecordType.allCases.firstIndex(of: record.type)!] += 1
        }
        return .ready(
          id: id, line: writer == nil ? json : nil, findings: findings,
          inputBytes: result.document.text.utf8.count, records: records, written: written)
      }
    }
  }

  /// Reports failures and findings in input order (a document with an error
  /// finding is still written, so it can be inspected, and counts as a failure)
  /// and prints JSON Lines.
  mutating func take(_ finished: Finished) {
    done += 1
    switch finished {
    case .failed(let error):
      failures += 1
      printError("\(error)")
    case .ready(_, let line, let findings, let inputBytes, let counts, let writeError):
      bytesIn += inputBytes
      for finding in findings { printError(finding.description) }
      var failed = findings.contains(where: { $0.severity == .error })
      if let writeError {
        failed = true
        printError("\(writeError)")
      } else {
        written += 1
        for (i, n) in counts.enumerated() { records[i] += n }
      }
      if failed { failures += 1 }
      if let line { print(line) }
    }
    if showProgress { report() }
  }

  mutating func print(_ line: [UInt8]) {
    stdoutBuffer += line
    stdoutBuffer.append(0x0A)
    if stdoutBuffer.count > 1 << 20 { flush() }
  }

  mutating func flush() {
    FileHandleStream.standardOutput.write(stdoutBuffer)
    stdoutBuffer.removeAll(keepingCapacity: true)
  }

  mutating func finish(summary: Bool) {
    flush()
    writer?.synchronize()
    if showProgress {
      report()
      FileHandleStream.standardError.write("\n")
    }
    if summary { printError(summaryLine()) }
  }

  /// The end-of-batch line: documents read, written (files or JSON Lines
  /// lines), failed; records written per type; where; time and throughput.
  func summaryLine() -> String {
    let seconds = max(Date().timeIntervalSince(started), 1e-6)
    let perType = zip(RecordType.allCases, records).map { "\($1) \($0.rawValue)" }
    let place = writer.map { "in \($0.directory.relativePath)/" } ?? "to standard output"
    return "extract: \(done) document(s) read, \(written) written, \(failures) failed; "
      + "\(records.reduce(0, +)) records (\(perType.joined(separator: ", "))) \(place); "
      + String(format: "%.2f s, %.2f MB/s", seconds, Double(bytesIn) / 1e6 / seconds)
  }

  func report() {
    let seconds = max(Date().timeIntervalSince(started), 1e-6)
    let of = total.map { "/\($0)" } ?? ""
    let rate = String(format: "%.2f MB/s", Double(bytesIn) / 1e6 / seconds)
    FileHandleStream.standardError.write("\r\(done)\(of) documents, \(failures) failed, \(rate)")
  }
}

import ArgumentParser
import Foundation
import PressFacts

struct Validate: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Checks output documents against the schema and the source texts.",
    discussion: """
      A directory PATH means every *.json below it, in sorted order; '-' means JSON Lines on \
      standard input (the output of 'extract --jsonl'). With no PATH, reads output/ (never \
      standard input). Finding no document at all is an error saying where it looked. \
      Each problem is printed as 'file: record id: rule: message'. A record's source is \
      found by document.path, or as DIR/<id>.txt with --source DIR. The exit status is 1 \
      if there is any error (warnings do not count).
      """)

  @Argument(help: "Output files, directories, or '-' for JSON Lines on standard input.")
  var paths: [String] = []

  @Option(help: "Directory holding the sources as <id>.txt (default: each document's path).")
  var source: String?

  func run() throws {
    let validator = Validator()
    let readStdin = paths.contains("-")
    let named = paths.isEmpty ? ["output"] : paths.filter { $0 != "-" }
    var errors = 0
    var warnings = 0
    var documents = 0
    func emit(_ findings: [Finding]) {
      documents += 1
      for f in findings {
        if f.severity == .error { errors += 1 } else { warnings += 1 }
        FileHandleStream.standardOutput.write(f.description + "\n")
      }
    }
    // The default place, missing, is "nothing found there", not a file error.
    let missingDefault = paths.isEmpty && !FileManager.default.fileExists(atPath: "output")
    let files = missingDefault ? [] : Self.expand(named)
    for file in files {
      do {
        let bytes = try FileProblem.read(file)
        emit(validator.validate(data: Data(bytes), file: file, sourceDirectory: source))
      } catch {
        guard case .unreadable(_, let reason) = error else { throw error }
        emit([Finding(file: file, record: "document", rule: "FileReadable", message: reason)])
      }
    }
    if readStdin {
      for case .jsonLine(let name, let line, let bytes) in JSONLinesReader(fd: 0) {
        emit(
          validator.validate(data: Data(bytes), file: "\(name):\(line)", sourceDirectory: source))
      }
    }
    if documents == 0 {
      let places = named.map { "\($0)/" } + (readStdin ? ["standard input"] : [])
      let looked =
        missingDefault
        ? "output/ does not exist" : "looked for *.json in \(places.joined(separator: ", "))"
      printError(
        "validate: error: no documents found (\(looked)); "
          + "name output files or directories, or '-' for JSON Lines on standard input")
      throw ExitCode.failure
    }
    printError("\(documents) document(s): \(errors) error(s), \(warnings) warning(s)")
    if errors > 0 { throw ExitCode.failure }
  }

  /// Files as given; directories as every *.json below them (no hidden files), sorted.
  static func expand(_ paths: [String]) -> [String] {
    paths.flatMap { path -> [String] in
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory),
        isDirectory.boolValue
      else {
        return [path]
      }
      let below = FileManager.default.enumerator(atPath: path)?.compactMap { $0 as? String } ?? []
      return below.filter {
        $0.hasSuffix(".json") && !$0.split(separator: "/").contains { $0.hasPrefix(".") }
      }
      .sorted().map { URL(fileURLWithPath: path).appendingPathComponent($0).relativePath }
    }
  }
}

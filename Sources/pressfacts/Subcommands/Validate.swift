import ArgumentParser
import Foundation
import PressFacts

struct Validate: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Checks output documents against the schema and the source texts.",
    discussion: """
      A directory PATH means every *.json below it, in sorted order; '-' means JSON Lines on
      standard input (the output of 'extract --jsonl'), which is also read when no PATH is
      given and standard input is not a terminal; otherwise the default is output/.
      Each problem is printed as 'file: record id: rule: message'. A record's source is
      found by document.path, or as DIR/<id>.txt with --source DIR. The exit status is 1
      if there is any error (warnings do not count).
      """)

  @Argument(help: "Output files, directories, or '-' for JSON Lines on standard input.")
  var paths: [String] = []

  @Option(help: "Directory holding the sources as <id>.txt (default: each document's path).")
  var source: String?

  func run() throws {
    let validator = Validator()
    let readStdin = paths.contains("-") || (paths.isEmpty && isatty(0) == 0)
    let named = paths.isEmpty && !readStdin ? ["output"] : paths.filter { $0 != "-" }
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
    for file in Self.expand(named) {
      emit(validator.validate(fileAt: file, sourceDirectory: source))
    }
    if readStdin {
      for case .jsonLine(let name, let line, let bytes) in JSONLinesReader(fd: 0) {
        emit(
          validator.validate(data: Data(bytes), file: "\(name):\(line)", sourceDirectory: source))
      }
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

import ArgumentParser
import Foundation
import PressFacts

@main
struct PressFactsCommand: ParsableCommand {
  /// A full disk or a file-size limit must be an error on one file, not a
  /// signal that kills the batch: ignore SIGXFSZ so write() returns EFBIG.
  static func main() {
    signal(SIGXFSZ, SIG_IGN)
    var command: ParsableCommand
    do {
      command = try parseAsRoot()
      try command.run()
    } catch {
      exit(withError: error)
    }
  }

  static let configuration = CommandConfiguration(
    commandName: "pressfacts",
    abstract:
      "Extracts figures, dates, organisations and targets from press releases as JSON records.",
    subcommands: [
      Extract.self, Validate.self, Eval.self, Show.self, Export.self, Tokenize.self, Schema.self,
      Bench.self, Conformance.self,
    ],
    defaultSubcommand: Extract.self
  )
}

/// Options every command that reads documents shares.
struct InputOptions: ParsableArguments {
  @Option(help: "Read input files in this encoding instead of detecting it (e.g. GB18030, Big5).")
  var encoding: String?

  @Option(
    name: .customLong("lang"),
    help: "Language of every document: zh-Hans, zh-Hant or en (default: detected).")
  var language: String?

  @Option(help: "Publication date (YYYY, YYYY-MM or YYYY-MM-DD) to resolve relative dates against.")
  var docDate: String?

  func validate() throws {
    if let language, Language(rawValue: language) == nil {
      throw ValidationError("--lang must be one of zh-Hans, zh-Hant, en")
    }
    if let docDate, !DocumentDate.isValid(docDate) {
      throw ValidationError("--doc-date must be YYYY, YYYY-MM or YYYY-MM-DD, a real date")
    }
  }

  var parsedLanguage: Language? { language.flatMap(Language.init(rawValue:)) }
}

/// What `show` and `export` read: output or text files and directories, and where
/// the source texts of output files are. One group, so the two commands cannot drift.
struct ReviewInputOptions: ParsableArguments {
  @Argument(help: "Output files or directories, or text files or directories.")
  var inputs: [String] = ["output"]

  @Option(
    help: "Where the source texts of output files are: a directory of ID.txt, or a JSON Lines file."
  )
  var source: String?
}

/// Writes a line to standard error.
func printError(_ message: String) {
  FileHandleStream.standardError.write(message + "\n")
}

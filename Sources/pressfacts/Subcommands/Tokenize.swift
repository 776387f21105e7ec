import ArgumentParser
import Foundation
import PressFacts

struct Tokenize: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract:
      "Prints ICU's tokens of a file: original start, end, status, text; and sentence starts.")

  @Argument(help: "A text file.")
  var file: String

  @OptionGroup var input: InputOptions

  func run() throws {
    let batch = Batch(
      pipeline: try Pipeline(stages: [], dating: nil),
      options: BatchOptions(encoding: input.encoding, language: input.parsedLanguage))
    let doc: Document
    switch batch.process(.file(path: file)) {
    case .success(let result): doc = result.document
    case .failure(let error):
      printError("\(error)")
      throw ExitCode.failure
    }
    var out = "# \(doc.id) lang=\(doc.language.rawValue) chars=\(doc.scalars.count)\n"
    for token in doc.tokens {
      let range = doc.normalized.originalRange(Int(token.start)..<Int(token.end))
      let text = doc.originalText(range).replacingOccurrences(of: "\n", with: "\\n")
      out += "\(range.lowerBound)\t\(range.upperBound)\t\(token.kind.rawValue)\t\(text)\n"
    }
    let starts = doc.sentenceStarts.map {
      String(doc.normalized.originalRange(Int($0)..<Int($0) + 1).lowerBound)
    }
    out += "# sentences start at: " + starts.joined(separator: " ") + "\n"
    FileHandleStream.standardOutput.write(out)
  }
}

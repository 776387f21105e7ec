import Foundation
import Testing

@testable import PressFacts

/// Shared helpers for the tests: documents from inline text, fixtures, and
/// inline span markup.
enum TestSupport {
  /// The repository root (two levels above this file's folder).
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  /// How many press releases the sample corpus (corpus/*.txt, gold in corpus/gold)
  /// holds: 17 Simplified, 8 Traditional, 8 English.
  static let corpusDocuments = 33

  /// The sample corpus's languages and how many documents each has.
  static let corpusLanguages = ["zh-Hans": 17, "zh-Hant": 8, "en": 8]

  static func fixture(_ name: String) -> URL {
    Bundle.module.resourceURL!.appendingPathComponent("Fixtures").appendingPathComponent(name)
  }

  static func document(_ text: String, lang: Language? = nil, date: String? = nil) throws
    -> Document
  {
    try Document(
      id: "test", path: nil, text: text, sha256: SHA256.hex(Array(text.utf8)), language: lang,
      date: date)
  }

  /// Runs `stages` (in order) over `text` and returns the records.
  static func records(
    _ text: String, stages: [any Extractor], lang: Language? = nil, date: String? = nil
  ) throws -> [Record] {
    try Pipeline(stages: stages, dating: nil).process(document(text, lang: lang, date: date))
      .records
  }

  /// Splits text with spans marked as `[...]` into the plain text and the
  /// code-point ranges of the marked spans: "面积[1198平方公里]" → ("面积1198平方公里", [2..<10]).
  static func marked(_ s: String) -> (text: String, spans: [Range<Int>]) {
    var text = String.UnicodeScalarView()
    var spans = [Range<Int>]()
    var open: Int?
    var count = 0
    for c in s.unicodeScalars {
      switch c {
      case "[": open = count
      case "]":
        spans.append(open!..<count)
        open = nil
      default:
        text.append(c)
        count += 1
      }
    }
    return (String(text), spans)
  }

  /// `text[range]` in code points, the way Python's `str` slicing reads it.
  static func slice(_ text: String, _ range: Range<Int>) -> String {
    let scalars = Array(text.unicodeScalars)
    var view = String.UnicodeScalarView()
    view.append(contentsOf: scalars[range])
    return String(view)
  }
}

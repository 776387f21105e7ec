import Foundation
import Testing

@testable import PressFacts

/// Every export must select exactly each record's text with its offsets, read
/// the way the tool reads them: code points of the text (Python slicing), also
/// after 𠀀 and emoji; UTF-16 units when asked for.
@Suite struct AnnotationExportTests {
  static func documents() throws -> [AnnotatedText] { try ReviewFixtures.all() }

  /// `text[range]` counted in UTF-16 code units, as JavaScript slices it.
  static func utf16Slice(_ text: String, _ start: Int, _ end: Int) -> String {
    let units = Array(text.utf16)
    return String(decoding: units[start..<end], as: UTF16.self)
  }

  @Test(
    "doccano JSONL: each label's [start, end] selects the record's text, in code points or UTF-16")
  func doccano() throws {
    let documents = try Self.documents()
    for unit in [AnnotationExport.OffsetUnit.codePoints, .utf16] {
      let lines = try AnnotationExport.doccano(documents, unit: unit).split(separator: 0x0A)
      #expect(lines.count == documents.count)
      for (line, document) in zip(lines, documents) {
        let object = try #require(
          try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any])
        let text = try #require(object["text"] as? String)
        #expect(text == document.text)
        let labels = try #require(object["label"] as? [[Any]])
        #expect(labels.count == document.records.count)
        for (label, record) in zip(labels, document.records) {
          let start = try #require(label[0] as? Int)
          let end = try #require(label[1] as? Int)
          let selected =
            unit == .codePoints
            ? TestSupport.slice(text, start..<end) : Self.utf16Slice(text, start, end)
          #expect(selected == record.text, "\(document.id) \(record.id)")
          #expect(label[2] as? String == AnnotationExport.label(record.type))
        }
      }
    }
  }

  @Test("UTF-16 offsets run two units ahead after two characters outside the BMP")
  func utf16Shift() throws {
    let astral = try ReviewFixtures.astralDocument()
    let line = try AnnotationExport.doccano([astral], unit: .utf16).split(separator: 0x0A)[0]
    let labels = try #require(
      (try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any])?["label"] as? [[Any]])
    let first = try #require(astral.records.first)
    #expect(first.text == "１１９８平方公里" && first.start == 8)
    #expect(labels[0][0] as? Int == 10)
  }

  @Test("Label Studio tasks: value.start/end select value.text, which is the record's text")
  func labelStudio() throws {
    let documents = try Self.documents()
    let tasks = try #require(
      try JSONSerialization.jsonObject(with: AnnotationExport.labelStudio(documents))
        as? [[String: Any]])
    #expect(tasks.count == documents.count)
    for (task, document) in zip(tasks, documents) {
      let data = try #require(task["data"] as? [String: Any])
      let text = try #require(data["text"] as? String)
      let predictions = try #require(task["predictions"] as? [[String: Any]])
      let results = try #require(predictions.first?["result"] as? [[String: Any]])
      #expect(results.count == document.records.count)
      for (result, record) in zip(results, document.records) {
        let value = try #require(result["value"] as? [String: Any])
        let start = try #require(value["start"] as? Int)
        let end = try #require(value["end"] as? Int)
        #expect(TestSupport.slice(text, start..<end) == record.text, "\(document.id) \(record.id)")
        #expect(value["text"] as? String == record.text)
        #expect(value["labels"] as? [String] == [AnnotationExport.label(record.type)])
        #expect(result["from_name"] as? String == "label" && result["to_name"] as? String == "text")
      }
    }
    #expect(AnnotationExport.labelStudioConfig.contains("<Label value=\"Organization\""))
  }

  @Test("brat: the .txt read back as UTF-8 and sliced by the .ann offsets gives each record's text")
  func brat() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pf-brat-\(getpid())")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    var fragmented = 0
    for document in try Self.documents() {
      let (txt, ann) = AnnotationExport.brat(document)
      let txtURL = dir.appendingPathComponent(document.id + ".txt")
      try Data(txt.utf8).write(to: txtURL)
      let text = try String(contentsOf: txtURL, encoding: .utf8)
      #expect(text == document.text)
      let lines = ann.split(separator: "\n").map(String.init)
      let spans = lines.filter { $0.hasPrefix("T") }
      let notes = lines.filter { $0.hasPrefix("#") }
      #expect(spans.count == document.records.count && notes.count == spans.count)
      for (n, (line, record)) in zip(spans, document.records).enumerated() {
        let fields = line.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false)
          .map(String.init)
        #expect(fields.count == 3 && fields[0] == "T\(n + 1)")
        let typeAndOffsets = fields[1].split(separator: " ", maxSplits: 1).map(String.init)
        #expect(typeAndOffsets[0] == AnnotationExport.label(record.type))
        let fragments = typeAndOffsets[1].split(separator: ";").map { pair -> Range<Int> in
          let p = pair.split(separator: " ").map { Int($0)! }
          return p[0]..<p[1]
        }
        if fragments.count > 1 { fragmented += 1 }
        #expect(
          fragments.first?.lowerBound == record.start && fragments.last?.upperBound == record.end)
        #expect(TestSupport.slice(text, record.start..<record.end) == record.text)
        let pieces = fragments.map { TestSupport.slice(text, $0) }
        #expect(pieces.joined(separator: " ") == fields[2], "\(document.id) \(record.id)")
        #expect(pieces.allSatisfy { !$0.contains("\n") })
        #expect(notes[n].hasPrefix("#\(n + 1)\tAnnotatorNotes T\(n + 1)\t\(record.id): "))
      }
    }
    #expect(fragmented >= 1, "the name across a paragraph break becomes a discontinuous span")
    #expect(
      AnnotationExport.bratConfiguration.hasPrefix(
        "[entities]\nFigure\nDate\nOrganization\nTarget\n"))
  }
}

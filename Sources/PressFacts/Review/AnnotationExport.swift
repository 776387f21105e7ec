import Foundation

/// The annotation tools whose import formats `pressfacts export` writes.
public enum AnnotationFormat: String, Sendable, CaseIterable {
  case doccano
  case labelStudio = "label-studio"
  case brat
  case csv
}

/// Writes records as pre-annotations for annotation tools, so researchers can
/// correct them in the tool they already use. Every offset is the record's own:
/// Unicode code points into the original text (Python `str` indices), which is
/// what each of the three tools counts:
///
/// - doccano (sequence labelling, JSONL import): `{"text", "label": [[start, end, label]]}`,
///   offsets into `text` as Python slices it — the unit of doccano's Python
///   server and of the spans in its documented import examples. Caveat: doccano's
///   web front end positions labels by JavaScript string index, i.e. UTF-16 code
///   units (doccano issue #2290, open), so after a character outside the BMP
///   (𠀀, an emoji) it shows a code-point span shifted. `OffsetUnit.utf16`
///   (`--utf16-offsets`) writes offsets in that unit instead.
/// - Label Studio (JSON tasks with `predictions`): `value.start`/`value.end` for
///   a `<Text>` object are code points since label-studio PR #1559 /
///   label-studio-frontend PR #308 ("store code points instead of js length");
///   older releases counted UTF-16 units and shift after any emoji or 𠀀.
/// - brat standoff (`ID.txt` + `ID.ann`): "character offsets" into the UTF-8
///   `.txt` (brat.nlplab.org/standoff.html); brat's Python server reads the file
///   as Unicode, so a character is a code point (a narrow-build Python 2 brat
///   would count characters outside the BMP twice). brat's `.ann` text field is
///   one line, so a record that crosses a line break is written as brat writes
///   such a selection itself: discontinuous fragments `s1 e1;s2 e2` around the
///   line breaks, their texts joined by a space.
public enum AnnotationExport {
  /// What an exported offset counts: code points (Python `str`, the default) or
  /// UTF-16 code units (JavaScript strings), for a tool that counts those.
  public enum OffsetUnit: Sendable {
    case codePoints, utf16
  }

  /// The label of a record type in the exported files.
  public static func label(_ type: RecordType) -> String {
    switch type {
    case .figure: return "Figure"
    case .date: return "Date"
    case .organization: return "Organization"
    case .target: return "Target"
    }
  }

  /// doccano JSONL: one line per document. Besides `text` and `label`, doccano
  /// keeps other keys as metadata: `doc_id`, and `records` (id and normalized
  /// fields, in the order of `label`).
  public static func doccano(_ documents: [AnnotatedText], unit: OffsetUnit = .codePoints) throws
    -> Data
  {
    var out = Data()
    for document in documents {
      let offset = offsets(document.text, unit: unit)
      let line: [String: Any] = [
        "text": document.text, "doc_id": document.id,
        "label": document.records.map {
          [offset($0.start), offset($0.end), label($0.type)] as [Any]
        },
        "records": document.records.map(notes),
      ]
      out.append(try json(line))
      out.append(0x0A)
    }
    return out
  }

  /// Label Studio JSON: an array of tasks, each with `data.text` and one
  /// prediction (model_version "pressfacts") whose results are `labels` regions
  /// for the labeling config `labelStudioConfig`.
  public static func labelStudio(_ documents: [AnnotatedText], unit: OffsetUnit = .codePoints)
    throws -> Data
  {
    let tasks = documents.map { document -> [String: Any] in
      let offset = offsets(document.text, unit: unit)
      let results = document.records.map { r -> [String: Any] in
        [
          "id": r.id, "from_name": "label", "to_name": "text", "type": "labels",
          "value": [
            "start": offset(r.start), "end": offset(r.end), "text": r.text,
            "labels": [label(r.type)],
          ] as [String: Any],
        ]
      }
      return [
        "data": [
          "text": document.text, "doc_id": document.id, "records": document.records.map(notes),
        ]
          as [String: Any],
        "predictions": [["model_version": "pressfacts", "result": results] as [String: Any]],
      ]
    }
    return try json(tasks, pretty: true)
  }

  /// The Label Studio labeling config the exported tasks fit.
  public static let labelStudioConfig = """
    <View>
      <Labels name="label" toName="text">
        <Label value="Figure" background="#1565c0"/>
        <Label value="Date" background="#2e7d32"/>
        <Label value="Organization" background="#8e24aa"/>
        <Label value="Target" background="#e65100"/>
      </Labels>
      <Text name="text" value="$text"/>
    </View>

    """

  /// brat standoff for one document: the `.txt` (the original text, unchanged)
  /// and the `.ann`: a `T` line per record and an `AnnotatorNotes` line with its
  /// id and normalized fields.
  public static func brat(_ document: AnnotatedText) -> (txt: String, ann: String) {
    let scalars = Array(document.text.unicodeScalars)
    var ann = ""
    var n = 0
    for record in document.records {
      let fragments = lineFragments(record.start..<record.end, in: scalars)
      guard !fragments.isEmpty else { continue }
      n += 1
      let offsets = fragments.map { "\($0.lowerBound) \($0.upperBound)" }.joined(separator: ";")
      let text = fragments.map { String(String.UnicodeScalarView(scalars[$0])) }.joined(
        separator: " ")
      ann += "T\(n)\t\(label(record.type)) \(offsets)\t\(text)\n"
      let note = "\(record.id): \(RecordSummary.describe(record.payload))"
      ann += "#\(n)\tAnnotatorNotes T\(n)\t\(oneLine(note))\n"
    }
    return (document.text, ann)
  }

  /// brat's `annotation.conf` declaring the four entity types.
  public static let bratConfiguration = """
    [entities]
    Figure
    Date
    Organization
    Target
    [relations]
    [events]
    [attributes]

    """

  /// The parts of `range` between line breaks (LF, CR, and the other Unicode
  /// line separators), dropping empty ones.
  static func lineFragments(_ range: Range<Int>, in scalars: [Unicode.Scalar]) -> [Range<Int>] {
    var fragments = [Range<Int>]()
    var start = range.lowerBound
    for i in range {
      if isLineBreak(scalars[i]) {
        if start < i { fragments.append(start..<i) }
        start = i + 1
      }
    }
    if start < range.upperBound { fragments.append(start..<range.upperBound) }
    return fragments
  }

  static func isLineBreak(_ c: Unicode.Scalar) -> Bool {
    switch c.value {
    case 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029: return true
    default: return false
    }
  }

  static func oneLine(_ s: String) -> String {
    String(
      String.UnicodeScalarView(s.unicodeScalars.map { isLineBreak($0) || $0 == "\t" ? " " : $0 }))
  }

  /// Maps a code-point offset of `text` to `unit`.
  static func offsets(_ text: String, unit: OffsetUnit) -> (Int) -> Int {
    guard unit == .utf16 else { return { $0 } }
    var table = [0]
    table.reserveCapacity(text.unicodeScalars.count + 1)
    for c in text.unicodeScalars { table.append(table.last! + (c.value > 0xFFFF ? 2 : 1)) }
    return { table[$0] }
  }

  static func notes(_ r: Record) -> [String: Any] {
    ["id": r.id, "type": r.type.rawValue, "note": RecordSummary.describe(r.payload)]
  }

  static func json(_ object: Any, pretty: Bool = false) throws -> Data {
    var options: JSONSerialization.WritingOptions = [.sortedKeys, .withoutEscapingSlashes]
    if pretty { options.insert(.prettyPrinted) }
    return try JSONSerialization.data(withJSONObject: object, options: options)
  }
}

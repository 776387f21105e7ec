import Foundation

/// Records as one CSV table (RFC 4180), so that they open in a spreadsheet or
/// in pandas (`pd.read_csv(path, keep_default_na=False)`) without code: one row
/// per record, with its document id, type, text, offsets and every normalized
/// field any type has (empty where the type has none).
///
/// Quoting follows RFC 4180: a field holding a comma, a double quote, CR or LF
/// is enclosed in double quotes and its quotes doubled; rows end in CRLF.
/// Record texts keep their line breaks (a quoted field may span lines), so the
/// text read back equals the source at [start, end). Numbers are written as in
/// the JSON output (`1200`, not `1200.0`).
public enum RecordTable {
  public static let columns = [
    "document", "record", "type", "text", "start", "end", "sentence", "value", "value_max",
    "unit", "qualifier", "mod", "name", "kind", "deadline", "metric", "figure",
  ]

  /// The table, header first. `bom` puts a UTF-8 byte order mark in front, which
  /// Excel needs to read the file as UTF-8 (pandas then wants `encoding="utf-8-sig"`).
  public static func csv(
    _ documents: [AnnotatedText], unit: AnnotationExport.OffsetUnit = .codePoints, bom: Bool = false
  ) -> String {
    var out = bom ? "\u{FEFF}" : ""
    append(columns, to: &out)
    for document in documents {
      let offset = AnnotationExport.offsets(document.text, unit: unit)
      for record in document.records {
        append(row(record, document: document.id, offset: offset), to: &out)
      }
    }
    return out
  }

  /// One record's fields, in the order of `columns`.
  static func row(_ r: Record, document: String, offset: (Int) -> Int) -> [String] {
    var fields = [String: String]()
    func number(_ d: Double?) -> String { d.map(JSONWriter.format) ?? "" }
    switch r.payload {
    case .figure(let f):
      fields = [
        "value": number(f.value), "value_max": number(f.valueMax), "unit": f.unit ?? "",
        "qualifier": f.qualifier ?? "",
      ]
    case .date(let d): fields = ["value": d.value, "mod": d.mod ?? ""]
    case .organization(let o): fields = ["name": o.name, "kind": o.kind]
    case .target(let t):
      fields = [
        "deadline": t.deadline ?? "", "metric": t.metric ?? "", "value": number(t.value),
        "value_max": number(t.valueMax), "unit": t.unit ?? "", "qualifier": t.qualifier ?? "",
        "figure": t.figure ?? "",
      ]
    }
    fields["document"] = document
    fields["record"] = r.id
    fields["type"] = r.type.rawValue
    fields["text"] = r.text
    fields["start"] = String(offset(r.start))
    fields["end"] = String(offset(r.end))
    fields["sentence"] = String(r.sentence)
    return columns.map { fields[$0] ?? "" }
  }

  static func append(_ row: [String], to out: inout String) {
    for (i, field) in row.enumerated() {
      if i > 0 { out += "," }
      out += quoted(field)
    }
    out += "\r\n"
  }

  /// A field as RFC 4180 writes it: as is, or in double quotes with its quotes doubled.
  public static func quoted(_ field: String) -> String {
    let needsQuotes = field.utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
    guard needsQuotes else { return field }
    return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}

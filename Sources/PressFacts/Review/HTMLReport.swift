/// Renders documents and their records as one self-contained HTML page for
/// review: the original text (paragraph breaks kept: `white-space: pre-wrap`)
/// with each record a highlighted `<mark>` coloured by type, nested records
/// visible (an inner span's underline sits above its container's), the
/// normalized fields on hover or keyboard focus, and per document a table of
/// the records whose rows jump to their spans. With a gold comparison, extras
/// are outlined and missed gold items are shown as dotted spans.
///
/// No network: CSS and script are inline, fonts come from the reader's system.
/// The markup is also well-formed XML (every element closed, attributes quoted,
/// script in a CDATA section), so tests can parse it with XMLParser.
public struct HTMLReport: Sendable {
  public var title: String

  public init(title: String = "PressFacts records") {
    self.title = title
  }

  /// The whole page; `gold[id]` is the comparison for the document `id`, if any.
  public func render(_ documents: [AnnotatedText], gold: [String: GoldComparison] = [:]) -> String {
    var html = "<!DOCTYPE html>\n<html lang=\"mul\">\n<head>\n<meta charset=\"utf-8\"/>\n"
    html += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
    html +=
      "<title>\(Self.escape(title))</title>\n<style>/*<![CDATA[*/\(HTMLReportAssets.css)/*]]>*/</style>\n"
    html += "</head>\n<body>\n<header>\n<h1>\(Self.escape(title))</h1>\n"
    html += legend(withGold: !gold.isEmpty) + "</header>\n<main>\n"
    for (n, document) in documents.enumerated() {
      html += DocumentSection(number: n, document: document, gold: gold[document.id]).render()
    }
    if documents.isEmpty { html += "<p class=\"empty\">No documents.</p>\n" }
    html += "</main>\n<div id=\"tip\" role=\"tooltip\" hidden=\"hidden\"></div>\n"
    html += "<script>/*<![CDATA[*/\(HTMLReportAssets.script)/*]]>*/</script>\n</body>\n</html>\n"
    return html
  }

  func legend(withGold: Bool) -> String {
    var items = RecordType.allCases.map { type in
      "<span class=\"key rec \(Self.cssClass(type))\">\(Self.label(type))</span>"
    }
    if withGold {
      items.append("<span class=\"key rec extra\">extra (not in gold)</span>")
      items.append("<span class=\"key miss\">missed gold item</span>")
    }
    return "<p class=\"legend\">" + items.joined(separator: " ") + "</p>\n"
  }

  static func cssClass(_ type: RecordType) -> String {
    switch type {
    case .figure: return "fig"
    case .date: return "date"
    case .organization: return "org"
    case .target: return "tgt"
    }
  }

  static func label(_ type: RecordType) -> String {
    switch type {
    case .figure: return "figure"
    case .date: return "date"
    case .organization: return "organisation"
    case .target: return "target"
    }
  }

  /// Escapes text and attribute values; control characters that XML cannot
  /// hold become U+FFFD, one code point for one, so nothing shifts.
  static func escape(_ s: String) -> String {
    var out = ""
    out.reserveCapacity(s.utf8.count)
    for c in s.unicodeScalars { appendEscaped(c, to: &out) }
    return out
  }

  static func appendEscaped(_ c: Unicode.Scalar, to out: inout String) {
    switch c {
    case "&": out += "&amp;"
    case "<": out += "&lt;"
    case ">": out += "&gt;"
    case "\"": out += "&quot;"
    case "\r": out += "&#13;"
    case "\n", "\t": out.unicodeScalars.append(c)
    default:
      let v = c.value
      if v < 0x20 || (0x7F...0x9F).contains(v) || v == 0xFFFE || v == 0xFFFF {
        out += "\u{FFFD}"
      } else {
        out.unicodeScalars.append(c)
      }
    }
  }
}

/// One document's part of the page: heading, highlighted text, record table.
struct DocumentSection {
  let number: Int
  let document: AnnotatedText
  let gold: GoldComparison?

  func anchor(_ id: String) -> String { "d\(number)-\(id)" }

  func render() -> String {
    let spans = self.spans()
    var html = "<section class=\"doc\" id=\"d\(number)\">\n"
    html +=
      "<h2>\(HTMLReport.escape(document.id))</h2>\n<p class=\"meta\">\(HTMLReport.escape(meta()))</p>\n"
    html +=
      "<div class=\"cols\">\n<div class=\"text\" lang=\"\(HTMLReport.escape(document.language))\">"
    html += HighlightedText(text: document.text, spans: spans).render()
    html += "</div>\n" + table(spans) + "</div>\n</section>\n"
    return html
  }

  func meta() -> String {
    var parts = [document.language, "date " + (document.date ?? "unknown")]
    if let path = document.path { parts.insert(path, at: 0) }
    let counts = RecordType.allCases.map { type in
      let n = document.records.filter { $0.type == type }.count
      return "\(n) \(HTMLReport.label(type))\(n == 1 ? "" : "s")"
    }
    parts.append(counts.joined(separator: ", "))
    if let gold {
      parts.append("vs gold: \(gold.extras.count) extra, \(gold.misses.count) missed")
      if !gold.unlocated.isEmpty {
        parts.append("\(gold.unlocated.count) gold items not found in the text")
      }
    }
    return parts.joined(separator: " · ")
  }

  /// Records and gold misses as spans to highlight.
  func spans() -> [HighlightSpan] {
    var spans = document.records.map { r -> HighlightSpan in
      let extra = gold?.extras.contains(r.id) ?? false
      let fields = RecordSummary.describe(r.payload)
      return HighlightSpan(
        start: r.start, end: r.end, type: r.type, anchor: anchor(r.id), recordID: r.id,
        classes: "rec \(HTMLReport.cssClass(r.type))" + (extra ? " extra" : ""),
        tip: "\(r.id) \(HTMLReport.label(r.type)): \(fields)" + (extra ? " — not in gold" : ""),
        text: r.text, fields: fields)
    }
    for (i, miss) in (gold?.misses ?? []).enumerated() {
      spans.append(
        HighlightSpan(
          start: miss.start, end: miss.end, type: miss.type, anchor: anchor("miss\(i + 1)"),
          recordID: nil,
          classes: "miss \(HTMLReport.cssClass(miss.type))",
          tip: "missed gold \(HTMLReport.label(miss.type)): \(miss.fields)", text: miss.text,
          fields: miss.fields))
    }
    return spans
  }

  func table(_ spans: [HighlightSpan]) -> String {
    var html = "<div class=\"records\"><table>\n<thead><tr><th>id</th><th>type</th><th>text</th>"
    html += "<th>normalized</th></tr></thead>\n<tbody>\n"
    let ordered = spans.sorted { ($0.start, -$0.end) < ($1.start, -$1.end) }
    for span in ordered {
      let rowClass =
        span.recordID == nil ? "missrow" : (span.classes.contains("extra") ? "extrarow" : "")
      let label = span.recordID ?? "miss"
      html +=
        "<tr class=\"\(rowClass)\"><td><a class=\"jump\" href=\"#\(span.anchor)\">\(HTMLReport.escape(label))</a></td>"
      html +=
        "<td><span class=\"swatch \(HTMLReport.cssClass(span.type))\"></span>\(HTMLReport.label(span.type))</td>"
      html +=
        "<td>\(HTMLReport.escape(span.text))</td><td>\(HTMLReport.escape(span.fields))</td></tr>\n"
    }
    if ordered.isEmpty { html += "<tr><td colspan=\"4\">no records</td></tr>\n" }
    return html + "</tbody></table></div>\n"
  }
}

/// A highlighted range of the original text (code points), a record or a miss.
struct HighlightSpan {
  var start: Int
  var end: Int
  var type: RecordType
  var anchor: String
  var recordID: String?
  var classes: String
  var tip: String
  var text: String
  var fields: String
  /// 1 + the height of the tallest span inside it; sets the underline offset.
  var height = 1
}

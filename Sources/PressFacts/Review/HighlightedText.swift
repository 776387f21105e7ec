/// Turns a text and its highlighted spans into markup: a sorted list of
/// open and close events over code-point offsets, walked once. Spans sorted
/// outer first (start ascending, end descending, target before organisation
/// before date before figure) nest as elements. Two spans that cross without
/// nesting cannot both be single elements: the earlier-opened one stays whole,
/// the later one is closed where the earlier ends and reopened as a
/// continuation (`cont`, `data-of` instead of an id), so the markup stays balanced.
struct HighlightedText {
  let text: String
  let spans: [HighlightSpan]

  func render() -> String {
    let scalars = Array(text.unicodeScalars)
    var spans = self.spans.filter { $0.start >= 0 && $0.start < $0.end && $0.end <= scalars.count }
    spans.sort(by: Self.outerFirst)
    Self.measureHeights(&spans)
    var out = ""
    out.reserveCapacity(text.utf8.count * 2)
    var stack = [Int]()
    var next = 0
    for i in 0...scalars.count {
      while let top = stack.lastIndex(where: { spans[$0].end == i }) {
        var reopen = [Int]()
        while stack.count - 1 > top {
          reopen.append(stack.removeLast())
          out += "</mark>"
        }
        stack.removeLast()
        out += "</mark>"
        for s in reopen.reversed() {
          out += Self.openTag(spans[s], first: false)
          stack.append(s)
        }
      }
      while next < spans.count, spans[next].start == i {
        out += Self.openTag(spans[next], first: true)
        stack.append(next)
        next += 1
      }
      if i < scalars.count { HTMLReport.appendEscaped(scalars[i], to: &out) }
    }
    return out
  }

  static func openTag(_ span: HighlightSpan, first: Bool) -> String {
    var tag = "<mark class=\"\(span.classes) h\(min(span.height, 4))\(first ? "" : " cont")\""
    if first {
      tag += " id=\"\(HTMLReport.escape(span.anchor))\" tabindex=\"0\""
      if let id = span.recordID { tag += " data-id=\"\(HTMLReport.escape(id))\"" }
    } else if span.recordID != nil {
      tag += " data-of=\"\(HTMLReport.escape(span.anchor))\""
    }
    return tag + " data-tip=\"\(HTMLReport.escape(span.tip))\">"
  }

  static let typeRank: [RecordType: Int] = [.target: 0, .organization: 1, .date: 2, .figure: 3]

  static func outerFirst(_ a: HighlightSpan, _ b: HighlightSpan) -> Bool {
    if a.start != b.start { return a.start < b.start }
    if a.end != b.end { return a.end > b.end }
    if a.type != b.type { return typeRank[a.type]! < typeRank[b.type]! }
    return (a.recordID != nil ? 0 : 1) < (b.recordID != nil ? 0 : 1)
  }

  /// A span's height is 1 + the tallest span inside it, so each level of
  /// nesting gets its own underline offset.
  static func measureHeights(_ spans: inout [HighlightSpan]) {
    for i in spans.indices.reversed() {
      var j = i + 1
      while j < spans.count, spans[j].start < spans[i].end {
        if spans[j].end <= spans[i].end {
          spans[i].height = max(spans[i].height, spans[j].height + 1)
        }
        j += 1
      }
    }
  }
}

/// A JSON value of the flat shapes PressFacts writes.
public enum JSONScalar: Sendable, Equatable {
  case string(String)
  case number(Double)
  case int(Int)
  case null
}

/// Writes documents and records as JSON with sorted keys, either pretty-printed
/// (two-space indent, for the per-document files that people diff) or compact
/// (one line, for JSON Lines). A small writer for the fixed record shape instead
/// of JSONEncoder, which would cost about half the segmentation time
/// (shared/MEASURED.md). Same input, same bytes.
public struct JSONWriter {
  public var pretty: Bool
  public private(set) var bytes: [UInt8] = []

  public init(pretty: Bool) {
    self.pretty = pretty
    bytes.reserveCapacity(16_384)
  }

  /// `{"document": {...}, "records": [...]}` for one processed document.
  public static func encode(_ result: DocumentResult, pretty: Bool) -> [UInt8] {
    encode(OutputDocument(result), pretty: pretty)
  }

  /// The same from the output objects, when the validator has them already.
  public static func encode(_ output: OutputDocument, pretty: Bool) -> [UInt8] {
    var w = JSONWriter(pretty: pretty)
    w.open("{")
    w.key("document", level: 1)
    w.object(output.document, level: 1)
    w.comma()
    w.key("records", level: 1)
    if output.records.isEmpty {
      w.raw("[]")
    } else {
      w.open("[")
      for (i, record) in output.records.enumerated() {
        if i > 0 { w.comma() }
        w.newline(level: 2)
        w.object(record, level: 2)
      }
      w.close("]", level: 1)
    }
    w.close("}", level: 0)
    if pretty { w.raw("\n") }
    return w.bytes
  }

  /// The shapes of the output objects: every object of a shape has all of its
  /// keys, `null` when a value is absent, so that every record of a type has the
  /// same columns. Keys in sorted order, so no comparison runs per record.
  static let documentLayout = FieldLayout(
    ordinal: 0,
    [
      "chars", "date", "date_basis", "date_source", "id", "lang", "path", "region", "region_basis",
      "sha256",
    ])
  static let figureLayout = FieldLayout(
    ordinal: 1,
    [
      "end", "id", "qualifier", "sentence", "start", "text", "type", "unit", "value", "value_max",
    ])
  static let dateLayout = FieldLayout(
    ordinal: 2, ["end", "id", "mod", "sentence", "start", "text", "type", "value"])
  static let organizationLayout = FieldLayout(
    ordinal: 3,
    [
      "end", "id", "kind", "name", "sentence", "start", "text", "type",
    ])
  static let targetLayout = FieldLayout(
    ordinal: 4,
    [
      "deadline", "end", "figure", "id", "metric", "qualifier", "sentence", "start", "text", "type",
      "unit", "value", "value_max",
    ])

  /// Every layout, at its ordinal.
  static let layouts = [documentLayout, figureLayout, dateLayout, organizationLayout, targetLayout]

  /// The document's fields.
  static func documentFields(_ d: Document) -> OutputObject {
    OutputObject(
      documentLayout,
      [
        .int(d.scalars.count), opt(d.date), opt(d.dateBasis), .string(d.dateSource.rawValue),
        .string(d.id), .string(d.language.rawValue), opt(d.path), opt(d.region?.rawValue),
        opt(d.regionBasis), .string(d.sha256),
      ])
  }

  /// The record's fields, in the order of its type's layout.
  static func recordFields(_ r: Record) -> OutputObject {
    let (end, id, sentence, start, text) = (
      JSONScalar.int(r.end), JSONScalar.string(r.id), JSONScalar.int(r.sentence),
      JSONScalar.int(r.start), JSONScalar.string(r.text)
    )
    let type = JSONScalar.string(r.type.rawValue)
    switch r.payload {
    case .figure(let x):
      return OutputObject(
        figureLayout,
        [
          end, id, opt(x.qualifier), sentence, start, text, type, opt(x.unit), .number(x.value),
          num(x.valueMax),
        ])
    case .date(let x):
      return OutputObject(
        dateLayout, [end, id, opt(x.mod), sentence, start, text, type, .string(x.value)])
    case .organization(let x):
      return OutputObject(
        organizationLayout,
        [end, id, .string(x.kind), .string(x.name), sentence, start, text, type])
    case .target(let x):
      return OutputObject(
        targetLayout,
        [
          opt(x.deadline), end, opt(x.figure), id, opt(x.metric), opt(x.qualifier), sentence, start,
          text, type, opt(x.unit), num(x.value), num(x.valueMax),
        ])
    }
  }

  private static func opt(_ s: String?) -> JSONScalar { s.map(JSONScalar.string) ?? .null }
  private static func num(_ d: Double?) -> JSONScalar { d.map(JSONScalar.number) ?? .null }

  /// Writes an object in its layout's (sorted) key order.
  mutating func object(_ o: OutputObject, level: Int) {
    open("{")
    let keys = pretty ? o.layout.prettyKeyBytes : o.layout.keyBytes
    for i in o.values.indices {
      if i > 0 { comma() }
      newline(level: level + 1)
      bytes += keys[i]
      value(o.values[i])
    }
    close("}", level: level)
  }

  mutating func key(_ k: String, level: Int) {
    newline(level: level)
    string(k)
    raw(pretty ? ": " : ":")
  }

  mutating func value(_ v: JSONScalar) {
    switch v {
    case .string(let s): string(s)
    case .int(let i): integer(Int64(i))
    case .number(let d):
      if Self.isExactInteger(d) { integer(Int64(d)) } else { raw(Self.format(d)) }
    case .null: raw("null")
    }
  }

  /// Integral and within 2^53, where every integer is exact: written without a fraction.
  @inline(__always) static func isExactInteger(_ d: Double) -> Bool {
    d.isFinite && d == d.rounded() && abs(d) < 9_007_199_254_740_992
  }

  /// Integral values within 2^53 print without a fraction (1198, not 1198.0);
  /// others use Swift's shortest round-trip form. NaN and infinity become null
  /// (the validator reports them; JSON has no spelling for them).
  public static func format(_ d: Double) -> String {
    guard d.isFinite else { return "null" }
    if isExactInteger(d) { return String(Int64(d)) }
    return String(d)
  }

  /// Decimal digits straight into the buffer (no String per number).
  mutating func integer(_ n: Int64) {
    if n < 0 { bytes.append(0x2D) }
    var m = n.magnitude
    var digits:
      (
        UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
        UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8
      ) =
        (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    var count = 0
    withUnsafeMutableBytes(of: &digits) { d in
      repeat {
        d[count] = UInt8(truncatingIfNeeded: m % 10) + 0x30
        m /= 10
        count += 1
      } while m > 0
      for i in stride(from: count - 1, through: 0, by: -1) { bytes.append(d[i]) }
    }
  }

  mutating func string(_ s: String) {
    bytes.append(0x22)
    var s = s
    s.withUTF8 { utf8 in
      // Runs that need no escaping (all of a typical record's text) are copied whole.
      var run = 0
      for (i, b) in utf8.enumerated() where b < 0x20 || b == 0x22 || b == 0x5C {
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run..<i]))
        escape(b)
        run = i + 1
      }
      bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run...]))
    }
    bytes.append(0x22)
  }

  /// A byte JSON does not allow inside a string: `\"`, `\\`, `\n`, or `\u00XX`.
  private mutating func escape(_ b: UInt8) {
    switch b {
    case 0x22: raw("\\\"")
    case 0x5C: raw("\\\\")
    case 0x0A: raw("\\n")
    case 0x0D: raw("\\r")
    case 0x09: raw("\\t")
    default:
      let hex = String(b, radix: 16)
      raw("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
    }
  }

  mutating func open(_ s: String) { raw(s) }
  mutating func close(_ s: String, level: Int) {
    newline(level: level)
    raw(s)
  }
  mutating func comma() { bytes.append(0x2C) }
  mutating func raw(_ s: String) { bytes.append(contentsOf: s.utf8) }
  mutating func newline(level: Int) {
    guard pretty else { return }
    bytes.append(0x0A)
    bytes.append(contentsOf: repeatElement(0x20, count: 2 * level))
  }
}

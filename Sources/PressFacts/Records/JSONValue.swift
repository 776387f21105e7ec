import Foundation

/// A parsed JSON value, for the tools that read JSON back (validator, evaluator).
/// Numbers are `Double`: JSON Schema's `integer` is a number with no fraction,
/// and every number PressFacts writes fits a double exactly or by design.
public enum JSONValue: Sendable, Equatable, Decodable {
  case null
  case bool(Bool)
  case number(Double)
  case string(String)
  case array([JSONValue])
  case object([String: JSONValue])

  /// Bool is tried before Double so `true` never reads as 1 (Foundation's
  /// decoder refuses the cross-type reads that would blur the two).
  public init(from decoder: any Decoder) throws {
    let c = try decoder.singleValueContainer()
    if c.decodeNil() {
      self = .null
    } else if let b = try? c.decode(Bool.self) {
      self = .bool(b)
    } else if let d = try? c.decode(Double.self) {
      self = .number(d)
    } else if let s = try? c.decode(String.self) {
      self = .string(s)
    } else if let a = try? c.decode([JSONValue].self) {
      self = .array(a)
    } else {
      self = .object(try c.decode([String: JSONValue].self))
    }
  }

  /// Parses JSON text; the error message names what is wrong, for findings.
  public static func parse(_ data: Data) throws -> JSONValue {
    try JSONDecoder().decode(JSONValue.self, from: data)
  }

  public subscript(key: String) -> JSONValue? {
    if case .object(let o) = self { return o[key] }
    return nil
  }

  public var string: String? {
    if case .string(let s) = self { return s }
    return nil
  }

  public var number: Double? {
    if case .number(let d) = self { return d }
    return nil
  }

  /// The number as an `Int` when it is integral and in range.
  public var int: Int? {
    guard case .number(let d) = self, d.isFinite, d == d.rounded(), abs(d) < 9e15 else {
      return nil
    }
    return Int(d)
  }

  public var array: [JSONValue]? {
    if case .array(let a) = self { return a }
    return nil
  }

  public var isNull: Bool { self == .null }

  /// The JSON Schema type name of the value (`integer` for integral numbers).
  public var typeName: String {
    switch self {
    case .null: return "null"
    case .bool: return "boolean"
    case .number(let d): return d.isFinite && d == d.rounded() ? "integer" : "number"
    case .string: return "string"
    case .array: return "array"
    case .object: return "object"
    }
  }

  /// A short rendering for messages: strings quoted, containers abbreviated.
  public var brief: String {
    switch self {
    case .null: return "null"
    case .bool(let b): return String(b)
    case .number(let d): return JSONWriter.format(d) == "null" ? String(d) : JSONWriter.format(d)
    case .string(let s): return "\"\(s)\""
    case .array(let a): return "an array of \(a.count)"
    case .object: return "an object"
    }
  }
}

extension JSONValue {
  /// The output object of a processed document, built from the same field
  /// lists the writer uses, so in-memory results are checked without encoding
  /// and re-parsing them.
  public init(_ result: DocumentResult) {
    func convert(_ fields: OutputObject) -> JSONValue {
      var o = [String: JSONValue](minimumCapacity: fields.values.count)
      for (k, v) in zip(fields.layout.keys, fields.values) {
        switch v {
        case .string(let s): o[k] = .string(s)
        case .number(let d): o[k] = .number(d)
        case .int(let i): o[k] = .number(Double(i))
        case .null: o[k] = .null
        }
      }
      return .object(o)
    }
    self = .object([
      "document": convert(JSONWriter.documentFields(result.document)),
      "records": .array(result.records.map { convert(JSONWriter.recordFields($0)) }),
    ])
  }
}

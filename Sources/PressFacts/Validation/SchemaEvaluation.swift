import Foundation

/// A JSON value as the validator reads it: a parsed `JSONValue`, or a pipeline
/// result in memory (`MemoryJSON`), so that `extract` checks every result
/// without building a dictionary of Strings per record.
protocol JSONView {
  /// The value's JSON Schema type as one bit of `JSONKind` (integer for integral numbers).
  var kindBit: UInt8 { get }
  subscript(key: String) -> Self? { get }
  var string: String? { get }
  var number: Double? { get }
  var int: Int? { get }
  var array: [Self]? { get }
  /// Calls `body` on each member of an object until it returns false; whether none did.
  func allMembers(_ body: (String, Self) -> Bool) -> Bool
  /// JSON equality with a value of the schema (`const`, `enum`).
  func equals(_ value: JSONValue) -> Bool
}

/// The JSON Schema types as bits, so that a node's `type` list is one mask test.
enum JSONKind {
  static let null: UInt8 = 1, boolean: UInt8 = 2, integer: UInt8 = 4, number: UInt8 = 8
  static let string: UInt8 = 16, array: UInt8 = 32, object: UInt8 = 64

  /// The bits a `type` name accepts: `number` accepts integers too; an unknown name nothing.
  static func mask(_ name: String) -> UInt8 {
    switch name {
    case "null": return null
    case "boolean": return boolean
    case "integer": return integer
    case "number": return number | integer
    case "string": return string
    case "array": return array
    case "object": return object
    default: return 0
    }
  }

  static func ofNumber(_ d: Double) -> UInt8 { d.isFinite && d == d.rounded() ? integer : number }
}

extension JSONValue: JSONView {
  var kindBit: UInt8 {
    switch self {
    case .null: return JSONKind.null
    case .bool: return JSONKind.boolean
    case .number(let d): return JSONKind.ofNumber(d)
    case .string: return JSONKind.string
    case .array: return JSONKind.array
    case .object: return JSONKind.object
    }
  }

  func allMembers(_ body: (String, JSONValue) -> Bool) -> Bool {
    guard case .object(let o) = self else { return true }
    for (k, v) in o where !body(k, v) { return false }
    return true
  }

  func equals(_ value: JSONValue) -> Bool { self == value }
}

/// A pipeline result seen as its output JSON, over the writer's own field lists
/// (the same lists `JSONValue(result)` converts): one array per record, keys
/// found by a linear scan (a record has a dozen).
enum MemoryJSON: JSONView {
  case scalar(JSONScalar)
  case fields(OutputObject)
  case list([MemoryJSON])
  case root(document: OutputObject, records: [MemoryJSON])

  init(_ output: OutputDocument) {
    self = .root(document: output.document, records: output.records.map(MemoryJSON.fields))
  }

  var kindBit: UInt8 {
    switch self {
    case .scalar(.string): return JSONKind.string
    case .scalar(.null): return JSONKind.null
    case .scalar(.int(let i)): return JSONKind.ofNumber(Double(i))
    case .scalar(.number(let d)): return JSONKind.ofNumber(d)
    case .fields, .root: return JSONKind.object
    case .list: return JSONKind.array
    }
  }

  /// The field of that name (the writer's lists name each field once).
  subscript(key: String) -> MemoryJSON? {
    switch self {
    case .fields(let f): return f[key].map(MemoryJSON.scalar)
    case .root(let document, let records):
      if key == "document" { return .fields(document) }
      if key == "records" { return .list(records) }
      return nil
    default: return nil
    }
  }

  var string: String? {
    if case .scalar(.string(let s)) = self { return s }
    return nil
  }

  var number: Double? {
    switch self {
    case .scalar(.number(let d)): return d
    case .scalar(.int(let i)): return Double(i)
    default: return nil
    }
  }

  /// As `JSONValue.int` reads the converted number.
  var int: Int? { number.flatMap { JSONValue.number($0).int } }

  var array: [MemoryJSON]? {
    if case .list(let a) = self { return a }
    return nil
  }

  func allMembers(_ body: (String, MemoryJSON) -> Bool) -> Bool {
    switch self {
    case .fields(let f):
      for (k, v) in zip(f.layout.keys, f.values) where !body(k, .scalar(v)) { return false }
      return true
    case .root(let document, let records):
      return body("document", .fields(document)) && body("records", .list(records))
    default: return true
    }
  }

  func equals(_ value: JSONValue) -> Bool {
    switch (self, value) {
    case (.scalar(.string(let a)), .string(let b)): return a == b
    case (.scalar(.null), .null): return true
    case (.scalar(.number(let a)), .number(let b)): return a == b
    case (.scalar(.int(let a)), .number(let b)): return Double(a) == b
    case (.scalar, _): return false
    default: return jsonValue == value
    }
  }

  /// The same value as a `JSONValue` (only for comparing a container to a schema value).
  var jsonValue: JSONValue {
    switch self {
    case .scalar(.string(let s)): return .string(s)
    case .scalar(.number(let d)): return .number(d)
    case .scalar(.int(let i)): return .number(Double(i))
    case .scalar(.null): return .null
    case .fields(let f):
      var o = [String: JSONValue]()
      for (k, v) in zip(f.layout.keys, f.values) { o[k] = MemoryJSON.scalar(v).jsonValue }
      return .object(o)
    case .list(let a): return .array(a.map(\.jsonValue))
    case .root(let document, let records):
      return .object([
        "document": MemoryJSON.fields(document).jsonValue,
        "records": .array(records.map(\.jsonValue)),
      ])
    }
  }
}

extension SchemaNode {
  /// Whether `v` conforms: the verdict of `check` finding nothing, decided
  /// fail-fast and without building any violation (the clean path of every
  /// validated document).
  func holds<V: JSONView>(_ v: V, _ schema: JSONSchema) -> Bool {
    if let boolean { return boolean }
    // An object of the writer's (a record): its layout's flattened plan.
    if let m = v as? MemoryJSON, case .fields(let o) = m {
      let plan = o.layout.plan(for: self)
      if !plan.generic { return plan.holds(o, schema) }
    }
    if let refNode, !refNode.holds(v, schema) { return false }
    for sub in allOf where !sub.holds(v, schema) { return false }
    if !oneOf.isEmpty {
      var passing = 0
      // A branch rejected by a const (another record type) fails; skip it.
      for branch in oneOf where !branch.rejectsByConst(v, schema: schema) && branch.holds(v, schema)
      {
        passing += 1
        if passing > 1 { return false }
      }
      if passing != 1 { return false }
    }
    let kind = v.kindBit
    if let typeMask, typeMask & kind == 0 { return false }
    if !valueHolds(v) { return false }
    if kind == JSONKind.object { return objectHolds(v, schema) }
    if kind == JSONKind.array, let items, let a = v.array {
      for e in a where !items.holds(e, schema) { return false }
    }
    return true
  }

  /// enum, const, minLength, pattern, minimum.
  private func valueHolds<V: JSONView>(_ v: V) -> Bool {
    if let enumValues, !enumValues.contains(where: { v.equals($0) }) { return false }
    if let constValue, !v.equals(constValue) { return false }
    if let s = v.string {
      // only the first minLength code points need counting (a record's text is long)
      if let minLength, s.unicodeScalars.prefix(minLength).count < minLength { return false }
      if pattern != nil, !patternMatches(s) { return false }
    } else if let minimum, let d = v.number, !(d >= minimum) {
      return false
    }
    return true
  }

  private func objectHolds<V: JSONView>(_ v: V, _ schema: JSONSchema) -> Bool {
    for key in required where v[key] == nil { return false }
    let names = propertyNames
    guard let additionalProperties else {
      for (i, key) in names.enumerated() {
        if let value = v[key], !propertyNodes[i].holds(value, schema) { return false }
      }
      return true
    }
    return v.allMembers { key, value in
      // a linear search: a dozen names, most of them told apart by length alone
      for i in names.indices where sameKey(names[i], key) {
        return propertyNodes[i].holds(value, schema)
      }
      return additionalProperties.holds(value, schema)
    }
  }

  /// The pattern's verdict: the hand-compiled matcher when it can answer, else
  /// NSRegularExpression (memoized).
  func patternMatches(_ s: String) -> Bool {
    if let simplePattern, let verdict = simplePattern.matches(s) { return verdict }
    let regex = pattern!.regex
    return patternCache.value(for: s) {
      regex.firstMatch(in: s, range: NSRange(s.startIndex..., in: s)) != nil
    }
  }
}

extension JSONSchema {
  /// Whether `value` conforms (`check` would find nothing), without building violations.
  func holds<V: JSONView>(_ value: V) -> Bool { root.holds(value, self) }
}

/// String equality that first compares UTF-8 lengths (stored inline in a short
/// String), so the many unequal property names cost no byte comparison.
@inline(__always)
func sameKey(_ a: String, _ b: String) -> Bool {
  a.utf8.count == b.utf8.count && a == b
}

import Foundation

/// One place where a JSON value breaks its schema: `path` is the location
/// (`["records", "3", "value"]`), `message` says which keyword failed and why.
public struct SchemaViolation: Sendable, Equatable {
  public var path: [String]
  public var message: String
}

/// A compiled subset of JSON Schema draft 2020-12: type (also a list of types),
/// enum, const, required, properties, additionalProperties, items, pattern,
/// minimum, minLength, $ref to `#/$defs/NAME`, allOf, oneOf, and boolean schemas.
/// The schema file stays the single source of truth for the output's structure;
/// this only evaluates it. A keyword outside the subset makes compilation fail,
/// so the schema cannot silently say more than is checked.
public struct JSONSchema: Sendable {
  let root: SchemaNode
  let definitions: [String: SchemaNode]

  /// Keywords that only annotate.
  static let annotations: Set<String> = [
    "$schema", "$id", "$comment", "$defs", "title", "description", "default", "examples",
  ]

  public init(_ schema: JSONValue) throws {
    var definitions = [String: SchemaNode]()
    if case .object(let defs)? = schema["$defs"] {
      for (name, def) in defs { definitions[name] = try SchemaNode(def, at: "#/$defs/\(name)") }
    }
    for node in definitions.values { try node.checkReferences(definitions) }
    root = try SchemaNode(schema, at: "#")
    try root.checkReferences(definitions)
    for node in [root] + definitions.values { node.planLayouts(JSONWriter.layouts) }
    self.definitions = definitions
  }

  /// The output schema, `Resources/pressfacts.schema.json`, compiled once
  /// (patterns included) because every validated document walks it.
  public static let standard: Result<JSONSchema, PipelineError> = {
    do {
      return .success(try JSONSchema(JSONValue.parse(ResourceFiles.data("pressfacts.schema.json"))))
    } catch let error as PipelineError {
      return .failure(error)
    } catch {
      return .failure(.badResource(file: "pressfacts.schema.json", entry: 0, reason: "\(error)"))
    }
  }()

  /// Every violation of the schema by `value`; empty when it conforms.
  public func check(_ value: JSONValue) -> [SchemaViolation] {
    if holds(value) { return [] }
    var out = [SchemaViolation]()
    root.check(value, schema: self, into: &out)
    return out
  }
}

/// One compiled schema object. A class because schemas nest and refer to each
/// other; immutable after `init`, hence safe to share between threads.
final class SchemaNode: @unchecked Sendable {
  let location: String
  var boolean: Bool?
  var types: [String]?
  var enumValues: [JSONValue]?
  var constValue: JSONValue?
  var required: [String] = []
  var properties: [String: SchemaNode] = [:]
  var additionalProperties: SchemaNode?
  var items: SchemaNode?
  var pattern: (source: String, regex: NSRegularExpression)?
  /// `types` as `JSONKind` bits, tested once per value.
  var typeMask: UInt8?
  /// `pattern` compiled by hand when it is in the simple subset (see `SimplePattern`).
  var simplePattern: SimplePattern?
  /// The definition `ref` names, resolved by `checkReferences`. Unowned: the
  /// `JSONSchema` that holds this node holds its definitions too.
  unowned(unsafe) var refNode: SchemaNode?
  /// Verdicts of `pattern` on strings seen before: ids (f1, d2 ...), date values
  /// and units repeat across documents, and NSRegularExpression costs microseconds a call.
  let patternCache = SharedMemo<String, Bool>()
  /// This node's flattened verdict on each of the writer's layouts, by `FieldLayout.ordinal`.
  var layoutPlans: [ObjectPlan] = []
  var minimum: Double?
  var minLength: Int?
  var ref: String?
  var allOf: [SchemaNode] = []
  var oneOf: [SchemaNode] = []

  struct Unsupported: Error, CustomStringConvertible {
    var description: String
  }

  init(_ json: JSONValue, at location: String) throws {
    self.location = location
    if case .bool(let b) = json {
      boolean = b
      return
    }
    guard case .object(let o) = json else {
      throw Unsupported(description: "\(location): not a schema")
    }
    for (key, value) in o where !JSONSchema.annotations.contains(key) {
      try compile(key, value)
    }
    typeMask = types.map { $0.reduce(0) { $0 | JSONKind.mask($1) } }
    constProperties = properties.compactMap { k, sub in sub.constValue.map { (k, $0) } }
    propertyList = properties.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    propertyNames = propertyList.map(\.0)
    propertyNodes = propertyList.map(\.1)
  }

  private func compile(_ key: String, _ value: JSONValue) throws {
    let here = location + "/" + key
    func bad() -> Unsupported {
      Unsupported(description: "\(here): unsupported value \(value.brief)")
    }
    switch key {
    case "type":
      if let s = value.string {
        types = [s]
      } else {
        types = try value.array?.map { try $0.string ?? { throw bad() }() }
      }
    case "enum": enumValues = value.array
    case "const": constValue = value
    case "required": required = try (value.array ?? []).map { try $0.string ?? { throw bad() }() }
    case "properties":
      guard case .object(let props) = value else { throw bad() }
      for (name, sub) in props { properties[name] = try SchemaNode(sub, at: here + "/" + name) }
    case "additionalProperties": additionalProperties = try SchemaNode(value, at: here)
    case "items": items = try SchemaNode(value, at: here)
    case "pattern":
      guard let s = value.string else { throw bad() }
      pattern = (s, try NSRegularExpression(pattern: s))
      simplePattern = SimplePattern(s)
    case "minimum": minimum = value.number
    case "minLength": minLength = value.int
    case "$ref":
      guard let s = value.string, s.hasPrefix("#/$defs/") else { throw bad() }
      ref = String(s.dropFirst("#/$defs/".count))
    case "allOf":
      allOf = try (value.array ?? []).enumerated().map { try SchemaNode($1, at: "\(here)/\($0)") }
    case "oneOf":
      oneOf = try (value.array ?? []).enumerated().map { try SchemaNode($1, at: "\(here)/\($0)") }
    default: throw Unsupported(description: "\(here): keyword not supported by the checker")
    }
    if key == "enum" && enumValues == nil || key == "minimum" && minimum == nil
      || key == "minLength" && minLength == nil
    {
      throw bad()
    }
  }

  func checkReferences(_ defs: [String: SchemaNode]) throws {
    if let ref {
      guard let node = defs[ref] else {
        throw Unsupported(description: "\(location): $ref to unknown #/$defs/\(ref)")
      }
      refNode = node
    }
    for child in children { try child.checkReferences(defs) }
  }

  private var children: [SchemaNode] {
    Array(properties.values) + allOf + oneOf + [additionalProperties, items].compactMap { $0 }
  }

  /// Works out this node's and its children's plans for the writer's layouts.
  func planLayouts(_ layouts: [FieldLayout]) {
    layoutPlans = layouts.map { ObjectPlan(self, $0) }
    for child in children { child.planLayouts(layouts) }
  }

  // MARK: Evaluation
  // Violations are appended with paths relative to the value checked; a parent
  // prefixes its key only to the violations a child added, so the clean path
  // allocates nothing.

  func check(_ v: JSONValue, schema: JSONSchema, into out: inout [SchemaViolation]) {
    if let boolean {
      if !boolean { out.append(SchemaViolation(path: [], message: "no value is allowed here")) }
      return
    }
    if let ref { schema.definitions[ref]!.check(v, schema: schema, into: &out) }
    for sub in allOf { sub.check(v, schema: schema, into: &out) }
    if !oneOf.isEmpty { checkOneOf(v, schema: schema, into: &out) }
    if let types, !types.contains(where: { Self.has(v, type: $0) }) {
      out.append(
        SchemaViolation(
          path: [], message: "expected \(types.joined(separator: " or ")), got \(v.brief)"))
      return
    }
    if let message = checkValue(v) { out.append(SchemaViolation(path: [], message: message)) }
    switch v {
    case .object(let o): checkObject(o, schema: schema, into: &out)
    case .array(let a):
      guard let items else { break }
      for (i, e) in a.enumerated() {
        let before = out.count
        items.check(e, schema: schema, into: &out)
        Self.prefix(String(i), &out, from: before)
      }
    default: break
    }
  }

  /// enum, const, minLength, pattern, minimum: the first that fails.
  private func checkValue(_ v: JSONValue) -> String? {
    if let enumValues, !enumValues.contains(v) {
      return "\(v.brief) is not one of \(enumValues.map(\.brief).joined(separator: ", "))"
    }
    if let constValue, v != constValue { return "expected \(constValue.brief), got \(v.brief)" }
    switch v {
    case .string(let s):
      if let minLength, s.unicodeScalars.count < minLength {
        return "\(v.brief) is shorter than \(minLength) character(s)"
      }
      if let pattern, !patternMatches(s) {
        return "\(v.brief) does not match \(pattern.source)"
      }
    case .number(let d):
      if let minimum, !(d >= minimum) {
        return "\(v.brief) is below the minimum \(JSONWriter.format(minimum))"
      }
    default: break
    }
    return nil
  }

  static func prefix(_ key: String, _ out: inout [SchemaViolation], from start: Int) {
    for i in start..<out.count { out[i].path.insert(key, at: 0) }
  }

  private func checkObject(
    _ o: [String: JSONValue], schema: JSONSchema, into out: inout [SchemaViolation]
  ) {
    for key in required where o[key] == nil {
      out.append(SchemaViolation(path: [], message: "missing required property \"\(key)\""))
    }
    // Keys in dictionary order (no sort on the clean path); what was found is
    // sorted by key afterwards so messages come out in the same order every run.
    let start = out.count
    if additionalProperties == nil {
      // Only the listed properties matter: look them up (fewer than the keys).
      for (key, sub) in propertyList {
        guard let value = o[key] else { continue }
        let before = out.count
        sub.check(value, schema: schema, into: &out)
        Self.prefix(key, &out, from: before)
      }
      return
    }
    for (key, value) in o {
      if let sub = properties[key] {
        let before = out.count
        sub.check(value, schema: schema, into: &out)
        Self.prefix(key, &out, from: before)
      } else if let additionalProperties {
        if additionalProperties.boolean == false {
          out.append(SchemaViolation(path: [key], message: "property \"\(key)\" is not allowed"))
        } else {
          let before = out.count
          additionalProperties.check(value, schema: schema, into: &out)
          Self.prefix(key, &out, from: before)
        }
      }
    }
    if out.count - start > 1 { out[start...].sort { $0.path.first ?? "" < $1.path.first ?? "" } }
  }

  /// Properties with a `const`, here and in the schemas this one includes.
  private(set) var constProperties: [(String, JSONValue)] = []
  /// `properties` sorted by name, for the objects that allow other properties.
  private(set) var propertyList: [(String, SchemaNode)] = []
  /// `propertyList` as two arrays, for `holds`: searching the names touches no node.
  private(set) var propertyNames: [String] = []
  private(set) var propertyNodes: [SchemaNode] = []

  /// True when the value certainly fails this schema because a property has
  /// a `const` it does not equal (a record's `type`): such oneOf branches are
  /// skipped without evaluating them.
  func rejectsByConst<V: JSONView>(_ v: V, schema: JSONSchema) -> Bool {
    guard v.kindBit == JSONKind.object else { return false }
    for (key, c) in constProperties {
      if let actual = v[key], !actual.equals(c) { return true }
    }
    if let refNode, refNode.rejectsByConst(v, schema: schema) { return true }
    return allOf.contains { $0.rejectsByConst(v, schema: schema) }
  }

  /// Exactly one branch must hold. When none does, the violations of the
  /// closest branch (fewest violations) are reported: for a record that is the
  /// branch of its own type, which says what is actually wrong.
  private func checkOneOf(_ v: JSONValue, schema: JSONSchema, into out: inout [SchemaViolation]) {
    var best: [SchemaViolation]?
    var passing = 0
    let branches = oneOf.filter { !$0.rejectsByConst(v, schema: schema) }
    for branch in branches.isEmpty ? oneOf : branches {
      var found = [SchemaViolation]()
      branch.check(v, schema: schema, into: &found)
      if found.isEmpty {
        passing += 1
      } else if best == nil || found.count < best!.count {
        best = found
      }
    }
    if passing == 0 { out += best ?? [] }
    if passing > 1 {
      out.append(
        SchemaViolation(path: [], message: "matches \(passing) branches of oneOf, expected one"))
    }
  }

  static func has(_ v: JSONValue, type: String) -> Bool {
    let actual = v.typeName
    return actual == type || (type == "number" && actual == "integer")
  }
}

/// A schema node's whole verdict on objects of one `FieldLayout`, flattened.
///
/// Everything `holds` decides about an object is a conjunction: its `$ref`, its
/// `allOf`, its own `required` and properties, and each `oneOf` (exactly one
/// branch). For a known set of keys all of that reduces, once, to: fails
/// outright (a required key missing, not an object), or these fields must pass
/// these scalar checks, and in each group exactly one branch plan must hold.
/// `consts` are the fields a branch needs equal to a value (a record's `type`),
/// checked first so that the other record types' branches cost one comparison.
final class ObjectPlan: Sendable {
  let fails: Bool
  /// The node says something of the object as a value (enum, const): evaluate it the generic way.
  let generic: Bool
  let checks: [(index: Int, check: ScalarCheck)]
  let consts: [(index: Int, value: JSONValue)]
  let oneOfGroups: [[ObjectPlan]]

  init(_ node: SchemaNode, _ layout: FieldLayout) {
    var fails = node.boolean == false || !node.required.allSatisfy { layout.keys.contains($0) }
    if let mask = node.typeMask, mask & JSONKind.object == 0 { fails = true }
    var generic = node.enumValues != nil || node.constValue != nil
    var checks = [(index: Int, check: ScalarCheck)]()
    for (i, key) in layout.keys.enumerated() {
      if let sub = node.properties[key] ?? node.additionalProperties, sub.boolean != true {
        checks.append((i, ScalarCheck(sub)))
      }
    }
    var consts = node.constProperties.compactMap { key, value in
      layout.index(of: key).map { (index: $0, value: value) }
    }
    var groups = [[ObjectPlan]]()
    if node.boolean != true {
      for included in [node.refNode].compactMap({ $0 }) + node.allOf {
        let p = ObjectPlan(included, layout)
        fails = fails || p.fails
        generic = generic || p.generic
        checks += p.checks
        consts += p.consts
        groups += p.oneOfGroups
      }
      if !node.oneOf.isEmpty { groups.append(node.oneOf.map { ObjectPlan($0, layout) }) }
    }
    (self.fails, self.generic, self.checks, self.consts, oneOfGroups) = (
      fails, generic, checks, consts, groups
    )
  }

  /// Whether `o` (of this plan's layout) conforms.
  func holds(_ o: OutputObject, _ schema: JSONSchema) -> Bool {
    if fails { return false }
    for (i, check) in checks where !check.holds(o.values[i], schema) { return false }
    for group in oneOfGroups {
      var passing = 0
      for branch in group where !branch.rejectsByConst(o) && branch.holds(o, schema) {
        passing += 1
        if passing > 1 { return false }
      }
      if passing != 1 { return false }
    }
    return true
  }

  func rejectsByConst(_ o: OutputObject) -> Bool {
    consts.contains { !MemoryJSON.scalar(o.values[$0.index]).equals($0.value) }
  }
}

/// What a field's schema (with the schemas it includes by `$ref` and `allOf`)
/// asks of a scalar value, merged: the types all allow, every `enum` and
/// `const`, the longest `minLength`, the highest `minimum`, every `pattern`.
/// A field schema with its own `oneOf`, or properties, keeps its node and is
/// evaluated the generic way. A class, so that walking a plan's checks copies
/// one reference per field, not the arrays inside.
final class ScalarCheck: Sendable {
  private let typeMask: UInt8
  private let enums: [[JSONValue]]
  private let consts: [JSONValue]
  private let minLength: Int?
  private let minimum: Double?
  private let patterns: [SchemaNode]
  private let generic: SchemaNode?

  init(_ node: SchemaNode) {
    var m = Merged()
    m.merge(node)
    (typeMask, enums, consts, minLength, minimum, patterns) = (
      m.typeMask, m.enums, m.consts, m.minLength, m.minimum, m.patterns
    )
    generic = m.needsGeneric ? node : nil
  }

  private struct Merged {
    var typeMask: UInt8 = 0xFF
    var enums: [[JSONValue]] = []
    var consts: [JSONValue] = []
    var minLength: Int?
    var minimum: Double?
    var patterns: [SchemaNode] = []
    var needsGeneric = false

    mutating func merge(_ node: SchemaNode) {
      if node.boolean == true { return }
      if node.boolean == false { typeMask = 0 }
      if !node.oneOf.isEmpty || !node.properties.isEmpty || node.additionalProperties != nil
        || node.items != nil || !node.required.isEmpty
      {
        needsGeneric = true
      }
      if let mask = node.typeMask { typeMask &= mask }
      if let e = node.enumValues { enums.append(e) }
      if let c = node.constValue { consts.append(c) }
      if let m = node.minLength { minLength = max(minLength ?? m, m) }
      if let m = node.minimum { minimum = max(minimum ?? m, m) }
      if node.pattern != nil { patterns.append(node) }
      if let ref = node.refNode { merge(ref) }
      for sub in node.allOf { merge(sub) }
    }
  }

  func holds(_ v: JSONScalar, _ schema: JSONSchema) -> Bool {
    if let generic { return generic.holds(MemoryJSON.scalar(v), schema) }
    let m = MemoryJSON.scalar(v)
    if typeMask & m.kindBit == 0 { return false }
    for e in enums where !e.contains(where: { m.equals($0) }) { return false }
    for c in consts where !m.equals(c) { return false }
    switch v {
    case .string(let s):
      // only the first minLength code points need counting (a record's text is long)
      if let minLength, s.unicodeScalars.prefix(minLength).count < minLength { return false }
      for p in patterns where !p.patternMatches(s) { return false }
    case .int(let i):
      if let minimum, !(Double(i) >= minimum) { return false }
    case .number(let d):
      if let minimum, !(d >= minimum) { return false }
    case .null:
      break
    }
    return true
  }
}

/// The keys of one shape of output object (the document, or a record of one
/// type), in sorted order, shared by every object of that shape.
///
/// `extract` checks every result against the JSON Schema before writing it. The
/// schema's per-object work — which property schema applies to which field, and
/// whether the required keys are all there — depends only on the keys, so it is
/// worked out once per shape and schema node when the schema is compiled,
/// instead of by name look-ups in every record.
public final class FieldLayout: Sendable {
  /// This layout's position in `JSONWriter.layouts`, where schema nodes keep their plans.
  let ordinal: Int
  public let keys: [String]

  init(ordinal: Int, _ keys: [String]) {
    precondition(zip(keys, keys.dropFirst()).allSatisfy { $0 < $1 }, "keys not sorted")
    self.ordinal = ordinal
    self.keys = keys
  }

  /// The position of `key`, if the shape has it (a dozen keys: a linear scan).
  func index(of key: String) -> Int? {
    keys.firstIndex { sameKey($0, key) }
  }

  /// `node`'s verdict on objects of this shape, flattened when the schema was
  /// compiled (`SchemaNode.planLayouts`), else now.
  func plan(for node: SchemaNode) -> ObjectPlan {
    node.layoutPlans.indices.contains(ordinal) ? node.layoutPlans[ordinal] : ObjectPlan(node, self)
  }
}

/// A schema node's whole verdict on objects of one `FieldLayout`, flattened.
///
/// Everything `holds` decides about an object is a conjunction: its `$ref`, its
/// `allOf`, its own `required` and properties, and each `oneOf` (exactly one
/// branch). For a known set of keys all of that reduces, once, to: fails
/// outright (a required key missing, not an object), or these fields must hold
/// these scalar schemas, and in each group exactly one branch plan must hold.
/// `consts` are the fields a branch needs equal to a value (a record's `type`),
/// checked first so that the other record types' branches cost one comparison.
final class ObjectPlan: Sendable {
  let fails: Bool
  /// The node says something of the object as a value (enum, const): evaluate it the generic way.
  let generic: Bool
  let checks: [(index: Int, node: SchemaNode)]
  let consts: [(index: Int, value: JSONValue)]
  let oneOfGroups: [[ObjectPlan]]

  init(_ node: SchemaNode, _ layout: FieldLayout) {
    var fails = node.boolean == false || !node.required.allSatisfy { layout.keys.contains($0) }
    if let mask = node.typeMask, mask & JSONKind.object == 0 { fails = true }
    var generic = node.enumValues != nil || node.constValue != nil
    var checks = [(index: Int, node: SchemaNode)]()
    for (i, key) in layout.keys.enumerated() {
      if let sub = node.properties[key] ?? node.additionalProperties, sub.boolean != true {
        checks.append((i, sub))
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
    (self.fails, self.generic, self.checks, self.consts, oneOfGroups) = (fails, generic, checks, consts, groups)
  }

  /// Whether `o` (of this plan's layout) conforms.
  func holds(_ o: OutputObject, _ schema: JSONSchema) -> Bool {
    if fails { return false }
    for (i, node) in checks where !node.holds(MemoryJSON.scalar(o.values[i]), schema) { return false }
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

/// One output object as the writer writes it and the validator reads it: a
/// shared layout of keys and this object's values in the same order.
public struct OutputObject: Sendable {
  public let layout: FieldLayout
  public let values: [JSONScalar]

  init(_ layout: FieldLayout, _ values: [JSONScalar]) {
    precondition(layout.keys.count == values.count, "values do not fit the layout")
    self.layout = layout
    self.values = values
  }

  /// The value of `key`, if the shape has it.
  subscript(key: String) -> JSONScalar? { layout.index(of: key).map { values[$0] } }
}

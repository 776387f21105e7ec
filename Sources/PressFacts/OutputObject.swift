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

  /// What schema object `node` asks of objects of this shape: worked out when
  /// the schema was compiled (`SchemaNode.planLayouts`), else now.
  func plan(for node: SchemaNode) -> ObjectPlan {
    ordinal < node.layoutPlans.count ? node.layoutPlans[ordinal] : ObjectPlan(node, self)
  }
}

/// A schema object node applied to one `FieldLayout`: whether every required key
/// is present, the schema each field must hold (its property's, else
/// `additionalProperties`; nil when neither applies or it accepts anything), and
/// the fields that must equal a `const` (a record's `type`).
struct ObjectPlan: Sendable {
  let requiredPresent: Bool
  let fieldNodes: [SchemaNode?]
  let consts: [(index: Int, value: JSONValue)]

  init(_ node: SchemaNode, _ layout: FieldLayout) {
    requiredPresent = node.required.allSatisfy { layout.keys.contains($0) }
    fieldNodes = layout.keys.map { key in
      guard let sub = node.properties[key] ?? node.additionalProperties, sub.boolean != true else {
        return nil
      }
      return sub
    }
    consts = node.constProperties.compactMap { key, value in layout.index(of: key).map { ($0, value) } }
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

import Foundation

/// The keys of one shape of output object (the document, or a record of one
/// type), in sorted order, shared by every object of that shape.
///
/// `extract` checks every result against the JSON Schema before writing it. The
/// schema's per-object work — which property schema applies to which field, and
/// whether the required keys are all there — depends only on the keys, so it is
/// worked out once per shape and schema node (`plan(for:)`) instead of by name
/// look-ups in every record.
public final class FieldLayout: @unchecked Sendable {
  public let keys: [String]
  private let lock = NSLock()
  private var plans: [ObjectIdentifier: ObjectPlan] = [:]

  init(_ keys: [String]) {
    precondition(zip(keys, keys.dropFirst()).allSatisfy { $0 < $1 }, "keys not sorted")
    self.keys = keys
  }

  /// The position of `key`, if the shape has it (a dozen keys: a linear scan).
  func index(of key: String) -> Int? {
    keys.firstIndex { sameKey($0, key) }
  }

  /// What schema object `node` asks of objects of this shape.
  func plan(for node: SchemaNode) -> ObjectPlan {
    lock.lock()
    defer { lock.unlock() }
    if let known = plans[ObjectIdentifier(node)] { return known }
    let plan = ObjectPlan(
      requiredPresent: node.required.allSatisfy { keys.contains($0) },
      fieldNodes: keys.map { node.properties[$0] ?? node.additionalProperties })
    plans[ObjectIdentifier(node)] = plan
    return plan
  }
}

/// A schema object node applied to one `FieldLayout`: whether every required key
/// is present, and the schema each field must hold (its property's, else
/// `additionalProperties`; nil when neither applies).
struct ObjectPlan {
  let requiredPresent: Bool
  let fieldNodes: [SchemaNode?]
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

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
  /// Each key as the writer writes it, `"key":` (compact) and `"key": ` (pretty),
  /// encoded once rather than escaped again in every record.
  let keyBytes: [[UInt8]]
  let prettyKeyBytes: [[UInt8]]

  init(ordinal: Int, _ keys: [String]) {
    precondition(zip(keys, keys.dropFirst()).allSatisfy { $0 < $1 }, "keys not sorted")
    self.ordinal = ordinal
    self.keys = keys
    keyBytes = keys.map { key in
      var w = JSONWriter(pretty: false)
      w.string(key)
      return w.bytes + [0x3A]
    }
    prettyKeyBytes = keyBytes.map { $0 + [0x20] }
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

/// A processed document as output objects: built once per result, then both
/// validated (`Validator`) and written (`JSONWriter`).
public struct OutputDocument: Sendable {
  public let document: OutputObject
  public let records: [OutputObject]

  public init(_ result: DocumentResult) {
    document = JSONWriter.documentFields(result.document)
    records = result.records.map(JSONWriter.recordFields)
  }
}

/// The rule every document id follows, whatever its source (a file name, a
/// JSON Lines `"id"`, a library caller). An id names its output file: id `a/x`
/// is written as `OUTPUT/a/x.json`, so the rule is what keeps every output file
/// inside the output directory and off the writer's hidden temporary names:
///
/// - one or more components joined by `/`;
/// - no component is empty, `.`, `..`, or starts with `.`;
/// - no NUL, no control character (U+0000–U+001F, U+007F–U+009F), no backslash;
/// - at most 200 bytes of UTF-8 (so `ID.json` and its temporary name fit in
///   any file system's 255-byte name limit, and nested ids stay well under PATH_MAX).
public enum DocumentID {
  public static let maxBytes = 200

  /// Nil when `id` follows the rule; otherwise why not, in words for a message.
  /// Runs once per document over the id's bytes.
  public static func problem(_ id: String) -> String? {
    let bytes = Array(id.utf8)
    if bytes.isEmpty { return "the id is empty" }
    if bytes.count > maxBytes {
      return "the id is \(bytes.count) bytes long; at most \(maxBytes) are allowed"
    }
    var componentStart = 0
    for i in 0...bytes.count {
      if i == bytes.count || bytes[i] == 0x2F {
        if let problem = componentProblem(bytes[componentStart..<i]) { return problem }
        componentStart = i + 1
        continue
      }
      if let problem = byteProblem(bytes, at: i) { return problem }
    }
    return nil
  }

  /// Whether `id` follows the rule.
  public static func isValid(_ id: String) -> Bool { problem(id) == nil }

  private static func componentProblem(_ component: ArraySlice<UInt8>) -> String? {
    if component.isEmpty {
      return "a part between \"/\" is empty (a leading, trailing or doubled \"/\")"
    }
    if component.elementsEqual([0x2E]) || component.elementsEqual([0x2E, 0x2E]) {
      return "a part between \"/\" is \".\" or \"..\""
    }
    if component.first == 0x2E { return "a part between \"/\" starts with \".\"" }
    return nil
  }

  /// NUL, C0 and C1 control characters (C1 is 0xC2 0x80–0x9F in UTF-8), backslash.
  private static func byteProblem(_ bytes: [UInt8], at i: Int) -> String? {
    let b = bytes[i]
    if b == 0 { return "the id holds a NUL character" }
    if b < 0x20 || b == 0x7F || (b == 0xC2 && i + 1 < bytes.count && bytes[i + 1] < 0xA0) {
      return "the id holds a control character"
    }
    if b == 0x5C { return "the id holds a backslash" }
    return nil
  }
}

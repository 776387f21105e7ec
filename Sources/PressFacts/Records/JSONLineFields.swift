/// Reads the string fields of one JSON Lines input object in a single pass over
/// its bytes, without building a Foundation object tree.
///
/// A press release line is `{"id": "...", "text": "...", ...}`: an object whose
/// values are strings or null. Parsing it with `JSONSerialization` cost as much as
/// one of the extractors (an `NSDictionary`, an `NSString` for the text, bridging).
/// This reader decodes string values straight into Strings. It is a fast path
/// only: anything else (a number or nested value, an escape it does not know,
/// invalid UTF-8, a syntax error) makes it return nil, and the caller parses the
/// line with `JSONSerialization`, which also words the error.
struct JSONLineFields {
  /// The value of each string-valued key; null values are absent.
  private(set) var strings: [String: String] = [:]
  /// Keys given as `null`.
  private(set) var nulls: Set<String> = []

  static func read(_ line: [UInt8]) -> JSONLineFields? {
    line.withUnsafeBufferPointer { buffer in
      var reader = Reader(bytes: buffer)
      return reader.object()
    }
  }

  private struct Reader {
    let bytes: UnsafeBufferPointer<UInt8>
    var i = 0

    mutating func skipSpace() {
      while i < bytes.count,
        bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0D || bytes[i] == 0x0A
      {
        i += 1
      }
    }

    mutating func take(_ byte: UInt8) -> Bool {
      skipSpace()
      guard i < bytes.count, bytes[i] == byte else { return false }
      i += 1
      return true
    }

    mutating func object() -> JSONLineFields? {
      var fields = JSONLineFields()
      guard take(0x7B) else { return nil }  // {
      if take(0x7D) { return end(fields) }  // }
      repeat {
        guard take(0x22), let key = string(), take(0x3A) else { return nil }  // "…" :
        skipSpace()
        if take(0x22) {
          guard let value = string() else { return nil }
          fields.strings[key] = value
          fields.nulls.remove(key)
        } else if literal("null") {
          fields.strings[key] = nil
          fields.nulls.insert(key)
        } else {
          return nil
        }
      } while take(0x2C)  // ,
      guard take(0x7D) else { return nil }
      return end(fields)
    }

    /// Only white space may follow the object.
    mutating func end(_ fields: JSONLineFields) -> JSONLineFields? {
      skipSpace()
      return i == bytes.count ? fields : nil
    }

    mutating func literal(_ word: StaticString) -> Bool {
      let n = word.utf8CodeUnitCount
      guard i + n <= bytes.count else { return false }
      for k in 0..<n where bytes[i + k] != word.utf8Start[k] { return false }
      i += n
      return true
    }

    /// The string whose opening quote was read; valid UTF-8 only.
    mutating func string() -> String? {
      var out = [UInt8]()
      let start = i
      var run = i
      while i < bytes.count {
        let b = bytes[i]
        if b == 0x22 {  // "
          defer { i += 1 }
          if run == start {  // no escapes: straight from the line
            return String(
              validating: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
          }
          out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<i]))
          return String(validating: out, as: UTF8.self)
        }
        if b < 0x20 { return nil }
        if b != 0x5C {  // not a backslash
          i += 1
          continue
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<i]))
        guard i + 1 < bytes.count else { return nil }
        let e = bytes[i + 1]
        i += 2
        switch e {
        case 0x22, 0x5C, 0x2F: out.append(e)
        case 0x62: out.append(0x08)
        case 0x66: out.append(0x0C)
        case 0x6E: out.append(0x0A)
        case 0x72: out.append(0x0D)
        case 0x74: out.append(0x09)
        case 0x75:
          guard let scalar = unicodeEscape() else { return nil }
          out.append(contentsOf: String(scalar).utf8)
        default: return nil
        }
        run = i
      }
      return nil
    }

    /// `\uXXXX` after its `\u`, joining a surrogate pair; a lone surrogate fails.
    mutating func unicodeEscape() -> Unicode.Scalar? {
      guard let high = hex4() else { return nil }
      if (0xD800...0xDBFF).contains(high) {
        guard i + 1 < bytes.count, bytes[i] == 0x5C, bytes[i + 1] == 0x75 else { return nil }
        i += 2
        guard let low = hex4(), (0xDC00...0xDFFF).contains(low) else { return nil }
        return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
      }
      return Unicode.Scalar(high)
    }

    mutating func hex4() -> UInt32? {
      guard i + 4 <= bytes.count else { return nil }
      var v: UInt32 = 0
      for _ in 0..<4 {
        let b = bytes[i]
        let d: UInt8
        switch b {
        case 0x30...0x39: d = b - 0x30
        case 0x41...0x46: d = b - 0x41 + 10
        case 0x61...0x66: d = b - 0x61 + 10
        default: return nil
        }
        v = v << 4 | UInt32(d)
        i += 1
      }
      return v
    }
  }
}

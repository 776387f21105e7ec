import CICUShim

/// The Swift face of the ICU shim: every call into ICU goes through here, and
/// no C type leaves this file. Buffers are Swift arrays sized by the caller's
/// input; ICU fills them and returns how much it wrote.
enum ICU {
  /// A status code from ICU; values above zero are failures.
  struct Failure: Error {
    let call: String
    let code: Int32
  }

  /// Word break iterator rule statuses (ubrk.h: UWordBreak ranges).
  static let numberStatus: ClosedRange<Int32> = 100...199
  static let letterStatus: ClosedRange<Int32> = 200...299
  static let kanaStatus: ClosedRange<Int32> = 300...399
  static let ideoStatus: ClosedRange<Int32> = 400...499

  /// Boundaries of words (with the rule status of the segment ending at each)
  /// or sentences, in UTF-16 offsets; the first boundary is 0.
  static func breaks(
    _ utf16: [UInt16], locale: String, sentences: Bool
  ) throws -> (boundaries: [Int32], statuses: [Int32]) {
    let cap = utf16.count + 2
    var boundaries = [Int32](repeating: 0, count: cap)
    var statuses = [Int32](repeating: 0, count: sentences ? 0 : cap)
    var status: Int32 = 0
    let n = utf16.withUnsafeBufferPointer { text in
      boundaries.withUnsafeMutableBufferPointer { b in
        statuses.withUnsafeMutableBufferPointer { s in
          pf_breaks(
            sentences ? 1 : 0, locale, text.baseAddress, Int32(text.count), b.baseAddress,
            sentences ? nil : s.baseAddress, Int32(cap), &status)
        }
      }
    }
    guard n >= 0, status <= 0 else { throw Failure(call: "ubrk", code: status) }
    boundaries.removeSubrange(Int(n)...)
    if !sentences { statuses.removeSubrange(Int(n)...) }
    return (boundaries, statuses)
  }

  /// NFKC of a short UTF-16 string (used to build the per-character fold table).
  static func nfkc(_ utf16: [UInt16]) throws -> [UInt16] {
    var out = [UInt16](repeating: 0, count: utf16.count * 18 + 4)
    var status: Int32 = 0
    let n = pf_nfkc(utf16, Int32(utf16.count), &out, Int32(out.count), &status)
    guard n >= 0, status <= 0 else { throw Failure(call: "unorm2_normalize", code: status) }
    return Array(out[..<Int(n)])
  }

  /// Runs the transliterator `id` (e.g. "Traditional-Simplified") over `utf16`.
  static func transliterate(_ utf16: [UInt16], id: String) throws -> [UInt16] {
    var buffer = utf16 + [UInt16](repeating: 0, count: utf16.count * 2 + 16)
    var status: Int32 = 0
    let n = pf_transliterate(id, &buffer, Int32(utf16.count), Int32(buffer.count), &status)
    guard n >= 0, status <= 0 else { throw Failure(call: "utrans_transUChars", code: status) }
    return Array(buffer[..<Int(n)])
  }

  /// ICU's best guess at the charset of `bytes`, with its confidence (0-100).
  static func detectCharset(_ bytes: [UInt8]) -> (name: String, confidence: Int)? {
    var name = [CChar](repeating: 0, count: 64)
    var status: Int32 = 0
    let confidence = bytes.withUnsafeBufferPointer { b in
      b.withMemoryRebound(to: CChar.self) { c in
        pf_detect_charset(c.baseAddress, Int32(c.count), &name, 64, &status)
      }
    }
    guard confidence >= 0, status <= 0 else { return nil }
    let found = String(
      decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    return (found, Int(confidence))
  }

  /// Converts `bytes` from `charset` to UTF-16, or reports the byte offset of
  /// the first sequence that is not valid in it.
  enum Conversion {
    case text([UInt16])
    case invalid(byteOffset: Int)
    case unknownCharset
  }

  static func convert(_ bytes: [UInt8], from charset: String) -> Conversion {
    var out = [UInt16](repeating: 0, count: bytes.count * 2 + 4)
    var errorOffset: Int32 = -1
    var status: Int32 = 0
    let n = bytes.withUnsafeBufferPointer { b in
      b.withMemoryRebound(to: CChar.self) { c in
        pf_convert(
          charset, c.baseAddress, Int32(c.count), &out, Int32(out.count), &errorOffset, &status)
      }
    }
    if n < 0 { return .unknownCharset }
    if status > 0 { return .invalid(byteOffset: Int(max(errorOffset, 0))) }
    out.removeSubrange(Int(n)...)
    return .text(out)
  }
}

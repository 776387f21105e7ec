/// Turns the bytes of an input file into text: UTF-8 with or without BOM,
/// UTF-16 with BOM, and legacy Chinese encodings without BOM (GB18030/GBK,
/// Big5), which ICU's charset detector recognizes and ICU's converters decode.
/// A guess is taken only when the whole file converts cleanly in it; otherwise
/// the error reported is the first invalid UTF-8 sequence.
public enum TextDecoding {
  /// Decoded text, the encoding it was read as, and the SHA-256 of the bytes.
  public struct Decoded: Sendable {
    public let text: String
    public let encoding: String
    public let sha256: String
  }

  /// Legacy encodings accepted from the detector when the bytes are not UTF-8.
  /// Single-byte guesses (ISO-8859-1 ...) are not accepted: for a press release
  /// they mean a damaged UTF-8 file, and the UTF-8 error position is more useful.
  static let detectable: Set<String> = ["GB18030", "Big5", "EUC-JP", "Shift_JIS", "EUC-KR"]
  /// Below this confidence a guess is noise (a few stray bytes in a damaged UTF-8 file).
  static let minimumConfidence = 25

  public static func decode(_ bytes: [UInt8], file: String, encoding: String? = nil) throws
    -> Decoded
  {
    let sha = SHA256.hex(bytes)
    if let encoding {
      return Decoded(
        text: try convert(bytes, from: encoding, file: file), encoding: encoding, sha256: sha)
    }
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
      return Decoded(
        text: try utf8(bytes.dropFirst(3), file: file, offset: 3), encoding: "UTF-8", sha256: sha)
    }
    for (bom, name) in [([UInt8(0xFF), 0xFE], "UTF-16LE"), ([0xFE, 0xFF], "UTF-16BE")]
    where bytes.starts(with: bom) {
      let text = try convert(Array(bytes.dropFirst(2)), from: name, file: file, offset: 2)
      return Decoded(text: text, encoding: name, sha256: sha)
    }
    if let nul = bytes.firstIndex(of: 0) {
      throw PipelineError.binary(file: file, position: SourcePosition(byteOffset: nul))
    }
    if let text = String(validating: bytes, as: UTF8.self) {
      return Decoded(text: text, encoding: "UTF-8", sha256: sha)
    }
    if let guess = ICU.detectCharset(bytes), detectable.contains(guess.name),
      guess.confidence >= minimumConfidence,
      case .text(let utf16) = ICU.convert(bytes, from: guess.name)
    {
      return Decoded(
        text: String(decoding: utf16, as: UTF16.self), encoding: guess.name, sha256: sha)
    }
    return Decoded(
      text: try utf8(bytes[...], file: file, offset: 0), encoding: "UTF-8", sha256: sha)
  }

  /// Strict UTF-8; on failure, the byte offset of the first invalid sequence.
  private static func utf8(_ bytes: ArraySlice<UInt8>, file: String, offset: Int) throws -> String {
    if let text = String(validating: bytes, as: UTF8.self) { return text }
    return try convert(Array(bytes), from: "UTF-8", file: file, offset: offset)
  }

  private static func convert(_ bytes: [UInt8], from charset: String, file: String, offset: Int = 0)
    throws -> String
  {
    switch ICU.convert(bytes, from: charset) {
    case .text(let utf16): return String(decoding: utf16, as: UTF16.self)
    case .invalid(let at):
      throw PipelineError.undecodable(
        file: file, encoding: charset, position: SourcePosition(byteOffset: at + offset))
    case .unknownCharset: throw PipelineError.unknownEncoding(file: file, name: charset)
    }
  }
}

extension TextDecoding {
  /// The code points of `text` (what Python `str` indices count), decoded from
  /// its UTF-8 in place: one pass counts the characters so the array is sized
  /// exactly, one decodes. `text.unicodeScalars.map(\.value)` costs several times
  /// as much, and every document goes through here.
  public static func codePoints(of text: String) -> [UInt32] {
    var text = text
    return text.withUTF8 { utf8 in
      var count = 0
      for b in utf8 where b & 0xC0 != 0x80 { count += 1 }
      return [UInt32](unsafeUninitializedCapacity: count) { out, initialized in
        var i = 0
        var n = 0
        while i < utf8.count {
          out[n] = nextScalar(utf8, &i)
          n += 1
        }
        initialized = n
      }
    }
  }

  /// The String of code points `scalars` (a record's text), encoded to UTF-8
  /// straight into the String's storage; a code point that is not a scalar
  /// (a lone surrogate cannot come from decoded text) becomes U+FFFD.
  public static func string(_ scalars: ArraySlice<UInt32>) -> String {
    var bytes = 0
    for c in scalars { bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4 }
    return String(unsafeUninitializedCapacity: bytes) { out in
      var n = 0
      for var c in scalars {
        if Unicode.Scalar(c) == nil { c = 0xFFFD }
        if c < 0x80 {
          out[n] = UInt8(c)
          n += 1
        } else if c < 0x800 {
          out[n] = UInt8(0xC0 | c >> 6)
          out[n + 1] = UInt8(0x80 | c & 0x3F)
          n += 2
        } else if c < 0x10000 {
          out[n] = UInt8(0xE0 | c >> 12)
          out[n + 1] = UInt8(0x80 | c >> 6 & 0x3F)
          out[n + 2] = UInt8(0x80 | c & 0x3F)
          n += 3
        } else {
          out[n] = UInt8(0xF0 | c >> 18)
          out[n + 1] = UInt8(0x80 | c >> 12 & 0x3F)
          out[n + 2] = UInt8(0x80 | c >> 6 & 0x3F)
          out[n + 3] = UInt8(0x80 | c & 0x3F)
          n += 4
        }
      }
      return n
    }
  }

  /// Whether `text` is exactly the code points `scalars`, decoded from its UTF-8
  /// in place (the validator asks this of every record).
  public static func string(_ text: String, equals scalars: ArraySlice<UInt32>) -> Bool {
    var text = text
    return text.withUTF8 { utf8 in
      var i = 0
      var k = scalars.startIndex
      while i < utf8.count {
        guard k < scalars.endIndex, nextScalar(utf8, &i) == scalars[k] else { return false }
        k += 1
      }
      return k == scalars.endIndex
    }
  }

  /// The code point whose UTF-8 starts at `i` in valid UTF-8 (a String's), moving `i` past it.
  @inline(__always)
  private static func nextScalar(_ utf8: UnsafeBufferPointer<UInt8>, _ i: inout Int) -> UInt32 {
    let b = UInt32(utf8[i])
    if b < 0x80 {
      i += 1
      return b
    }
    if b < 0xE0 {
      defer { i += 2 }
      return (b & 0x1F) << 6 | UInt32(utf8[i + 1] & 0x3F)
    }
    if b < 0xF0 {
      defer { i += 3 }
      return (b & 0x0F) << 12 | UInt32(utf8[i + 1] & 0x3F) << 6 | UInt32(utf8[i + 2] & 0x3F)
    }
    defer { i += 4 }
    return (b & 0x07) << 18 | UInt32(utf8[i + 1] & 0x3F) << 12 | UInt32(utf8[i + 2] & 0x3F) << 6
      | UInt32(utf8[i + 3] & 0x3F)
  }
}

/// What ICU's word break rules say a token is (its rule status range).
public enum TokenKind: String, Sendable, Codable {
  case number, letter, kana, ideographic, other

  init(status: Int32) {
    switch status {
    case ICU.numberStatus: self = .number
    case ICU.letterStatus: self = .letter
    case ICU.kanaStatus: self = .kana
    case ICU.ideoStatus: self = .ideographic
    default: self = .other
    }
  }
}

/// One word of ICU's zh (dictionary-based) word break iterator. `start` and `end`
/// are code-point offsets into the *normalized* text; `Document.originalRange`
/// turns them into original offsets.
public struct Token: Sendable, Equatable {
  public let start: Int32
  public let end: Int32
  public let kind: TokenKind
}

extension Array where Element == Token {
  /// The index of the token that starts at normalized offset `offset`, if any.
  /// Tokens tile the text in order, so starts (and ends) are sorted: binary search.
  public func index(startingAt offset: Int32) -> Int? { search(offset) { $0.start } }

  /// The index of the token that ends at normalized offset `offset`, if any.
  public func index(endingAt offset: Int32) -> Int? { search(offset) { $0.end } }

  @inline(__always)
  private func search(_ offset: Int32, by key: (Token) -> Int32) -> Int? {
    var lo = 0
    var hi = count - 1
    while lo <= hi {
      let mid = (lo + hi) / 2
      let k = key(self[mid])
      if k == offset { return mid }
      if k < offset { lo = mid + 1 } else { hi = mid - 1 }
    }
    return nil
  }
}

/// Runs ICU's word and sentence break iterators over the normalized text.
///
/// ICU works in UTF-16; this is the one place where UTF-16 offsets are turned
/// into code-point offsets, with a map built only when the text has characters
/// outside the BMP (otherwise the two coincide).
public enum Segmenter {
  public struct Result: Sendable {
    public let tokens: [Token]
    /// Code-point offsets (normalized text) where each sentence starts; the first is 0.
    public let sentenceStarts: [Int32]
  }

  public static func segment(_ scalars: [UInt32], language: Language) throws -> Result {
    var utf16 = [UInt16]()
    utf16.reserveCapacity(scalars.count)
    var hasSurrogates = false
    for c in scalars {
      if c < 0x10000 {
        utf16.append(UInt16(c))
      } else {
        hasSurrogates = true
        let v = c - 0x10000
        utf16.append(UInt16(0xD800 + (v >> 10)))
        utf16.append(UInt16(0xDC00 + (v & 0x3FF)))
      }
    }
    let toScalar = hasSurrogates ? utf16ToScalarMap(utf16) : nil
    @inline(__always) func cp(_ u: Int32) -> Int32 { toScalar?[Int(u)] ?? u }

    let locale = language == .english ? "en" : "zh"
    let words = try ICU.breaks(utf16, locale: locale, sentences: false)
    var tokens = [Token]()
    tokens.reserveCapacity(words.boundaries.count)
    for i in 1..<max(words.boundaries.count, 1) {
      let kind = TokenKind(status: words.statuses[i])
      tokens.append(
        Token(start: cp(words.boundaries[i - 1]), end: cp(words.boundaries[i]), kind: kind))
    }
    let sentences = try ICU.breaks(utf16, locale: locale, sentences: true)
    let starts = sentences.boundaries.dropLast().map(cp)
    return Result(tokens: tokens, sentenceStarts: starts.isEmpty ? [0] : starts)
  }

  /// `map[u]` is the code-point offset of UTF-16 offset `u` (count + 1 entries).
  private static func utf16ToScalarMap(_ utf16: [UInt16]) -> [Int32] {
    var map = [Int32](repeating: 0, count: utf16.count + 1)
    var cp: Int32 = 0
    for (u, unit) in utf16.enumerated() {
      map[u] = cp
      if !(0xD800...0xDBFF).contains(unit) { cp += 1 }
    }
    map[utf16.count] = cp
    return map
  }
}

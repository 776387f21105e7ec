/// The text extractors match on: the original code points folded one at a time
/// through NFKC (full-width forms, compatibility characters: （ → (, ％ → %, ５ → 5)
/// and then ICU's Traditional-Simplified transliteration (國 → 国), with a map from
/// every normalized code point back to the original code point it came from.
///
/// Folding per code point keeps the offset map trivial and lets the fold run as a
/// table look-up: ICU's transliterator is about half as fast as segmentation
/// (shared/MEASURED.md), so it runs once per process over the CJK blocks, not per
/// document.
public struct NormalizedText: Sendable {
  /// The normalized code points.
  public let scalars: [UInt32]
  /// `toOriginal[i]` is the original code-point offset that produced `scalars[i]`.
  public let toOriginal: [Int32]
  /// How many Han characters the text has, and how many of them were Traditional
  /// forms that the fold changed: the script statistics of language detection.
  public let hanCount: Int
  public let traditionalCount: Int
  /// How many ASCII letters the text has.
  public let latinCount: Int

  public init(original: [UInt32]) {
    let fold = CharacterFold.shared
    var scalars = [UInt32]()
    var map = [Int32]()
    scalars.reserveCapacity(original.count)
    map.reserveCapacity(original.count)
    var han = 0
    var traditional = 0
    var latin = 0
    for (i, c) in original.enumerated() {
      if c < 0x80 {
        scalars.append(c)
        map.append(Int32(i))
        if (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A { latin += 1 }
        continue
      }
      if let single = fold.single(c) {
        scalars.append(single)
        map.append(Int32(i))
        if CodePoint.isHan(c) {
          han += 1
          if single != c && CodePoint.isHan(single) { traditional += 1 }
        }
        continue
      }
      for f in fold.fold(c) {
        scalars.append(f)
        map.append(Int32(i))
      }
    }
    self.scalars = scalars
    self.toOriginal = map
    self.hanCount = han
    self.traditionalCount = traditional
    self.latinCount = latin
  }

  /// The original code-point range of the normalized range `range`.
  public func originalRange(_ range: Range<Int>) -> Range<Int> {
    guard !range.isEmpty else {
      let at = range.lowerBound < toOriginal.count ? Int(toOriginal[range.lowerBound]) : originalEnd
      return at..<at
    }
    return Int(toOriginal[range.lowerBound])..<(Int(toOriginal[range.upperBound - 1]) + 1)
  }

  private var originalEnd: Int { toOriginal.last.map { Int($0) + 1 } ?? 0 }
}

/// The per-code-point fold (NFKC, then Traditional → Simplified), computed once
/// per process from ICU for the Basic Multilingual Plane; supplementary-plane
/// characters are folded by ICU on demand (they are rare in press releases).
final class CharacterFold: Sendable {
  static let shared = CharacterFold()

  /// `table[c]` is the fold of BMP code point c, or `expanded | index` into `expansions`.
  private let table: [UInt32]
  private let expansions: [[UInt32]]
  private static let expanded: UInt32 = 0x8000_0000

  private init() {
    var table = [UInt32](0..<0x10000)
    var expansions = [[UInt32]]()
    // NFKC per code point, for everything outside ASCII and the surrogates.
    for c in UInt32(0x80)..<0x10000 where !(0xD800...0xDFFF).contains(c) {
      guard let nfkc = try? ICU.nfkc([UInt16(c)]), nfkc != [UInt16(c)] else { continue }
      let folded = Array(String(decoding: nfkc, as: UTF16.self).unicodeScalars.map(\.value))
      if folded.count == 1 {
        table[Int(c)] = folded[0]
      } else {
        table[Int(c)] = Self.expanded | UInt32(expansions.count)
        expansions.append(folded)
      }
    }
    Self.applyTraditionalToSimplified(to: &table)
    self.table = table
    self.expansions = expansions
  }

  /// Transliterates every BMP Han character once, each on its own line so that
  /// no phrase rule sees a neighbour, and records the one-to-one changes.
  private static func applyTraditionalToSimplified(to table: inout [UInt32]) {
    let han =
      (UInt32(0x3400)...0x4DBF).map { $0 } + (UInt32(0x4E00)...0x9FFF).map { $0 }
      + (UInt32(0xF900)...0xFAFF).map { $0 }
    var input = [UInt16]()
    input.reserveCapacity(han.count * 2)
    for c in han {
      input.append(UInt16(table[Int(c)] & 0xFFFF))
      input.append(0x0A)
    }
    guard let output = try? ICU.transliterate(input, id: "Traditional-Simplified") else { return }
    let lines = output.split(separator: 0x0A, omittingEmptySubsequences: false)
    guard lines.count >= han.count else { return }
    for (c, line) in zip(han, lines) where line.count == 1 && table[Int(c)] < expanded {
      table[Int(c)] = UInt32(line[line.startIndex])
    }
  }

  /// The fold of `c` when it is a single code point: the hot path, no allocation.
  @inline(__always) func single(_ c: UInt32) -> UInt32? {
    guard c < 0x10000 else { return nil }
    let t = table[Int(c)]
    return t & Self.expanded == 0 ? t : nil
  }

  /// The folded form of code point `c` (one code point in almost every case).
  func fold(_ c: UInt32) -> [UInt32] {
    if c < 0x10000 {
      let t = table[Int(c)]
      return t & Self.expanded == 0 ? [t] : expansions[Int(t & ~Self.expanded)]
    }
    guard let scalar = Unicode.Scalar(c) else { return [c] }
    let utf16 = Array(String(Character(scalar)).utf16)
    guard let nfkc = try? ICU.nfkc(utf16) else { return [c] }
    return String(decoding: nfkc, as: UTF16.self).unicodeScalars.map(\.value)
  }
}

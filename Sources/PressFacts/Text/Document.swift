/// The language of a document, written as its BCP 47 tag in the output.
public enum Language: String, Sendable, Codable, CaseIterable {
  case simplifiedChinese = "zh-Hans"
  case traditionalChinese = "zh-Hant"
  case english = "en"

  /// Decides from script statistics: mostly Latin letters is English; Han text in
  /// which more than one character in twenty is a Traditional form is zh-Hant.
  /// (Simplified text has almost none: shared characters fold to themselves.)
  public static func detect(_ text: NormalizedText) -> Language {
    if text.hanCount == 0 || text.latinCount > text.hanCount * 3 {
      return text.hanCount == 0 && text.latinCount == 0 ? .simplifiedChinese : .english
    }
    return text.traditionalCount * 20 > text.hanCount ? .traditionalChinese : .simplifiedChinese
  }
}

/// Where a document's date came from: `given` (--doc-date or the JSON Lines
/// `date` field), `inferred` (from the text, with a basis), or `none`.
public enum DateSource: String, Sendable, Codable {
  case given, inferred, none
}

/// One press release: the original text exactly as decoded, its normalized view
/// for matching, and ICU's tokens and sentences.
///
/// Offsets everywhere are Unicode code points into `text` (Python `str`
/// indices). `scalars` holds the original code points; the normalized view maps
/// each of its code points back to one of them.
public struct Document: Sendable {
  public let id: String
  public let path: String?
  public let text: String
  public let scalars: [UInt32]
  /// Lower-case hex SHA-256 of the original bytes (of the UTF-8 text for JSON Lines input).
  public let sha256: String
  public var language: Language
  /// The publication date as ISO 8601 (`YYYY` or `YYYY-MM-DD`), when known.
  public var date: String?
  public var dateSource: DateSource
  /// Why the date was inferred (empty unless `dateSource == .inferred`).
  public var dateBasis: String?
  /// Where the text is from (Taiwan, Hong Kong, Macau, the mainland), inferred once
  /// from its cues (`RegionInference`); nil when the cues do not decide. A bare 元
  /// or $ is read in the region's currency.
  public var region: Region?
  /// Which cues decided the region (nil with no region).
  public var regionBasis: String?
  public let normalized: NormalizedText
  public let tokens: [Token]
  public let sentenceStarts: [Int32]

  /// Normalizes and segments `text`. `language` overrides detection; `date`
  /// is a given document date.
  public init(
    id: String, path: String?, text: String, sha256: String, language: Language? = nil,
    date: String? = nil
  ) throws {
    let scalars = TextDecoding.codePoints(of: text)
    try self.init(
      id: id, path: path, text: text, scalars: scalars,
      normalized: NormalizedText(original: scalars),
      sha256: sha256, language: language, date: date)
  }

  /// Segments an already normalized text (the benchmark times the two apart).
  init(
    id: String, path: String?, text: String, scalars: [UInt32], normalized: NormalizedText,
    sha256: String, language: Language?, date: String?
  ) throws {
    self.id = id
    self.path = path
    self.text = text
    self.sha256 = sha256
    self.scalars = scalars
    self.normalized = normalized
    self.language = language ?? Language.detect(normalized)
    self.date = date
    self.dateSource = date == nil ? .none : .given
    let inferred = RegionInference.shared.infer(
      normalized.scalars, traditional: self.language == .traditionalChinese)
    self.region = inferred?.region
    self.regionBasis = inferred?.basis
    do {
      let segments = try Segmenter.segment(normalized.scalars, language: self.language)
      self.tokens = segments.tokens
      self.sentenceStarts = segments.sentenceStarts
    } catch let failure as ICU.Failure {
      throw PipelineError.icu(file: path ?? id, call: failure.call, code: failure.code)
    }
  }

  /// The original text at the code-point range `range`.
  public func originalText(_ range: Range<Int>) -> String {
    TextDecoding.string(scalars[range])
  }

  /// The normalized text at the normalized range `range`.
  public func normalizedText(_ range: Range<Int>) -> String {
    TextDecoding.string(normalized.scalars[range])
  }

  /// The index of the sentence that contains normalized offset `offset`.
  public func sentenceIndex(ofNormalized offset: Int) -> Int {
    var lo = 0
    var hi = sentenceStarts.count - 1
    while lo < hi {
      let mid = (lo + hi + 1) / 2
      if Int(sentenceStarts[mid]) <= offset { lo = mid } else { hi = mid - 1 }
    }
    return lo
  }

  /// 1-based line and column of original code-point offset `offset`, for messages.
  public func position(ofOriginal offset: Int) -> SourcePosition {
    var line = 1
    var column = 1
    for c in scalars[..<min(offset, scalars.count)] {
      if c == 0x0A {
        line += 1
        column = 1
      } else {
        column += 1
      }
    }
    return SourcePosition(line: line, column: column)
  }
}

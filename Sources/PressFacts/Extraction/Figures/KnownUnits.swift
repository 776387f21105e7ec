import Foundation

/// The units a figure may carry: a canonical code (`Resources/canonical-units.json`),
/// a measure word written in Simplified Han characters, an English singular noun
/// in an English document, or two of these joined by "/" (km/km2).
public struct KnownUnits: Sendable {
  public let codes: Set<String>
  /// Units written out that have a code (元 → CNY), to say which code to use.
  public let writtenAsCode: [String: String]
  /// Answers of `problem` for this table (shared by its copies).
  let problems = SharedMemo<UnitQuestion, String?>()

  public init(codes: Set<String>, writtenAsCode: [String: String]) {
    self.codes = codes
    self.writtenAsCode = writtenAsCode
  }

  /// The shared table, loaded once: every figure and target of every document is checked against it.
  public static let canonical: Result<KnownUnits, PipelineError> = {
    let name = "canonical-units.json"
    do {
      let json = try JSONValue.parse(ResourceFiles.data(name))
      guard let codes = json["codes"]?.array?.compactMap(\.string),
        case .object(let written)? = json["written_as_code"]
      else {
        throw PipelineError.badResource(
          file: name, entry: 0, reason: "needs \"codes\" and \"written_as_code\"")
      }
      let table = KnownUnits(codes: Set(codes), writtenAsCode: written.compactMapValues(\.string))
      guard let extractors = try? JSONValue.parse(ResourceFiles.data("units.json")) else {
        return .success(table)
      }
      return .success(table.merging(extractorTable: extractors))
    } catch let error as PipelineError {
      return .failure(error)
    } catch {
      return .failure(.badResource(file: name, entry: 0, reason: "\(error)"))
    }
  }()

  /// Adds the figure extractor's unit table (`units.json`, lists of
  /// `{"unit", "surfaces"}`), so that every code it writes is known here and
  /// each of its surfaces that differs from its code must be written as the code.
  public func merging(extractorTable json: JSONValue) -> KnownUnits {
    guard case .object(let top) = json else { return self }
    var codes = self.codes
    var written = writtenAsCode
    for case .array(let entries) in top.values {
      for entry in entries {
        guard let unit = entry["unit"]?.string else { continue }
        if !unit.unicodeScalars.allSatisfy({ CodePoint.isHan($0.value) }) { codes.insert(unit) }
        for surface in (entry["surfaces"]?.array ?? []).compactMap(\.string) where surface != unit {
          written[surface] = written[surface] ?? unit
        }
      }
    }
    for code in codes { written[code] = nil }
    return KnownUnits(codes: codes, writtenAsCode: written)
  }

  /// `problem`, answered once per unit and language for the whole process:
  /// a batch repeats a few dozen units hundreds of thousands of times.
  func memoizedProblem(_ unit: String, lang: String?) -> String? {
    problems.value(for: UnitQuestion(unit: unit, lang: lang)) { problem(unit, lang: lang) }
  }

  struct UnitQuestion: Hashable, Sendable {
    let unit: String
    let lang: String?
  }

  /// Nil when `unit` is acceptable in a document of language `lang`, else why not.
  public func problem(_ unit: String, lang: String?) -> String? {
    // the byte test first: most units have no "/" at all
    if unit.utf8.contains(0x2F), unit.contains("/") {
      let parts = unit.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
      if parts.count == 2, parts.allSatisfy({ !$0.isEmpty && problem($0, lang: lang) == nil }) {
        return nil
      }
      return "composite unit \"\(unit)\": both sides must be valid units"
    }
    if codes.contains(unit) { return nil }
    if let code = writtenAsCode[unit] {
      return "unit \"\(unit)\" has a canonical code: use \"\(code)\""
    }
    let scalars = unit.unicodeScalars.map(\.value)
    if !scalars.isEmpty, scalars.allSatisfy(CodePoint.isHan) {
      let simplified = NormalizedText(original: scalars).scalars
      if simplified == scalars { return nil }
      var s = String.UnicodeScalarView()
      for c in simplified { s.append(Unicode.Scalar(c) ?? "?") }
      return "measure word \"\(unit)\" is not written in Simplified Chinese (\(String(s)))"
    }
    if lang == Language.english.rawValue, Self.isEnglishNoun(unit) {
      if unit.hasSuffix("s") && !["ss", "us", "is"].contains(where: unit.hasSuffix) {
        return "unit \"\(unit)\": English unit nouns are singular"
      }
      return nil
    }
    return
      "unit \"\(unit)\" is neither a canonical code (\(codes.sorted().joined(separator: ", "))) nor a measure word"
  }

  /// Lower-case words separated by single spaces, hyphenated compounds included
  /// (`company`, `square foot`, `gigawatt-hour`).
  static func isEnglishNoun(_ s: String) -> Bool {
    let words = s.split(separator: " ", omittingEmptySubsequences: false)
    return words.allSatisfy { word in
      word.split(separator: "-", omittingEmptySubsequences: false).allSatisfy { part in
        !part.isEmpty && part.allSatisfy { $0.isASCII && $0.isLowercase }
      }
    }
  }
}

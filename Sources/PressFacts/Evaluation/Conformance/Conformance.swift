import Foundation

/// One case of a Recognizers-Text spec file (see the README beside the specs).
public struct SpecCase: Sendable {
  public let index: Int
  public let input: String
  public let results: [SpecResult]
  /// Platforms that skip the case (`NotSupported` and `NotSupportedByDesign`), lower case.
  public let notSupported: Set<String>
  public let ignoreResolution: Bool
}

/// One expected entity, its span converted to our half-open code-point range.
public struct SpecResult: Sendable {
  public let text: String
  public let typeName: String
  public let range: Range<Int>?
  public let value: String?
  public let unit: String?
  public let isoCurrency: String?
}

/// The verdict on one case.
public enum SpecVerdict: Sendable, Equatable {
  case pass
  case fail(String)
  /// Not comparable under our conventions (README section 6), with the reason.
  case skip(String)
}

/// A spec file and how to judge its cases: which of our records count (a model
/// file tests one category) and how its values and units map to ours.
///
/// The table of families is `ConformanceFamilies.all`. To cover more files (the
/// DateTime specs), add an extension of `ConformanceFamilies` in a file of your
/// own with a `static let` list of families, and append that list to `all`.
public struct SpecFamily: Sendable {
  /// Path of the spec file below the specs root, e.g. "Number/Chinese/PercentModel.json".
  public let file: String
  /// Case indices skipped by convention, with the reason (README section 6).
  public let skipped: [Int: String]
  /// Set when the whole file is outside PressFacts' scope (ages, temperatures).
  public let outOfScope: String?
  /// Judges one case; `run` extracts records from a text with the pipeline.
  public let judge: @Sendable (SpecCase, _ run: (String) -> [Record]) -> SpecVerdict

  public init(
    file: String, skipped: [Int: String] = [:], outOfScope: String? = nil,
    judge: @escaping @Sendable (SpecCase, (String) -> [Record]) -> SpecVerdict
  ) {
    self.file = file
    self.skipped = skipped
    self.outOfScope = outOfScope
    self.judge = judge
  }
}

/// The outcome of one spec file.
public struct SpecFileReport: Sendable {
  public let file: String
  public var passed = 0
  public var failed = 0
  /// Cases skipped on every upstream platform or by our conventions.
  public var skipped = 0
  public var outOfScope: String?
  /// Failing cases: index, input and why.
  public var failures: [(index: Int, input: String, reason: String)] = []

  public var rate: Double { passed + failed == 0 ? 0 : Double(passed) / Double(passed + failed) }
}

/// Runs spec families against a pipeline.
public struct ConformanceRunner: Sendable {
  public let pipeline: Pipeline
  /// The default specs folder, relative to the working directory, when present:
  /// `../shared/peer-specs/recognizers-text` (or one level further up, from a worktree).
  public static func defaultSpecs(from cwd: String = FileManager.default.currentDirectoryPath)
    -> String?
  {
    let base = URL(fileURLWithPath: cwd)
    for up in ["../shared", "../../shared"] {
      let dir = base.appendingPathComponent(up).appendingPathComponent(
        "peer-specs/recognizers-text"
      )
      .standardizedFileURL.path
      if FileManager.default.fileExists(atPath: dir) { return dir }
    }
    return nil
  }

  public init(pipeline: Pipeline) { self.pipeline = pipeline }

  /// The records of one input text (no document date, language detected).
  public func records(_ text: String) -> [Record] {
    guard
      let doc = try? Document(
        id: "spec", path: nil, text: text, sha256: SHA256.hex(Array(text.utf8)))
    else { return [] }
    return pipeline.process(doc).records
  }

  /// Runs every family whose file exists below `root`.
  public func run(root: String, families: [SpecFamily] = ConformanceFamilies.all) throws
    -> [SpecFileReport]
  {
    try families.map { try run(family: $0, root: root) }
  }

  public func run(family: SpecFamily, root: String) throws -> SpecFileReport {
    var report = SpecFileReport(file: family.file)
    if let why = family.outOfScope {
      report.outOfScope = why
      return report
    }
    let url = URL(fileURLWithPath: root).appendingPathComponent(family.file)
    for c in try Self.load(url) {
      if Self.skippedEverywhere(c) || family.skipped[c.index] != nil {
        report.skipped += 1
        continue
      }
      switch family.judge(c, records) {
      case .pass: report.passed += 1
      case .skip: report.skipped += 1
      case .fail(let reason):
        report.failed += 1
        report.failures.append((c.index, c.input, reason))
      }
    }
    return report
  }

  /// A case that every upstream platform skips was never shown to pass: skip it.
  /// The one case that only .NET skips (CurrencyModel[20]) is skipped too.
  static func skippedEverywhere(_ c: SpecCase) -> Bool {
    c.notSupported.isSuperset(of: ["dotnet", "javascript", "python", "java"])
      || c.notSupported.contains("dotnet")
  }

  /// Reads a spec file: a JSON array of cases.
  public static func load(_ url: URL) throws -> [SpecCase] {
    let data = try Data(contentsOf: url)
    guard let array = try JSONSerialization.jsonObject(with: data) as? [[String: Any]] else {
      throw PipelineError.badResource(file: url.path, entry: 0, reason: "not a JSON array of cases")
    }
    return array.enumerated().map { i, obj in
      let input = obj["Input"] as? String ?? ""
      var platforms = Set<String>()
      for key in ["NotSupported", "NotSupportedByDesign"] {
        for token in (obj[key] as? String ?? "").split(separator: ",") {
          platforms.insert(token.trimmingCharacters(in: .whitespaces).lowercased())
        }
      }
      let results = (obj["Results"] as? [[String: Any]] ?? []).map(result)
      return SpecCase(
        index: i, input: input, results: results, notSupported: platforms,
        ignoreResolution: obj["IgnoreResolution"] as? Bool ?? false)
    }
  }

  static func result(_ r: [String: Any]) -> SpecResult {
    let resolution = r["Resolution"] as? [String: Any]
    var range: Range<Int>?
    if let start = r["Start"] as? Int {
      if let end = r["End"] as? Int { range = start..<(end + 1) }
      if let length = r["Length"] as? Int { range = start..<(start + length) }
    }
    return SpecResult(
      text: r["Text"] as? String ?? "",
      typeName: r["TypeName"] as? String ?? r["Type"] as? String ?? "",
      range: range, value: resolution?["value"] as? String, unit: resolution?["unit"] as? String,
      isoCurrency: resolution?["isoCurrency"] as? String)
  }
}

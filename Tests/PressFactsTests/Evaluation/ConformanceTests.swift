import Foundation
import Testing

@testable import PressFacts

/// Runs the Recognizers-Text Chinese specs (../shared/peer-specs/recognizers-text)
/// when they are present, and holds the pass rate of each file to a floor just
/// below what the figure extractor reaches, so that a regression shows.
@Suite struct ConformanceTests {
  static let specs = ConformanceRunner.defaultSpecs(from: TestSupport.root.path)

  /// Floors per spec file (measured: NumberModel 90.7%, PercentModel 93.1%,
  /// CurrencyModel 89.3%, DimensionModel 96.0%).
  static let floors: [String: Double] = [
    "Number/Chinese/NumberModel.json": 0.87,
    "Number/Chinese/PercentModel.json": 0.90,
    "NumberWithUnit/Chinese/CurrencyModel.json": 0.85,
    "NumberWithUnit/Chinese/DimensionModel.json": 0.90,
  ]

  @Test("the Chinese Number and NumberWithUnit specs pass above their floors")
  func passRates() throws {
    guard let root = Self.specs else {
      print("skipped: specs not found at ../shared/peer-specs/recognizers-text")
      return
    }
    let runner = ConformanceRunner(pipeline: try Pipeline(stages: [FigureExtractor()], dating: nil))
    // Only the figure families: other stages add their own families and floors.
    let reports = try runner.run(
      root: root, families: ConformanceFamilies.numbers + ConformanceFamilies.numbersWithUnit)
    for report in reports where report.outOfScope == nil {
      let floor = try #require(Self.floors[report.file], "no floor for \(report.file)")
      #expect(report.passed + report.failed > 20, "\(report.file) ran too few cases")
      #expect(
        report.rate >= floor, "\(report.file): \(report.passed)/\(report.passed + report.failed)")
    }
    #expect(
      reports.contains { $0.outOfScope != nil },
      "ages and temperatures are reported as out of scope")
  }

  @Test("a case is skipped only when every upstream platform skips it")
  func skipRule() {
    func c(_ platforms: Set<String>) -> SpecCase {
      SpecCase(index: 0, input: "", results: [], notSupported: platforms, ignoreResolution: false)
    }
    #expect(ConformanceRunner.skippedEverywhere(c(["dotnet", "javascript", "python", "java"])))
    #expect(!ConformanceRunner.skippedEverywhere(c(["javascript", "python", "java"])))
  }

  @Test("pairing compares span start, end (up to a suffix word), value and unit")
  func compare() throws {
    let input = "占比达5%以上"
    let records = try TestSupport.records(input, stages: [FigureExtractor()])
    let found = ConformanceFamilies.figures(records)
    let withSuffix = ConformanceFamilies.Expected(range: 3..<7, value: 5, unit: "percent")
    #expect(ConformanceFamilies.compare([withSuffix], found, input: input) == .pass)
    let wrongUnit = ConformanceFamilies.Expected(range: 3..<5, value: 5, unit: "percentage_point")
    #expect(ConformanceFamilies.compare([wrongUnit], found, input: input) != .pass)
    #expect(ConformanceFamilies.compare([], found, input: input) != .pass)
  }

  @Test("a spec file is read with half-open spans and platform tokens")
  func loading() throws {
    let json = """
      [{"Input": "8亿元人民币", "NotSupported": "javascript, Python",
        "Results": [{"Text": "8亿元人民币", "TypeName": "currency",
          "Resolution": {"isoCurrency": "CNY", "unit": "Chinese yuan", "value": "800000000"}, "Start": 0, "End": 5}]}]
      """
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "figures-spec-\(getpid()).json")
    try Data(json.utf8).write(to: url)
    defer { try? FileManager.default.removeItem(at: url) }
    let cases = try ConformanceRunner.load(url)
    #expect(cases.count == 1)
    #expect(cases[0].notSupported == ["javascript", "python"])
    #expect(cases[0].results.first?.range == 0..<6)
    #expect(cases[0].results.first?.isoCurrency == "CNY")
  }
}

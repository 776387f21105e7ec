import Foundation
import Testing

@testable import PressFacts

/// The DateTime/Chinese Recognizers-Text specs through the date stage, when the
/// specs are present, held to floors just below the measured pass rates.
@Suite struct DateConformanceTests {
  /// Measured: DateExtractor 46.4%, DateParser 51.7%, DatePeriodExtractor 47.6%,
  /// DatePeriodParser 68.5%, DateTimeModel 80.2% (weekdays, lunar dates, eras,
  /// day-first slashes, short years and bare numbers as years are not ours).
  static let floors: [String: Double] = [
    "DateTime/Chinese/DateExtractor.json": 0.44,
    "DateTime/Chinese/DateParser.json": 0.49,
    "DateTime/Chinese/DatePeriodExtractor.json": 0.45,
    "DateTime/Chinese/DatePeriodParser.json": 0.66,
    "DateTime/Chinese/DateTimeModel.json": 0.78,
  ]

  @Test("the DateTime/Chinese date specs pass above their floors")
  func passRates() throws {
    guard let root = ConformanceRunner.defaultSpecs(from: TestSupport.root.path),
      !DateConformance.raw.isEmpty
    else {
      print("skipped: specs not found")
      return
    }
    let runner = ConformanceRunner(pipeline: try Pipeline(stages: [DateExtractor()], dating: nil))
    for report in try runner.run(root: root, families: DateConformance.families) {
      let floor = try #require(Self.floors[report.file])
      #expect(report.passed + report.failed > 40, "\(report.file) ran too few cases")
      #expect(
        report.rate >= floor, "\(report.file): \(report.passed)/\(report.passed + report.failed)")
    }
  }

  @Test(
    "upstream TIMEX maps to our values: one-period ranges, A到B cut to the unit, modifiers",
    arguments: [
      ("(2017-01-01,2017-04-01,P3M)", nil, "2017-Q1", nil),
      ("(2017-07-01,2018-01-01,P6M)", nil, "2017-H2", nil),
      ("(1995-01-01,1997-01-01,P2Y)", nil, "1995/1997", nil),
      ("(XXXX-03-01,XXXX-05-01,P2M)", nil, "XXXX-03/XXXX-05", nil),
      ("2018", "since", "2018", "SINCE"),
      ("2018-10", "until", "2018-10", "BEFORE"),
    ] as [(String, String?, String, String?)])
  func mapping(timex: String, mod: String?, value: String, ourMod: String?) throws {
    let (v, m) = try DateConformance.ours(timex: timex, mod: mod)
    #expect(v == value && m == ourMod)
  }

  @Test("rolling windows, weeks and 'after' are outside our conventions")
  func skips() {
    #expect(throws: DateConformance.Skip.self) {
      try DateConformance.ours(timex: "(2014-03-22,2017-03-22,P3Y)", mod: nil)
    }
    #expect(throws: DateConformance.Skip.self) {
      try DateConformance.ours(timex: "2017-W13", mod: nil)
    }
    #expect(throws: DateConformance.Skip.self) {
      try DateConformance.ours(timex: "2018", mod: "after")
    }
  }

  @Test("X in an upstream value is a wildcard; lengths must agree")
  func wildcard() {
    #expect(DateConformance.matches("2018-03", pattern: "XXXX-03"))
    #expect(!DateConformance.matches("2018-03-01", pattern: "XXXX-03"))
    #expect(DateConformance.matches("XXXX-XX-29", pattern: "XXXX-XX-29"))
  }
}

import Foundation
import Testing

@testable import PressFacts

/// Inputs the fuzzer (scripts/fuzz.sh) found to crash the target stage, kept as
/// fixtures: each must now give records that pass the validator.
@Suite struct TargetFuzzRegressionTests {
  /// A year's target list whose clause ends inside " and": the list splitter cut
  /// after the clause's end and built a reversed range (a trap that stopped the batch).
  @Test("a list clause that ends inside \" and \" is split within its bounds")
  func listJoinerAtClauseEnd() throws {
    let text = try String(
      contentsOf: TestSupport.fixture("fuzz-list-and-at-clause-end.txt"), encoding: .utf8)
    let result = try Pipeline.standard().process(TestSupport.document(text, lang: .english))
    let errors = Validator().validate(result, file: "fuzz").filter { $0.severity == .error }
    #expect(errors.isEmpty, "\(errors)")
    #expect(result.records.contains { $0.type == .target })
  }

  @Test("a clause that ends inside \" and \" keeps its two figures as one goal")
  func joinerPastTheEnd() throws {
    let text = "attract 300 companies and create 10,000 jobs"
    let clauses = GoalClauses(
      cues: try TargetCues.standard.get(), s: text.unicodeScalars.map(\.value),
      dates: SortedCandidates([]))
    let and = try #require(text.range(of: " and ")).lowerBound.utf16Offset(in: text)
    let clause = 0..<(and + 2)  // "attract 300 companies a"
    #expect(clauses.listItems(clause, figureCount: 2) == [clause])
  }
}

import Foundation
import Testing

@testable import PressFacts

/// The hand-compiled schema patterns give NSRegularExpression's verdict, or
/// step aside (nil) where they cannot promise it.
struct SimplePatternTests {
  static let datePattern =
    "^[0-9X]{4}(-([0-9X]{2}(-[0-9X]{2})?|Q[1-4]|H[12]|SP|SU|FA|WI|W[0-9]{2}))?(/[0-9X]{4}(-([0-9X]{2}(-[0-9X]{2})?|Q[1-4]|H[12]|SP|SU|FA|WI|W[0-9]{2}))?)?$"

  static let cases: [(String, [String])] = [
    (
      "^[fdot][1-9][0-9]*$",
      ["f1", "d12", "o100", "t9", "f0", "f01", "x1", "f", "", "f1a", "F1", "ff1"]
    ),
    ("^f[1-9][0-9]*$", ["f1", "f123", "d1", "f", "f1 ", " f1"]),
    (
      "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$",
      ["2021", "2021-08", "2021-08-25", "202", "2021-8", "2021-08-2", "2021-08-25-01", "20211"]
    ),
    (
      "^[0-9a-f]{64}$",
      [
        String(repeating: "a", count: 64), String(repeating: "0", count: 63),
        String(repeating: "A", count: 64), String(repeating: "b", count: 65),
      ]
    ),
    (
      datePattern,
      [
        "2021", "XXXX-08-25", "2022-H1", "2022-Q3", "2022-Q5", "2021-01/2021-08", "2020/2025",
        "2021-SP", "2021-W07",
        "2021-W7", "2021/", "/2021", "2021-08/2021-08-31", "2021-H3", "20XX", "2021-SS",
        "2021-08-25/2022-Q1",
      ]
    ),
  ]

  @Test(arguments: cases)
  func agreesWithNSRegularExpression(pattern: String, strings: [String]) throws {
    let simple = try #require(SimplePattern(pattern))
    let regex = try NSRegularExpression(pattern: pattern)
    for s in strings {
      let icu = regex.firstMatch(in: s, range: NSRange(s.startIndex..., in: s)) != nil
      #expect(simple.matches(s) == icu, "\(pattern) on \"\(s)\"")
      #expect(simple.treeMatches(s) == icu, "tree: \(pattern) on \"\(s)\"")
    }
  }

  /// ICU's `$` also matches before a final line break ("f1\n" matches), and
  /// non-ASCII text is not the matcher's business: both go to ICU.
  @Test(arguments: ["f1\n", "f1\r\n", "ｆ1", "f１"])
  func leavesOtherStringsToICU(_ s: String) throws {
    #expect(try #require(SimplePattern("^f[1-9][0-9]*$")).matches(s) == nil)
  }

  /// Quantifiers, groups and alternatives of every kind, over short strings of their alphabet.
  @Test(arguments: ["^(ab|a)*c?$", "^a{2,3}(b|c)+$", "^(a|b){2}$", "^x(y(z)?)?$", "^[a-c]{1,}-?$"])
  func agreesOnEveryShortString(pattern: String) throws {
    let simple = try #require(SimplePattern(pattern))
    let regex = try NSRegularExpression(pattern: pattern)
    var strings = [""]
    for _ in 0..<5 {
      strings += strings.flatMap { s in ["a", "b", "c", "-", "x", "y", "z"].map { s + $0 } }
    }
    for s in Set(strings) {
      let icu = regex.firstMatch(in: s, range: NSRange(s.startIndex..., in: s)) != nil
      #expect(simple.matches(s) == icu, "\(pattern) on \"\(s)\"")
    }
  }

  @Test(arguments: ["f[1-9]", "^\\d+$", "^[^a]$", "^a.b$", "^(?:ab)$", "^a+?$", "^[]a]$"])
  func refusesPatternsOutsideItsSubset(_ pattern: String) {
    #expect(SimplePattern(pattern) == nil)
  }
}

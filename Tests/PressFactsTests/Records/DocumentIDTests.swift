import Foundation
import Testing

@testable import PressFacts

@Suite struct DocumentIDTests {
  @Test(
    "ids of one or more plain parts are valid, in any script",
    arguments: ["000", "a/x", "2024/03/新闻稿", "新聞稿-01", "press release (1)", "a.b/c.d", "x..y"])
  func valid(_ id: String) {
    #expect(DocumentID.problem(id) == nil)
  }

  @Test(
    "ids that could leave the output directory, hide a file or break a name are refused",
    arguments: [
      "", ".", "..", "../x", "../../x", "a/../../x", "a/./x", "/x", "x/", "a//x", ".hidden",
      "a/.x", "a\\x", "a\u{0}x", "a\nx", "a\tx", "a\u{7F}x", "a\u{85}x", "a\u{9F}x",
    ])
  func invalid(_ id: String) {
    #expect(DocumentID.problem(id) != nil)
  }

  @Test("the limit is 200 bytes of UTF-8, not 200 characters")
  func length() {
    #expect(DocumentID.isValid(String(repeating: "a", count: 200)))
    #expect(!DocumentID.isValid(String(repeating: "a", count: 201)))
    #expect(DocumentID.isValid(String(repeating: "新", count: 66)))  // 198 bytes
    #expect(!DocumentID.isValid(String(repeating: "新", count: 67)))  // 201 bytes
  }

  @Test("U+00A0 and other characters after the C1 range are not control characters")
  func afterC1() {
    #expect(DocumentID.isValid("a\u{A0}b"))
    #expect(DocumentID.isValid("é/ü"))
  }
}

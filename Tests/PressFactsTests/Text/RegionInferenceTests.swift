import Foundation
import Testing

@testable import PressFacts

/// The document's region from its cues: currency, calendar, government bodies, places.
@Suite struct RegionInferenceTests {
  static func region(_ text: String) throws -> Region? {
    try TestSupport.document(text).region
  }

  @Test(
    "each region from its own cues, in Chinese and English",
    arguments: [
      ("經濟部表示，今年吸引投資逾新台幣410億元。", Region.taiwan),
      ("發稿時間:112年7月25日，市府工程經費2億元。", .taiwan),
      ("The Executive Yuan approved the plan in Taipei.", .taiwan),
      ("財政司司長在立法會發表財政預算案。", .hongKong),
      ("The Financial Secretary presented the budget to the Legislative Council.", .hongKong),
      ("澳門特區政府經濟財政司公布博彩收入。", .macau),
      ("中共重庆市委、市人民政府印发方案。", .mainland),
      ("Xinhua reported that the State Council approved the plan.", .mainland),
    ])
  func regions(_ c: (String, Region)) throws {
    #expect(try Self.region(c.0) == c.1)
  }

  @Test("a place alone, a tie, or no cue decides nothing")
  func undecided() throws {
    #expect(try Self.region("台湾同胞参观了展览。") == nil)
    #expect(try Self.region("The company opened a plant.") == nil)
    #expect(try Self.region("项目投资以人民币和新台币计价。") == nil)
    // 建党100年 is no ROC year
    #expect(try Self.region("庆祝建党100年。") == nil)
  }

  @Test("in Traditional text one place name is enough; in Simplified text it is not")
  func traditionalPlace() throws {
    #expect(try Self.region("【記者林進修/台北報導】園區營業額創新高。") == .taiwan)
    #expect(try Self.region("香港今日天氣晴朗，市民踴躍出遊。") == .hongKong)
    #expect(try Self.region("台北的展览吸引了游客。") == nil)
  }

  @Test("a mainland text that mentions Taiwan and Hong Kong stays mainland")
  func mainlandMentions() throws {
    let d = try TestSupport.document("中共福建省委、省人民政府表示，台湾、香港客商参加洽谈会。")
    #expect(d.region == .mainland)
    #expect(d.regionBasis?.contains("省委") == true)
  }

  @Test("the region and its basis are written in the output document")
  func written() throws {
    let d = try TestSupport.document("行政院今日通過新台幣500億元預算。")
    let bytes = JSONWriter.encode(DocumentResult(document: d, records: []), pretty: false)
    let json = String(decoding: bytes, as: UTF8.self)
    #expect(json.contains("\"region\":\"TW\""))
    #expect(json.contains("\"region_basis\":"))
  }
}

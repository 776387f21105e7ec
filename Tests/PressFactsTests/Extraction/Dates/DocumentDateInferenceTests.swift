import Foundation
import Testing

@testable import PressFacts

@Suite struct DocumentDateInferenceTests {
  func inferred(_ text: String, lang: Language? = nil) throws -> (date: String, basis: String)? {
    DocumentDateInference().date(of: try TestSupport.document(text, lang: lang))
  }

  @Test(
    "the document year from the written years, with the reason",
    arguments: [
      // a full year reported with results is over: the text is from the year after
      ("2021年，科学城核心区GDP同比增长12.9%。今年前三季度，GDP增速领跑全市。到2025年，收入将达800亿元。", "2022", "2021年"),
      // 截至…年底 in the past
      ("截至2023年底，已引进科创平台43个。去年底，公司落户。今年初，业务开门红。", "2024", "2023年底"),
      // a year in the present tense is the current year
      ("2021年是科学城的项目建设年。今年5月17日，管委会获国家授牌。", "2021", "2021年"),
      // a plan for the year does not count, an event of the year does
      ("2月18日，重庆市举行2023年一季度重大项目集中开工活动，2023年计划完成投资43.8亿元。", "2023", "2023年一季度"),
      // a year followed by a plan word is a goal even without 到
      ("2025年，全市GDP将达到3万亿元。2021年底，项目落户。", "2022", "2021年底"),
      // a year far beyond the others, with no goal word, is still a goal
      ("2021年，科学城GDP同比增长12.9%。2035年全面建成科学城。", "2022", "2021年"),
      // Traditional text
      ("截至2023年底，已引進科創平台43個。今年初，業務開門紅。", "2024", "2023年底"),
      // English
      (
        "As of the end of 2023, the city had 43 platforms. This year it will add ten.", "2024",
        "end of 2023"
      ),
    ])
  func fromYears(text: String, year: String, quoted: String) throws {
    let r = try #require(try inferred(text))
    #expect(r.date == year)
    #expect(r.basis.contains("“" + quoted + "”"))
  }

  @Test(
    "a relative year next to its written year names the document year",
    arguments: [
      ("去年(2022年)，科学城GDP增长。到2025年建成。", "2023"),
      ("今年即2024年是项目建设年。2023年底，项目落户。", "2024"),
    ])
  func apposition(text: String, year: String) throws {
    let r = try #require(try inferred(text))
    #expect(r.date == year)
    #expect(r.basis.hasPrefix("今年/this year written next to its year"))
  }

  @Test(
    "a dateline gives the day",
    arguments: [
      ("新华社重庆2021年8月25日电 西部(重庆)科学城首届场景大会今天开幕。", "2021-08-25"),
      (
        "BEIJING, Aug. 25, 2021 /PRNewswire/ -- The science city opened its first fair.",
        "2021-08-25"
      ),
    ])
  func dateline(text: String, date: String) throws {
    let r = try #require(try inferred(text))
    #expect(r.date == date)
    #expect(r.basis.hasPrefix("dateline"))
  }

  @Test(
    "no basis, no date: only goals, or no written year",
    arguments: [
      "力争到2035年，全面建成具有全国影响力的科技创新中心核心区。",
      "今年，科学城将推动21个产业项目全面开工。8月25日，大会开幕。",
      "The city will double its output by 2030.",
    ])
  func noBasis(text: String) throws {
    #expect(try inferred(text) == nil)
  }

  @Test("the standard pipeline resolves 今年 against the inferred year and keeps a given date")
  func pipeline() throws {
    let text = "2021年底，项目落户。今年初，重庆出台《意见》。"
    let pipeline = try Pipeline.standard()
    let inferred = pipeline.process(try TestSupport.document(text))
    #expect(inferred.document.date == "2022")
    #expect(inferred.document.dateSource == .inferred)
    #expect(inferred.document.dateBasis?.isEmpty == false)
    let given = pipeline.process(try TestSupport.document(text, date: "2019-05-01"))
    #expect(given.document.dateSource == .given)
    let values = given.records.compactMap { r -> String? in
      if case .date(let d) = r.payload { return r.text + "=" + d.value } else { return nil }
    }
    #expect(values == ["2021年底=2021", "今年初=2019"])
  }
}

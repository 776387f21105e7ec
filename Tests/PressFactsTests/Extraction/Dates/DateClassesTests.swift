import Foundation
import Testing

@testable import PressFacts

/// Issue 18's date classes: ROC and financial years, days and weeks relative to
/// the document day, numeric forms, and what they tell about the document date.
@Suite struct DateClassesTests {
  @Test(
    "ROC years, financial years and 年度 in Traditional text",
    arguments: [
      ("民國115年起實施新制", "2026-03-02", ["民國115年起=2026/SINCE"]),
      ("經濟部115年度預算增加", "2026-03-02", ["115年度=2026"]),
      ("今年度列管計畫共29項，明年度再增", "2026-03-02", ["今年度=2026", "明年度=2027"]),
      ("在二○二四/二五財政年度，政府將推出新措施", "2024-02-28", ["二○二四/二五財政年度=2024-04/2025-03"]),
      ("發表二零二五至二六年度預算", "2025-02-26", ["二零二五至二六年度=2025-04/2026-03"]),
      ("截至該年12月底，已執行九成", "2026-03-02", []),
      ("114年度計畫截至該年12月底已執行九成", "2026-03-02", ["114年度=2025", "該年12月底=2025-12/END"]),
      ("本公司已有逾100年歷史", "2026-03-02", []),
    ])
  func traditional(text: String, date: String, expected: [String]) throws {
    // 行政院 shows a Taiwan text, where bare three-digit years are ROC years
    #expect(try dateRecords("行政院表示，" + text, date: date, lang: .traditionalChinese) == expected)
  }

  @Test("a Hong Kong text has no ROC years: 150年 is a length of time")
  func notROC() throws {
    #expect(try dateRecords("香港開埠150年來發展迅速", date: "2026-03-02", lang: .traditionalChinese) == [])
    #expect(
      try dateRecords("發稿時間:112年7月25日。112年度計畫", date: "2023", lang: .traditionalChinese)
        == ["112年7月25日=2023-07-25", "112年度=2023"])
  }

  @Test(
    "days and weeks against the document day (Wednesday 2026-03-11)",
    arguments: [
      ("昨日召开会议，前天发布通知", ["昨日=2026-03-10", "前天=2026-03-09"]),
      ("会议于周五举行", ["周五=2026-03-06"]),
      ("上周一签约，本周三开工", ["上周一=2026-03-02", "本周三=2026-03-11"]),
      ("下周将公布结果", ["下周=2026-W12"]),
      ("每周一例会", []),
      ("周边地区，周年庆典", []),
      ("上月出口增长，本月十日发布", ["上月=2026-02", "本月十日=2026-03-10"]),
    ])
  func relativeChinese(text: String, expected: [String]) throws {
    #expect(try dateRecords(text, date: "2026-03-11", lang: .simplifiedChinese) == expected)
  }

  @Test(
    "English relative days, weekdays, weeks and months (Wednesday 2026-03-11)",
    arguments: [
      (
        "The plan was announced yesterday and takes effect today.",
        ["yesterday=2026-03-10", "today=2026-03-11"]
      ),
      ("Officials said on Tuesday that exports rose.", ["Tuesday=2026-03-10"]),
      ("The council met last Wednesday.", ["last Wednesday=2026-03-04"]),
      ("Construction began last June.", ["last June=2025-06"]),
      ("Talks will resume next week.", ["next week=2026-W12"]),
      ("Output fell in the previous year.", ["previous year=2025"]),
      ("The 15th Five-Year Plan (2026-30) period", ["2026-30=2026/2030"]),
      ("Sales rose in the first half of the year.", ["first half of the year=2026-H1"]),
      ("at the end of the second quarter", ["end of the second quarter=2026-Q2/END"]),
    ])
  func relativeEnglish(text: String, expected: [String]) throws {
    #expect(try dateRecords(text, date: "2026-03-11", lang: .english) == expected)
  }

  @Test(
    "numeric dates: ROC, day first, month/day, spaced",
    arguments: [
      ("日期:114-05-06", "2025", Language.traditionalChinese, ["114-05-06=2025-05-06"]),
      ("发布于 13.10.2015 12:28", "2015", .simplifiedChinese, ["13.10.2015=2015-10-13"]),
      ("方案 12/28 出爐", "2025", .traditionalChinese, ["12/28=2025-12-28"]),
      ("比分 3/4/5", "2025", .simplifiedChinese, []),
      ("占比约1/3", "2025", .simplifiedChinese, []),
      (
        "10/1/2018-10/7/2018", "2025", .simplifiedChinese,
        ["10/1/2018-10/7/2018=2018-01-10/2018-07-10"]
      ),
      ("他07 年毕业", "2025", .simplifiedChinese, ["07 年=2007"]),
      ("2010 01 29", "2025", .simplifiedChinese, ["2010 01 29=2010-01-29"]),
      ("a 1/2/2020 filing", "2025", .english, []),
    ])
  func numeric(text: String, date: String, lang: Language, expected: [String]) throws {
    #expect(try dateRecords(text, date: date, lang: lang) == expected)
  }

  @Test(
    "five-year plans, N年前 / N天前 / years ago, 去年同期 (document day 2026-03-11)",
    arguments: [
      ("到“十四五”末，全市GDP将突破万亿", Language.simplifiedChinese, ["“十四五”末=2025/END"]),
      ("“十五五”初，投资增长", .simplifiedChinese, ["“十五五”初=2026/START"]),
      ("“十四五”规划纲要发布，实现“十四五”良好开局", .simplifiedChinese, []),
      ("3年前，这里还是一片荒地；5天前发布通知", .simplifiedChinese, ["3年前=2023", "5天前=2026-03-06"]),
      ("兩年前開幕的園區", .traditionalChinese, ["兩年前=2024"]),
      ("2025年前建成", .simplifiedChinese, ["2025年前=2025/BEFORE"]),
      (
        "今年前2个月，销售额增长5%，去年同期为下降", .simplifiedChinese,
        ["今年前2个月=2026-01/2026-02", "去年同期=2025-01/2025-02"]
      ),
      ("The plan was unveiled five years ago.", .english, ["five years ago=2021"]),
      ("The Lantau Tomorrow plan began 3 days ago.", .english, ["3 days ago=2026-03-08"]),
    ])
  func agoAndPlans(text: String, lang: Language, expected: [String]) throws {
    #expect(try dateRecords(text, date: "2026-03-11", lang: lang) == expected)
  }

  func inferred(_ text: String, lang: Language? = nil) throws -> String? {
    DocumentDateInference().date(of: try TestSupport.document(text, lang: lang))?.date
  }

  @Test(
    "document dates from today's written date, labels, closing codes, English datelines",
    arguments: [
      ("局長今日(三月五日)表示，二○二五/二六財政年度預算已提交立法會。", Language.traditionalChinese, "2025-03-05"),
      (
        "網站選單\n首頁 友善列印\n" + String(repeating: "選單項目 ", count: 40) + "\n日期:114-05-06\n行政院今(6)日表示",
        .traditionalChinese, "2025-05-06"
      ),
      ("經濟部表示，今年投資增加。(編輯:王小明)1140506", .traditionalChinese, "2025-05-06"),
      (
        "BEIJING, March 12 (Xinhua) -- China's exports rose 5 percent in 2025, officials said.",
        .english, "2026-03-12"
      ),
      ("Updated: 2023-03-15\nThe city will invest more.", .english, "2023-03-15"),
      ("新华社北京3月12日电 2025年，全国GDP同比增长5%。", .simplifiedChinese, "2026-03-12"),
    ])
  func documentDates(text: String, lang: Language, date: String) throws {
    #expect(try inferred(text, lang: lang) == date)
  }

  @Test("a year-less dateline and a named weekday fix the latest fitting year")
  func weekdayYear() throws {
    let d = try inferred(
      "SEOUL, May 27 (AJU PRESS) - The agency reported Monday that talks would resume.",
      lang: .english)
    // May 27 fell on a Monday in 2019 and 2024
    #expect(d == "2024-05-27" || d == "2030-05-27")
  }
}

import Foundation
import Testing

@testable import PressFacts

/// The date records of `text` as "surface=value" or "surface=value/MOD", in
/// document order, with the document date `date` (nil: none given).
func dateRecords(_ text: String, date: String? = "2022", lang: Language? = nil) throws -> [String] {
  try TestSupport.records(text, stages: [DateExtractor()], lang: lang, date: date).compactMap { r in
    guard case .date(let d) = r.payload else { return nil }
    return r.text + "=" + d.value + (d.mod.map { "/" + $0 } ?? "")
  }
}

@Suite struct DateExtractorTests {
  @Test(
    "Chinese calendar expressions, resolved against the document year 2022",
    arguments: [
      ("明确指出，到2035年，全面建成科技创新中心", ["2035年=2035"]),
      ("今年初，重庆出台《意见》", ["今年初=2022/START"]),
      ("2021年底，清安新型储能科研院项目在科学谷落户。", ["2021年底=2021/END"]),
      ("去年底，科学城引进双城信用增进公司", ["去年底=2021/END"]),
      ("今年上半年，科学城汽车产业保持高速增长", ["今年上半年=2022-H1"]),
      ("重庆市举行2023年一季度重大项目集中开工活动", ["2023年一季度=2023-Q1"]),
      ("以一季度获得四家主流评级公司的AAA主体评级为基础", ["一季度=2022-Q1"]),
      ("今年前三季度，科学城核心区GDP增速持续领跑全市", ["今年前三季度=2022-Q1/2022-Q3"]),
      ("仅今年1至8月，新签约项目就达59个", ["今年1至8月=2022-01/2022-08"]),
      ("今年1—2月，科学城已签约项目合同投资额超410亿元", ["今年1—2月=2022-01/2022-02"]),
      ("1-7月实现增长", ["1-7月=2022-01/2022-07"]),
      ("2020年以来，共向四川转化科技成果118项", ["2020年以来=2020/SINCE"]),
      ("自2020年启动建设以来，科学城加速汇聚科创力量", ["2020年=2020/SINCE"]),
      ("金凤实验室自2022年6月揭牌投用以来", ["2022年6月=2022-06/SINCE"]),
      ("“十四五”期间即2021—2025年", ["2021—2025年=2021/2025"]),
      ("二〇二五年全面建成", ["二〇二五年=2025"]),
      ("8月25日，场景大会正式拉开帷幕", ["8月25日=2022-08-25"]),
      ("2021年8月25日至27日举行", ["2021年8月25日至27日=2021-08-25/2021-08-27"]),
      ("8月25—27日举行", ["8月25—27日=2022-08-25/2022-08-27"]),
      ("2022年3月至2023年6月", ["2022年3月至2023年6月=2022-03/2023-06"]),
      (
        "去年10月至今年3月，8月至2月，2022年至2020年",
        ["去年10月至今年3月=2021-10/2022-03", "8月至2月=2022-08/2023-02", "2022年=2022", "2020年=2020"]
      ),
      ("今年前8个月，出口增长", ["今年前8个月=2022-01/2022-08"]),
      ("12月下旬完工", ["12月下旬=2022-12/END"]),
      ("第四季度开工", ["第四季度=2022-Q4"]),
      ("明年将开工", ["明年=2023"]),
      ("2025年前建成", ["2025年前=2025/BEFORE"]),
      ("发布日期：2021-08-25", ["2021-08-25=2021-08-25"]),
      ("今年春节前夕，三公里示范段顺利竣工", ["今年春节前夕=2022-02-01/BEFORE"]),
      ("年初以来，新增企业300家；从2018年起逐步推进", ["年初以来=2022/SINCE", "2018年起=2018/SINCE"]),
      ("2019年2月30日，2月30日", []),
      ("2月29日召开", ["2月29日=XXXX-02-29"]),
      (
        "2021 年 8 月 25 日，2009 年 到 2010 年",
        ["2021 年 8 月 25 日=2021-08-25", "2009 年 到 2010 年=2009/2010"]
      ),
      (
        "2015年和2018年之间的销售额，2015年和2018年的销售额",
        ["2015年和2018年之间=2015/2018", "2015年=2015", "2018年=2018"]
      ),
      (
        "在2019年8月6日或之后，2010年1月10日或之前",
        ["2019年8月6日或之后=2019-08-06/SINCE", "2010年1月10日或之前=2010-01-10/BEFORE"]
      ),
      ("二零零四年八月十五，三月初一", ["二零零四年八月十五=2004-08-15", "三月初一=2022-03-01"]),
      ("大年初一，每年年初", []),
      ("上世纪90年代，20世纪80年代，1990年代，三十年", ["上世纪90年代=199X", "20世纪80年代=198X", "1990年代=199X"]),
    ])
  func chinese(text: String, expected: [String]) throws {
    #expect(try dateRecords(text) == expected)
  }

  @Test(
    "not dates: durations, vague time, counts, decimals, names, phone-like numbers",
    arguments: [
      "他们的目标是5年内打造百亿级产业集群",
      "近年来，科学城不断在该领域深耕布局",
      "日前，种质创制大科学中心正式运行。目前已孵化7家公司",
      "引育科技型企业2000家，软件企业达2000家",
      "合同投资额3141.9亿元，增速达15.8%",
      "三年行动计划，仅在1个月内实现",
      "这座城市有2000年历史，有2000年的历史，已有1000年的历史，1500年前建城",
      "已在2023成都世界大学生运动会赛事转播中成功应用",
      "每年年底召开，每月25日发布",
      "3.2V双电层超级电容器，5G网络覆盖达90%",
      "目前年产值达到100亿元，如今年轻人越来越多，成本年均下降，此后年均增长5%，说明年度报告",
      "增长10%以上半年度数据，统一月度考核，统一季度报告",
    ])
  func notDates(text: String) throws {
    #expect(try dateRecords(text) == [])
  }

  @Test(
    "今天 and 昨日 are days only against a full document date; 今日头条 is a name",
    arguments: [
      ("2019-09-18", ["今天=2019-09-18", "昨日=2019-09-17", "后天=2019-09-20"]),
      ("2019", []),
    ])
  func relativeDays(date: String, expected: [String]) throws {
    #expect(try dateRecords("25日，负责人回答了提问", date: "2019-09-18") == ["25日=2019-09-25"])
    #expect(try dateRecords("本月十日，下个月", date: "2019-12-18") == ["本月十日=2019-12-10", "下个月=2020-01"])
    #expect(try dateRecords("本月十日，下个月", date: "2019") == [])
    #expect(try dateRecords("今天，记者从科学城获悉。昨日召开会议，后天开幕。今日头条报道。后天的努力", date: date) == expected)
  }

  @Test("civil-day arithmetic crosses months, years and leap days")
  func civilDays() throws {
    let d = try #require(CivilDay("2020-03-01"))
    #expect(d.adding(days: -1).iso == "2020-02-29")
    #expect(try #require(CivilDay("2021-12-31")).adding(days: 1).iso == "2022-01-01")
    #expect(CivilDay("2021") == nil)
  }

  @Test("every mention is a record, and a bare day takes the month mentioned before it")
  func mentionsAndBareDays() throws {
    let text = "8月25日，首届场景大会开幕。25日，负责人回答了记者提问。今年5月17日，管委会获授牌。"
    #expect(
      try dateRecords(text, date: "2021") == [
        "8月25日=2021-08-25", "25日=2021-08-25", "今年5月17日=2021-05-17",
      ])
  }

  @Test(
    "with no document date, relative expressions keep X for what is unknown",
    arguments: [
      ("8月25日，大会开幕", ["8月25日=XXXX-08-25"]),
      ("今年7月，科学城与公司成功签约", ["今年7月=XXXX-07"]),
      ("25日，负责人回答了记者提问", []),
      ("2021年底落户", ["2021年底=2021/END"]),
    ])
  func unresolved(text: String, expected: [String]) throws {
    #expect(try dateRecords(text, date: nil) == expected)
  }

  @Test(
    "Traditional Chinese reads through the normalized view; spans keep the original text",
    arguments: [
      ("今年上半年，科學城汽車產業保持高速增長", ["今年上半年=2022-H1"]),
      ("自2020年啟動建設以來，科學城加速彙聚科創力量", ["2020年=2020/SINCE"]),
      ("2021年底，清安新型儲能科研院項目在科學谷落戶", ["2021年底=2021/END"]),
      ("今年１至８月，新簽約項目就達59個", ["今年１至８月=2022-01/2022-08"]),
      ("二〇二一年八月二十五日，場景大會開幕", ["二〇二一年八月二十五日=2021-08-25"]),
      ("2023年第一季度重大項目集中開工", ["2023年第一季度=2023-Q1"]),
      ("目標是5年內打造產業集群，近年來發展迅速", []),
      ("今年首三季合計，今年年底，2021年中國經濟", ["今年首三季=2022-Q1/2022-Q3", "今年年底=2022/END", "2021年=2021"]),
    ])
  func traditional(text: String, expected: [String]) throws {
    #expect(try dateRecords(text, lang: .traditionalChinese) == expected)
  }

  @Test(
    "English calendar expressions",
    arguments: [
      ("The conference opened on August 25, 2021.", ["August 25, 2021=2021-08-25"]),
      ("On Aug 25, the city released its list.", ["Aug 25=2022-08-25"]),
      ("The list was released on 25 August 2021.", ["25 August 2021=2021-08-25"]),
      ("Revenue grew 12% in 2021, and the park will open by 2025.", ["2021=2021", "2025=2025"]),
      ("Output rose in the first half of 2022.", ["first half of 2022=2022-H1"]),
      ("Sales fell in Q1 2023.", ["Q1 2023=2023-Q1"]),
      ("The project settled at the end of 2021.", ["end of 2021=2021/END"]),
      (
        "This year the city plans 21 projects; last year it had 14.",
        ["This year=2022", "last year=2021"]
      ),
      (
        "Since 2020 the zone has grown. It has grown since 2020.",
        ["2020=2020/SINCE", "2020=2020/SINCE"]
      ),
      ("the 2021-2025 plan", ["2021-2025=2021/2025"]),
      ("Exports in January-August 2022 rose.", ["January-August 2022=2022-01/2022-08"]),
      ("Construction resumes in mid-2022.", ["mid-2022=2022/MID"]),
      (
        "GDP grew in the first three quarters of 2022.",
        ["first three quarters of 2022=2022-Q1/2022-Q3"]
      ),
      (
        "First-quarter revenue rose; the plant opens in May. May I ask?",
        ["First-quarter=2022-Q1", "May=2022-05"]
      ),
      (
        "From January to August this year it signed 59 projects.",
        ["January to August this year=2022-01/2022-08"]
      ),
      (
        "Since last year, output rose. Between January and May, exports fell.",
        ["last year=2021/SINCE", "January and May=2022-01/2022-05"]
      ),
      (
        "2021 was a record year. 2000 companies joined. 2019, the first year.",
        ["2021=2021", "2019=2019"]
      ),
    ])
  func english(text: String, expected: [String]) throws {
    #expect(try dateRecords(text, lang: .english) == expected)
  }

  @Test(
    "English non-dates: counts, decimals, the verb may",
    arguments: [
      "The park attracted 2000 companies and 15.8 percent growth.",
      "Firms may apply for 3.2 million yuan within three years.",
      "In 2000 cities the model is used.",
      "Jan Smith said the H1 visa rule may change.",
    ])
  func englishNotDates(text: String) throws {
    #expect(try dateRecords(text, lang: .english) == [])
  }
}

@Suite struct TaiwanDateTests {
  @Test(
    "Taiwan usage: 第四季 after a year is a quarter, Republic of China era years before a month or after 民國",
    arguments: [
      ("2023年第四季營收達新台幣6255億元", ["2023年第四季=2023-Q4"]),
      ("行政院於112年12月通過計畫", ["112年12月=2023-12"]),
      ("民國113年起實施，民國三年", ["民國113年起=2024/SINCE", "民國三年=1914"]),
      ("這是100年的歷史，推動12年國教，今年四季如春", ["今年=2022"]),
    ])
  func taiwan(text: String, expected: [String]) throws {
    #expect(try dateRecords(text, lang: .traditionalChinese) == expected)
  }
}

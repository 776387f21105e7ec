import Foundation
import Testing

@testable import PressFacts

/// Figures whose reading depends on the script or the region of the text:
/// 兆 as 10^12, a bare 元 or $ in the region's currency, ROC years, and the
/// digitless round numbers (GUIDELINE.md, "Traditional Chinese texts").
@Suite struct RegionalFigureTests {
  static func check(_ c: FigureCase) throws {
    try FigureExtractorTests.check(c.text, c.expected)
  }

  @Test(
    "兆 is 10^12 as a number word, mega before a unit, in either script",
    arguments: [
      FigureCase(
        "去年營業額逼近3兆元，今年可望達到3兆1500億元。",
        [fig("3兆元", 3e12, "CNY", q: "nearly"), fig("3兆1500億元", 3.15e12, "CNY")]),
      FigureCase("國家預算總額為1.25兆元。", [fig("1.25兆元", 1.25e12, "CNY")]),
      FigureCase("新建一座80兆瓦光伏电站。", [fig("80兆瓦", 80, "MW")]),
      FigureCase("該站裝置容量為120兆瓦。", [fig("120兆瓦", 120, "MW")]),
      FigureCase("管道设计压力为10兆帕，频率为900兆赫。", [fig("10兆帕", 10, "MPa"), fig("900兆赫", 900, "MHz")]),
      FigureCase("這是經濟衰退的徵兆，兆豐銀行表示。", []),
      // Simplified: 兆 is 10^12 before money only; 500兆流量 is mega (bytes)
      FigureCase("营业额达2兆元，每月赠送500兆流量。", [fig("2兆元", 2e12, "CNY")]),
    ])
  func zhao(_ c: FigureCase) throws { try Self.check(c) }

  @Test(
    "a bare 元 is in the currency of the document's region",
    arguments: [
      FigureCase(
        "行政院會今日通過明年度預算，新台幣以外另編列特別預算500億元。",
        [fig("500億元", 5e10, "TWD")]),
      FigureCase(
        "發展局局長在立法會表示，香港特別行政區政府將預留50億元推展工程。",
        [fig("50億元", 5e9, "HKD")]),
      FigureCase(
        "澳門特區政府經濟財政司表示，今年博彩毛收入預計為二千億元。",
        [fig("二千億元", 2e11, "MOP")]),
      FigureCase("市人民政府表示，全年完成投资120亿元。", [fig("120亿元", 1.2e10, "CNY")]),
      // A mainland text that mentions Taiwan is still a mainland text.
      FigureCase(
        "中共福建省委、省人民政府表示，对台湾地区出口增长，金额达30亿元。", [fig("30亿元", 3e9, "CNY")]),
      FigureCase("澳門元兌換率不變，該項目投資3億澳門元。", [fig("3億澳門元", 3e8, "MOP")]),
    ])
  func bareYuan(_ c: FigureCase) throws { try Self.check(c) }

  @Test(
    "a bare $ is the region's dollar; HK$, NT$, US$ are their own",
    arguments: [
      FigureCase(
        "The Financial Secretary told the Legislative Council that $30 billion will go to housing in Hong Kong.",
        [fig("$30 billion", 3e10, "HKD")]),
      FigureCase(
        "The Executive Yuan in Taipei approved NT$210 billion (US$7 billion) for Taiwan's railways.",
        [fig("NT$210 billion", 2.1e11, "TWD"), fig("US$7 billion", 7e9, "USD")]),
      FigureCase("The firm raised $20 million from investors.", [fig("$20 million", 2e7, "USD")]),
      FigureCase(
        "Macao SAR said gaming revenue was 18 billion patacas.",
        [fig("18 billion patacas", 1.8e10, "MOP")]),
      FigureCase("A budget of HK$ 3 million was approved.", [fig("HK$ 3 million", 3e6, "HKD")]),
    ])
  func dollars(_ c: FigureCase) throws { try Self.check(c) }

  @Test("an ROC year before 年 is a date in a Taiwan text, not a length of time")
  func rocYears() throws {
    try FigureExtractorTests.check(
      "行政院表示，112年7月完成發包，預計115年完工，工程經費3億元。", [fig("3億元", 3e8, "TWD")])
    try FigureExtractorTests.check(
      "國科會指出，105年度列管計畫共198項。", [fig("198項", 198, "项")])
    // Elsewhere 100年 stays a length of time.
    try FigureExtractorTests.check("我们将用100年时间完成。", [fig("100年", 100, "year")])
  }

  @Test(
    "digitless round numbers: 百个, 千家, 超百亿, 上千家, 数十个",
    arguments: [
      FigureCase("全市建成百个项目。", [fig("百个", 100, "个")]),
      FigureCase("吸引千家企業進駐。", [fig("千家", 1000, "家")]),
      FigureCase("旅游收入超百亿。", [fig("百亿", 1e10, nil, q: "more_than")]),
      FigureCase("营收突破千亿，利润增长。", [fig("千亿", 1e11, nil, q: "more_than")]),
      FigureCase("上千家企业参与。", [fig("上千家", 1000, "家", q: "more_than")]),
      FigureCase("建成数十个园区。", [fig("数十个", 10, "个", q: "more_than")]),
      // set phrases and adverbs are no numbers
      FigureCase("走进千家万户，千万不要放松。", []),
      FigureCase("每万人口发明专利拥有量达到15件。", [fig("15件", 15, "件")]),
      FigureCase("百亿补贴活动开始。", []),
    ])
  func digitless(_ c: FigureCase) throws { try Self.check(c) }

  @Test(
    "Taiwan units, a qualifier before the currency word, currency sub-units",
    arguments: [
      FigureCase(
        "經濟部表示，年產能達30萬公噸，廠房面積1,200坪。",
        [fig("30萬公噸", 300_000, "t"), fig("1,200坪", 1200, "坪")]),
      FigureCase(
        "經濟部表示，今年吸引投資逾新臺幣410億元。", [fig("410億元", 4.1e10, "TWD", q: "more_than")]),
      FigureCase("香港特區政府撥款約港幣5億元。", [fig("5億元", 5e8, "HKD", q: "approx")]),
      FigureCase(
        "票价五元三毛，另付两美元又三美分，全程3元5分钟。",
        [
          fig("五元三毛", 5.3, "CNY"), fig("两美元又三美分", 2.03, "USD"), fig("3元", 3, "CNY"),
          fig("5分钟", 5, "分钟"),
        ]),
    ])
  func unitsAndSubunits(_ c: FigureCase) throws { try Self.check(c) }
}

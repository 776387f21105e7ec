import Foundation
import Testing

@testable import PressFacts

/// One expected figure: its original text, value, unit, qualifier and upper bound.
struct ExpectedFigure: CustomStringConvertible, Sendable {
  let text: String
  let value: Double
  let unit: String?
  var qualifier: String? = nil
  var valueMax: Double? = nil

  var description: String { "\(text)=\(value) \(unit ?? "nil") \(qualifier ?? "")" }
}

/// A sentence and the figures expected in it, in order.
struct FigureCase: CustomStringConvertible, Sendable {
  let text: String
  let expected: [ExpectedFigure]
  init(_ text: String, _ expected: [ExpectedFigure]) {
    self.text = text
    self.expected = expected
  }
  var description: String { text }
}

/// Shorthand for an expected figure in the tables below.
func fig(_ text: String, _ value: Double, _ unit: String?, q: String? = nil, max: Double? = nil)
  -> ExpectedFigure
{
  ExpectedFigure(text: text, value: value, unit: unit, qualifier: q, valueMax: max)
}

@Suite struct FigureExtractorTests {
  static func figures(_ text: String, lang: Language? = nil) throws -> [(String, Figure)] {
    try TestSupport.records(text, stages: [FigureExtractor()], lang: lang).compactMap { r in
      if case .figure(let f) = r.payload { return (r.text, f) }
      return nil
    }
  }

  static func check(_ text: String, _ expected: [ExpectedFigure], lang: Language? = nil) throws {
    let found = try figures(text, lang: lang)
    #expect(found.map(\.0) == expected.map(\.text), "spans in \(text)")
    for ((_, f), e) in zip(found, expected) {
      #expect(abs(f.value - e.value) <= 1e-9 * max(1, abs(e.value)), "\(e)")
      #expect(f.unit == e.unit, "\(e)")
      #expect(f.qualifier == e.qualifier, "\(e)")
      #expect(f.valueMax == e.valueMax, "\(e)")
    }
  }

  @Test(
    "Chinese: money, area, length, counts, multiplied out",
    arguments: [
      FigureCase("西部（重庆）科学城规划面积1198平方公里。", [fig("1198平方公里", 1198, "km2")]),
      FigureCase(
        "合同投资额3141.9亿元，仅今年1至8月，新签约项目就达59个。",
        [fig("3141.9亿元", 314_190_000_000, "CNY"), fig("59个", 59, "个")]),
      FigureCase("打造规模达五千亿元的产业集群", [fig("五千亿元", 500_000_000_000, "CNY")]),
      FigureCase("软件从业人数达6万人，占地面积128亩", [fig("6万人", 60000, "人"), fig("128亩", 128, "mu")]),
      FigureCase("国家电投集团两个低碳项目，三公里示范段", [fig("两个", 2, "个"), fig("三公里", 3, "km")]),
      FigureCase(
        "总投资一百二十万元，用户三千四百五十六万七千户",
        [fig("一百二十万元", 1_200_000, "CNY"), fig("三千四百五十六万七千户", 34_567_000, "户")]),
      FigureCase("融资1.2万亿美元", [fig("1.2万亿美元", 1.2e12, "USD")]),
      FigureCase("企业达2,000家", [fig("2,000家", 2000, "家")]),
      FigureCase(
        "构建4大类场景，双向12车道，路网密度7公里/平方公里",
        [
          fig("4大类", 4, "类"), fig("12车道", 12, "车道"),
          fig("7公里/平方公里", 7, "km/km2"),
        ]),
      FigureCase(
        "3.2V双电层超级电容器，6吋MEMS晶圆，装机100MW，年发电2.5亿千瓦时",
        [
          fig("3.2V", 3.2, "V"), fig("6吋", 6, "inch"),
          fig("100MW", 100, "MW"), fig("2.5亿千瓦时", 2.5e8, "kWh"),
        ]),
      FigureCase(
        "营业执照仅需2小时，5年内打造，增长3倍",
        [
          fig("2小时", 2, "小时"),
          fig("5年", 5, "year", q: "at_most"), fig("3倍", 3, "times"),
        ]),
      FigureCase("超过全国总数的三分之一", [fig("三分之一", 1.0 / 3, nil)]),
    ])
  func chinese(c: FigureCase) throws { try Self.check(c.text, c.expected) }

  @Test(
    "percent forms: %, ％, 百分之, 个百分点, 成",
    arguments: [
      FigureCase(
        "增速达15.8%，比重达5％以上",
        [
          fig("15.8%", 15.8, "percent"),
          fig("5％", 5, "percent", q: "at_least"),
        ]),
      FigureCase("占比百分之五十", [fig("百分之五十", 50, "percent")]),
      FigureCase("提高2.4个百分点", [fig("2.4个百分点", 2.4, "percentage_point")]),
      FigureCase("九成的企业，三成半的用户", [fig("九成", 90, "percent"), fig("三成半", 35, "percent")]),
      FigureCase("2023成都世界大运会", []),
      FigureCase(
        "千分之2.4，下降-22.2%，百 分 之 2",
        [
          fig("千分之2.4", 0.24, "percent"), fig("-22.2%", -22.2, "percent"),
          fig("百 分 之 2", 2, "percent"),
        ]),
      FigureCase("访问 https://www.test.com/search?q=30%25%2020%", []),
    ])
  func percent(c: FigureCase) throws { try Self.check(c.text, c.expected) }

  @Test(
    "qualifiers stay outside the span; infix 余/多 stays inside",
    arguments: [
      FigureCase("提供约140万平方米办公空间", [fig("140万平方米", 1_400_000, "m2", q: "approx")]),
      FigureCase("总投资额近2400亿元", [fig("2400亿元", 2.4e11, "CNY", q: "nearly")]),
      FigureCase("重点实验室超过100家", [fig("100家", 100, "家", q: "more_than")]),
      FigureCase(
        "在开幕式上，300余株25个品种",
        [
          fig("300余株", 300, "株", q: "more_than"),
          fig("25个", 25, "个"),
        ]),
      FigureCase("布局相关企业40多家", [fig("40多家", 40, "家", q: "more_than")]),
      FigureCase("取得引领性成果5项以上", [fig("5项", 5, "项", q: "at_least")]),
      FigureCase("全长约66km，双向", [fig("66km", 66, "km", q: "approx")]),
      FigureCase("上万台套大型仪器", [fig("上万台套", 10000, "台套", q: "more_than")]),
      FigureCase("吸引数百家企业，最近3个月新增", [fig("数百家", 100, "家", q: "more_than"), fig("3个月", 3, "月")]),
      FigureCase("有高等植物一万多种", [fig("一万多种", 10000, "种", q: "more_than")]),
      FigureCase("投资500余万元", [fig("500余万元", 5_000_000, "CNY", q: "more_than")]),
    ])
  func qualifiers(c: FigureCase) throws { try Self.check(c.text, c.expected) }

  @Test(
    "ranges and magnitude words",
    arguments: [
      FigureCase("辐射半径5~15公里", [fig("5~15公里", 5, "km", max: 15)]),
      FigureCase("引进20-30家企业", [fig("20-30家", 20, "家", max: 30)]),
      FigureCase("带动3-5万人就业", [fig("3-5万人", 30000, "人", max: 50000)]),
      FigureCase("打造千亿级产业集群", [fig("千亿级", 1e11, nil, q: "order_of_magnitude")]),
      FigureCase("累计减税降费超千亿元，惠及百万户", [fig("千亿元", 1e11, "CNY", q: "more_than")]),
      FigureCase("着力打造五千亿级主导产业", [fig("五千亿级", 5e11, nil, q: "order_of_magnitude")]),
    ])
  func ranges(c: FigureCase) throws { try Self.check(c.text, c.expected) }

  @Test(
    "not figures: years, dates, ordinals, names, list numbers, phone numbers, articles",
    arguments: [
      "到2035年，全面建成", "今年1至8月，新签约", "今年1—7月，科学城", "8月25日，西部", "2023年一季度重大项目",
      "二〇二五年", "位列全市第一，第3名", "加强5G基站、8K超高清和6G商用", "紧扣“416”科技创新战略和“33618”现代制造业集群",
      "### 1 城市治理", "咨询电话023-68888888", "一台外形不起眼的设备，一批批企业", "智能新能源汽车及零部件生产",
      "世界500强企业", "数值为3141.9，版本1.2.3", "共建“一带一路”", "第十四个五年规划", "第1至3名", "十四五期间，一方面万众一心，千方百计",
      "登陆部队", "地铁1号线",
    ])
  func notFigures(text: String) throws {
    let found = try Self.figures(text)
    #expect(found.isEmpty, "\(found.map(\.0))")
  }

  @Test(
    "Traditional text: units come out in Simplified",
    arguments: [
      FigureCase(
        "西部（重慶）科學城規劃面積1198平方公里，引育科技型企業2000家。",
        [fig("1198平方公里", 1198, "km2"), fig("2000家", 2000, "家")]),
      FigureCase(
        "合同投資額超410億元，新簽約項目59個",
        [
          fig("410億元", 4.1e10, "CNY", q: "more_than"),
          fig("59個", 59, "个"),
        ]),
      FigureCase(
        "增長2.4個百分點，約兩萬輛汽車",
        [
          fig("2.4個百分點", 2.4, "percentage_point"),
          fig("兩萬輛", 20000, "辆", q: "approx"),
        ]),
      FigureCase(
        "全球發行量達新台幣5306億元，面積１２８畝",
        [
          fig("5306億元", 5.306e11, "TWD"),
          fig("１２８畝", 128, "mu"),
        ]),
      FigureCase("本季營收以新台幣計，淨利達500億元", [fig("500億元", 5e10, "TWD")]),
      FigureCase("營收以新台幣計，另募得人民幣20億元", [fig("20億元", 2e9, "CNY")]),
    ])
  func traditional(c: FigureCase) throws {
    try Self.check(c.text, c.expected, lang: .traditionalChinese)
  }

  @Test(
    "English: numbers with separators, magnitude words, units and nouns",
    arguments: [
      FigureCase(
        "The science city covers 1,198 square kilometers in western Chongqing.",
        [fig("1,198 square kilometers", 1198, "km2")]),
      FigureCase(
        "Investment will reach 500 billion yuan by 2025.", [fig("500 billion yuan", 5e11, "CNY")]),
      FigureCase("The fund raised $1.2 billion last year.", [fig("$1.2 billion", 1.2e9, "USD")]),
      FigureCase(
        "GDP grew by 3.2 percent, up 5 percentage points.",
        [
          fig("3.2 percent", 3.2, "percent"),
          fig("5 percentage points", 5, "percentage_point"),
        ]),
      FigureCase(
        "It attracted more than 300 companies and about 140,000 square meters of offices.",
        [
          fig("300 companies", 300, "company", q: "more_than"),
          fig("140,000 square meters", 140_000, "m2", q: "approx"),
        ]),
      FigureCase(
        "Some 15% of the 2,500 households joined in 2021.",
        [
          fig("15%", 15, "percent", q: "approx"),
          fig("2,500 households", 2500, "household"),
        ]),
      FigureCase("5G networks and 8K video since 2020.", []),
      FigureCase(
        "It has three national laboratories, twenty-five research institutes and two million square meters of offices.",
        [
          fig("three national laboratories", 3, "laboratory"),
          fig("twenty-five research institutes", 25, "institute"),
          fig("two million square meters", 2e6, "m2"),
        ]),
      FigureCase("One of the ten-year plans names one company in a 5-year plan.", []),
      FigureCase(
        "A 10-km road and a 5.8-percent rise.",
        [fig("10-km", 10, "km"), fig("5.8-percent", 5.8, "percent")]),
      FigureCase(
        "It raised RMB5 billion and US$300 million for 30 scenario projects.",
        [
          fig("RMB5 billion", 5e9, "CNY"), fig("US$300 million", 3e8, "USD"),
          fig("30 scenario projects", 30, "project"),
        ]),
    ])
  func english(c: FigureCase) throws { try Self.check(c.text, c.expected, lang: .english) }

  @Test(
    "English count nouns count only in English text; units in Latin letters count anywhere (found by the fuzzer)"
  )
  func englishNounsInChineseText() throws {
    let text = "新建生产线 100 line，建成 30 new projects，道路 12 km。"
    try Self.check(text, [fig("12 km", 12, "km")], lang: .simplifiedChinese)
    let result = try Pipeline.standard().process(
      try TestSupport.document(text, lang: .simplifiedChinese))
    #expect(Validator().validate(result, file: "t").filter { $0.severity == .error } == [])
    try Self.check("We built 100 lines.", [fig("100 lines", 100, "line")], lang: .english)
  }

  @Test("an area after a space is an area: 12 km2 and 12 km² are not 12 km")
  func areaAfterSpace() throws {
    try Self.check(
      "面积 12 km2，道路 3 km。", [fig("12 km2", 12, "km2"), fig("3 km", 3, "km")],
      lang: .simplifiedChinese)
    try Self.check(
      "It covers 12 km² and 300 m² of offices.",
      [fig("12 km²", 12, "km2"), fig("300 m²", 300, "m2")], lang: .english)
  }

  static let numeralCases: [(String, Double)] = [
    ("三千四百五十六万七千", 34_567_000.0), ("一百二十万", 1_200_000), ("十二", 12), ("两", 2), ("五千亿", 5e11),
    ("3.5万", 35000), ("1.2万亿", 1.2e12), ("一千二", 1200), ("三点五", 3.5), ("负0.2", -0.2),
    ("三分之一", 1.0 / 3),
    ("1,100.9亿", 110_090_000_000), ("壹佰贰拾", 120), ("十几万", 100_000), ("２．４", 2.4),
    ("一千零五", 1005), ("一万零十二", 10012), ("两千三点一", 2300.1), ("三百五又三分之一", 350 + 1.0 / 3), ("四万万", 4e8),
  ]

  @Test("the numeral parser multiplies out Chinese and mixed numerals", arguments: numeralCases)
  func numerals(text: String, value: Double) throws {
    let parsed = try #require(NumeralParser.value(of: text))
    #expect(abs(parsed - value) <= 1e-9 * max(1, abs(value)))
  }
}

import Testing

@testable import PressFacts

/// Runs TargetExtractor behind stand-in date and figure stages (LiteralExtractor), so
/// that these tests do not depend on the real figure and date extractors.
func targets(
  _ text: String, figures: [(String, Figure)] = [], dates: [(String, String)] = [],
  organizations: [String] = [], lang: Language? = nil, date: String? = nil
) throws -> (targets: [Record], figures: [Record]) {
  // A private-use needle never matches: the date and figure stages exist even when a
  // test lists none, as TargetExtractor's requirements demand.
  let dateStages = [("\u{E000}", "0000")] + dates
  var stages: [any Extractor] = dateStages.map {
    LiteralExtractor(produces: .date, needle: $0.0, payload: .date(CalendarDate(value: $0.1)))
  }
  stages +=
    organizations.map {
      LiteralExtractor(
        produces: .organization, needle: $0,
        payload: .organization(Organization(name: $0, kind: "company")))
    } as [any Extractor]
  let figureStages = ([("\u{E001}", Figure(value: 0))] + figures).map {
    LiteralExtractor(produces: .figure, needle: $0.0, payload: .figure($0.1))
  }
  stages += figureStages as [any Extractor]
  stages.append(try TargetExtractor())
  let records = try TestSupport.records(text, stages: stages, lang: lang, date: date)
  return (records.filter { $0.type == .target }, records.filter { $0.type == .figure })
}

func target(_ r: Record) -> Target? {
  if case .target(let t) = r.payload { return t }
  return nil
}

@Suite struct TargetExtractorTests {
  @Test("one deadline governs a list of goals; the subject clause before them is no goal")
  func list() throws {
    let (text, spans) = TestSupport.marked(
      "力争到2025年，西部（重庆）科学城围绕科技自立自强战略，[建设重大科技基础设施3个]，[建成新型研发机构30家]，"
        + "[市级以上重点实验室超过100家]，[研究与试验发展（R＆D）经费支出占地区生产总值比重达5％以上]，"
        + "[逐步成为构筑大平台、实施大项目的集中承载地]。")
    let (found, figures) = try targets(
      text,
      figures: [
        ("3个", Figure(value: 3, unit: "个")), ("30家", Figure(value: 30, unit: "家")),
        ("100家", Figure(value: 100, unit: "家", qualifier: "more_than")),
        ("5%", Figure(value: 5, unit: "percent", qualifier: "at_least")),
      ])
    #expect(found.map { $0.start..<$0.end } == spans)
    #expect(found.compactMap(target).allSatisfy { $0.deadline == "2025" })
    let t = found.compactMap(target)
    #expect(
      t.map(\.metric) == [
        "重大科技基础设施", "新型研发机构", "市级以上重点实验室", "研究与试验发展（R＆D）经费支出占地区生产总值比重",
        "构筑大平台、实施大项目的集中承载地",
      ])
    #expect(t.map(\.value) == [3, 30, 100, 5, nil])
    #expect(t[2].qualifier == "more_than" && t[3].unit == "percent" && t[3].qualifier == "at_least")
    // Each figure id names the figure record inside the target.
    for (record, goal) in zip(found, t) where goal.value != nil {
      let f = try #require(figures.first { $0.id == goal.figure })
      #expect(f.start >= record.start && f.end <= record.end)
    }
  }

  @Test("goals without a number are targets with no value")
  func qualitative() throws {
    let (text, spans) = TestSupport.marked(
      "明确指出，到2035年，[全面建成具有全国影响力的科技创新中心核心区]，[成为具有国际影响力的科学城]。")
    let found = try targets(text).targets
    #expect(found.map { $0.start..<$0.end } == spans)
    let t = found.compactMap(target)
    #expect(t.map(\.deadline) == ["2035", "2035"])
    #expect(t.map(\.metric) == ["具有全国影响力的科技创新中心核心区", "具有国际影响力的科学城"])
    #expect(t.allSatisfy { $0.value == nil && $0.figure == nil })
  }

  @Test("framing clauses are no goals; a subject with a result is one")
  func framing() throws {
    let (text, spans) = TestSupport.marked(
      "到2025年，随着项目投产，在现有100家企业基础上，[全市新增企业50家]，[科技创新能力显著增强]，"
        + "包括石板大健康产业园等项目。")
    let found = try targets(
      text,
      figures: [("100家", Figure(value: 100, unit: "家")), ("50家", Figure(value: 50, unit: "家"))])
    #expect(found.targets.map { $0.start..<$0.end } == spans)
    #expect(found.targets.compactMap(target).map(\.value) == [50, nil])
  }

  @Test("a figure the pipeline drops (inside a name or a date) is not the target's figure")
  func droppedFigure() throws {
    let (text, spans) = TestSupport.marked("到2025年，[引进360集团等龙头企业]，[建成研发机构30家]。")
    let found = try targets(
      text, figures: [("360", Figure(value: 360)), ("30家", Figure(value: 30, unit: "家"))],
      organizations: ["360集团"])
    #expect(found.targets.map { $0.start..<$0.end } == spans)
    #expect(found.targets.compactMap(target).map(\.value) == [nil, 30])
    #expect(found.targets.compactMap(target).first?.figure == nil)
  }

  @Test(
    "relative deadlines resolve against the document's year",
    arguments: [
      ("今年，[西部(重庆)科学城将推动21个产业项目全面开工]；[培育新增市场主体2500户]……随着项目增多，信心增强。", "2023", "2023", 2),
      ("他们的目标是5年内[打造百亿级智能网联汽车产业集群]，[形成智能网联汽车产业新高地]。", "2022", "2027", 2),
      ("科学城力争五年内[建成西部有影响力的软件产业园]。", "2022-08-25", "2027", 1),
      ("力争用3年时间[建成西部有影响力的软件产业园]。", "2022", "2025", 1),
      ("今年，我们将推进以下工作：一是[加快建设产业集群]；二是[推动21个产业项目全面开工]。", "2023", "2023", 2),
      ("今年，[西部(重庆)科学城更是明确要加快光源建设]，[新投用国家健康战略资源中心等平台]，全年[计划取得引领性成果5项以上]。", "2024", "2024", 3),
    ])
  func relative(marked: String, docDate: String, deadline: String, count: Int) throws {
    let (text, spans) = TestSupport.marked(marked)
    let figures = [
      ("21个", Figure(value: 21, unit: "个")), ("2500户", Figure(value: 2500, unit: "户")),
      ("5项", Figure(value: 5, unit: "项", qualifier: "at_least")),
    ]
    let found = try targets(text, figures: figures, date: docDate).targets
    #expect(found.count == count)
    #expect(found.map { $0.start..<$0.end } == spans)
    #expect(found.compactMap(target).allSatisfy { $0.deadline == deadline })
    // Without a document date a relative deadline cannot be resolved: no targets.
    #expect(try targets(text, figures: figures).targets.isEmpty)
  }

  @Test(
    "other deadline phrases: plan periods, year-end, a future year opening a clause",
    arguments: [
      ("到“十四五”末，[全区数字经济核心产业增加值占比达到10%]。", "2025"),
      ("科学城力争2026年[建成国家级高新技术产业开发区]。", "2026"),
      ("今年底前，[科学城将完成科学大道二期建设]。", "2023"),
      ("2026年，[全市将建成5G基站10000个]。", "2026"),
      ("預計到2030年，[軟體產業規模將突破千億元]。", "2030"),
      ("预计到今年底，[全区高新技术企业将达10%]。", "2023"),
      ("该项目计划于2025年6月[建成投用]。", "2025-06"),
      ("力争2024年内[建成投用]。", "2024"),
      ("到 2025 年，[建成投用]。", "2025"),
      ("该项目将于2025年[建成投用]。", "2025"),
      ("科学城将于今年[完成投资10%]。", "2023"),
      ("今年[科学城将新开工重大项目10%]。", "2023"),
      ("2023年，[全市将新开工重大项目10%]。", "2023"),
    ])
  func otherDeadlines(marked: String, deadline: String) throws {
    let (text, spans) = TestSupport.marked(marked)
    let found = try targets(
      text, figures: [("10%", Figure(value: 10, unit: "percent"))], date: "2023"
    ).targets
    #expect(found.map { $0.start..<$0.end } == spans)
    #expect(found.compactMap(target).map(\.deadline) == [deadline])
  }

  @Test("a year followed by 计划 is a plan for that year; the clause after it is not a goal")
  func yearPlan() throws {
    let (text, spans) = TestSupport.marked(
      "开工项目11个，计划总投资351.5亿元，2023年[计划完成投资43.8亿元]，包括石板大健康产业园等项目，涵盖科技创新、产业发展等多个领域。")
    let found = try targets(
      text,
      figures: [
        ("43.8亿元", Figure(value: 4.38e9, unit: "CNY")),
        ("351.5亿元", Figure(value: 3.515e10, unit: "CNY")),
      ],
      dates: [("2023年", "2023")], date: "2023")
    #expect(found.targets.map { $0.start..<$0.end } == spans)
    #expect(found.targets.compactMap(target).first?.metric == "完成投资")
    #expect(found.targets.compactMap(target).first?.value == 4.38e9)
  }

  @Test(
    "no deadline, no target",
    arguments: [
      "下一步，西部（重庆）科学城将加快形成规模达5000亿元的主导产业集群。",
      "截至2023年底，科学城已引进科创平台43个。",
      "今年初，重庆出台《意见》，将高标准建设科学中心。",
      "今年上半年，科学城汽车产业产值同比增长64.7%。",
      "今年以来，科学城将招商引资作为重点，引进项目43个。",
      "今年前三季度，科学城将近完成投资43个。",
      "重点主要在2023年完成投资43个。",
      "“满天星”行动计划2023年工作部署暨重点项目签约活动举行，43个项目集中签约。",
      "2021年，科学城核心区GDP同比增长12.9%。",
      "到2020年，科学城建成研发机构43个。",
      "今年底，科学城已建成研发机构43个。",
      "“十三五”期间，科学城建成研发机构43个。",
      "2021—2025年，科学城引进项目43个。",
      "到2022年底，科学城已建成研发机构43个。",
      "规划期限为2021年至2035年，建成研发机构43个。",
      "科学城近5年内建成研发机构43个。",
      "科学城历时3年时间建成研发机构43个。",
      "《重庆市到2025年科技创新规划》印发，科学城建成研发机构43个。",
    ])
  func notTargets(text: String) throws {
    let figures = [
      ("5000亿元", Figure(value: 5e11, unit: "CNY")), ("43个", Figure(value: 43, unit: "个")),
      ("64.7%", Figure(value: 64.7, unit: "percent")),
      ("12.9%", Figure(value: 12.9, unit: "percent")),
    ]
    #expect(try targets(text, figures: figures, date: "2022").targets.isEmpty)
  }

  @Test("English: by 2025 and within five years")
  func english() throws {
    let (text, spans) = TestSupport.marked(
      "By 2025, [the software industry's revenue will reach 80 billion yuan], and [the city will become a software hub]. "
        + "Within five years [the park will attract 300 companies] and [create 10,000 jobs].")
    let found = try targets(
      text,
      figures: [
        ("80 billion yuan", Figure(value: 8e10, unit: "CNY")),
        ("300 companies", Figure(value: 300, unit: "company")),
        ("10,000 jobs", Figure(value: 10000, unit: "job")),
      ],
      lang: .english, date: "2022")
    #expect(found.targets.map { $0.start..<$0.end } == spans)
    let t = found.targets.compactMap(target)
    #expect(t.map(\.deadline) == ["2025", "2025", "2027", "2027"])
    #expect(t.first?.metric == "the software industry's revenue")
    #expect(t.first?.value == 8e10 && t.first?.unit == "CNY")
    #expect(t.map(\.value) == [8e10, nil, 300, 10000])
    #expect(
      t.map(\.metric) == [
        "the software industry's revenue", "a software hub", "companies", "jobs",
      ])
  }

  @Test(
    "English: other deadline phrases",
    arguments: [
      ("This year, [the zone will start 12 projects].", "2022"),
      ("By the end of next year, [the zone will start 12 projects].", "2023"),
      ("In the next three years [the zone will start 12 projects].", "2025"),
      ("The zone plans to [start 12 projects] by 2030.", "2030"),
      ("[The zone will start 12 projects] this year.", "2022"),
      ("In 2024, [the zone will start 12 projects].", "2024"),
      ("[The zone will start 12 projects] in 2025.", "2025"),
    ])
  func englishDeadlines(marked: String, deadline: String) throws {
    let (text, spans) = TestSupport.marked(marked)
    let found = try targets(
      text, figures: [("12 projects", Figure(value: 12, unit: "project"))], lang: .english,
      date: "2022")
    #expect(found.targets.map { $0.start..<$0.end } == spans)
    #expect(found.targets.compactMap(target).map(\.deadline) == [deadline])
    #expect(found.targets.compactMap(target).map(\.value) == [12])
  }

  @Test(
    "English: past statements are no targets",
    arguments: [
      "The zone started 12 projects this year.",
      "In 2021, the zone started 12 projects.",
      "By 2020, the zone had started 12 projects.",
      "In 2022, the zone started 12 projects.\nThe park aims to double its output.",
    ])
  func englishNotTargets(text: String) throws {
    let found = try targets(
      text, figures: [("12 projects", Figure(value: 12, unit: "project"))], lang: .english,
      date: "2022")
    #expect(found.targets.isEmpty)
  }

  @Test("Traditional text: the span and metric are the original characters")
  func traditional() throws {
    let (text, spans) = TestSupport.marked("到2025年，[軟件企業達2000家]，[軟件從業人數達6萬人]。")
    let found = try targets(
      text,
      figures: [
        ("2000家", Figure(value: 2000, unit: "家")), ("6万人", Figure(value: 60000, unit: "人")),
      ])
    #expect(found.targets.map { $0.start..<$0.end } == spans)
    #expect(found.targets.compactMap(target).map(\.metric) == ["軟件企業", "軟件從業人數"])
    #expect(found.targets.compactMap(target).map(\.value) == [2000, 60000])
  }
}

import Testing

@testable import PressFacts

/// Year lists, paragraph deadlines, milestones, English goals and what is no target
/// (GUIDELINE.md: Targets; Plans for the current year, and milestones). Sentences are
/// written for these tests; figures and dates come from stand-in stages (`targets`).
@Suite struct TargetListTests {
  private func spans(_ found: [Record]) -> [Range<Int>] { found.map { $0.start..<$0.end } }
  private func deadlines(_ found: [Record]) -> [String?] {
    found.compactMap(target).map(\.deadline)
  }

  // MARK: Class 1: the year's list of targets

  @Test("Simplified: a header names the year and 目标; every indicator after its colon is a target")
  func simplifiedYearList() throws {
    let (text, marks) = TestSupport.marked(
      "市长在报告中说，2024年全市经济社会发展主要预期目标是：[地区生产总值增长6%左右]，"
        + "[城镇新增就业5万人]；[居民收入增长与经济增长同步]。")
    let found = try targets(
      text,
      figures: [
        ("6%", Figure(value: 6, unit: "percent", qualifier: "approx")),
        ("5万人", Figure(value: 50000, unit: "人")),
      ], date: "2024-01-20"
    ).targets
    #expect(spans(found) == marks)
    #expect(deadlines(found) == ["2024", "2024", "2024"])
    let t = found.compactMap(target)
    #expect(t.map(\.metric) == ["地区生产总值增长", "城镇新增就业", "居民收入增长与经济增长同步"])
    #expect(t.map(\.value) == [6, 50000, nil])
  }

  @Test("Simplified: a list over several sentences; section headings (…方面) are no items")
  func listWithHeadings() throws {
    let (text, marks) = TestSupport.marked(
      "2025年发展指标安排如下：总量指标方面，[地区生产总值增长6%]；[一般公共预算收入增长4%]。"
        + "质量指标方面，[高新技术企业达到120家]。\n下一段介绍其他工作。")
    let found = try targets(
      text,
      figures: [
        ("6%", Figure(value: 6, unit: "percent")), ("4%", Figure(value: 4, unit: "percent")),
        ("120家", Figure(value: 120, unit: "家")),
      ], date: "2025"
    ).targets
    #expect(spans(found) == marks)
    #expect(deadlines(found) == ["2025", "2025", "2025"])
  }

  @Test("Traditional: 今年 with 目標 and a colon; the document's year")
  func traditionalYearList() throws {
    let (text, marks) = TestSupport.marked(
      "今年主要預期目標為：[本地生產總值增長3%]，[失業率控制在4%以內]。")
    let found = try targets(
      text,
      figures: [
        ("3%", Figure(value: 3, unit: "percent")),
        ("4%以内", Figure(value: 4, unit: "percent", qualifier: "at_most")),
      ], lang: .traditionalChinese, date: "2023"
    ).targets
    #expect(spans(found) == marks)
    #expect(deadlines(found) == ["2023", "2023"])
    #expect(found.compactMap(target).map(\.metric) == ["本地生產總值增長", "失業率"])
  }

  @Test("English: a header with targets and a year, then one target per bullet line")
  func englishBulletList() throws {
    let (text, marks) = TestSupport.marked(
      "The government proposes the main targets for development in 2025 as follows:\n\n"
        + "-- [GDP growth of around 5 percent]\n\n-- [a stable level of consumer prices], "
        + "with more effort on jobs\n\nThe report was adopted on Monday.")
    let found = try targets(
      text, figures: [("5 percent", Figure(value: 5, unit: "percent"))], lang: .english,
      date: "2025-03-05"
    ).targets
    #expect(spans(found) == marks)
    #expect(deadlines(found) == ["2025", "2025"])
    #expect(found.compactMap(target).first?.metric == "GDP growth")
  }

  @Test(
    "A year with a list that is no plan: past years, results (已), no list noun",
    arguments: [
      "2023年主要目标已经完成：地区生产总值增长5%。",
      "2024年，全市地区生产总值增长5%，城镇新增就业6万人。",
      "The main targets for 2023 were met: GDP growth of 5 percent.",
    ])
  func notAList(text: String) throws {
    let found = try targets(
      text,
      figures: [
        ("5%", Figure(value: 5, unit: "percent")), ("6万人", Figure(value: 60000, unit: "人")),
        ("5 percent", Figure(value: 5, unit: "percent")),
      ], date: "2025"
    ).targets
    #expect(found.isEmpty)
  }

  // MARK: A deadline that opens a paragraph

  @Test("到2026年 at a paragraph's start governs its sentences and the —— lines after it")
  func paragraphDeadline() throws {
    let (text, marks) = TestSupport.marked(
      "到2026年，[研发经费投入强度达到3%]。[新增高新技术企业50家]。\n"
        + "——[创新能力显著提升]。[建成省级重点实验室2家]。\n该区去年新增企业30家。")
    let found = try targets(
      text,
      figures: [
        ("3%", Figure(value: 3, unit: "percent")), ("50家", Figure(value: 50, unit: "家")),
        ("2家", Figure(value: 2, unit: "家")), ("30家", Figure(value: 30, unit: "家")),
      ], date: "2023"
    ).targets
    #expect(spans(found) == marks)
    #expect(deadlines(found) == ["2026", "2026", "2026", "2026"])
  }

  // MARK: Class 2: dated milestones

  @Test("Simplified milestone: the verb right after its date; the span keeps the date")
  func simplifiedMilestone() throws {
    let (text, marks) = TestSupport.marked("一期工程[预计2027年6月投产]。首批居民可[在2034年入伙]。")
    let found = try targets(text, date: "2024").targets
    #expect(spans(found).count == 2)
    #expect(spans(found).first == marks.first)
    #expect(deadlines(found) == ["2027-06", "2034"])
    #expect(found.compactMap(target).map(\.metric).first == "投产")
    #expect(found.compactMap(target).allSatisfy { $0.value == nil })
  }

  @Test("Traditional milestone: an ROC year, read by the date stage or, without it, + 1911")
  func rocMilestone() throws {
    let (text, _) = TestSupport.marked("新園區預計115年3月完工，道路預計116年完工。")
    let found = try targets(
      text, dates: [("115年3月", "2026-03")], lang: .traditionalChinese, date: "2025-07-01"
    ).targets
    #expect(deadlines(found) == ["2026-03", "2027"])
  }

  @Test("A planned day from the date stage: 预计20日公布; a half year: 今年上半年计划")
  func plannedDates() throws {
    let (text, marks) = TestSupport.marked(
      "市府預計20日[公布10項措施]。今年上半年[全市计划开工重大项目40个]。")
    let found = try targets(
      text,
      figures: [("10项", Figure(value: 10, unit: "项")), ("40个", Figure(value: 40, unit: "个"))],
      dates: [("20日", "2023-03-20")], date: "2023-03-10"
    ).targets
    #expect(spans(found) == marks)
    #expect(deadlines(found) == ["2023-03-20", "2023-H1"])
  }

  @Test("English milestone in a quarter of the year")
  func englishQuarter() throws {
    let (text, marks) = TestSupport.marked(
      "For the new port, [preliminary proposals are expected to be put forward] in the fourth quarter of this year."
    )
    let found = try targets(text, lang: .english, date: "2022-02-23").targets
    #expect(spans(found) == marks)
    #expect(deadlines(found) == ["2022-Q4"])
  }

  @Test("Quarter in Chinese: 二○二二年的第四季 (○ as zero)")
  func chineseQuarter() throws {
    let found = try targets(
      "政府預計在二○二二年的第四季提出初步方案。", lang: .traditionalChinese, date: "2022-04-13"
    ).targets
    #expect(deadlines(found) == ["2022-Q4"])
  }

  // MARK: Class 3: English goal sentences

  @Test("English: a deadline inside its clause follows the goal; two deadlines in one sentence")
  func englishGoalBeforeDeadline() throws {
    let (text, marks) = TestSupport.marked(
      "The city aims to [achieve annual GDP growth of about 5 percent] over the next five years "
        + "and [to double its per capita GDP] in 2035 from the 2020 level.")
    let found = try targets(
      text, figures: [("5 percent", Figure(value: 5, unit: "percent"))], lang: .english,
      date: "2026"
    ).targets
    #expect(spans(found) == marks)
    #expect(deadlines(found) == ["2031", "2035"])
    #expect(found.compactMap(target).map(\.value) == [5, nil])
  }

  @Test(
    "English: ranges, plan periods and purpose clauses",
    arguments: [
      (
        "The city is striving to [draw up plans for three new towns] within two to three years, speeding up housing.",
        "2025"
      ),
      (
        "[To raise the city's core competitiveness] during the 15th Five-Year Plan (2026-30) period, the city will act.",
        "2030"
      ),
    ])
  func englishPhrases(marked: String, deadline: String) throws {
    let (text, marks) = TestSupport.marked(marked)
    let found = try targets(text, lang: .english, date: "2022").targets
    #expect(spans(found) == marks)
    #expect(deadlines(found) == [deadline])
  }

  // MARK: Class 4: the value of a counted goal

  @Test("打造6个千亿级产业集群: the count is the value, not the order of magnitude")
  func countedValue() throws {
    let found = try targets(
      "到2025年，打造6个千亿级产业集群。",
      figures: [("6个", Figure(value: 6, unit: "个")), ("千亿级", Figure(value: 1e11))],
      date: "2022"
    ).targets
    let t = found.compactMap(target)
    #expect(t.map(\.value) == [6])
    #expect(t.map(\.unit) == ["个"])
  }

  // MARK: Class 5: what is no target

  @Test(
    "No targets: past results, programme years, slogans, purposes and further plans",
    arguments: [
      "2021年地区生产总值2.15万亿元，比上年增长7%以上。",
      "经市府争取2023年度补助计划，获中央补助1亿元。",
      "坚持以高质量发展为统领，努力实现七个新目标。",
      "The zone completed 12 projects in 2021.",
    ])
  func notTargets(text: String) throws {
    let found = try targets(
      text,
      figures: [
        ("2.15万亿元", Figure(value: 2.15e12, unit: "CNY")),
        ("7%", Figure(value: 7, unit: "percent")), ("1亿元", Figure(value: 1e8, unit: "CNY")),
        ("12 projects", Figure(value: 12, unit: "project")),
      ], date: "2023"
    ).targets
    #expect(found.isEmpty)
  }

  @Test(
    "A fiscal year naming a programme or funding obtained is no deadline, even after 争取/爭取",
    arguments: [
      ("该区积极争取2024年度中央预算内投资专项资金，获补助3亿元，资金已下达。", "2024年度", "2024", Language.simplifiedChinese),
      ("本案經縣府爭取113年度中央補助計畫，獲補助3億元，縣府自籌配合款。", "113年度", "2024", .traditionalChinese),
      ("鎮公所已編列114年度預算3億元辦理道路改善。", "114年度", "2025", .traditionalChinese),
    ])
  func fiscalProgramme(text: String, fiscal: String, year: String, lang: Language) throws {
    let found = try targets(
      text, figures: [("3亿元", Figure(value: 3e8, unit: "CNY"))],
      dates: [(fiscal, year)], lang: lang, date: "2024-05-01"
    ).targets
    #expect(found.isEmpty)
  }

  @Test("A fiscal year followed by a modal or a goal verb stays a deadline (年度 in the phrase)")
  func fiscalDeadline() throws {
    let (text, marks) = TestSupport.marked(
      "公司预计2025年度[完成全部生产线改造]。本市113年度[將新增公共托育中心5處]。")
    let found = try targets(
      text, figures: [("5处", Figure(value: 5, unit: "处"))],
      dates: [("2025年度", "2025"), ("113年度", "2024")], lang: .traditionalChinese,
      date: "2024-01-10"
    ).targets
    #expect(spans(found) == marks)
    #expect(deadlines(found) == ["2025", "2024"])
  }

  @Test("In the first year of a plan period it names, the next N years are that period")
  func durationOfCurrentPlan() throws {
    let en = try targets(
      "During the 16th Five-Year Plan (2031-35) period, the province will open new ports. "
        + "It aims to [raise its exports by 40 percent] over the next five years.",
      figures: [("40 percent", Figure(value: 40, unit: "percent"))], date: "2031-03-02"
    ).targets
    #expect(deadlines(en) == ["2035", "2035"])
    let zh = try targets(
      "“十五五”时期，全区将推进产业升级。未来五年，将[新建养老床位2000张]。",
      figures: [("2000张", Figure(value: 2000, unit: "张"))], date: "2026-01-15"
    ).targets
    #expect(deadlines(zh).last == "2030")
    let hant = try targets(
      "「十五五」時期，本區將推進產業升級。未來五年，將新建長照床位2000張。",
      figures: [("2000张", Figure(value: 2000, unit: "张"))], lang: .traditionalChinese,
      date: "2026-01-15"
    ).targets
    #expect(deadlines(hant).last == "2030")
  }

  @Test("Outside a plan's first year, the next N years count from the document's year")
  func durationOutsidePlan() throws {
    let found = try targets(
      "“十四五”时期，全区将推进产业升级。未来五年，将新建养老床位2000张。",
      figures: [("2000张", Figure(value: 2000, unit: "张"))], date: "2022-01-15"
    ).targets
    #expect(deadlines(found).last == "2027")
  }

  @Test(
    "A goal set for a span of years (2027至2029年之间) is due at the span's last year",
    arguments: [
      ("预计在2027至2029年之间，[新增投资300亿元]。", Language.simplifiedChinese),
      ("估計在 2027 至 2029 年之間,[新增投資300億元]。", .traditionalChinese),
    ])
  func yearRange(text: String, lang: Language) throws {
    let (plain, marks) = TestSupport.marked(text)
    let range = lang == .traditionalChinese ? "2027 至 2029 年" : "2027至2029年"
    let found = try targets(
      plain, figures: [("300亿元", Figure(value: 3e10, unit: "CNY"))],
      dates: [(range, "2027/2029")], lang: lang, date: "2025-06-01"
    ).targets
    #expect(spans(found) == marks)
    #expect(deadlines(found) == ["2029"])
  }

  @Test("English: an intention with a window of two dates (between … and …) is due at its end")
  func englishWindow() throws {
    let (text, marks) = TestSupport.marked(
      "The agency said it plans to [test a new reusable booster] between July 8 and July 20.")
    let found = try targets(
      text, dates: [("July 8", "2025-07-08"), ("July 20", "2025-07-20")], date: "2025-07-01"
    ).targets
    #expect(spans(found) == marks)
    #expect(deadlines(found) == ["2025-07-20"])
    let past = try targets(
      "The agency tested a booster between July 8 and July 20.",
      dates: [("July 8", "2025-07-08"), ("July 20", "2025-07-20")], date: "2025-08-01"
    ).targets
    #expect(past.isEmpty)
  }

  @Test(
    "A goal followed by 包括…等共N项 runs through the list; the count is its value",
    arguments: [
      (
        "预计2026年[建成投用文化设施，包括“城市书房”、“社区剧场”等共12个]，并将继续扩充。", "12个", "个",
        Language.simplifiedChinese
      ),
      (
        "預計115年[完成改建運動場館,包括「河濱球場」、「市民泳池」等共12處],並持續檢討。", "12处", "处",
        .traditionalChinese
      ),
    ])
  func countingList(text: String, figure: String, unit: String, lang: Language) throws {
    let (plain, marks) = TestSupport.marked(text)
    let found = try targets(
      plain, figures: [(figure, Figure(value: 12, unit: unit))], lang: lang, date: "2025-03-01"
    ).targets
    #expect(spans(found) == marks)
    #expect(found.compactMap(target).map(\.value) == [12])
  }

  @Test("包括… without a closing count, or after a goal with its own figure, stays apart")
  func listWithoutCount() throws {
    let found = try targets(
      "预计2026年建成文化设施，包括城市书房和社区剧场。今年将新增绿地20公顷，包括口袋公园等共8个。",
      figures: [("20公顷", Figure(value: 20, unit: "ha")), ("8个", Figure(value: 8, unit: "个"))],
      date: "2025-03-01"
    ).targets
    #expect(found.compactMap(target).map(\.value).contains(20))
    #expect(!found.compactMap(target).contains { $0.value == 8 && $0.metric == "绿地" })
    #expect(!found.contains { $0.end - $0.start > 20 })
  }

  @Test("A purpose (以利…) or a further plan (并将…) ends what the deadline governs")
  func scopeEnds() throws {
    let (text, marks) = TestSupport.marked(
      "工程预计于[2026年10月完成]，以利厂商进驻，提升就业机会。到2030年[投入预算900亿元]，并将召开座谈会。")
    let found = try targets(
      text, figures: [("900亿元", Figure(value: 9e10, unit: "CNY"))], date: "2024"
    ).targets
    #expect(spans(found) == marks)
    #expect(deadlines(found) == ["2026-10", "2030"])
  }

  @Test("A list line cut off in mid-word (a truncated preview) loses its last item")
  func cutOffItem() throws {
    let (text, marks) = TestSupport.marked(
      "2024年全市经济社会发展主要预期目标是：[地区生产总值增长5%左右]，[城镇新增就业8万人]，"
        + "[居民收入增长与经济增长基本同步]，研发投\n下一段。")
    let found = try targets(
      text,
      figures: [
        ("5%", Figure(value: 5, unit: "percent")), ("8万人", Figure(value: 80000, unit: "人")),
      ], date: "2024"
    ).targets
    #expect(spans(found) == marks)
  }

  @Test("A modal before the deadline (有望今年) makes what follows the goal")
  func modalBeforeDeadline() throws {
    let (text, marks) = TestSupport.marked("施工机器人有望今年[就在工地上使用]。")
    let found = try targets(text, date: "2019").targets
    #expect(spans(found) == marks)
    #expect(deadlines(found) == ["2019"])
  }

  @Test("A clause naming another date (今年首三个月) leaves the deadline's scope")
  func otherDateEndsScope() throws {
    let (text, marks) = TestSupport.marked(
      "特区政府预计今年[全年博彩毛收为二千四百亿元]，司长指出，今年首三个月博彩毛收入仍未达到二百亿元。")
    let found = try targets(
      text,
      figures: [
        ("二千四百亿元", Figure(value: 2.4e11, unit: "MOP")), ("二百亿元", Figure(value: 2e10, unit: "MOP")),
      ], dates: [("今年首三个月", "2025-01/2025-03")], date: "2025"
    ).targets
    #expect(spans(found) == marks)
  }

  @Test("English: a bracketed conversion is not the value; relative years inside the clause")
  func englishSpending() throws {
    let (text, marks) = TestSupport.marked(
      "[The cabinet has proposed spending NT$210.2 billion (US$6.96 billion)] over the next two years. "
        + "[The plans would propose spending NT$104.4 billion] next year and [NT$105.8 billion] in 2024, "
        + "the cabinet said.")
    let found = try targets(
      text,
      figures: [
        ("NT$210.2 billion", Figure(value: 2.102e11, unit: "TWD")),
        ("US$6.96 billion", Figure(value: 6.96e9, unit: "USD")),
        ("NT$104.4 billion", Figure(value: 1.044e11, unit: "TWD")),
        ("NT$105.8 billion", Figure(value: 1.058e11, unit: "TWD")),
      ], lang: .english, date: "2022"
    ).targets
    #expect(spans(found) == marks)
    #expect(deadlines(found) == ["2024", "2023", "2024"])
    let t = found.compactMap(target)
    #expect(t.map(\.value) == [2.102e11, 1.044e11, 1.058e11])
    #expect(t.first?.metric == "spending")
  }

  @Test("Relative years: 明年 with a milestone, 今年年底 with a modal, 明年度 budgets")
  func relativeMilestones() throws {
    let (text, marks) = TestSupport.marked(
      "新公司[明年成立]。政府也将在今年年底[举办国际绿色科技周]。市府明年度[編列預算3億元推動轉型]。")
    let found = try targets(
      text, figures: [("3亿元", Figure(value: 3e8, unit: "TWD"))],
      lang: .traditionalChinese, date: "2023"
    ).targets
    #expect(spans(found) == marks)
    #expect(deadlines(found) == ["2024", "2023", "2024"])
  }

  @Test("A past 今年成立 is no milestone; only a later year is")
  func foundedThisYear() throws {
    #expect(try targets("该公司今年成立，现有员工50人。", date: "2023").targets.isEmpty)
  }

  @Test("English: the value after the deadline (for 2035 at …) belongs to the goal")
  func englishValueAfterDeadline() throws {
    let (text, marks) = TestSupport.marked(
      "The city aims to [set its GDP for 2035 at over 2.8 trillion yuan], officials said.")
    let found = try targets(
      text,
      figures: [("2.8 trillion yuan", Figure(value: 2.8e12, unit: "CNY", qualifier: "more_than"))],
      lang: .english, date: "2024"
    ).targets
    #expect(spans(found) == marks)
    #expect(found.compactMap(target).map(\.value) == [2.8e12])
  }

  @Test("After the goals, a framing clause (针对…) starts a new statement, not governed")
  func newFrameEndsScope() throws {
    let (text, marks) = TestSupport.marked(
      "工程會表示，目前預計116年[完工啟用重大建設]，針對各機關預定完工的建設，將加強協處及管控。")
    let found = try targets(text, lang: .traditionalChinese, date: "2026-02-09").targets
    #expect(spans(found) == marks)
    #expect(deadlines(found) == ["2027"])
  }

  @Test("Numbered list lines (1. / （三） / 1.) after a header: Chinese clauses, English lines")
  func numberedLists() throws {
    let (text, marks) = TestSupport.marked(
      "2025年全市主要预期目标如下：\n1.[地区生产总值增长6%左右]；\n"
        + "2.[城镇新增就业8万人以上]，[居民收入增长与经济增长同步]；\n（三）[单位GDP能耗下降3%]。\n"
        + "下面是其他内容，去年完成投资50亿元。\n\nThe main targets for this year are:\n"
        + "1. [GDP growth of around 5 percent]\n2. [over 10 million new urban jobs]\n"
        + "The report was adopted.")
    let found = try targets(
      text,
      figures: [
        ("6%", Figure(value: 6, unit: "percent")), ("8万人", Figure(value: 80000, unit: "人")),
        ("3%", Figure(value: 3, unit: "percent")), ("50亿元", Figure(value: 5e9, unit: "CNY")),
        ("5 percent", Figure(value: 5, unit: "percent")),
        ("10 million new urban jobs", Figure(value: 1e7, unit: "job")),
      ], date: "2025-01-15"
    ).targets
    #expect(spans(found) == marks)
    #expect(deadlines(found).allSatisfy { $0 == "2025" })
  }

  @Test(
    "A header that reports how the year's targets went is no list, even without a document date",
    arguments: [
      "2024年主要目标任务完成情况：地区生产总值增长5%。",
      "The main targets for 2024 were met as follows: GDP growth of 5 percent.",
    ])
  func reportHeader(text: String) throws {
    let found = try targets(
      text,
      figures: [
        ("5%", Figure(value: 5, unit: "percent")), ("5 percent", Figure(value: 5, unit: "percent")),
      ]
    ).targets
    #expect(found.isEmpty)
  }
}

import Foundation
import Testing

@testable import PressFacts

/// The organisations of `text` as (original text, name, kind), in document order.
private func organizations(
  _ text: String, extractor: OrganizationExtractor? = nil, lang: Language? = nil
) throws -> [(text: String, name: String, kind: String)] {
  let stage = try extractor ?? OrganizationExtractor()
  return try TestSupport.records(text, stages: [stage], lang: lang).compactMap { r in
    guard case .organization(let o) = r.payload else { return nil }
    #expect(TestSupport.slice(text, r.start..<r.end) == r.text)
    return (r.text, o.name, o.kind)
  }
}

@Suite struct OrganizationExtractorTests {
  @Test(
    "the span is the whole name and stops at verbs, prepositions, coordination and punctuation",
    arguments: [
      "今年7月,科学城与[国核铀业发展有限责任公司]成功签约,拟在科学城设立研发及生产基地。",
      "2021年,[电子科技大学重庆微电子产业技术研究院]落地西永微电子产业园区,牵手[重庆声光电集团]、[西南集成]等多家科学城企业。",
      "去年底,西部(重庆)科学城引进[双城(重庆)信用增进股份有限公司],以支持各融资主体化解债务风险。",
      "运营单位[中电建(重庆高新区)新能源有限公司],因企业总部注册地在成都。",
      "　　数据来源：[西部（重庆）科学城管委会]",
      "推动[中国科学院重庆科学中心]、[北京大学重庆大数据研究院]等校地院地央地合作项目落地。",
      "[商汤科技]、[360集团]、[大唐高鸿]、[腾讯]等国内优秀场景创新企业代表现场进行路演交流。",
      "该中心由[西南大学]联合国内外高校、科研机构建立。",
      "[中国科学院]院士、[汽车安全与节能国家重点实验室]主任李克强表示。",
      "[管委会]副主任肖庆华和[重庆高新区改革发展局]局长徐秀霞回答了记者提问。",
      "“[重庆高新区政务服务和公共事务中心]负责人表示。",
      "这些花都是依托[川渝共建乡土植物种质创新与利用重点实验室]培育。",
      "科学城拟同高校及科研院所三方高水平共建[成渝(重庆)技术转移学院]。",
      "推动科学城创新发展迈上新台阶,[北京大学重庆大数据研究院]正在突破国产通用型科学计算领域“根技术”。",
      "此前[华润微电子中心]等集成电路产业龙头企业纷纷落户,[华润微电子]也在扩产。",
      "已孵化出[西部智车]等7家产业化公司,获得四家主流评级公司的评级。",
      "市领导随后调研[重庆交通大学],考察[中国汽车工程研究院股份有限公司]。",
      "[台積電]與[鴻海精密工業股份有限公司]亦派員參加。",
      "[腾讯云计算（北京）有限责任公司]与[重庆市大数据应用发展管理局]签约,合理布局产业。",
      "由[中国科学院]院士、[重庆大学]校长王树新领衔,[国务院]、[工信部]印发通知。",
      "项目经[重庆市经济和信息化委员会]批准,[西南大学农学与生物科技学院]参与。",
      "近年来,[渝新智造]、[腾讯]、[山城云图]等本土企业加快发展,沙坪坝区、九龙坡区等地区也在行动。",
      "目前已孵化出[西部智车]等7家产业化公司。",
    ])
  func boundaries(marked: String) throws {
    let (text, spans) = TestSupport.marked(marked)
    let found = try organizations(text).map(\.text)
    #expect(found == spans.map { TestSupport.slice(text, $0) })
  }

  @Test("a paragraph break inside a name is crossed; the span keeps it and the name drops it")
  func lineBreakInsideName() throws {
    let text = "签约高校院所参与科学城建设项目27个,已投用5个(北京大学重庆大数据研究院、重庆医科\n\n大学国际体外诊断(IVD)研究院一期、中国自然人群资源库重庆中心)。"
    let orgs = try organizations(text)
    #expect(orgs.map(\.text) == ["北京大学重庆大数据研究院", "重庆医科\n\n大学国际体外诊断(IVD)研究院", "中国自然人群资源库重庆中心"])
    #expect(orgs[1].name == "重庆医科大学国际体外诊断(IVD)研究院")
  }

  @Test("a short heading line is not joined to the next line")
  func headingNotJoined() throws {
    let orgs = try organizations("金凤软件园\n\n\n\n华润微电子 摄/雷键\n\n广达(重庆)制造基地工人正在组装笔记本电脑")
    #expect(orgs.map(\.text) == ["华润微电子"])
  }

  @Test(
    "places, zones, facilities, documents and generic categories are not organisations",
    arguments: [
      "西部（重庆）科学城位于重庆中心城区西部槽谷地带，规划面积1198平方公里。",
      "新一代信息技术产业集群集中分布在重庆西永微电子产业园区。",
      "将依托大学城、科研港、科学谷、生命岛、科创街“五大创新支撑”。",
      "加快打造西部股权投资基金发展高地的重要抓手。",
      "深化落实《成渝共建西部金融中心规划》部署要求。",
      "加快建设超瞬态实验装置、中国自然人群生物资源库等重大创新平台。",
      "科学城核心区市级以上重点实验室增至92个,一批川渝联合实验室加快建设。",
      "加强5G基站、工业互联网、数据中心等新型基础设施建设,实干开新局。",
      "推出科学城文化艺术中心智能场馆和数字化舞台等8个场景。",
      "全市共有上市公司80家,各级政府和地方政府出台多项政策,多所大学参与。",
      "加快建设全国先进制造业中心,城市副中心建设提速,集团公司统筹推进。",
      "汽车、电子、装备等产业企业加快转型,制造业、服务业等多家企业受益。",
    ])
  func nonOrganizations(text: String) throws {
    #expect(try organizations(text).isEmpty)
  }

  @Test(
    "kinds come from the suffix, or from the known name a weak suffix follows",
    arguments: [
      ("重庆大学朱涛教授团队获得融资。", "重庆大学", "university"),
      ("位于科学谷的清安新型储能科研院项目落户。", "清安新型储能科研院", "research"),
      ("本报讯(重庆日报记者 李星婷)", "重庆日报", "media"),
      ("获四川院士科技创新股权投资引导基金天使轮融资。", "四川院士科技创新股权投资引导基金", "other"),
      ("按照重庆市委市政府工作部署推进。", "重庆市委市政府", "government"),
      ("华润微电子中心等企业纷纷落户。", "华润微电子中心", "company"),
      ("据成都市植物园相关负责人介绍。", "成都市植物园", "research"),
    ])
  func kinds(text: String, name: String, kind: String) throws {
    let orgs = try organizations(text)
    #expect(orgs.map(\.name) == [name])
    #expect(orgs.first?.kind == kind)
  }

  @Test(
    "edge inputs: empty text, bare suffixes, brackets at the start, breaks at the ends",
    arguments: [
      ("", [String]()), ("大学", []), ("(重庆)大学", []), (")大学", []), ("管委会", ["管委会"]),
      ("\n\n重庆大学\n\n", ["重庆大学"]), ("华为", ["华为"]), ("等企业", []), ("、腾讯等企业", ["腾讯"]),
      ("Group", []), ("the Group.", []), ("Co., Ltd.", []),
      ("By 2025 Chongqing University will expand.", ["Chongqing University"]),
      (
        "It was set up by the Western (Chongqing) Science City Administrative Committee (WSC).",
        ["Western (Chongqing) Science City Administrative Committee", "WSC"]
      ),
    ])
  func edgeInputs(text: String, names: [String]) throws {
    #expect(try organizations(text).map(\.name) == names)
  }

  @Test("Traditional text matches on the normalized view; text stays original")
  func traditional() throws {
    let orgs = try organizations("重慶大學朱濤教授團隊獲得融資。同期，國家電投集團兩個低碳項目也簽約落地科學城。")
    #expect(orgs.map(\.text) == ["重慶大學", "國家電投集團"])
    #expect(orgs.map(\.name) == ["重庆大学", "国家电投集团"])
    #expect(orgs.map(\.kind) == ["university", "company"])
  }

  @Test("English names: capitalised words before a keyword, without a leading article")
  func english() throws {
    let text = """
      Chongqing University and Southwest University signed an agreement with China Electronics \
      Technology Group Corporation. The plan was approved by the Chongqing Municipal Government, \
      and Huawei Technologies Co., Ltd. will open a lab at the University of Science and \
      Technology of China, the report said.
      """
    let orgs = try organizations(text, lang: .english)
    #expect(
      orgs.map(\.text) == [
        "Chongqing University", "Southwest University",
        "China Electronics Technology Group Corporation",
        "Chongqing Municipal Government", "Huawei Technologies Co., Ltd.",
        "University of Science and Technology of China",
      ])
    #expect(
      orgs.map(\.kind) == [
        "university", "university", "company", "government", "company", "university",
      ])
  }

  @Test("a name added in a user lexicon directory is found; the built-in lexicon does not know it")
  func userLexicon() throws {
    let text = "今年,渝新欧表示将与长安汽车合作加密班列。"
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "orgs-lexicon-\(getpid())")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    try Data(#"{"names": [{"text": "渝新欧", "kind": "company"}]}"#.utf8)
      .write(to: dir.appendingPathComponent("org-known.json"))
    #expect(try organizations(text).map(\.name) == ["长安汽车"])
    let extended = try OrganizationExtractor(lexiconDirectory: dir)
    #expect(try organizations(text, extractor: extended).map(\.name) == ["渝新欧", "长安汽车"])
  }

  @Test("a user lexicon entry with an unknown kind is reported with its file and entry")
  func badUserLexicon() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("orgs-bad-\(getpid())")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = dir.appendingPathComponent("org-known.json")
    try Data(#"{"names": [{"text": "甲", "kind": "company"}, {"text": "乙", "kind": "shop"}]}"#.utf8)
      .write(to: file)
    #expect(
      throws: PipelineError.badResource(file: file.path, entry: 1, reason: "unknown kind shop")
    ) {
      try OrganizationExtractor(lexiconDirectory: dir)
    }
  }
}

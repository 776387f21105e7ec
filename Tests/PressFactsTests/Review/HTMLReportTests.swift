import Foundation
import Testing

@testable import PressFacts

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Reads the page back as XML: whether it is well-formed, the text of each
/// highlighted element (by its id, continuations by `data-of`), which elements
/// each one sits inside, and the text content of each document's text column.
final class PageReader: NSObject, XMLParserDelegate {
  struct Open {
    var id: String?
    var of: String?
    var classes: [String]
    var isText: Bool
  }
  var stack = [Open]()
  var texts = [String: String]()
  var continuations = [String: String]()
  var classes = [String: [String]]()
  var ancestors = [String: [String]]()
  var idCounts = [String: Int]()
  var documentTexts = [String]()
  var missTexts = [String]()
  var missOpen = [Int]()
  /// Every href and src in the page.
  var links = [String]()

  static func read(_ html: String) -> (PageReader, Bool, String) {
    let reader = PageReader()
    let parser = XMLParser(data: Data(html.utf8))
    parser.delegate = reader
    let ok = parser.parse()
    return (reader, ok, parser.parserError.map { "\($0)" } ?? "")
  }

  func parser(
    _ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
    qualifiedName: String?,
    attributes: [String: String] = [:]
  ) {
    links += [attributes["href"], attributes["src"]].compactMap { $0 }
    let cls = (attributes["class"] ?? "").split(separator: " ").map(String.init)
    let open = Open(
      id: attributes["id"], of: attributes["data-of"], classes: cls,
      isText: name == "div" && cls == ["text"])
    if name == "mark", let id = open.id {
      idCounts[id, default: 0] += 1
      texts[id] = ""
      classes[id] = cls
      ancestors[id] = stack.compactMap { $0.id }.filter { $0.contains("-") }
    }
    if open.isText { documentTexts.append("") }
    if name == "mark", cls.contains("miss") {
      missTexts.append("")
      missOpen.append(missTexts.count - 1)
    }
    stack.append(open)
  }

  func parser(
    _ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?
  ) {
    let open = stack.removeLast()
    if name == "mark", open.classes.contains("miss") { missOpen.removeLast() }
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) {
    for open in stack {
      if let id = open.id, texts[id] != nil { texts[id]! += string }
      if let of = open.of { continuations[of, default: ""] += string }
      if open.isText { documentTexts[documentTexts.count - 1] += string }
    }
    for i in missOpen { missTexts[i] += string }
  }
}

@Suite struct HTMLReportTests {
  @Test("the corpus page is well-formed and shows every record once, with its exact text")
  func everyRecordOnce() throws {
    let documents = try ReviewFixtures.all()
    #expect(documents.count == TestSupport.corpusDocuments + 1)
    let html = HTMLReport().render(documents)
    let (page, ok, error) = PageReader.read(html)
    #expect(ok, "not well-formed: \(error)")
    var total = 0
    for (n, document) in documents.enumerated() {
      #expect(page.documentTexts[n] == document.text, "text of \(document.id) not kept verbatim")
      for record in document.records {
        let anchor = "d\(n)-\(record.id)"
        total += 1
        #expect(
          page.idCounts[anchor] == 1,
          "\(document.id) \(record.id) highlighted \(page.idCounts[anchor] ?? 0) times")
        #expect((page.texts[anchor] ?? "") + (page.continuations[anchor] ?? "") == record.text)
        #expect(page.classes[anchor]?.contains("rec") == true)
      }
    }
    #expect(total > 200)
    #expect(page.links.count == total, "one table link per record")
    #expect(page.links.allSatisfy { $0.hasPrefix("#") }, "page must need no network: \(page.links)")
    #expect(!html.contains("url(") && !html.contains("@import") && !html.contains("<link"))
  }

  @Test(
    "a figure inside a target is an element inside the target's element; astral characters stay whole"
  )
  func nestedAndAstral() throws {
    let astral = try ReviewFixtures.astralDocument()
    let target = try #require(astral.records.first { $0.type == .target })
    let figure = try #require(astral.records.first { $0.text == "30家" })
    #expect(target.text == "建成新型研发机构30家😀")
    let (page, ok, _) = PageReader.read(HTMLReport().render([astral]))
    #expect(ok)
    #expect(page.ancestors["d0-\(figure.id)"] == ["d0-\(target.id)"])
    #expect(page.texts["d0-\(target.id)"] == "建成新型研发机构30家😀")
    #expect(
      page.classes["d0-\(target.id)"]?.contains("h2") == true,
      "a container's underline is pushed below its inner span's")
    let org = try #require(astral.records.first { $0.type == .organization })
    #expect(page.texts["d0-\(org.id)"] == "重庆医科\n\n大学")
  }

  @Test("hover text carries the normalized fields with thousands separators")
  func tips() throws {
    let html = HTMLReport().render([try ReviewFixtures.astralDocument()])
    #expect(html.contains("data-tip=\"f1 figure: 1,198 km2\""))
    #expect(html.contains("3,000,000,000 CNY"))
    #expect(html.contains("d2 date: 2021 · END"))
    #expect(html.contains("by 2025 · 新型研发机构 · 30 家"))
    #expect(html.contains("A&amp;B &lt;公司&gt; &quot;引号&quot;"))
  }

  @Test("spans that cross without nesting still give balanced markup; the later one continues")
  func crossingSpans() throws {
    let text = "到2025年建成研发机构30家。"
    let records = [
      Record(
        id: "t1", text: "2025年建成研发机构", start: 1, end: 12, sentence: 0,
        payload: .target(Target(deadline: "2025", metric: nil))),
      Record(
        id: "f1", text: "研发机构30家", start: 8, end: 15, sentence: 0,
        payload: .figure(Figure(value: 30, unit: "家"))),
    ]
    let doc = AnnotatedText(
      id: "x", path: nil, language: "zh-Hans", date: nil, text: text, records: records)
    let (page, ok, _) = PageReader.read(HTMLReport().render([doc]))
    #expect(ok)
    #expect(page.texts["d0-t1"] == "2025年建成研发机构")
    #expect(page.texts["d0-f1"]! + page.continuations["d0-f1"]! == "研发机构30家")
    #expect(page.documentTexts == [text])
  }

  @Test("with gold, extras are marked and missed gold items are shown at their text")
  func goldMarks() throws {
    let astral = try ReviewFixtures.astralDocument()
    let gold = """
      {"doc": "astral.txt", "lang": "zh-Hans", "doc_date": "2022",
       "figures": [{"text": "１１９８平方公里", "occurrence": 1, "value": 1198, "unit": "km2"},
                   {"text": "30家", "occurrence": 1, "value": 30, "unit": "家"},
                   {"text": "30亿元", "occurrence": 1, "value": 3000000000, "unit": "CNY", "optional": true}],
       "dates": [{"text": "2025年", "value": "2025"}],
       "organizations": [{"text": "中国科学院", "kind": "research"}, {"text": "A&B", "kind": "company"}],
       "targets": [{"text": "新型研发机构30家", "occurrence": 1, "deadline": "2025", "metric": "新型研发机构", "value": 30, "unit": "家"},
                   {"text": "引进𠀀名企", "occurrence": 1, "deadline": "2025", "metric": "名企", "value": null, "unit": null}]}
      """
    let comparison = try GoldComparison.compare(
      astral, gold: Data(gold.utf8), file: "astral.gold.json")
    let byText = Dictionary(uniqueKeysWithValues: astral.records.map { ($0.text, $0.id) })
    #expect(comparison.extras == [byText["2021年底"]!, byText["重庆医科\n\n大学"]!])
    #expect(comparison.misses.map(\.text) == ["引进𠀀名企", "A&B"])
    #expect(comparison.unlocated == ["organizations: 中国科学院"])
    let (page, ok, _) = PageReader.read(HTMLReport().render([astral], gold: ["astral": comparison]))
    #expect(ok)
    #expect(page.missTexts == ["引进𠀀名企", "A&B"])
    #expect(page.classes["d0-\(byText["2021年底"]!)"]?.contains("extra") == true)
    #expect(page.classes["d0-\(byText["2025年"]!)"]?.contains("extra") == false)
  }

  @Test(
    "output written by JSONWriter reads back to the same records, and a changed source is refused")
  func outputRoundTrip() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pf-review-\(getpid())")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let text = ReviewFixtures.astralText
    let doc = try Document(
      id: "astral", path: nil, text: text, sha256: SHA256.hex(Array(text.utf8)), date: "2022")
    let expected = try ReviewFixtures.astralDocument()
    let result = DocumentResult(document: doc, records: expected.records)
    let out = dir.appendingPathComponent("astral.json").path
    try Data(JSONWriter.encode(result, pretty: true)).write(to: URL(fileURLWithPath: out))
    try Data(text.utf8).write(to: dir.appendingPathComponent("astral.txt"))
    let read = try OutputReader.load(file: out, source: SourceTexts(dir.path))
    #expect(read.count == 1)
    #expect(read[0].records == expected.records)
    #expect(read[0].text == text)
    try Data((text + "。").utf8).write(to: dir.appendingPathComponent("astral.txt"))
    #expect(throws: ReviewError.self) {
      try OutputReader.load(file: out, source: SourceTexts(dir.path))
    }
  }
}

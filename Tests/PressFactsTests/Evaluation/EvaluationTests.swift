import Foundation
import Testing

@testable import PressFacts

/// A tiny gold file and output, scored by hand (see each test's comment).
enum EvalExample {
  static let text = "2021年，中国科学院和重庆大学合作。到2025年建成30家机构、30家企业，面积1198平方公里，五大项目。"

  static let gold = """
    {"doc": "example.txt", "lang": "zh-Hans", "doc_date": "2022",
     "figures": [
       {"text": "30家", "occurrence": 1, "value": 30, "unit": "家"},
       {"text": "30家", "occurrence": 2, "value": 30, "unit": "家"},
       {"text": "1198平方公里", "occurrence": 1, "value": 1198, "unit": "km2"},
       {"text": "五大", "occurrence": 1, "value": 5, "unit": null, "optional": true}],
     "dates": [
       {"text": "2021年", "value": "2021"},
       {"text": "2025年", "value": "2025"}],
     "organizations": [
       {"text": "中国科学院", "kind": "research"},
       {"text": "重庆大学", "kind": "university"},
       {"text": "科学院", "kind": "research", "optional": true}],
     "targets": [
       {"text": "建成30家机构", "occurrence": 1, "deadline": "2025", "metric": "机构", "value": 30, "unit": "家"}]}
    """

  static var output: JSONValue {
    typealias S = SampleOutput
    func target() -> JSONValue {
      S.record(
        "t1", "target", "30家机构",
        [
          "deadline": .string("2025-12-31"), "metric": .string("机构"), "value": .number(30),
          "value_max": .null,
          "unit": .string("家"), "qualifier": .null, "figure": .string("f2"),
        ], in: text)
    }
    return S.document(
      [
        S.figure("f1", "2021", 2021, nil, in: text),  // extra
        S.date("d1", "2021年", "2021", in: text),  // strict
        S.organization("o1", "中国科学院", "government", in: text),  // matched, wrong kind
        S.organization("o2", "科学院", "research", in: text),  // optional: ignored
        S.date("d2", "2025年", "2025-12", in: text),  // matched, wrong value
        target(),  // strict (deadline year equal)
        S.figure("f2", "30家", 30, "家", in: text),  // strict
        // takes the 2nd 30家 (larger overlap): strict
        S.figure("f3", "30", 30, "家", occurrence: 2, in: text),
        // overlaps the 2nd 30家 too, which is taken: extra
        S.figure("f4", "家企业", 1, nil, in: text),
        S.date("d3", "合作", "2021", in: text),  // extra
        S.figure("f5", "1198平方", 1198, "m2", in: text),  // matched, wrong unit
        S.figure("f6", "五大", 5, nil, in: text),  // optional: ignored
        S.date("d4", "2021年", "2021", in: text),  // a repeat of d1's text: not counted again
      ], text: text)
  }

  static func score() throws -> DocumentScore {
    let gold = try GoldDocument(data: Data(gold.utf8), file: "example.gold.json")
    return Evaluator().score(gold: gold, text: text.unicodeScalars.map(\.value), output: output)
  }
}

@Suite struct EvaluationTests {
  @Test(
    "a hand-checked example: counts per kind",
    arguments: [
      // figures: gold 3 (+1 optional); system f1 f2 f3 f4 f5 count (f6 hits the optional one);
      // matched f2, f3, f5; strict f2, f3 (f5 has m2 for km2).
      (RecordType.figure, KindCounts(gold: 3, optional: 1, system: 5, matched: 3, strict: 2)),
      // dates: distinct texts 2021年, 2025年, 合作; 2021年 strict, 2025年 wrong value.
      (.date, KindCounts(gold: 2, optional: 0, system: 3, matched: 2, strict: 1)),
      // organisations: 中国科学院 matched with the wrong kind, 重庆大学 missed, 科学院 optional.
      (.organization, KindCounts(gold: 2, optional: 1, system: 1, matched: 1, strict: 0)),
      // targets: the span overlaps; deadline 2025-12-31 has the gold year, value and unit equal.
      (.target, KindCounts(gold: 1, optional: 0, system: 1, matched: 1, strict: 1)),
    ])
  func exampleCounts(type: RecordType, expected: KindCounts) throws {
    #expect(try EvalExample.score().counts[type] == expected)
  }

  @Test("the example's ratios: P, R, F1 and strict F1 from the counts")
  func exampleRatios() throws {
    let c = try EvalExample.score().counts
    let figure = try #require(c[.figure])
    #expect(
      figure.precision == 3.0 / 5 && figure.recall == 1 && figure.f1 == 0.75
        && figure.strictF1 == 0.5)
    let date = try #require(c[.date])
    #expect(date.precision == 2.0 / 3 && date.recall == 1 && date.f1 == 0.8 && date.strictF1 == 0.4)
    let org = try #require(c[.organization])
    #expect(org.precision == 1 && org.recall == 0.5 && org.f1 == 2.0 / 3 && org.strictF1 == 0)
    #expect(
      KindCounts().f1 == nil && KindCounts(gold: 2).precision == nil && KindCounts(gold: 2).f1 == 0)
  }

  @Test("the example's misses, extras and wrong values, in document order per kind")
  func exampleDiscrepancies() throws {
    let lines = try EvalExample.score().discrepancies.map {
      "\($0.type.rawValue) \($0.category.rawValue) \($0.text): \($0.detail)"
    }
    #expect(
      lines == [
        "figure extra 2021: f1 value 2021",
        "figure extra 家企业: f4 value 1",
        "figure wrong 1198平方公里: f5 \"1198平方\": unit \"m2\" ≠ gold \"km2\"",
        "date extra 合作: d3 value \"2021\"",
        "date wrong 2025年: d2: value \"2025-12\" ≠ gold \"2025\"",
        "organization wrong 中国科学院: o1: kind \"government\" ≠ gold \"research\"",
        "organization miss 重庆大学: not found",
      ])
  }

  @Test("gold occurrences count overlapping matches, as check_gold.py's find_all does")
  func overlappingOccurrences() {
    let s = { (x: String) in x.unicodeScalars.map(\.value) }
    #expect(Evaluator.occurrences(of: s("五五"), in: s("五五五")) == [0, 1])
    #expect(Evaluator.occurrences(of: s("𠀀a"), in: s("𠀀a𠀀a")) == [0, 2])
  }

  @Test("values compare with a relative tolerance of 1e-9")
  func tolerance() {
    #expect(Evaluator.same(314_190_000_000, 314_190_000_000 * (1 + 1e-12)))
    #expect(!Evaluator.same(15.8, 15.81))
    #expect(Evaluator.same(0, 0) && !Evaluator.same(0, 1e-12))
  }

  @Test("a missing output scores every required gold item as a miss")
  func missingOutput() throws {
    let gold = try GoldDocument(data: Data(EvalExample.gold.utf8), file: "example.gold.json")
    let score = Evaluator().score(
      gold: gold, text: EvalExample.text.unicodeScalars.map(\.value), output: nil)
    #expect(score.counts[.figure] == KindCounts(gold: 3, optional: 1))
    #expect(score.note != nil)
  }

  @Test("languages: each document counts in its gold file's language, sums add up")
  func perLanguage() throws {
    let gold = try GoldDocument(data: Data(EvalExample.gold.utf8), file: "example.gold.json")
    #expect(gold.lang == "zh-Hans")
    let a = try EvalExample.score()
    var b = a
    b.lang = "en"
    var c = a
    c.lang = "fr"
    let evaluation = Evaluation(documents: [c, b, a, a])
    #expect(evaluation.languages == ["zh-Hans", "en", "fr"])
    let rows = evaluation.byLanguage
    #expect(rows.map(\.documents) == [2, 1, 1])
    #expect(
      rows[0].counts[.figure] == KindCounts(gold: 6, optional: 2, system: 10, matched: 6, strict: 4)
    )
    #expect(
      evaluation.total[.figure]?.gold == rows.map { $0.counts[.figure]?.gold ?? 0 }.reduce(0, +))
    let untagged = try GoldDocument(data: Data(#"{"doc": "x.txt"}"#.utf8), file: "x.gold.json")
    #expect(untagged.lang == "und")
    let matrix = EvaluationReport.strictMatrix(evaluation)
    #expect(matrix.count == 2 + 3 + 1)
    #expect(matrix[2] == "| zh-Hans | 2 | 0.500 | 0.400 | 0.000 | 1.000 |")
  }

  @Test(
    "the pipeline's strict F1 on corpus/, overall and per language, stays at or above eval-floors.json"
  )
  func floors() throws {
    let root = TestSupport.root
    let floorsData = try Data(contentsOf: root.appendingPathComponent("eval-floors.json"))
    let floors = try JSONValue.parse(floorsData)
    let goldDir = root.appendingPathComponent("corpus/gold")
    let pipeline = try Pipeline.standard()
    var scores = [DocumentScore]()
    for name in try FileManager.default.contentsOfDirectory(atPath: goldDir.path).sorted()
    where name.hasSuffix(".gold.json") {
      let gold = try GoldDocument(
        data: Data(contentsOf: goldDir.appendingPathComponent(name)), file: name)
      let document = try BaselineTests.load(
        root.appendingPathComponent("corpus").appendingPathComponent(gold.doc))
      let result = pipeline.process(document)
      scores.append(
        Evaluator().score(gold: gold, text: document.scalars, output: JSONValue(result)))
    }
    #expect(scores.count == TestSupport.corpusDocuments)
    let evaluation = Evaluation(documents: scores)
    var checked = [(String, [RecordType: KindCounts], JSONValue?)]()
    checked.append(("all", evaluation.total, floors["strict_f1"]))
    for (lang, _, counts) in evaluation.byLanguage {
      checked.append((lang, counts, floors["strict_f1_by_language"]?[lang]))
    }
    #expect(Set(evaluation.languages) == Set(TestSupport.corpusLanguages.keys))
    for (name, counts, floor) in checked {
      for type in RecordType.allCases {
        let floor = try #require(
          floor?[type.rawValue]?.number, "eval-floors.json has no floor for \(name) \(type)")
        let f1 = counts[type]?.strictF1 ?? 1
        #expect(
          f1 >= floor,
          "\(name) \(type) strict F1 \(f1) fell below the floor \(floor) in eval-floors.json")
      }
    }
  }
}

import Foundation

extension Evaluator {
  /// Scores every `*.gold.json` of `goldDirectory` against `outputDirectory/<id>.json`.
  /// A gold file's document is looked for as `corpusDirectory/<doc>`, then at
  /// the output's `document.path`, then next to the gold directory
  /// (`gold/../<doc>`, `gold/../corpus/<doc>`), then inside it. Unreadable gold
  /// files and missing documents are returned as errors; the rest is scored.
  public func evaluate(goldDirectory: String, outputDirectory: String, corpusDirectory: String?)
    -> (evaluation: Evaluation, errors: [String])
  {
    let fm = FileManager.default
    let goldURL = URL(fileURLWithPath: goldDirectory)
    let names = ((try? fm.contentsOfDirectory(atPath: goldDirectory)) ?? []).filter {
      $0.hasSuffix(".gold.json")
    }.sorted()
    if names.isEmpty {
      return (Evaluation(documents: []), ["\(goldDirectory): error: no *.gold.json files"])
    }
    var documents = [DocumentScore]()
    var errors = [String]()
    for name in names {
      let path = goldURL.appendingPathComponent(name).path
      do {
        guard let data = fm.contents(atPath: path) else {
          throw EvaluationError(file: path, message: "cannot read")
        }
        let gold = try GoldDocument(data: data, file: path)
        let outputPath = URL(fileURLWithPath: outputDirectory).appendingPathComponent(
          gold.id + ".json"
        ).path
        let output = fm.contents(atPath: outputPath).flatMap { try? JSONValue.parse($0) }
        var candidates = [String]()
        if let corpusDirectory {
          candidates.append(
            URL(fileURLWithPath: corpusDirectory).appendingPathComponent(gold.doc).path)
        }
        if let p = output?["document"]?["path"]?.string { candidates.append(p) }
        for dir in ["..", "../corpus", "."] {
          candidates.append(
            goldURL.appendingPathComponent(dir).appendingPathComponent(gold.doc).standardized.path)
        }
        guard let source = candidates.first(where: { fm.fileExists(atPath: $0) }),
          let bytes = fm.contents(atPath: source)
        else {
          throw EvaluationError(
            file: path, message: "document \(gold.doc) not found (give --corpus DIR)")
        }
        let text = try TextDecoding.decode(Array(bytes), file: source).text
        var score = score(gold: gold, text: text.unicodeScalars.map(\.value), output: output)
        if output == nil { score.note = "no readable output \(outputPath)" }
        documents.append(score)
      } catch {
        errors.append("\(error)")
      }
    }
    return (Evaluation(documents: documents), errors)
  }
}

/// Renders an evaluation as a table for people or JSON for machines.
public enum EvaluationReport {
  static func format(_ d: Double?) -> String { d.map { String(format: "%.3f", $0) } ?? "-" }

  static func row(_ name: String, _ type: String, _ c: KindCounts) -> String {
    let cells = [
      String(c.gold), String(c.optional), String(c.system), String(c.matched), format(c.precision),
      format(c.recall),
      format(c.f1), format(c.strictF1),
    ]
    return name.padding(toLength: 24, withPad: " ", startingAt: 0)
      + type.padding(toLength: 13, withPad: " ", startingAt: 0)
      + cells.map { String(repeating: " ", count: max(0, 7 - $0.count)) + $0 }.joined()
  }

  /// Per document and kind, then the totals per kind; with `verbose`, every
  /// miss, extra and wrong value under its document.
  public static func table(_ evaluation: Evaluation, verbose: Bool) -> String {
    var lines = [
      "document".padding(toLength: 24, withPad: " ", startingAt: 0)
        + "kind".padding(toLength: 13, withPad: " ", startingAt: 0)
        + ["gold", "opt", "sys", "match", "P", "R", "F1", "strict"].map {
          String(repeating: " ", count: 7 - $0.count) + $0
        }.joined()
    ]
    for d in evaluation.documents {
      for type in RecordType.allCases {
        lines.append(row(d.id, type.rawValue, d.counts[type] ?? KindCounts()))
      }
      if let note = d.note { lines.append("  note: \(note)") }
      if verbose {
        for x in d.discrepancies {
          let at = x.start >= 0 ? "@\(x.start)" : "@?"
          lines.append(
            "  \(x.type.rawValue) \(x.category.rawValue) \(at) \"\(x.text)\": \(x.detail)")
        }
      }
    }
    for (lang, count, counts) in evaluation.byLanguage {
      for type in RecordType.allCases {
        lines.append(row("\(lang) (\(count) docs)", type.rawValue, counts[type] ?? KindCounts()))
      }
    }
    let total = evaluation.total
    for type in RecordType.allCases {
      lines.append(
        row(
          "TOTAL (\(evaluation.documents.count) docs)", type.rawValue, total[type] ?? KindCounts()))
    }
    lines.append("")
    lines.append(contentsOf: strictMatrix(evaluation))
    return lines.joined(separator: "\n") + "\n"
  }

  /// Strict F1 as a Markdown table, one row per language and the overall row,
  /// one column per kind: the README's "Quality" table is pasted from it.
  public static func strictMatrix(_ evaluation: Evaluation) -> [String] {
    let kinds = RecordType.allCases
    var lines = [
      "| strict F1 | docs | " + kinds.map(\.rawValue).joined(separator: " | ") + " |",
      "|---|---:|" + String(repeating: "---:|", count: kinds.count),
    ]
    func line(_ name: String, _ docs: Int, _ counts: [RecordType: KindCounts]) -> String {
      "| \(name) | \(docs) | "
        + kinds.map { format(counts[$0]?.strictF1) }.joined(separator: " | ") + " |"
    }
    for (lang, count, counts) in evaluation.byLanguage { lines.append(line(lang, count, counts)) }
    lines.append(line("all", evaluation.documents.count, evaluation.total))
    return lines
  }

  /// `{"documents": [{"id", "lang", "note", "kinds": {...}, "discrepancies": [...]}],
  /// "languages": {"zh-Hans": {"documents": n, "kinds": {...}}, ...}, "total": {...}}`,
  /// undefined ratios as null.
  public static func json(_ evaluation: Evaluation) -> String {
    func kinds(_ counts: [RecordType: KindCounts]) -> [String: Any] {
      var out = [String: Any]()
      for type in RecordType.allCases {
        let c = counts[type] ?? KindCounts()
        out[type.rawValue] =
          [
            "gold": c.gold, "optional": c.optional, "system": c.system, "matched": c.matched,
            "strict_matched": c.strict,
            "precision": c.precision ?? NSNull(), "recall": c.recall ?? NSNull(),
            "f1": c.f1 ?? NSNull(),
            "strict_f1": c.strictF1 ?? NSNull(),
          ] as [String: Any]
      }
      return out
    }
    let documents: [[String: Any]] = evaluation.documents.map { d in
      [
        "id": d.id, "lang": d.lang, "note": d.note ?? NSNull(), "kinds": kinds(d.counts),
        "discrepancies": d.discrepancies.map {
          [
            "type": $0.type.rawValue, "category": $0.category.rawValue, "text": $0.text,
            "start": $0.start, "detail": $0.detail,
          ]
        },
      ]
    }
    var languages = [String: Any]()
    for (lang, count, counts) in evaluation.byLanguage {
      languages[lang] = ["documents": count, "kinds": kinds(counts)] as [String: Any]
    }
    let object: [String: Any] = [
      "documents": documents, "languages": languages, "total": kinds(evaluation.total),
    ]
    let data =
      (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .prettyPrinted]))
      ?? Data()
    return String(decoding: data, as: UTF8.self) + "\n"
  }
}

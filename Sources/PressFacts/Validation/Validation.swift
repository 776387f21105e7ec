import Foundation

/// One problem in an output document: the file, the record id (`document` for
/// the document's own fields), the rule that failed, and what is wrong.
public struct Finding: Sendable, Equatable, CustomStringConvertible {
  public enum Severity: String, Sendable { case error, warning }

  public var file: String
  public var record: String
  public var rule: String
  public var message: String
  public var severity: Severity

  public init(
    file: String, record: String, rule: String, message: String, severity: Severity = .error
  ) {
    self.file = file
    self.record = record
    self.rule = rule
    self.message = message
    self.severity = severity
  }

  /// `file: record id: rule: message`, with `warning: ` before a warning's message.
  public var description: String {
    "\(file): \(record): \(rule): \(severity == .warning ? "warning: " : "")\(message)"
  }
}

/// The original text an output document points into, as code points, and the
/// SHA-256 of its bytes (nil when it is the in-memory document itself).
public struct SourceText: Sendable {
  public var scalars: [UInt32]
  public var sha256: String?

  public init(scalars: [UInt32], sha256: String?) {
    self.scalars = scalars
    self.sha256 = sha256
  }
}

/// Checks output documents: the JSON Schema (the structure, from the schema
/// file), then the rules a schema cannot say (offsets against the source,
/// units, values, dates, target figures, ids and order). Never throws: every
/// problem, including an unreadable file, is a `Finding`.
public struct Validator: Sendable {
  let schema: Result<JSONSchema, PipelineError>
  let units: Result<KnownUnits, PipelineError>

  public init() {
    schema = JSONSchema.standard
    units = KnownUnits.canonical
  }

  /// Checks a result of the pipeline before it is written: the document is in
  /// memory, so the source is not read again and its hash is not recomputed.
  ///
  /// The clean case is decided on a view of the result (`MemoryJSON`: no
  /// JSONValue tree) with the fail-fast schema check and the same rules; only a
  /// result with a finding is converted and checked again the full way, which
  /// reports exactly what it always did.
  public func validate(_ result: DocumentResult, file: String) -> [Finding] {
    validate(result, output: OutputDocument(result), file: file)
  }

  /// The same, with the output objects the writer writes (built once for both).
  public func validate(_ result: DocumentResult, output: OutputDocument, file: String) -> [Finding]
  {
    let source = SourceText(scalars: result.document.scalars, sha256: nil)
    if case .success(let schema) = schema, case .success(let units) = units {
      let view = MemoryJSON(output)
      if schema.holds(view) {
        var run = ValidationRun(file: file, output: view)
        run.checkSource(.success(source))
        run.checkRecords(units: units)
        if run.findings.isEmpty { return [] }
      }
    }
    return validate(JSONValue(result), file: file, source: .success(source))
  }

  /// Checks an output file; its source is `DIR/<id>.txt` with a `sourceDirectory`, else `document.path`.
  public func validate(fileAt path: String, sourceDirectory: String?) -> [Finding] {
    let data: Data
    do {
      data = try Data(contentsOf: URL(fileURLWithPath: path))
    } catch {
      return [
        Finding(file: path, record: "document", rule: "FileReadable", message: Batch.reason(error))
      ]
    }
    return validate(data: data, file: path, sourceDirectory: sourceDirectory)
  }

  /// Checks one output document given as JSON bytes (a file, or one JSON Lines line).
  public func validate(data: Data, file: String, sourceDirectory: String?) -> [Finding] {
    let output: JSONValue
    do {
      output = try JSONValue.parse(data)
    } catch {
      return [
        Finding(
          file: file, record: "document", rule: "ParsesAsJSON", message: "not valid JSON: \(error)")
      ]
    }
    return validate(output, file: file, sourceDirectory: sourceDirectory)
  }

  /// Checks a parsed output document, locating its source on disk.
  public func validate(_ output: JSONValue, file: String, sourceDirectory: String?) -> [Finding] {
    validate(
      output, file: file,
      source: Self.locateSource(of: output, file: file, sourceDirectory: sourceDirectory))
  }

  /// Checks a parsed output document against a source already at hand (or the
  /// finding that says why there is none).
  public func validate(_ output: JSONValue, file: String, source: Result<SourceText, SourceMissing>)
    -> [Finding]
  {
    var run = ValidationRun(file: file, output: output)
    switch (schema, units) {
    case (.failure(let e), _), (_, .failure(let e)):
      run.report("SchemaLoads", "document", "\(e)")
      return run.findings
    case (.success(let schema), .success(let units)):
      run.checkSchema(schema)
      run.checkSource(source)
      run.checkRecords(units: units)
    }
    return run.findings
  }

  /// Why no source text could be compared; a warning when none was named at all.
  public struct SourceMissing: Error, Sendable {
    public var message: String
    public var severity: Finding.Severity
  }

  /// Reads the source the output names (`document.path`) or `DIR/<id>.txt`,
  /// decoded exactly as `extract` decodes it. A relative `document.path` is
  /// tried from the working directory, then from the folder above the output
  /// file's (output/X.json names corpus/X.txt relative to the repository root).
  static func locateSource(of output: JSONValue, file: String, sourceDirectory: String?)
    -> Result<SourceText, SourceMissing>
  {
    var path: String
    if let sourceDirectory, let id = output["document"]?["id"]?.string {
      path = URL(fileURLWithPath: sourceDirectory).appendingPathComponent(id + ".txt").path
    } else if let p = output["document"]?["path"]?.string {
      path = p
      let above = URL(fileURLWithPath: file).deletingLastPathComponent().deletingLastPathComponent()
      if !p.hasPrefix("/"), !FileManager.default.fileExists(atPath: p),
        FileManager.default.fileExists(atPath: above.appendingPathComponent(p).path)
      {
        path = above.appendingPathComponent(p).path
      }
    } else {
      return .failure(
        SourceMissing(
          message: "document.path is null and no --source DIR was given: offsets not checked",
          severity: .warning))
    }
    guard let data = FileManager.default.contents(atPath: path) else {
      return .failure(SourceMissing(message: "source \(path) not found", severity: .error))
    }
    do {
      let decoded = try TextDecoding.decode(Array(data), file: path)
      return .success(
        SourceText(scalars: TextDecoding.codePoints(of: decoded.text), sha256: decoded.sha256))
    } catch {
      return .failure(
        SourceMissing(message: "source \(path) cannot be decoded: \(error)", severity: .error))
    }
  }
}

import Foundation

/// One document to process, before decoding: a file, or one line of a JSON Lines stream.
public enum InputItem: Sendable {
  case file(path: String)
  case jsonLine(source: String, line: Int, bytes: [UInt8])
  /// The bytes of a file already in memory (benchmarks, library users).
  case bytes(id: String, bytes: [UInt8])
}

/// What the processing of one input gave: records, or the error that stopped it.
public enum Outcome: Sendable {
  case success(DocumentResult)
  case failure(PipelineError)
}

/// Settings shared by every document of a batch.
public struct BatchOptions: Sendable {
  public var encoding: String?
  public var language: Language?
  public var date: String?
  public var jobs: Int

  public init(
    encoding: String? = nil, language: Language? = nil, date: String? = nil, jobs: Int = 1
  ) {
    self.encoding = encoding
    self.language = language
    self.date = date
    self.jobs = max(1, jobs)
  }
}

/// Runs the pipeline over a stream of inputs on `jobs` threads and hands the
/// outcomes to a sink in input order. Inputs are taken a window at a time, so
/// memory stays bounded however long the stream is; a failure is an outcome
/// like any other, and the batch goes on.
public struct Batch: Sendable {
  public let pipeline: Pipeline
  public let options: BatchOptions

  public init(pipeline: Pipeline, options: BatchOptions) {
    self.pipeline = pipeline
    self.options = options
  }

  public func run<Items: Sequence>(_ items: Items, sink: (Outcome) throws -> Void) rethrows
  where Items.Element == InputItem {
    try run(items, finishing: { $0 }, sink: sink)
  }

  /// Like `run(_:sink:)`, but `finishing` (encoding, validation) runs on the
  /// worker threads too, so that the single thread feeding the sink only writes.
  public func run<Items: Sequence, Finished: Sendable>(
    _ items: Items, finishing: @escaping @Sendable (Outcome) -> Finished,
    sink: (Finished) throws -> Void
  ) rethrows where Items.Element == InputItem {
    let windowSize = options.jobs == 1 ? 1 : options.jobs * 16
    var window = [InputItem]()
    window.reserveCapacity(windowSize)
    for item in items {
      window.append(item)
      if window.count == windowSize {
        for finished in processWindow(window, finishing) { try sink(finished) }
        window.removeAll(keepingCapacity: true)
      }
    }
    for finished in processWindow(window, finishing) { try sink(finished) }
  }

  /// Processes one window: workers take the next unprocessed item under a lock,
  /// so a long document does not hold up the others.
  private func processWindow<Finished>(
    _ window: [InputItem], _ finishing: @escaping @Sendable (Outcome) -> Finished
  ) -> [Finished] {
    if options.jobs == 1 || window.count <= 1 { return window.map { finishing(process($0)) } }
    let results = UnsafeMutableBufferPointer<Finished?>.allocate(capacity: window.count)
    results.initialize(repeating: nil)
    defer {
      results.deinitialize()  // release the documents, or every window leaks
      results.deallocate()
    }
    let lock = NSLock()
    nonisolated(unsafe) var next = 0
    nonisolated(unsafe) let slots = results
    DispatchQueue.concurrentPerform(iterations: min(options.jobs, window.count)) { _ in
      while true {
        lock.lock()
        let i = next
        next += 1
        lock.unlock()
        guard i < window.count else { return }
        slots[i] = finishing(process(window[i]))
      }
    }
    return results.map { $0! }
  }

  /// Decodes, normalizes, segments and extracts one input.
  public func process(_ item: InputItem) -> Outcome {
    do {
      return .success(pipeline.process(try load(item)))
    } catch let error as PipelineError {
      return .failure(error)
    } catch {
      return .failure(.unreadable(file: item.name, reason: "\(error)"))
    }
  }

  func load(_ item: InputItem) throws -> Document {
    switch item {
    case .file(let path):
      let bytes: [UInt8]
      do {
        bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
      } catch {
        throw PipelineError.unreadable(file: path, reason: Self.reason(error))
      }
      let decoded = try TextDecoding.decode(bytes, file: path, encoding: options.encoding)
      let id = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
      return try Document(
        id: id, path: path, text: decoded.text, sha256: decoded.sha256,
        language: options.language, date: options.date)
    case .bytes(let id, let bytes):
      let decoded = try TextDecoding.decode(bytes, file: id, encoding: options.encoding)
      return try Document(
        id: id, path: nil, text: decoded.text, sha256: decoded.sha256,
        language: options.language, date: options.date)
    case .jsonLine(let source, let line, let bytes):
      let input = try JSONLinesInput.parse(bytes, source: source, line: line)
      return try Document(
        id: input.id, path: nil, text: input.text, sha256: SHA256.hex(input.text.utf8),
        language: input.language ?? options.language, date: input.date ?? options.date)
    }
  }

  /// strerror's words for a POSIX error, whether thrown directly or wrapped by
  /// Foundation as the underlying error; Foundation's own description otherwise.
  public static func reason(_ error: Error) -> String {
    let ns = error as NSError
    let posix = ns.domain == NSPOSIXErrorDomain ? ns : ns.userInfo[NSUnderlyingErrorKey] as? NSError
    if let posix, posix.domain == NSPOSIXErrorDomain,
      let code = POSIXErrorCode(rawValue: Int32(posix.code))
    {
      return String(cString: strerror(code.rawValue))
    }
    return ns.localizedDescription
  }
}

extension InputItem {
  /// The file, or `source:line`, for messages.
  public var name: String {
    switch self {
    case .file(let path): return path
    case .jsonLine(let source, let line, _): return "\(source):\(line)"
    case .bytes(let id, _): return id
    }
  }
}

/// One JSON Lines document: `{"id": ..., "text": ..., "date": ..., "lang": ...}`,
/// `date` and `lang` optional; `id` defaults to `line-N`.
struct JSONLinesInput {
  var id: String
  var text: String
  var date: String?
  var language: Language?

  static func parse(_ bytes: [UInt8], source: String, line: Int) throws -> JSONLinesInput {
    func bad(_ reason: String) -> PipelineError {
      .badInputLine(file: source, line: line, reason: reason)
    }
    if let fields = JSONLineFields.read(bytes), let text = fields.strings["text"] {
      return try JSONLinesInput(fields, text: text, line: line, bad: bad)
    }
    let object: Any
    do {
      object = try JSONSerialization.jsonObject(with: Data(bytes), options: [])
    } catch {
      throw bad("not valid JSON (\((error as NSError).userInfo["NSDebugDescription"] ?? error))")
    }
    guard let dict = object as? [String: Any] else { throw bad("not a JSON object") }
    guard let textValue = dict["text"] else { throw bad("missing \"text\"") }
    guard let text = textValue as? String else { throw bad("\"text\" is not a string") }
    var input = JSONLinesInput(id: "line-\(line)", text: text, date: nil, language: nil)
    if let id = dict["id"] {
      guard let s = id as? String ?? (id as? NSNumber).map({ $0.stringValue }) else {
        throw bad("\"id\" is not a string")
      }
      input.id = s
    }
    if let date = dict["date"], !(date is NSNull) {
      guard let s = date as? String, DocumentDate.isValid(s) else {
        throw bad("\"date\" is not YYYY, YYYY-MM or YYYY-MM-DD")
      }
      input.date = s
    }
    if let lang = dict["lang"], !(lang is NSNull) {
      guard let s = lang as? String, let l = Language(rawValue: s) else {
        throw bad("\"lang\" is not one of zh-Hans, zh-Hant, en")
      }
      input.language = l
    }
    return input
  }
}

extension JSONLinesInput {
  /// The same checks on the fields of the fast reader (`JSONLineFields`), which
  /// only returns objects of strings and nulls.
  private init(
    _ fields: JSONLineFields, text: String, line: Int, bad: (String) -> PipelineError
  ) throws {
    self.init(id: fields.strings["id"] ?? "line-\(line)", text: text, date: nil, language: nil)
    if fields.nulls.contains("id") { throw bad("\"id\" is not a string") }
    if let s = fields.strings["date"] {
      guard DocumentDate.isValid(s) else {
        throw bad("\"date\" is not YYYY, YYYY-MM or YYYY-MM-DD")
      }
      date = s
    }
    if let s = fields.strings["lang"] {
      guard let l = Language(rawValue: s) else {
        throw bad("\"lang\" is not one of zh-Hans, zh-Hant, en")
      }
      language = l
    }
  }
}

/// Checks the forms a document date may take.
public enum DocumentDate {
  /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, a real calendar date. Read from the
  /// bytes: the validator asks this of every document and target.
  public static func isValid(_ s: String) -> Bool {
    let b = Array(s.utf8)
    guard b.count == 4 || b.count == 7 || b.count == 10 else { return false }
    func digits(_ r: Range<Int>) -> Int? {
      var v = 0
      for i in r {
        guard (0x30...0x39).contains(b[i]) else { return nil }
        v = v * 10 + Int(b[i] - 0x30)
      }
      return v
    }
    guard let year = digits(0..<4) else { return false }
    if b.count == 4 { return true }
    guard b[4] == 0x2D, let month = digits(5..<7), (1...12).contains(month) else { return false }
    if b.count == 7 { return true }
    guard b[7] == 0x2D, let day = digits(8..<10) else { return false }
    let days = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    return (1...(days + (leap && month == 2 ? 1 : 0))).contains(day)
  }
}

/// Lists the inputs named on a command line: a file is itself; a directory is
/// every `*.txt` below it, in sorted path order.
public enum InputFiles {
  public static func expand(_ paths: [String]) -> [String] {
    paths.flatMap { path -> [String] in
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory),
        isDirectory.boolValue
      else { return [path] }
      let root = URL(fileURLWithPath: path)
      let found =
        FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)?
        .compactMap { $0 as? URL }.filter { $0.pathExtension == "txt" } ?? []
      let prefix = path.hasSuffix("/") ? String(path.dropLast()) : path
      let rootPath = root.standardizedFileURL.path
      return found.map { url in
        prefix + url.standardizedFileURL.path.dropFirst(rootPath.count)
      }.sorted()
    }
  }
}

import Foundation

/// One document to process, before decoding: a file, or one line of a JSON Lines stream.
public enum InputItem: Sendable {
  /// A file; `id` is given when it was found by listing a directory (its
  /// relative path without `.txt`), nil for a file named directly (base name).
  case file(path: String, id: String? = nil)
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

  /// Like `run(_:sink:)`, but `finishing` (encoding, validation, writing) runs
  /// on the worker threads too, so that the single thread feeding the sink
  /// only reports. A document whose id an earlier document of the batch took
  /// is a `duplicateID` failure before `finishing` sees it: the first is kept,
  /// nothing is overwritten.
  public func run<Items: Sequence, Finished: Sendable>(
    _ items: Items, finishing: @escaping @Sendable (Outcome) -> Finished,
    sink: (Finished) throws -> Void
  ) rethrows where Items.Element == InputItem {
    let windowSize = options.jobs == 1 ? 1 : options.jobs * 16
    var claimed = [String: String]()
    var window = [InputItem]()
    window.reserveCapacity(windowSize)
    for item in items {
      window.append(item)
      if window.count == windowSize {
        for finished in processWindow(window, finishing, &claimed) { try sink(finished) }
        window.removeAll(keepingCapacity: true)
      }
    }
    for finished in processWindow(window, finishing, &claimed) { try sink(finished) }
  }

  /// Processes one window in two parallel passes: the pipeline, then (after
  /// the ids are claimed in input order, so that which duplicate wins does not
  /// depend on thread timing) `finishing`.
  private func processWindow<Finished>(
    _ window: [InputItem], _ finishing: @escaping @Sendable (Outcome) -> Finished,
    _ claimed: inout [String: String]
  ) -> [Finished] {
    var outcomes = parallelMap(window) { [self] in process($0) }
    for i in outcomes.indices {
      guard case .success(let result) = outcomes[i] else { continue }
      let id = result.document.id
      if let first = claimed[id] {
        outcomes[i] = .failure(.duplicateID(file: window[i].name, id: id, first: first))
      } else {
        claimed[id] = window[i].name
      }
    }
    return parallelMap(outcomes, finishing)
  }

  /// `transform` over `items` on `jobs` threads, in order: workers take the
  /// next unprocessed item under a lock, so a long document does not hold up the others.
  private func parallelMap<Element: Sendable, Result>(
    _ items: [Element], _ transform: @Sendable (Element) -> Result
  ) -> [Result] {
    if options.jobs == 1 || items.count <= 1 { return items.map(transform) }
    let results = UnsafeMutableBufferPointer<Result?>.allocate(capacity: items.count)
    results.initialize(repeating: nil)
    defer {
      results.deinitialize()  // release the documents, or every window leaks
      results.deallocate()
    }
    let lock = NSLock()
    nonisolated(unsafe) var next = 0
    nonisolated(unsafe) let slots = results
    DispatchQueue.concurrentPerform(iterations: min(options.jobs, items.count)) { _ in
      while true {
        lock.lock()
        let i = next
        next += 1
        lock.unlock()
        guard i < items.count else { return }
        slots[i] = transform(items[i])
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
    case .file(let path, let listedID):
      let id = listedID ?? URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
      if let problem = DocumentID.problem(id) {
        throw PipelineError.unreadable(
          file: path, reason: "its name gives the id \"\(id)\", which is not valid: \(problem)")
      }
      let bytes = try FileProblem.read(path, listed: listedID != nil)
      let decoded = try TextDecoding.decode(bytes, file: path, encoding: options.encoding)
      return try Document(
        id: id, path: path, text: decoded.text, sha256: decoded.sha256,
        language: options.language, date: options.date)
    case .bytes(let id, let bytes):
      if let problem = DocumentID.problem(id) {
        throw PipelineError.unreadable(file: id, reason: "the id is not valid: \(problem)")
      }
      let decoded = try TextDecoding.decode(bytes, file: id, encoding: options.encoding)
      return try Document(
        id: id, path: nil, text: decoded.text, sha256: decoded.sha256,
        language: options.language, date: options.date)
    case .jsonLine(let source, let line, let bytes):
      let input = try JSONLinesInput.parse(bytes, source: source, line: line)
      if let problem = DocumentID.problem(input.id) {
        throw PipelineError.badInputLine(
          file: source, line: line,
          reason: "\"id\" \(Self.quoted(input.id)) is not valid: \(problem)")
      }
      return try Document(
        id: input.id, path: nil, text: input.text, sha256: SHA256.hex(input.text.utf8),
        language: input.language ?? options.language, date: input.date ?? options.date)
    }
  }

  /// An id in quotes with control characters, quotes and backslashes escaped
  /// as JSON escapes them, so that a message shows what the line holds.
  static func quoted(_ id: String) -> String {
    var out = "\""
    for scalar in id.unicodeScalars {
      switch scalar.value {
      case 0x22: out += "\\\""
      case 0x5C: out += "\\\\"
      case 0..<0x20, 0x7F...0x9F: out += String(format: "\\u%04X", scalar.value)
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out + "\""
  }

  /// A thrown error in plain words: an errno (thrown directly, or wrapped by
  /// Foundation as the underlying error) as `FileProblem.words` says it,
  /// Foundation's file error codes likewise, never an error domain and number.
  public static func reason(_ error: Error) -> String {
    if let error = error as? PipelineError { return "\(error)" }
    let ns = error as NSError
    let posix = ns.domain == NSPOSIXErrorDomain ? ns : ns.userInfo[NSUnderlyingErrorKey] as? NSError
    if let posix, posix.domain == NSPOSIXErrorDomain {
      return FileProblem.words(errno: Int32(posix.code))
    }
    if ns.domain == NSCocoaErrorDomain {
      switch ns.code {
      case NSFileReadNoPermissionError, NSFileWriteNoPermissionError: return "permission denied"
      case NSFileReadNoSuchFileError, NSFileNoSuchFileError: return "no such file or directory"
      case NSFileWriteOutOfSpaceError: return "no space left on the device"
      case NSFileWriteVolumeReadOnlyError: return "the file system is read-only"
      case NSFileReadInvalidFileNameError, NSFileWriteInvalidFileNameError:
        return "the file name is not valid"
      case NSFileReadCorruptFileError: return "the file is damaged"
      case NSFileReadTooLargeError: return "the file is too large"
      case NSFileReadUnknownError:
        return "the file could not be read (a directory, or not a regular file?)"
      case NSFileWriteFileExistsError: return "a file of that name is in the way"
      default: break
      }
    }
    let text = ns.localizedDescription
    if let cut = text.range(of: " (NSCocoaErrorDomain") ?? text.range(of: " (Foundation.") {
      return String(text[..<cut.lowerBound])
    }
    return text
  }
}

extension InputItem {
  /// The file, or `source:line`, for messages.
  public var name: String {
    switch self {
    case .file(let path, _): return path
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

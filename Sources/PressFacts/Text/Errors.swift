/// Where in a source a problem sits: a byte offset into the file, or a
/// code-point offset with its 1-based line and column in the decoded text.
public struct SourcePosition: Sendable, Equatable, CustomStringConvertible {
  public var byteOffset: Int?
  public var line: Int?
  public var column: Int?

  public init(byteOffset: Int? = nil, line: Int? = nil, column: Int? = nil) {
    self.byteOffset = byteOffset
    self.line = line
    self.column = column
  }

  public var description: String {
    if let line, let column { return "\(line):\(column)" }
    if let byteOffset { return "byte \(byteOffset)" }
    return "-"
  }
}

/// A document that cannot be processed. Thrown only for whole-document failures;
/// the batch reports it with the file and position and goes on.
public enum PipelineError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The file could not be read at all (missing, a directory, no permission).
  case unreadable(file: String, reason: String)
  /// The bytes are not valid in the detected or given encoding.
  case undecodable(file: String, encoding: String, position: SourcePosition)
  /// The bytes look like binary data, not text.
  case binary(file: String, position: SourcePosition)
  /// An unknown encoding name was given with --encoding.
  case unknownEncoding(file: String, name: String)
  /// A JSON Lines input line that is not a document object.
  case badInputLine(file: String, line: Int, reason: String)
  /// ICU reported a failure.
  case icu(file: String, call: String, code: Int32)
  /// A resource file (lexicon, unit table) has a bad entry.
  case badResource(file: String, entry: Int, reason: String)
  /// An output file could not be written.
  case unwritable(file: String, reason: String)
  /// A document whose id an earlier document of the batch has (`first` names it).
  case duplicateID(file: String, id: String, first: String)

  public var description: String {
    switch self {
    case .unreadable(let file, let reason): return "\(file): error: cannot read: \(reason)"
    case .undecodable(let file, let encoding, let position):
      return "\(file):\(position): error: invalid \(encoding) byte sequence"
    case .binary(let file, let position):
      return "\(file):\(position): error: binary data (NUL byte), not a text file"
    case .unknownEncoding(let file, let name):
      return "\(file): error: unknown encoding '\(name)'"
    case .badInputLine(let file, let line, let reason):
      return "\(file):\(line): error: bad JSON Lines document: \(reason)"
    case .icu(let file, let call, let code): return "\(file): error: ICU \(call) failed (\(code))"
    case .badResource(let file, let entry, let reason):
      return "\(file): entry \(entry): error: \(reason)"
    case .unwritable(let file, let reason): return "\(file): error: cannot write: \(reason)"
    case .duplicateID(let file, let id, let first):
      return
        "\(file): error: duplicate id \(Batch.quoted(id)): \(first) has it already; skipped (the first is kept)"
    }
  }
}

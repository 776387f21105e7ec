import Foundation
import PressFacts

/// libFuzzer entry point over the whole pipeline: bytes → decode → records →
/// JSON → in-memory validation, and the same bytes as a JSON Lines input line,
/// whose fast reader must agree with JSONSerialization. Any violated invariant
/// traps, which libFuzzer reports as a crash with the input saved. Built only by
/// scripts/fuzz.sh (with -DFUZZING and -sanitize=fuzzer,address); a plain build
/// gets a stub main instead.
enum FuzzTarget {
  static let pipeline = try! Pipeline.standard()
  static let validator = Validator()
  static let batch = Batch(pipeline: pipeline, options: BatchOptions())

  static func run(_ bytes: [UInt8]) {
    checkJSONLine(bytes)
    guard let decoded = try? TextDecoding.decode(bytes, file: "fuzz") else { return }
    guard
      let document = try? Document(
        id: "fuzz", path: nil, text: decoded.text, sha256: decoded.sha256)
    else { return }
    let result = pipeline.process(document)
    let scalars = Array(decoded.text.unicodeScalars)
    var previousStart = 0
    for record in result.records {
      precondition(0 <= record.start && record.start < record.end && record.end <= scalars.count)
      precondition(record.start >= previousStart, "records not sorted by start")
      previousStart = record.start
      var view = String.UnicodeScalarView()
      view.append(contentsOf: scalars[record.start..<record.end])
      precondition(String(view) == record.text, "text differs from the source span")
      if case .figure(let f) = record.payload {
        precondition(f.value.isFinite && (f.valueMax?.isFinite ?? true), "non-finite value")
      }
    }
    let json = JSONWriter.encode(result, pretty: false)
    precondition(String(validating: json, as: UTF8.self) != nil)
    let errors = validator.validate(result, file: "fuzz").filter { $0.severity == .error }
    precondition(errors.isEmpty, "validator: \(errors)")
  }

  /// A line is a document exactly when JSONSerialization reads it as an object
  /// with a string `text` and acceptable optional fields, and then with that text.
  static func checkJSONLine(_ bytes: [UInt8]) {
    let outcome = batch.process(.jsonLine(source: "fuzz", line: 1, bytes: bytes))
    let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any]
    guard let object, let text = object["text"] as? String else {
      if case .success = outcome {
        preconditionFailure("accepted a line JSONSerialization rejects")
      }
      return
    }
    if case .success(let result) = outcome {
      precondition(result.document.text == text, "text differs from JSONSerialization's")
      if let id = object["id"] as? String { precondition(result.document.id == id, "id differs") }
    }
  }
}

#if canImport(Glibc)
  import Glibc
#endif

#if FUZZING
  /// SwiftPM links an executable's entry point as `<module>_main`, so libFuzzer's
  /// own `main` is not used; this one hands control to libFuzzer's driver.
  @_silgen_name("LLVMFuzzerRunDriver")
  func runDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
  ) -> CInt

  @_cdecl("PressFactsFuzz_main")
  public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?)
    -> CInt
  {
    var count = argc
    var arguments = argv
    return runDriver(&count, &arguments) { data, size in
      FuzzTarget.run(size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size)))
      return 0
    }
  }
#else
  @main
  struct FuzzStub {
    static func main() {
      print(
        "Build the fuzzer with scripts/fuzz.sh; this stub only replays files given as arguments.")
      for path in CommandLine.arguments.dropFirst() {
        guard let handle = fopen(path, "rb") else { continue }
        var bytes = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while case let n = fread(&buffer, 1, buffer.count, handle), n > 0 { bytes += buffer[..<n] }
        fclose(handle)
        FuzzTarget.run(bytes)
        print("ok: \(path)")
      }
    }
  }
#endif

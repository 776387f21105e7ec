import ArgumentParser
import Foundation
import PressFacts

extension AnnotationFormat: ExpressibleByArgument {}

struct Export: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract:
      "Writes records as pre-annotations for doccano, Label Studio or brat, or as a CSV table.",
    discussion: """
      INPUT as for 'show' (default: output/). Offsets are code points into the original text.
        doccano       JSONL, one {"text", "label": [[start, end, label]], "doc_id", "records"} a line
        label-studio  JSON array of tasks with predictions; labeling config: --print-config
        brat          a directory of ID.txt + ID.ann (+ annotation.conf); --output is the directory
        csv           one row per record: document, record, type, text, start, end, sentence,
                      value, value_max, unit, qualifier, mod, name, kind, deadline, metric, figure
                      (RFC 4180 quoting, CRLF rows; --bom for Excel)
      Records spanning a line break become discontinuous brat spans around the break.
      --utf16-offsets counts UTF-16 code units instead (doccano's front end counts those,
      which only differs after characters outside the BMP such as 𠀀 or emoji).
      """)

  @Option(help: "doccano, label-studio, brat or csv.")
  var format: AnnotationFormat

  @OptionGroup var review: ReviewInputOptions

  @Option(help: "File to write (directory for brat; default: standard output, or 'brat' for brat).")
  var output: String?

  @Flag(help: "Offsets in UTF-16 code units instead of code points (doccano and label-studio).")
  var utf16Offsets = false

  @Flag(help: "Start the CSV with a UTF-8 byte order mark, so that Excel reads it as UTF-8.")
  var bom = false

  @Flag(help: "Print the Label Studio labeling config for the exported tasks and exit.")
  var printConfig = false

  @OptionGroup var input: InputOptions

  func run() throws {
    if printConfig {
      FileHandleStream.standardOutput.write(AnnotationExport.labelStudioConfig)
      return
    }
    let documents = try ReviewInputs.load(review.inputs, source: review.source, options: input)
    let unit: AnnotationExport.OffsetUnit = utf16Offsets ? .utf16 : .codePoints
    switch format {
    case .doccano:
      try ReviewInputs.write(try AnnotationExport.doccano(documents, unit: unit), to: output ?? "-")
    case .labelStudio:
      try ReviewInputs.write(
        try AnnotationExport.labelStudio(documents, unit: unit), to: output ?? "-")
    case .brat:
      try writeBrat(documents, directory: output ?? "brat")
    case .csv:
      let table = RecordTable.csv(documents, unit: unit, bom: bom)
      try ReviewInputs.write(Data(table.utf8), to: output ?? "-")
    }
  }

  func writeBrat(_ documents: [AnnotatedText], directory: String) throws {
    if utf16Offsets {
      throw ValidationError("brat counts code points; --utf16-offsets does not apply")
    }
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    for document in documents {
      let (txt, ann) = AnnotationExport.brat(document)
      // The id names the files, so it must keep them inside the directory
      // (an output file read back may have been written by anything).
      if let problem = DocumentID.problem(document.id) {
        printError("\(document.id): error: cannot export: invalid id: \(problem)")
        throw ExitCode.failure
      }
      let base = (directory as NSString).appendingPathComponent(document.id)
      try FileManager.default.createDirectory(
        atPath: (base as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
      try ReviewInputs.write(Data(txt.utf8), to: base + ".txt")
      try ReviewInputs.write(Data(ann.utf8), to: base + ".ann")
    }
    let conf = (directory as NSString).appendingPathComponent("annotation.conf")
    try ReviewInputs.write(Data(AnnotationExport.bratConfiguration.utf8), to: conf)
    printError("wrote \(documents.count) documents to \(directory)/")
  }
}

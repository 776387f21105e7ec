import ArgumentParser
import Foundation
import PressFacts

struct Schema: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Prints the JSON Schema (draft 2020-12) of the output.")

  func run() throws {
    FileHandleStream.standardOutput.write(try ResourceFiles.data("pressfacts.schema.json"))
  }
}

import Foundation
import Testing

@testable import PressFacts

@Suite struct RecordTableTests {
  /// An RFC 4180 reader as pandas and Python's csv read: quoted fields may hold
  /// commas, CR, LF and doubled quotes; rows end in CRLF.
  static func parse(_ csv: String) -> [[String]] {
    var rows = [[String]]()
    var row = [String]()
    var field = ""
    var quoted = false
    var chars = Array(csv.unicodeScalars)[...]
    while let c = chars.popFirst() {
      if quoted {
        if c == "\"" {
          if chars.first == "\"" {
            field.unicodeScalars.append("\"")
            chars.removeFirst()
          } else {
            quoted = false
          }
        } else {
          field.unicodeScalars.append(c)
        }
        continue
      }
      switch c {
      case "\"": quoted = true
      case ",":
        row.append(field)
        field = ""
      case "\r":
        if chars.first == "\n" { chars.removeFirst() }
        row.append(field)
        rows.append(row)
        (row, field) = ([], "")
      default: field.unicodeScalars.append(c)
      }
    }
    return rows
  }

  static let text = "A \"quoted\", comma\r\nand line, 1,200 yuan 𠀀 in 2025"

  static func document() -> AnnotatedText {
    func record(_ id: String, _ s: String, _ payload: Payload) -> Record {
      let scalars = Array(text.unicodeScalars)
      let needle = Array(s.unicodeScalars)
      let start = (0...(scalars.count - needle.count)).first {
        Array(scalars[$0..<($0 + needle.count)]) == needle
      }!
      return Record(
        id: id, text: s, start: start, end: start + needle.count, sentence: 0, payload: payload)
    }
    return AnnotatedText(
      id: "dir/doc,1", path: nil, language: "en", date: nil, text: text,
      records: [
        record(
          "o1", "\"quoted\", comma\r\nand",
          .organization(Organization(name: "Q, \"Co\"", kind: "company"))),
        record("f1", "1,200 yuan", .figure(Figure(value: 1200, unit: "CNY"))),
        record("d1", "2025", .date(CalendarDate(value: "2025"))),
        record(
          "t1", "1,200 yuan 𠀀 in 2025",
          .target(Target(deadline: "2025", metric: nil, value: 1200.5, unit: "CNY"))),
      ])
  }

  @Test("every field reads back equal, commas, quotes and line breaks included")
  func roundTrip() {
    let document = Self.document()
    let rows = Self.parse(RecordTable.csv([document]))
    #expect(rows.first == RecordTable.columns)
    #expect(rows.count == 5)
    #expect(rows.dropFirst().allSatisfy { $0.count == RecordTable.columns.count })
    let scalars = Array(Self.text.unicodeScalars)
    for (row, record) in zip(rows.dropFirst(), document.records) {
      let field = Dictionary(uniqueKeysWithValues: zip(RecordTable.columns, row))
      #expect(field["document"] == "dir/doc,1")
      #expect(field["record"] == record.id)
      #expect(field["text"] == record.text)
      let start = Int(field["start"]!)!
      let end = Int(field["end"]!)!
      #expect(String(String.UnicodeScalarView(scalars[start..<end])) == record.text)
    }
    let organization = Dictionary(uniqueKeysWithValues: zip(RecordTable.columns, rows[1]))
    #expect(organization["name"] == "Q, \"Co\"" && organization["value"] == "")
    #expect(rows[2][RecordTable.columns.firstIndex(of: "value")!] == "1200")
    #expect(rows[4][RecordTable.columns.firstIndex(of: "value")!] == "1200.5")
  }

  @Test("quoting only where RFC 4180 needs it; CRLF rows; a BOM only when asked")
  func quoting() {
    #expect(RecordTable.quoted("plain 文本") == "plain 文本")
    #expect(RecordTable.quoted("a,b") == "\"a,b\"")
    #expect(RecordTable.quoted("say \"x\"") == "\"say \"\"x\"\"\"")
    #expect(RecordTable.quoted("a\nb") == "\"a\nb\"")
    let csv = RecordTable.csv([Self.document()])
    #expect(csv.hasPrefix("document,record,type,text,start,end,"))
    #expect(csv.hasSuffix("\r\n"))
    #expect(RecordTable.csv([], bom: true).hasPrefix("\u{FEFF}document,"))
  }

  @Test("--utf16-offsets counts a character outside the BMP as two")
  func utf16() {
    let rows = Self.parse(RecordTable.csv([Self.document()], unit: .utf16))
    let end = RecordTable.columns.firstIndex(of: "end")!
    let codePoints = Self.parse(RecordTable.csv([Self.document()]))
    #expect(Int(rows[4][end])! == Int(codePoints[4][end])! + 1)
  }
}

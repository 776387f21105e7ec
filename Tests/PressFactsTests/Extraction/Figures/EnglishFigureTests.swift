import Foundation
import Testing

@testable import PressFacts

/// English figures (GUIDELINE.md, "English texts"): the span runs through the
/// counted noun, whose singular is the unit; magnitudes may be written onto the
/// number (10.3b, HK$5bn, $2.5m).
@Suite struct EnglishFigureTests {
  static func check(_ c: FigureCase) throws {
    try FigureExtractorTests.check(c.text, c.expected, lang: .english)
  }

  @Test(
    "counted nouns: the span runs through the plural noun, the unit is its singular",
    arguments: [
      FigureCase(
        "The city approved 135 industrial projects and 3,000 private enterprises moved in.",
        [
          fig("135 industrial projects", 135, "project"),
          fig("3,000 private enterprises", 3000, "enterprise"),
        ]),
      FigureCase(
        "It set up 17 science and technology platforms and created 12 million new urban jobs.",
        [
          fig("17 science and technology platforms", 17, "platform"),
          fig("12 million new urban jobs", 12e6, "job"),
        ]),
      FigureCase(
        "The province has 84 major\ninfrastructure projects under way.",
        [fig("84 major\ninfrastructure projects", 84, "project")]),
      FigureCase(
        "Police questioned 12 suspects and 1,200 respondents answered.",
        [fig("12 suspects", 12, "suspect"), fig("1,200 respondents", 1200, "respondent")]),
      FigureCase(
        "The plant stores 5 gigawatt-hours of power.", [fig("5 gigawatt-hours", 5, "gigawatt-hour")]
      ),
      FigureCase(
        "After two failed attempts, three maritime zones were named.",
        [fig("two failed attempts", 2, "attempt"), fig("three maritime zones", 3, "zone")]),
      FigureCase(
        "Output stayed above 650 million metric tons.",
        [fig("650 million metric tons", 6.5e8, "t", q: "more_than")]),
      FigureCase("It sold 16.344 million pigs.", [fig("16.344 million pigs", 16_344_000, "pig")]),
    ])
  func countedNouns(_ c: FigureCase) throws { try Self.check(c) }

  @Test(
    "no count: years, labels, closed-class words, paragraph breaks",
    arguments: [
      FigureCase("In 2025 companies will invest more than before.", []),
      FigureCase("The phase four project plans were approved, and Line 3 opened.", []),
      FigureCase("Five of the companies signed, and 10 of the firms left.", []),
      FigureCase("At 10 am, 20 were hurt.", []),
      FigureCase("The total was 84\n\nProjects are listed below.", []),
    ])
  func notCounts(_ c: FigureCase) throws { try Self.check(c) }

  @Test(
    "acronyms may stand between the number and its noun; a capitalized word before it makes a name",
    arguments: [
      FigureCase(
        "It will build 10,000 5G base stations and host 30 AI companies.",
        [fig("10,000 5G base stations", 10000, "station"), fig("30 AI companies", 30, "company")]),
      FigureCase(
        "It drew 350 foreign-invested enterprises, 48 of them Fortune 500 companies.",
        [fig("350 foreign-invested enterprises", 350, "enterprise")]),
      FigureCase("About 30 companies came.", [fig("30 companies", 30, "company", q: "approx")]),
      FigureCase("It reported 25 new COVID-19 cases.", [fig("25 new COVID-19 cases", 25, "case")]),
      FigureCase("A 500-million-yuan loan was signed.", [fig("500-million-yuan", 5e8, "CNY")]),
    ])
  func acronymsAndNames(_ c: FigureCase) throws { try Self.check(c) }

  @Test(
    "magnitudes written onto the number; m and k only for money or a count",
    arguments: [
      FigureCase("Deals worth 10.3b yuan were signed.", [fig("10.3b yuan", 1.03e10, "CNY")]),
      FigureCase(
        "The fund has $100b.", [fig("$100b", 1e11, "USD")]),
      FigureCase("A HK$5bn fund was set up.", [fig("HK$5bn", 5e9, "HKD")]),
      FigureCase(
        "It raised $2.5m from 2.5m people.",
        [fig("$2.5m", 2.5e6, "USD"), fig("2.5m people", 2.5e6, "person")]),
      FigureCase("The wall is 2.5m high.", [fig("2.5m", 2.5, "m")]),
    ])
  func attachedMagnitudes(_ c: FigureCase) throws { try Self.check(c) }

  @Test(
    "ranges in words: two to three years; from A to B is a change",
    arguments: [
      FigureCase(
        "It will be done within two to three years.",
        [fig("two to three years", 2, "year", q: "at_most", max: 3)]),
      FigureCase(
        "Growth of 4 to 5 percent is expected.", [fig("4 to 5 percent", 4, "percent", max: 5)]),
      FigureCase("Fares rose from 2 to 3 dollars.", [fig("3 dollars", 3, "USD")]),
    ])
  func ranges(_ c: FigureCase) throws { try Self.check(c) }
}

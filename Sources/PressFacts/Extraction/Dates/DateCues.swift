import Foundation

/// A set of cue words, each with a value, matched longest first at a code-point
/// position of the normalized text. Built once from the resource file so that
/// the hot loop compares integers only (no String, no allocation).
struct CueTable<Value: Sendable>: Sendable {
  /// Patterns by their first code point, longest first.
  private var byFirst: [UInt32: [(pattern: [UInt32], value: Value)]] = [:]
  /// The keys of `byFirst`: most characters start no cue, and a bit read says so.
  private var firsts = ScalarSet()

  init(_ entries: [(String, Value)]) {
    for (word, value) in entries {
      let p = word.unicodeScalars.map(\.value)
      guard let first = p.first else { continue }
      byFirst[first, default: []].append((p, value))
      firsts.insert(first)
    }
    for key in byFirst.keys { byFirst[key]!.sort { $0.pattern.count > $1.pattern.count } }
  }

  init(_ dictionary: [String: Value]) { self.init(dictionary.map { ($0.key, $0.value) }) }

  /// The longest cue starting at `i`: its end offset and value.
  func match(_ s: [UInt32], at i: Int) -> (end: Int, value: Value)? {
    guard i < s.count, firsts.contains(s[i]), let list = byFirst[s[i]] else { return nil }
    for (p, v) in list where i + p.count <= s.count {
      var k = 1
      while k < p.count && s[i + k] == p[k] { k += 1 }
      if k == p.count { return (i + p.count, v) }
    }
    return nil
  }

  /// The longest cue ending exactly at `end` (exclusive): its start offset and value.
  func match(_ s: [UInt32], endingAt end: Int) -> (start: Int, value: Value)? {
    var best: (start: Int, value: Value)?
    for list in byFirst.values {
      for (p, v) in list where p.count <= end && (best == nil || end - p.count < best!.start) {
        let start = end - p.count
        var k = 0
        while k < p.count && s[start + k] == p[k] { k += 1 }
        if k == p.count { best = (start, v) }
      }
    }
    return best
  }

  /// Whether any cue occurs in `s[range]`.
  func occurs(in s: [UInt32], _ range: Range<Int>) -> Bool {
    for i in range {
      if let m = match(s, at: i), m.end <= range.upperBound { return true }
    }
    return false
  }
}

/// Packs an ASCII word of up to 12 letters, lower-cased, into an integer key, so
/// English words are looked up without building a String.
enum WordKey {
  static func key(_ s: [UInt32], _ range: Range<Int>) -> UInt64? {
    guard range.count <= 12, !range.isEmpty else { return nil }
    var k: UInt64 = 0
    for i in range {
      let c = s[i] | 0x20
      let code: UInt64
      if c >= 0x61 && c <= 0x7A {
        code = UInt64(c - 0x60)
      } else if s[i] >= 0x30 && s[i] <= 0x39 {
        code = UInt64(s[i] - 0x30 + 27)
      } else {
        return nil
      }
      k = k << 5 | code
    }
    return k | UInt64(range.count) << 60
  }

  static func key(_ word: String) -> UInt64? {
    let s = word.unicodeScalars.map(\.value)
    return key(s, 0..<s.count)
  }

  static func table<V>(_ d: [String: V]) -> [UInt64: V] {
    var t = [UInt64: V]()
    for (w, v) in d { if let k = key(w) { t[k] = v } }
    return t
  }
}

/// The cue words of the date stages, from Resources/date-cues.json, loaded and
/// compiled once per process (a `static let`): data, so that a new cue is a
/// one-line change that needs no code. A class: the grammars hold it and are
/// made per document (and per 自…以来 mention), and copying ~45 tables'
/// references each time cost more than the scan itself.
final class DateCues: Sendable {
  struct Raw: Decodable {
    struct Zh: Decodable {
      var relativeYears: [String: Int]
      var yearParts: [String: String]
      var yearPartBlockedAfter: [String]
      var halves: [String: Int]
      var monthParts: [String: String]
      var quarterParts: [String: String]
      var suffixMods: [String: String]
      var suffixModBlockedAfter: [String]
      var bareBlockedBefore: [String]
      var connectors: [String]
      var sincePrefixes: [String]
      var sinceSuffix: String
      var festivals: [String: String]
      var festivalMods: [String: String]
      var seasonWords: [String]
      var relativeDays: [String: Int]
      var relativeMonths: [String: Int]
      var centuries: [String: Int]
      var relativeDayBlockedAfter: [String]
      var rocEraPrefixes: [String]
      var weekPrefixes: [String: Int]
      var eras: [String: Int]
    }
    struct En: Decodable {
      var months: [String: Int]
      var relativeYears: [String: Int]
      var ordinals: [String: Int]
      var counts: [String: Int]
      var modWords: [String: String]
      var modOfWords: [String: String]
      var yearContext: [String: String]
      var yearNextAllowed: [String]
      var yearVerbs: [String]
      var weekdays: [String: Int]
      var relativeDays: [String: Int]
      var weekWords: [String: Int]
    }
    struct Inference: Decodable {
      var futurePrefixes: [String]
      var pastPrefixes: [String]
      var futureSuffixes: [String]
      var clauseFutureMarkers: [String]
      var completionMarkers: [String]
      var datelineMarkers: [String]
      var datelineWindow: Int
      var heldVerbs: [String]
      var dateLabels: [String]
      var listWords: [String]
      var goalWindow: Int
    }
    var zh: Zh
    var en: En
    var inference: Inference
    var springFestival: [String: String]
  }

  let relativeYears: CueTable<Int>
  let yearParts: CueTable<String>
  let yearPartBlockedAfter: ScalarSet
  let halves: CueTable<Int>
  let monthParts: CueTable<String>
  let quarterParts: CueTable<String>
  let suffixMods: CueTable<String>
  let suffixModBlockedAfter: ScalarSet
  let bareBlockedBefore: ScalarSet
  let connectors: CueTable<Bool>
  let sincePrefixes: ScalarSet
  let sinceSuffix: [UInt32]
  let festivals: CueTable<String>
  let festivalMods: CueTable<String>
  /// 今天 0, 昨天 -1 …: days from the document day.
  let relativeDays: CueTable<Int>
  /// 本月 0, 上月 -1 …: months from the document month.
  let relativeMonths: CueTable<Int>
  /// 上世纪 19, 本世纪 20: the hundreds of a decade's year.
  let centuries: CueTable<Int>
  /// Words after which 今日/后天 are not days (今日头条, 后天的).
  let relativeDayBlockedAfter: CueTable<Bool>
  /// Characters after 季 that make a word (季节), not a quarter.
  let seasonWords: ScalarSet
  /// 民国: a Republic of China era year follows (民国112年 = 2023).
  let rocEraPrefixes: CueTable<Bool>
  /// 上 -1, 下下 +2, 本 0 …: weeks from the document week before 周/星期.
  let weekPrefixes: CueTable<Int>
  /// 康熙 1662 …: imperial era names and the Gregorian year of their first year.
  let eras: CueTable<Int>
  /// The first two characters of the era names (康熙), for the scan's start test.
  let eraBigrams: [[UInt32]]
  /// monday 1 … sunday 7.
  let enWeekdays: [UInt64: Int]
  /// today 0, yesterday -1, tomorrow 1.
  let enRelativeDays: [UInt64: Int]
  /// this 0, last -1, next 1 before "week" or a weekday.
  let enWeekWords: [UInt64: Int]
  let enMonths: [UInt64: Int]
  /// Every word of the English word tables that can begin an expression, so
  /// that a word in none of them costs one lookup.
  let enDateWords: Set<UInt64>
  let enRelativeYears: [UInt64: Int]
  let enOrdinals: [UInt64: Int]
  let enCounts: [UInt64: Int]
  let enModWords: [UInt64: String]
  let enModOfWords: [UInt64: String]
  let enYearContext: [UInt64: String]
  let enYearNextAllowed: Set<UInt64>
  /// Verbs after a year that opens a sentence (2021 was …): the year is the subject.
  let enYearVerbs: Set<UInt64>
  let futurePrefixes: CueTable<Bool>
  let pastPrefixes: CueTable<Bool>
  let futureSuffixes: CueTable<Bool>
  let clauseFutureMarkers: CueTable<Bool>
  let completionMarkers: CueTable<Bool>
  let datelineMarkers: CueTable<Bool>
  let datelineWindow: Int
  /// 举行, 召开 …: an event reported as held.
  let heldVerbs: CueTable<Bool>
  /// 日期, 发布时间, Updated …: a label before the document's date.
  let dateLabels: CueTable<Bool>
  /// and, 和, 、: words that join the items of a list.
  let listWords: CueTable<Bool>
  /// How far after a year a plan word (将, 预计, will) makes it a goal.
  let goalWindow: Int
  /// Spring Festival (lunar new year) day by Gregorian year, as "MM-DD".
  let springFestival: [Int: String]

  /// The cues of the shipped resource file; a broken file is a build defect.
  static let shared: DateCues = {
    do { return try DateCues(data: ResourceFiles.data("date-cues.json")) } catch {
      fatalError("date-cues.json: \(error)")
    }
  }()

  init(data: Data) throws {
    let raw = try JSONDecoder().decode(Raw.self, from: data)
    func set(_ a: [String]) -> ScalarSet {
      ScalarSet(a.compactMap { $0.unicodeScalars.first?.value })
    }
    func flags(_ a: [String]) -> CueTable<Bool> { CueTable(a.map { ($0, true) }) }
    relativeYears = CueTable(raw.zh.relativeYears)
    yearParts = CueTable(raw.zh.yearParts)
    yearPartBlockedAfter = set(raw.zh.yearPartBlockedAfter)
    halves = CueTable(raw.zh.halves)
    monthParts = CueTable(raw.zh.monthParts)
    quarterParts = CueTable(raw.zh.quarterParts)
    suffixMods = CueTable(raw.zh.suffixMods)
    suffixModBlockedAfter = set(raw.zh.suffixModBlockedAfter)
    bareBlockedBefore = set(raw.zh.bareBlockedBefore)
    connectors = flags(raw.zh.connectors)
    sincePrefixes = set(raw.zh.sincePrefixes)
    sinceSuffix = raw.zh.sinceSuffix.unicodeScalars.map(\.value)
    festivals = CueTable(raw.zh.festivals)
    festivalMods = CueTable(raw.zh.festivalMods)
    seasonWords = set(raw.zh.seasonWords)
    relativeDays = CueTable(raw.zh.relativeDays)
    relativeMonths = CueTable(raw.zh.relativeMonths)
    centuries = CueTable(raw.zh.centuries)
    relativeDayBlockedAfter = flags(raw.zh.relativeDayBlockedAfter)
    rocEraPrefixes = flags(raw.zh.rocEraPrefixes)
    weekPrefixes = CueTable(raw.zh.weekPrefixes)
    eras = CueTable(raw.zh.eras)
    eraBigrams = raw.zh.eras.keys.map { Array($0.unicodeScalars.prefix(2).map(\.value)) }
    enWeekdays = WordKey.table(raw.en.weekdays)
    enRelativeDays = WordKey.table(raw.en.relativeDays)
    enWeekWords = WordKey.table(raw.en.weekWords)
    enMonths = WordKey.table(raw.en.months)
    var words = Set<UInt64>()
    for table in [
      raw.en.months, raw.en.relativeYears, raw.en.relativeDays, raw.en.weekWords, raw.en.weekdays,
      raw.en.counts, raw.en.ordinals,
    ] {
      words.formUnion(table.keys.compactMap(WordKey.key))
    }
    words.formUnion(raw.en.modWords.keys.compactMap(WordKey.key))
    words.formUnion(raw.en.modOfWords.keys.compactMap(WordKey.key))
    enDateWords = words
    enRelativeYears = WordKey.table(raw.en.relativeYears)
    enOrdinals = WordKey.table(raw.en.ordinals)
    enCounts = WordKey.table(raw.en.counts)
    enModWords = WordKey.table(raw.en.modWords)
    enModOfWords = WordKey.table(raw.en.modOfWords)
    enYearContext = WordKey.table(raw.en.yearContext)
    enYearNextAllowed = Set(raw.en.yearNextAllowed.compactMap(WordKey.key))
    enYearVerbs = Set(raw.en.yearVerbs.compactMap(WordKey.key))
    futurePrefixes = flags(raw.inference.futurePrefixes)
    pastPrefixes = flags(raw.inference.pastPrefixes)
    futureSuffixes = flags(raw.inference.futureSuffixes)
    clauseFutureMarkers = flags(raw.inference.clauseFutureMarkers)
    completionMarkers = flags(raw.inference.completionMarkers)
    datelineMarkers = flags(raw.inference.datelineMarkers)
    datelineWindow = raw.inference.datelineWindow
    heldVerbs = flags(raw.inference.heldVerbs)
    dateLabels = flags(raw.inference.dateLabels)
    listWords = flags(raw.inference.listWords)
    goalWindow = raw.inference.goalWindow
    var spring = [Int: String]()
    for (y, md) in raw.springFestival { if let y = Int(y) { spring[y] = md } }
    springFestival = spring
  }
}

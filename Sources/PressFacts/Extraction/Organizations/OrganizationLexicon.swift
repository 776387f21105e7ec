import Foundation

/// The word lists of the organisation extractor, compiled into phrase tables.
///
/// They are data (Resources/org-suffixes.json, org-known.json, org-institutions.json
/// (the institution lists, same format as org-known.json), org-stopwords.json,
/// org-nonorgs.json, described in docs/lexicons.md) so that a user can extend them
/// without touching code: files of the same names in an extra directory
/// (`PRESSFACTS_LEXICON_DIR`, or the extractor's `lexiconDirectory`) add their
/// entries to the built-in ones. Loading and compiling happens once per process
/// for the standard lexicon (`standard`), never per document.
struct OrganizationLexicon: Sendable {
  /// What a suffix says about the name it ends.
  struct Suffix: Sendable {
    var kind: String
    var minStem: Int
    var token: Bool
    var weak: Bool
    /// A legal form (有限公司): a verb right before it is part of the registered name.
    var legal: Bool
    /// Bare 中心: an institution only after a known name or a place (…重庆中心).
    var branch: Bool
    /// A task force's head (领导小组, 指挥部): its name holds a policy verb
    /// (省促进旅游业改革发展领导小组), so the `inner` verbs do not end it.
    var verbal: Bool = false
  }

  /// A known name's kind; `prefixOnly` names (北大) only extend a longer name.
  struct Known: Sendable {
    var kind: String
    var prefixOnly: Bool
  }

  static let kinds: Set<String> = [
    "company", "university", "research", "government", "media", "other",
  ]

  var suffixes = PhraseTable()
  var suffixInfo: [Suffix] = []
  var englishKeywords: [String: String] = [:]
  var englishFields = Set<String>()
  var englishRoles = Set<String>()
  var englishMediaWords = Set<String>()
  var known = PhraseTable()
  /// The first two code points of every known name, to skip the table's look-up
  /// at almost every position of a text (the institution lists share first
  /// characters such as 国 and 中 with ordinary words).
  var knownPairs = PairFilter([])
  var knownInfo: [Known] = []
  var listCues = PhraseTable()
  var sourceCues = PhraseTable()
  var genericSources = PhraseTable()
  var stops = PhraseTable()
  var inner = PhraseTable()
  var bounded = PhraseTable()
  var after = PhraseTable()
  var determiners = PhraseTable()
  var titles = PhraseTable()
  var coordination = ScalarSet()
  var keep = PhraseTable()
  var branches = PhraseTable()
  var zones = PhraseTable()
  var genericHeads = PhraseTable()
  var modifiers = PhraseTable()
  var facilities = PhraseTable()
  var continuations = PhraseTable()
  var places = PhraseTable()
  var countries = PhraseTable()
  var itemEndings = PhraseTable()

  /// The built-in lexicon extended by `PRESSFACTS_LEXICON_DIR` when it is set:
  /// loaded on first use and shared by every extractor made without a directory.
  static let standard: Result<OrganizationLexicon, PipelineError> = Result {
    let env = ProcessInfo.processInfo.environment["PRESSFACTS_LEXICON_DIR"]
    return try load(extraDirectory: env.flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0) })
  }.mapError {
    $0 as? PipelineError ?? .badResource(file: "org lexicon", entry: 0, reason: "\($0)")
  }

  /// Loads the built-in files, then the files of the same names in `extraDirectory`.
  static func load(extraDirectory: URL?) throws -> OrganizationLexicon {
    var lexicon = OrganizationLexicon()
    var sources: [(String, Data)] = []
    for name in fileNames { sources.append((name, try ResourceFiles.data(name))) }
    if let dir = extraDirectory {
      for name in fileNames {
        let url = dir.appendingPathComponent(name)
        guard FileManager.default.fileExists(atPath: url.path) else { continue }
        guard let data = try? Data(contentsOf: url) else {
          throw PipelineError.badResource(file: url.path, entry: 0, reason: "unreadable")
        }
        sources.append((url.path, data))
      }
    }
    for (file, data) in sources { try lexicon.add(data, file: file) }
    lexicon.knownPairs = PairFilter(lexicon.known.phrases)
    return lexicon
  }

  static let fileNames = [
    "org-suffixes.json", "org-known.json", "org-institutions.json", "org-stopwords.json",
    "org-nonorgs.json",
  ]

  private mutating func add(_ data: Data, file: String) throws {
    let name = (file as NSString).lastPathComponent
    do {
      switch name {
      case "org-suffixes.json":
        try addSuffixes(JSONDecoder().decode(SuffixFile.self, from: data), file: file)
      case "org-known.json", "org-institutions.json":
        try addKnown(JSONDecoder().decode(KnownFile.self, from: data), file: file)
      case "org-stopwords.json": addStops(try JSONDecoder().decode(StopFile.self, from: data))
      default: addNonOrgs(try JSONDecoder().decode(NonOrgFile.self, from: data))
      }
    } catch let error as PipelineError {
      throw error
    } catch {
      throw PipelineError.badResource(file: file, entry: 0, reason: "not a lexicon file: \(error)")
    }
  }

  private mutating func addSuffixes(_ f: SuffixFile, file: String) throws {
    for (i, e) in (f.chinese ?? []).enumerated() {
      try Self.check(e.text, e.kind, file: file, entry: i)
      let info = Suffix(
        kind: e.kind, minStem: e.minStem ?? 2, token: e.token ?? false, weak: e.weak ?? false,
        legal: e.legal ?? false, branch: e.branch ?? false, verbal: e.verbal ?? false)
      let index = suffixes.insert(e.text)
      if index == suffixInfo.count { suffixInfo.append(info) } else { suffixInfo[index] = info }
    }
    for (i, e) in (f.english ?? []).enumerated() {
      try Self.check(e.text, e.kind, file: file, entry: i)
      englishKeywords[e.text] = e.kind
    }
    englishFields.formUnion(f.englishFields ?? [])
    englishRoles.formUnion(f.englishRoles ?? [])
    englishMediaWords.formUnion(f.englishMediaWords ?? [])
  }

  private mutating func addKnown(_ f: KnownFile, file: String) throws {
    for t in f.listCues ?? [] { listCues.insert(t) }
    for t in f.sourceCues ?? [] { sourceCues.insert(t) }
    for t in f.genericSources ?? [] { genericSources.insert(t) }
    for (i, e) in (f.names ?? []).enumerated() {
      try Self.check(e.text, e.kind, file: file, entry: i)
      let info = Known(kind: e.kind, prefixOnly: e.prefixOnly ?? false)
      let index = known.insert(e.text)
      if index == knownInfo.count { knownInfo.append(info) } else { knownInfo[index] = info }
    }
  }

  private mutating func addStops(_ f: StopFile) {
    for t in f.stop ?? [] { stops.insert(t) }
    for t in f.inner ?? [] { inner.insert(t) }
    for t in f.bounded ?? [] { bounded.insert(t) }
    for t in f.after ?? [] { after.insert(t) }
    for t in f.titles ?? [] { titles.insert(t) }
    for t in f.keep ?? [] { keep.insert(t) }
    for t in f.branches ?? [] { branches.insert(t) }
    for t in f.zones ?? [] { zones.insert(t) }
    for t in f.coordination ?? [] {
      for scalar in PhraseTable.normalize(t) { coordination.insert(scalar) }
    }
  }

  private mutating func addNonOrgs(_ f: NonOrgFile) {
    for t in f.genericHeads ?? [] { genericHeads.insert(t) }
    for t in f.determiners ?? [] { determiners.insert(t) }
    for t in f.modifiers ?? [] { modifiers.insert(t) }
    for t in f.facilities ?? [] { facilities.insert(t) }
    for t in f.continuations ?? [] { continuations.insert(t) }
    for t in f.places ?? [] { places.insert(t) }
    for t in f.countries ?? [] { countries.insert(t) }
    for t in f.itemEndings ?? [] { itemEndings.insert(t) }
  }

  private static func check(_ text: String, _ kind: String, file: String, entry: Int) throws {
    if text.isEmpty {
      throw PipelineError.badResource(file: file, entry: entry, reason: "empty text")
    }
    if !kinds.contains(kind) {
      throw PipelineError.badResource(file: file, entry: entry, reason: "unknown kind \(kind)")
    }
  }
}

// The file formats (see docs/lexicons.md). Every list is optional so that a
// user file may carry only the entries it adds.
private struct SuffixEntry: Decodable {
  var text: String
  var kind: String
  var minStem: Int?
  var token: Bool?
  var weak: Bool?
  var legal: Bool?
  var branch: Bool?
  var verbal: Bool?
}

private struct SuffixFile: Decodable {
  var chinese: [SuffixEntry]?
  var english: [SuffixEntry]?
  var englishFields, englishRoles, englishMediaWords: [String]?
}

private struct KnownEntry: Decodable {
  var text: String
  var kind: String
  var prefixOnly: Bool?
}

private struct KnownFile: Decodable {
  var names: [KnownEntry]?
  var listCues, sourceCues, genericSources: [String]?
}

private struct StopFile: Decodable {
  var stop, inner, bounded, after, titles, coordination, keep, zones, branches: [String]?
}

private struct NonOrgFile: Decodable {
  var genericHeads, modifiers, determiners, facilities, continuations, places, countries,
    itemEndings: [String]?
}

/// A bit set over a hash of code-point pairs: `mayStart` says no for certain when no
/// phrase starts with the pair at a position, and maybe otherwise. Phrases shorter
/// than two code points make it always say maybe.
struct PairFilter: Sendable {
  private var bits = [UInt64](repeating: 0, count: PairFilter.words)
  private var everything = false
  static let words = 1 << 11

  init(_ phrases: [[UInt32]]) {
    for p in phrases {
      guard p.count >= 2 else {
        everything = true
        continue
      }
      let h = Self.hash(p[0], p[1])
      bits[h >> 6] |= 1 << UInt64(h & 63)
    }
  }

  @inline(__always) static func hash(_ a: UInt32, _ b: UInt32) -> Int {
    Int((a &* 0x9E37_79B1 ^ b &* 0x85EB_CA6B) >> 15) & (words * 64 - 1)
  }

  @inline(__always) func mayStart(_ s: [UInt32], at i: Int) -> Bool {
    if everything { return true }
    guard i + 1 < s.count else { return false }
    let h = Self.hash(s[i], s[i + 1])
    return bits[h >> 6] & (1 << UInt64(h & 63)) != 0
  }
}

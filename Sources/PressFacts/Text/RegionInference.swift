import Foundation

/// Where a press release is from, as far as amounts are concerned: a bare 元 is
/// the Taiwan dollar in a Taiwan text, the Hong Kong dollar in a Hong Kong text,
/// the pataca in a Macau text and the yuan otherwise (GUIDELINE.md, Traditional
/// Chinese texts). Written in the output as its ISO 3166 code.
public enum Region: String, Sendable, Codable, CaseIterable {
  case mainland = "CN"
  case taiwan = "TW"
  case hongKong = "HK"
  case macau = "MO"
}

/// Infers a document's region once, like its date, from cues any press release
/// of that region carries: its currency, its calendar (民國, ROC years such as
/// 112年7月 or 105年度), its government bodies (行政院, 立法會, 經濟財政司) and,
/// more weakly, its places. The cues and their weights are data
/// (`Resources/region-cues.json`); each distinct cue counts once, so a mainland
/// text that mentions Taiwan ten times is not thereby a Taiwan text.
public struct RegionInference: Sendable {
  struct Cue: Sendable {
    let region: Region
    let weight: Int
    let surface: String
  }

  let cues: ScalarTrie<Int>
  let cueList: [Cue]
  let starts: ScalarSet
  let minScore: Int
  /// The currency of a bare 元 and of a bare $, per region.
  public let currency: [Region: String]
  public let dollar: [Region: String]

  /// Loaded once per process; a missing or broken file is a build error, not a runtime case.
  public static let shared: RegionInference = {
    do { return try RegionInference(data: ResourceFiles.data("region-cues.json")) } catch {
      fatalError("region-cues.json: \(error)")
    }
  }()

  private struct File: Decodable {
    struct Entry: Decodable {
      let currency: String
      let dollar: String
      let cues: [String: Int]
    }
    let minScore: Int
    let regions: [String: Entry]
  }

  init(data: Data) throws {
    let file = try JSONDecoder().decode(File.self, from: data)
    var trie = ScalarTrie<Int>()
    var list = [Cue]()
    var starts = ScalarSet()
    var currency = [Region: String]()
    var dollar = [Region: String]()
    for (code, entry) in file.regions.sorted(by: { $0.key < $1.key }) {
      guard let region = Region(rawValue: code) else {
        throw PipelineError.badResource(
          file: "region-cues.json", entry: 0, reason: "unknown region \(code)")
      }
      currency[region] = entry.currency
      dollar[region] = entry.dollar
      for (surface, weight) in entry.cues.sorted(by: { $0.key < $1.key }) {
        let key = NormalizedText(original: surface.unicodeScalars.map(\.value)).scalars
        guard let first = key.first else { continue }
        trie.insert(key, list.count)
        starts.insert(first)
        list.append(Cue(region: region, weight: weight, surface: surface))
      }
    }
    self.cues = trie
    self.cueList = list
    self.starts = starts
    self.minScore = file.minScore
    self.currency = currency
    self.dollar = dollar
  }

  /// The region of the normalized text `s` and why, or nil when no region's cues
  /// reach the minimum score ahead of every other region's. In Traditional text
  /// (written in Taiwan, Hong Kong and Macau, seldom on the mainland) one place
  /// name is enough: 台北報導.
  public func infer(_ s: [UInt32], traditional: Bool = false) -> (region: Region, basis: String)? {
    var seen = Set<Int>()
    var rocYear = false
    var k = 0
    while k < s.count {
      let c = s[k]
      // a Latin cue starts a word: no trie walk inside English words
      if starts.contains(c), c >= 0x80 || k == 0 || !Self.isLetter(s[k - 1]),
        let m = cues.longestMatch(in: s, at: k, boundary: { self.wordEnds(s, $0) })
      {
        seen.insert(m.value)
        k = m.end
        continue
      }
      if !rocYear, CodePoint.isASCIIDigit(c), Self.isROCYear(s, at: k) { rocYear = true }
      k += 1
    }
    var score = [Region: Int]()
    for i in seen { score[cueList[i].region, default: 0] += cueList[i].weight }
    if rocYear { score[.taiwan, default: 0] += 3 }
    let ranked = score.sorted { ($0.value, $0.key.rawValue) > ($1.value, $1.key.rawValue) }
    guard let best = ranked.first, best.value >= (traditional ? 1 : minScore),
      ranked.count < 2 || ranked[1].value < best.value
    else { return nil }
    var named = seen.filter { cueList[$0].region == best.key }.map { cueList[$0].surface }.sorted()
    if rocYear && best.key == .taiwan { named.append("ROC year") }
    return (
      best.key, "\(best.key.rawValue) cues (score \(best.value)): " + named.joined(separator: ", ")
    )
  }

  /// A Latin cue must be a whole word (MOP, not MOPED); Han cues need no boundary.
  func wordEnds(_ s: [UInt32], _ k: Int) -> Bool {
    k >= s.count || !Self.isLetter(s[k]) || !Self.isLetter(s[k - 1])
  }

  static func isLetter(_ c: UInt32) -> Bool { CodePoint.isASCIILetter(c) }

  /// A year of the ROC calendar as Taiwan writes dates: three digits 100–199 not
  /// inside a longer number, then 年度 (105年度) or 年 and a month (112年7月), or a
  /// numeric date 106-02-09 / 112/07/25. A bare 100年 is not one (建党100年).
  static func isROCYear(_ s: [UInt32], at k: Int) -> Bool {
    guard k + 4 < s.count, s[k] == 0x31, CodePoint.isASCIIDigit(s[k + 1]),
      CodePoint.isASCIIDigit(s[k + 2]), !CodePoint.isASCIIDigit(s[k + 3]),
      k == 0 || !(CodePoint.isASCIIDigit(s[k - 1]) || s[k - 1] == 0x2E || s[k - 1] == 0x2F)
    else { return false }
    let after = s[k + 3]
    if after == 0x5E74 {  // 年
      let next = s[k + 4]
      if next == 0x5EA6 { return true }  // 度
      var j = k + 4
      while j < s.count, j - k < 7, CodePoint.isASCIIDigit(s[j]) { j += 1 }
      return j > k + 4 && j < s.count && s[j] == 0x6708  // 月
    }
    guard after == 0x2D || after == 0x2F, k + 8 < s.count else { return false }
    return CodePoint.isASCIIDigit(s[k + 4]) && CodePoint.isASCIIDigit(s[k + 5])
      && s[k + 6] == after && CodePoint.isASCIIDigit(s[k + 7]) && CodePoint.isASCIIDigit(s[k + 8])
  }
}

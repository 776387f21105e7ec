/// Companies named only in an enumeration: "商汤科技、360集团、大唐高鸿、腾讯等国内
/// 优秀场景创新企业代表", "西部智车等7家产业化公司". Short company names carry no
/// suffix, but a list closed by 等 and a company noun (企业, 公司: `listCues` in
/// org-known.json) says what its items are.
struct CompanyListScan {
  let scan: NameScan
  /// How far after 等 the company noun may come (等多家科学城企业, 等国内优秀场景创新企业).
  static let cueWindow = 14
  /// Item lengths that can be a short company name.
  static let itemLengths = 2...10
  static let deng: UInt32 = 0x7B49
  static let enumerationComma: UInt32 = 0x3001

  func candidates() -> [Candidate] {
    let c = scan.c
    var out = [Candidate]()
    for d in c.indices where c[d] == Self.deng && closedByCompanyNoun(after: d) {
      for item in items(endingAt: d) where isCompanyName(item) {
        let org = Organization(name: scan.view.string(item), kind: "company")
        out.append(Candidate(range: scan.view.normalizedRange(item), payload: .organization(org)))
      }
    }
    return out
  }

  /// Whether a company noun follows 等 within `cueWindow` characters of one clause.
  private func closedByCompanyNoun(after d: Int) -> Bool {
    let c = scan.c
    var i = d + 1
    while i < c.count && i - d <= Self.cueWindow {
      let ch = c[i]
      guard CharacterFold.isHan(ch) || isASCIIDigit(ch) else { return false }
      if scan.lx.listCues.longestStarting(at: i, in: c) != nil { return true }
      i += 1
    }
    return false
  }

  /// The items of the list that ends at `d`, right to left: spans between 、; the
  /// first item's left edge is found like a name's (stop words, punctuation).
  private func items(endingAt d: Int) -> [Range<Int>] {
    let c = scan.c
    var out = [Range<Int>]()
    var end = d
    while end > 0 {
      var start = end
      while start > 0 && c[start - 1] != Self.enumerationComma
        && end - start <= Self.itemLengths.upperBound
      {
        start -= 1
      }
      if start > 0 && c[start - 1] == Self.enumerationComma {
        out.append(start..<end)
        end = start - 1
        continue
      }
      if let edge = scan.leftEdge(from: end, anchor: end, allowCoordination: false, legal: false) {
        out.append(edge.start..<end)
      }
      break
    }
    return out
  }

  /// A plausible short company name: the right length, ideographs (or letters and
  /// digits), no stop word at its edges, not a place, zone or facility.
  private func isCompanyName(_ r: Range<Int>) -> Bool {
    let c = scan.c
    guard Self.itemLengths.contains(r.count) else { return false }
    for i in r where !(CharacterFold.isHan(c[i]) || isASCIILetter(c[i]) || isASCIIDigit(c[i])) {
      return false
    }
    if scan.lx.zones.longestEnding(at: r.upperBound, in: c, lowerBound: r.lowerBound) != nil
      || scan.lx.facilities.longestEnding(at: r.upperBound, in: c, lowerBound: r.lowerBound) != nil
      || scan.lx.stops.longestStarting(at: r.lowerBound, in: c, upperBound: r.upperBound) != nil
    {
      return false
    }
    return true
  }
}

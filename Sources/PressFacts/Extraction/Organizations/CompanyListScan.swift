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

  func candidates() -> [Candidate] {
    let c = scan.c
    var out = [Candidate]()
    for d in c.indices where c[d] == CodePoint.etc && closedByCompanyNoun(after: d) {
      let list = items(endingAt: d)
      guard counted(after: d) || list.contains(where: namesOrganization) else { continue }
      for item in list where isCompanyName(item) {
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
      guard CodePoint.isHan(ch) || CodePoint.isASCIIDigit(ch) else { return false }
      if scan.lx.listCues.longestStarting(at: i, in: c) != nil { return true }
      i += 1
    }
    return false
  }

  /// Whether the company noun is counted (等7家产业化公司, 等多家科学城企业): then the
  /// items are firms even when none of them is known.
  private func counted(after d: Int) -> Bool {
    let c = scan.c
    var i = d + 1
    while i < c.count && i - d <= Self.cueWindow && c[i] != CodePoint.jia { i += 1 }
    guard i < c.count, c[i] == CodePoint.jia, i > d + 1 else { return false }
    return CodePoint.isASCIIDigit(c[i - 1]) || NameScan.numerals.contains(c[i - 1])
      || c[i - 1] == CodePoint.more
  }

  /// Whether an item is a known name or ends in an organisation suffix: a list
  /// that holds one (重庆声光电集团、西南集成…, 商汤科技、…、腾讯) is a list of firms,
  /// not of trades (汽车、电子、装备等产业企业).
  private func namesOrganization(_ r: Range<Int>) -> Bool {
    scan.knownAt[r.lowerBound] >= 0
      || scan.lx.suffixes.longestEnding(at: r.upperBound, in: scan.c, lowerBound: r.lowerBound)
        != nil
  }

  /// The items of the list that ends at `d`, right to left: spans between 、; the
  /// first item's left edge is found like a name's (stop words, punctuation).
  private func items(endingAt d: Int) -> [Range<Int>] {
    let c = scan.c
    var out = [Range<Int>]()
    var end = d
    while end > 0 {
      var start = end
      while start > 0 && c[start - 1] != CodePoint.enumerationComma
        && end - start <= Self.itemLengths.upperBound
      {
        start -= 1
      }
      if start > 0 && c[start - 1] == CodePoint.enumerationComma {
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
    for i in r
    where !(CodePoint.isHan(c[i]) || CodePoint.isASCIILetter(c[i]) || CodePoint.isASCIIDigit(c[i]))
    {
      return false
    }
    if scan.lx.itemEndings.longestEnding(at: r.upperBound, in: c, lowerBound: r.lowerBound) != nil
      || scan.lx.zones.longestEnding(at: r.upperBound, in: c, lowerBound: r.lowerBound) != nil
      || scan.lx.facilities.longestEnding(at: r.upperBound, in: c, lowerBound: r.lowerBound) != nil
      || scan.lx.stops.longestStarting(at: r.lowerBound, in: c, upperBound: r.upperBound) != nil
    {
      return false
    }
    return true
  }
}

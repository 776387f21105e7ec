/// Media and issuing bodies named in a release's source lines, datelines and
/// credits, where no suffix marks them: "来源：V屈原", "資料來源：新聞傳播處",
/// "【聯合晚報╱記者…】", "华龙网讯(记者…)", "据彭博社报道", "Source: english.anhuinews.com",
/// "Photo: CNA", "SEOUL, May 27 (AJU PRESS) - …", "Taipei, May 3 (CNA) …", and a site's domain name in a
/// short header line ("Updated: Jun 24, 2020 wuxinews.com.cn Print").
///
/// The cue says the span is a source; its kind is media unless the span ends in a
/// government suffix (a press office or bureau issuing the release), and a known
/// name keeps its own kind. Runs on the Simplified view, so Traditional cues
/// (資料來源, 發稿單位) are the Simplified ones.
struct SourceLineScan {
  let scan: NameScan
  // The cues before a colon (来源, 资料来源, Source, Photo …) and the generic
  // sources that name no organisation (本站, 网络, 原创 …) are `sourceCues` and
  // `genericSources` in org-known.json.

  /// 记者 (reporter), 报道 (report), 据 (according to), 消息 (news).
  static let reporter = PhraseTable(["记者"])
  static let reportEnd = PhraseTable(["报道", "消息", "报导"])
  static let according: UInt32 = 0x636E
  /// Top-level domains that end a site's name.
  static let domains: Set<String> = [
    "com", "cn", "net", "org", "gov", "edu", "hk", "tw", "mo", "int", "info", "news", "uk", "jp",
    "kr", "sg", "au", "us", "eu", "de", "fr", "in",
  ]
  /// Lines at most this long are headers and credits, where a domain names the site.
  static let headerLine = 100
  static let maxName = 24

  /// One pass over the text that stops only at the few characters a cue holds
  /// (':', 记, 据, ')', '.'), so that a document without source lines costs a
  /// comparison per character.
  func candidates() -> [Candidate] {
    let c = scan.c
    var out = [Candidate]()
    var lastDomainLine = -1
    for i in c.indices where Self.triggers.contains(c[i]) {
      switch c[i] {
      case 0x3A: out += colonSource(colon: i)
      case Self.reporterFirst: out += reporterCredit(at: i)
      case Self.dispatch: out += dispatchLine(at: i)
      case Self.according: out += reportedBy(at: i)
      case 0x29: out += datelineAgency(close: i)
      case 0x2E
      where i > 0 && i + 1 < c.count && Self.isDomainChar(c[i - 1])
        && Self.isDomainChar(c[i + 1]):
        let line = lineBounds(around: i)
        if line.lowerBound != lastDomainLine && line.count <= Self.headerLine {
          lastDomainLine = line.lowerBound
          out += domains(in: line)
        }
      default: continue
      }
    }
    return out
  }

  /// The source after a cue that ends, spaces aside, right before the colon at `colon`.
  private func colonSource(colon: Int) -> [Candidate] {
    let c = scan.c
    var q = colon
    while q > 0 && c[q - 1] == 0x20 { q -= 1 }
    guard let k = scan.lx.sourceCues.longestEnding(at: q, in: c) else { return [] }
    let cue = q - scan.lx.sourceCues.length(k)
    // A cue ends a word of its own: 资金来源 (source of funds) is no source line.
    guard cue == 0 || !(CodePoint.isASCIILetter(c[cue - 1]) || CodePoint.isHan(c[cue - 1])),
      let r = afterColon(q)
    else { return [] }
    return source(r)
  }

  /// The line (between newlines) that holds position `i`, or an over-long range
  /// when it is longer than a header line.
  private func lineBounds(around i: Int) -> Range<Int> {
    let c = scan.c
    var s = i
    while s > 0 && c[s - 1] != 0x0A && i - s <= Self.headerLine { s -= 1 }
    var e = i
    while e < c.count && c[e] != 0x0A && e - s <= Self.headerLine { e += 1 }
    return s..<e
  }

  /// The characters the pass stops at: ':', 记, 讯, 据, ')', '.'.
  static let triggers: ScalarSet = [0x3A, 0x8BB0, 0x8BAF, 0x636E, 0x29, 0x2E]

  /// The name after "cue:" (spaces allowed around the colon), up to a space,
  /// bracket, bar or punctuation; capitalised words joined by single spaces in
  /// English ("Source: Xinhua News Agency").
  private func afterColon(_ start: Int) -> Range<Int>? {
    let c = scan.c
    var p = start
    while p < c.count && c[p] == 0x20 { p += 1 }
    guard p < c.count, c[p] == 0x3A else { return nil }
    p += 1
    while p < c.count && c[p] == 0x20 { p += 1 }
    let s = p
    while p < c.count && p - s <= Self.maxName {
      let ch = c[p]
      if CodePoint.isHan(ch) || CodePoint.isASCIIAlnum(ch) || ch == 0x2D || ch == 0x27 {
        p += 1
      } else if ch == 0x2E && p + 1 < c.count && CodePoint.isASCIIAlnum(c[p + 1]) {
        p += 1
      } else if ch == 0x20 && p + 1 < c.count && CodePoint.isASCIIUpper(c[p + 1]) && p > s
        && CodePoint.isASCIIAlnum(c[p - 1])
      {
        p += 1
      } else {
        break
      }
    }
    guard p - s >= 2, p - s <= Self.maxName else { return nil }
    return s..<p
  }

  /// A source span as a candidate, unless it is generic, a date or a number.
  private func source(_ r: Range<Int>) -> [Candidate] {
    let c = scan.c
    guard !CodePoint.isASCIIDigit(c[r.lowerBound]),
      scan.lx.genericSources.longestStarting(at: r.lowerBound, in: c, upperBound: r.upperBound)
        == nil
    else { return [] }
    return [candidate(r)]
  }

  private func candidate(_ r: Range<Int>) -> Candidate {
    let org = Organization(name: scan.view.string(r), kind: kind(of: r))
    return Candidate(range: scan.view.normalizedRange(r), payload: .organization(org))
  }

  /// Media, unless the span is a known name (its kind) or ends in a government
  /// suffix that is not a website (新闻传播处, 工务局; not 惠济区人民政府网站).
  private func kind(of r: Range<Int>) -> String {
    let lx = scan.lx
    if let k = lx.known.longestStarting(at: r.lowerBound, in: scan.c, upperBound: r.upperBound),
      lx.known.length(k) == r.count
    {
      return lx.knownInfo[k].kind
    }
    if let s = lx.suffixes.longestEnding(at: r.upperBound, in: scan.c, lowerBound: r.lowerBound),
      lx.suffixInfo[s].kind == "government"
    {
      return "government"
    }
    if let last = r.last, scan.c[last] == Self.office { return "government" }
    return "media"
  }

  /// 处 (office), the head of press offices' names (新闻传播处).
  static let office: UInt32 = 0x5904

  /// "【联合晚报/记者…", "(中央社记者…": a name opening a line or a bracket, then
  /// a slash and 记者, or a media head (社, 报, 台, 网) right before 记者.
  private func reporterCredit(at i: Int) -> [Candidate] {
    let c = scan.c
    guard Self.reporter.longestStarting(at: i, in: c) != nil else { return [] }
    var e = i
    let slashed = e > 0 && (c[e - 1] == 0x2F || c[e - 1] == 0x2571)
    if slashed { e -= 1 }
    var s = e
    while s > 0 && CodePoint.isHan(c[s - 1]) && e - s <= 10 { s -= 1 }
    guard e - s >= 2, e - s <= 10, s == 0 || Self.openers.contains(c[s - 1]),
      slashed || Self.mediaHeads.contains(c[e - 1]),
      scan.lx.genericSources.longestStarting(at: s, in: c, upperBound: e) == nil
    else { return [] }
    return [candidate(s..<e)]
  }

  /// "华龙网讯(记者…)", "湖北日报讯 …": an outlet opening a line with 讯 (dispatch)
  /// and a bracket or space after it; 本报讯 names no outlet.
  private func dispatchLine(at i: Int) -> [Candidate] {
    let c = scan.c
    guard i + 1 < c.count, c[i + 1] == 0x28 || c[i + 1] == 0x20 || c[i + 1] == 0x3A else {
      return []
    }
    var s = i
    while s > 0 && CodePoint.isHan(c[s - 1]) && i - s <= 10 { s -= 1 }
    guard i - s >= 2, i - s <= 10, s == 0 || Self.openers.contains(c[s - 1]),
      Self.mediaHeads.contains(c[i - 1]),
      scan.lx.genericSources.longestStarting(at: s, in: c, upperBound: i) == nil
    else { return [] }
    return [candidate(s..<i)]
  }

  /// 讯 (dispatch).
  static let dispatch: UInt32 = 0x8BAF

  /// 记, the first character of 记者.
  static let reporterFirst: UInt32 = 0x8BB0

  static let openers = ScalarSet(scalarsOf: "\n【[(（「")
  static let mediaHeads = ScalarSet(scalarsOf: "社报台网讯")

  /// "据彭博社报道", "据中央社消息": the reporting outlet between 据 and 报道.
  private func reportedBy(at i: Int) -> [Candidate] {
    let c = scan.c
    guard scan.startsToken(i) else { return [] }
    var e = i + 1
    while e < c.count && e - i <= 12 && CodePoint.isHan(c[e])
      && Self.reportEnd.longestStarting(at: e, in: c) == nil
    {
      e += 1
    }
    guard e < c.count, Self.reportEnd.longestStarting(at: e, in: c) != nil, e - i - 1 >= 2,
      Self.mediaHeads.contains(c[e - 1]) || scan.knownAt[e - 1] >= 0,
      scan.lx.genericSources.longestStarting(at: i + 1, in: c, upperBound: e) == nil
    else { return [] }
    return [candidate((i + 1)..<e)]
  }

  /// "SEOUL, May 27 (AJU PRESS) - …", "(JCN Newswire) -": capitalised words in
  /// parentheses right before a dash open the story with the agency's name.
  private func datelineAgency(close: Int) -> [Candidate] {
    let c = scan.c
    var s = close
    while s > 0 && close - s <= Self.maxName
      && (CodePoint.isASCIIAlnum(c[s - 1]) || c[s - 1] == 0x20 || c[s - 1] == 0x2E)
    {
      s -= 1
    }
    guard s > 0, c[s - 1] == 0x28, close - s >= 2, CodePoint.isASCIIUpper(c[s]),
      isDash(after: close + 1) || followsDate(s - 1)
    else { return [] }
    return [candidate(s..<close)]
  }

  /// Whether a day number and a space come right before the '(' at `open`:
  /// "Taipei, May 3 (CNA) …".
  private func followsDate(_ open: Int) -> Bool {
    open >= 2 && scan.c[open - 1] == 0x20 && CodePoint.isASCIIDigit(scan.c[open - 2])
  }

  /// Whether spaces and then a hyphen, en dash or em dash come at `p`.
  private func isDash(after p: Int) -> Bool {
    let c = scan.c
    var q = p
    while q < c.count && c[q] == 0x20 { q += 1 }
    return q > p && q < c.count && (c[q] == 0x2D || c[q] == 0x2013 || c[q] == 0x2014)
  }

  /// Domain names (wuxinews.com.cn) standing alone in short lines: the site
  /// the release comes from. Part of a URL or an e-mail address is not.
  private func domains(in line: Range<Int>) -> [Candidate] {
    let c = scan.c
    var out = [Candidate]()
    var p = line.lowerBound
    while p < line.upperBound {
      guard Self.isDomainChar(c[p]) else {
        p += 1
        continue
      }
      let s = p
      while p < line.upperBound && (Self.isDomainChar(c[p]) || c[p] == 0x2E) { p += 1 }
      var e = p
      while e > s && c[e - 1] == 0x2E { e -= 1 }
      guard c[s..<e].contains(0x2E) else { continue }
      let before = s > line.lowerBound ? c[s - 1] : 0x20
      let after = p < line.upperBound ? c[p] : 0x20
      if before != 0x40 && before != 0x2F && after != 0x2F && after != 0x40, isDomain(s..<e) {
        out.append(candidate(s..<e))
      }
    }
    return out
  }

  /// At least two labels of letters, digits and hyphens, the last a lower-case
  /// top-level domain, and a letter in the first.
  private func isDomain(_ r: Range<Int>) -> Bool {
    let text = scan.view.string(r)
    let labels = text.split(separator: ".", omittingEmptySubsequences: false)
    guard labels.count >= 2, !text.hasPrefix("http"), let tld = labels.last,
      Self.domains.contains(String(tld)), labels.allSatisfy({ !$0.isEmpty }),
      labels[0].contains(where: { $0.isLetter })
    else { return false }
    return true
  }

  @inline(__always) static func isDomainChar(_ ch: UInt32) -> Bool {
    CodePoint.isASCIIAlnum(ch) || ch == 0x2D
  }
}

import Foundation

/// Proposes `.organization` candidates: named companies, universities, research
/// institutes, laboratories, government bodies, media, associations and funds,
/// each as the longest full name written (corpus/gold/GUIDELINE.md, Organisations).
///
/// Chinese names are anchored on a suffix (大学, 研究院, 有限公司, 管委会 …) and
/// grown leftwards character by character (`NameScan`): ICU's dictionary cuts
/// across names (与国|核|铀|业), so tokens are only hints. Names with no suffix
/// come from the known-name list. English names are runs of capitalised words
/// around a keyword (`EnglishOrganizationMatcher`). The pipeline keeps the
/// longest of overlapping candidates, so 电子科技大学重庆微电子产业技术研究院
/// wins over 电子科技大学.
public struct OrganizationExtractor: Extractor {
  public var name: String { "organizations" }
  public var produces: RecordType { .organization }
  public var requires: [RecordType] { [] }
  let lexicon: OrganizationLexicon

  /// Uses the built-in lexicon plus `PRESSFACTS_LEXICON_DIR` (loaded once per
  /// process), or the built-in lexicon plus `lexiconDirectory` when one is given.
  public init(lexiconDirectory: URL? = nil) throws {
    if let lexiconDirectory {
      lexicon = try OrganizationLexicon.load(extraDirectory: lexiconDirectory)
    } else {
      lexicon = try OrganizationLexicon.standard.get()
    }
  }

  public func extract(from document: Document, in context: ExtractionContext) -> [Candidate] {
    var out = [Candidate]()
    let view = NameView(document.normalized.scalars)
    let scan = NameScan(lexicon: lexicon, view: view, tokens: document.tokens)
    out += scan.knownCandidates()
    out += SourceLineScan(scan: scan).candidates()
    if document.normalized.hanCount > 0 {
      out += scan.suffixCandidates()
      out += CompanyListScan(scan: scan).candidates()
    }
    if document.normalized.latinCount > 0 {
      out += EnglishOrganizationMatcher(lexicon: lexicon).candidates(
        in: document.normalized.scalars)
    }
    return out
  }
}

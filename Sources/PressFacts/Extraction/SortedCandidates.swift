/// The candidates of one record type in document order. Within a type they do not
/// overlap (the pipeline's longest-first rule), so starts and ends are both sorted and
/// every look-up by position is a binary search: a long document with thousands of
/// figures and dates stays linear in TargetExtractor.
struct SortedCandidates {
  let items: [Candidate]

  init(_ candidates: [Candidate]) {
    items = candidates.sorted { $0.range.lowerBound < $1.range.lowerBound }
  }

  /// The index of the first candidate that starts at or after `offset`.
  func firstIndex(startingAtOrAfter offset: Int) -> Int {
    var lo = 0
    var hi = items.count
    while lo < hi {
      let mid = (lo + hi) / 2
      if items[mid].range.lowerBound < offset { lo = mid + 1 } else { hi = mid }
    }
    return lo
  }

  /// The candidate whose range contains `offset`, if any.
  func covering(_ offset: Int) -> Candidate? {
    let i = firstIndex(startingAtOrAfter: offset + 1) - 1
    return i >= 0 && items[i].range.contains(offset) ? items[i] : nil
  }

  /// Whether some candidate overlaps `r`.
  func overlapsAny(_ r: Range<Int>) -> Bool {
    let i = firstIndex(startingAtOrAfter: r.upperBound) - 1
    return i >= 0 && items[i].range.upperBound > r.lowerBound
  }

  /// The candidates that lie entirely inside `r`, in document order.
  func inside(_ r: Range<Int>) -> ArraySlice<Candidate> {
    let a = firstIndex(startingAtOrAfter: r.lowerBound)
    var b = a
    while b < items.count && items[b].range.upperBound <= r.upperBound { b += 1 }
    return items[a..<b]
  }
}

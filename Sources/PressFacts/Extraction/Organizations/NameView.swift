/// The normalized text with the paragraph breaks that cut through words taken
/// out, so that a name broken as "重庆医科\n\n大学" matches as 重庆医科大学.
///
/// The corpus breaks lines inside names; a break is crossable when it sits
/// between two ideographs (so no sentence punctuation ends the line before it)
/// and the line before it is a paragraph, not a heading (at least
/// `minimumLineLength` code points: headings are short and end without
/// punctuation). `toNormalized` maps every view position back, so a span
/// still covers the break verbatim in the output.
struct NameView {
  let chars: [UInt32]
  let toNormalized: [Int32]
  static let minimumLineLength = 30

  init(_ s: [UInt32]) {
    var chars = [UInt32]()
    var map = [Int32]()
    chars.reserveCapacity(s.count)
    map.reserveCapacity(s.count)
    var lineStart = 0
    var i = 0
    while i < s.count {
      guard CodePoint.isBlank(s[i]) else {
        chars.append(s[i])
        map.append(Int32(i))
        i += 1
        continue
      }
      var j = i
      var newline = false
      while j < s.count && CodePoint.isBlank(s[j]) {
        if s[j] == 0x0A || s[j] == 0x0D { newline = true }
        j += 1
      }
      let crossable =
        newline && j < s.count && i - lineStart >= Self.minimumLineLength
        && chars.last.map(CodePoint.isHan) == true && CodePoint.isHan(s[j])
      if !crossable {
        for k in i..<j {
          chars.append(s[k])
          map.append(Int32(k))
        }
      }
      if newline { lineStart = j }
      i = j
    }
    self.chars = chars
    self.toNormalized = map
  }

  /// The normalized range of the view range `r` (breaks inside it included).
  func normalizedRange(_ r: Range<Int>) -> Range<Int> {
    Int(toNormalized[r.lowerBound])..<(Int(toNormalized[r.upperBound - 1]) + 1)
  }

  func string(_ r: Range<Int>) -> String { TextDecoding.string(chars[r]) }
}

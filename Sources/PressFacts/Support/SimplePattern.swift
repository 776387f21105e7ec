/// A hand-compiled matcher for the simple anchored patterns the output schema
/// uses (`^[fdot][1-9][0-9]*$`, the TIMEX value pattern): literals, ASCII
/// classes `[a-z0-9]`, groups, `|`, and the quantifiers `? * + {n} {n,m}`.
/// Every id, unit and date value of every record is matched, and
/// NSRegularExpression costs microseconds a call; this costs nanoseconds.
///
/// It answers only for strings of printable ASCII (where ICU's `$` means the
/// end of the input, not also "before a final line break"); for any other
/// string, or a pattern outside the subset, `matches` returns nil and the
/// caller asks NSRegularExpression, so the verdict is always ICU's.
struct SimplePattern: Sendable {
  indirect enum Node: Sendable {
    /// One character of the set (indexed by ASCII code).
    case set([Bool])
    case sequence([Node])
    case choice([Node])
    case repeated(Node, min: Int, max: Int?)
  }

  let root: Node
  /// `root` as a backtracking program over bytes (no reference counting while matching).
  let program: [Op]

  /// One instruction: match a byte of the set (bits of ASCII codes 0-63, 64-127),
  /// try `a` and else go on at `b`, go to `a`, or succeed at the end of the input.
  enum Op: Sendable {
    case byte(lo: UInt64, hi: UInt64)
    case split(Int, Int)
    case jump(Int)
    case match
  }

  /// Nil when the pattern is not `^…$` over the subset.
  init?(_ pattern: String) {
    var p = Array(pattern.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) })
    guard pattern.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value < 0x7F }),
      p.count >= 2, p.first == UInt8(ascii: "^"), p.last == UInt8(ascii: "$")
    else { return nil }
    p = Array(p[1..<(p.count - 1)])
    var parser = Parser(p: p)
    guard let node = parser.choice(), parser.i == p.count else { return nil }
    root = node
    var program = [Op]()
    guard Self.emit(node, into: &program) else { return nil }
    program.append(.match)
    self.program = program
  }

  /// Appends the code of `node`; false when it is too long or loops on nothing.
  private static func emit(_ node: Node, into prog: inout [Op]) -> Bool {
    guard prog.count < 4096 else { return false }
    switch node {
    case .set(let table):
      var lo: UInt64 = 0
      var hi: UInt64 = 0
      for c in 0..<128 where table[c] {
        if c < 64 { lo |= 1 << UInt64(c) } else { hi |= 1 << UInt64(c - 64) }
      }
      prog.append(.byte(lo: lo, hi: hi))
    case .sequence(let parts):
      for part in parts where !emit(part, into: &prog) { return false }
    case .choice(let options):
      var exits = [Int]()
      for (n, option) in options.enumerated() {
        let split = prog.count
        if n < options.count - 1 { prog.append(.split(split + 1, -1)) }
        guard emit(option, into: &prog) else { return false }
        if n < options.count - 1 {
          exits.append(prog.count)
          prog.append(.jump(-1))
          prog[split] = .split(split + 1, prog.count)
        }
      }
      for e in exits { prog[e] = .jump(prog.count) }
    case .repeated(let inner, let min, let max):
      for _ in 0..<min where !emit(inner, into: &prog) { return false }
      if let max {
        var splits = [Int]()
        for _ in min..<max {
          splits.append(prog.count)
          prog.append(.split(prog.count + 1, -1))
          guard emit(inner, into: &prog) else { return false }
        }
        for s in splits { prog[s] = .split(s + 1, prog.count) }
      } else {
        guard !nullable(inner) else { return false }
        let loop = prog.count
        prog.append(.split(loop + 1, -1))
        guard emit(inner, into: &prog) else { return false }
        prog.append(.jump(loop))
        prog[loop] = .split(loop + 1, prog.count)
      }
    }
    return true
  }

  /// Whether `node` can match the empty string (a loop over it would not advance).
  private static func nullable(_ node: Node) -> Bool {
    switch node {
    case .set: return false
    case .sequence(let parts): return parts.allSatisfy(nullable)
    case .choice(let options): return options.contains(where: nullable)
    case .repeated(let inner, let min, _): return min == 0 || nullable(inner)
    }
  }

  /// Whether the whole string matches; nil when the string is not printable ASCII
  /// (or not contiguous UTF-8), which the caller leaves to NSRegularExpression.
  func matches(_ s: String) -> Bool? {
    var s = s
    return s.withUTF8 { bytes -> Bool? in
      for b in bytes where b < 0x20 || b >= 0x7F { return nil }
      return program.withUnsafeBufferPointer { Self.run($0, 0, bytes, 0) }
    }
  }

  /// Runs the program from `pc` at byte `i`; a split tries its first branch by recursion.
  private static func run(
    _ prog: UnsafeBufferPointer<Op>, _ pc: Int, _ s: UnsafeBufferPointer<UInt8>, _ i: Int
  ) -> Bool {
    var pc = pc
    var i = i
    while true {
      switch prog[pc] {
      case .byte(let lo, let hi):
        guard i < s.count else { return false }
        let b = UInt64(s[i])
        guard (b < 64 ? lo >> b : hi >> (b - 64)) & 1 == 1 else { return false }
        pc += 1
        i += 1
      case .split(let a, let b):
        if run(prog, a, s, i) { return true }
        pc = b
      case .jump(let a): pc = a
      case .match: return i == s.count
      }
    }
  }

  /// The tree matcher the program is compiled from, kept as its reference.
  func treeMatches(_ s: String) -> Bool? {
    var s = s
    return s.withUTF8 { bytes -> Bool? in
      for b in bytes where b < 0x20 || b >= 0x7F { return nil }
      return Self.match(root, bytes, 0) { $0 == bytes.count }
    }
  }

  /// Backtracking match of `node` at `i`, then the continuation `k` at the end.
  private static func match(
    _ node: Node, _ s: UnsafeBufferPointer<UInt8>, _ i: Int, _ k: (Int) -> Bool
  ) -> Bool {
    switch node {
    case .set(let table):
      return i < s.count && table[Int(s[i])] && k(i + 1)
    case .sequence(let parts):
      return sequence(parts[...], s, i, k)
    case .choice(let options):
      return options.contains { match($0, s, i, k) }
    case .repeated(let inner, let min, let max):
      return repeated(inner, min, max, s, i, 0, k)
    }
  }

  private static func sequence(
    _ parts: ArraySlice<Node>, _ s: UnsafeBufferPointer<UInt8>, _ i: Int, _ k: (Int) -> Bool
  ) -> Bool {
    guard let first = parts.first else { return k(i) }
    return match(first, s, i) { sequence(parts.dropFirst(), s, $0, k) }
  }

  private static func repeated(
    _ inner: Node, _ min: Int, _ max: Int?, _ s: UnsafeBufferPointer<UInt8>, _ i: Int, _ n: Int,
    _ k: (Int) -> Bool
  ) -> Bool {
    if n >= min && k(i) { return true }
    if let max, n >= max { return false }
    // An iteration that consumes nothing cannot lead anywhere new.
    return match(inner, s, i) { j in j > i && repeated(inner, min, max, s, j, n + 1, k) }
  }

  /// Recursive descent over the pattern's bytes; nil on anything outside the subset.
  struct Parser {
    let p: [UInt8]
    var i = 0

    static let special = Set("\\.^$|()[]{}*+?".utf8)

    mutating func choice() -> Node? {
      var options = [Node]()
      while true {
        guard let s = sequence() else { return nil }
        options.append(s)
        guard i < p.count, p[i] == UInt8(ascii: "|") else { break }
        i += 1
      }
      return options.count == 1 ? options[0] : .choice(options)
    }

    mutating func sequence() -> Node? {
      var parts = [Node]()
      while i < p.count, p[i] != UInt8(ascii: "|"), p[i] != UInt8(ascii: ")") {
        guard let atom = atom(), let quantified = quantifier(atom) else { return nil }
        parts.append(quantified)
      }
      return .sequence(parts)
    }

    mutating func atom() -> Node? {
      let c = p[i]
      i += 1
      switch c {
      case UInt8(ascii: "("):
        guard let inner = choice(), i < p.count, p[i] == UInt8(ascii: ")") else { return nil }
        i += 1
        return inner
      case UInt8(ascii: "["): return characterClass()
      default:
        guard !Self.special.contains(c) else { return nil }
        var table = [Bool](repeating: false, count: 128)
        table[Int(c)] = true
        return .set(table)
      }
    }

    /// `[...]` of literals and ranges; no negation, no escapes.
    mutating func characterClass() -> Node? {
      var table = [Bool](repeating: false, count: 128)
      var any = false
      while i < p.count, p[i] != UInt8(ascii: "]") {
        let a = p[i]
        guard !Self.special.contains(a) else { return nil }
        if i + 2 < p.count, p[i + 1] == UInt8(ascii: "-"), p[i + 2] != UInt8(ascii: "]") {
          let b = p[i + 2]
          guard !Self.special.contains(b), a <= b else { return nil }
          for c in a...b { table[Int(c)] = true }
          i += 3
        } else {
          guard a != UInt8(ascii: "-") || i + 1 < p.count && p[i + 1] == UInt8(ascii: "]") else {
            return nil
          }
          table[Int(a)] = true
          i += 1
        }
        any = true
      }
      guard any, i < p.count else { return nil }
      i += 1
      return .set(table)
    }

    mutating func quantifier(_ atom: Node) -> Node? {
      guard i < p.count else { return atom }
      switch p[i] {
      case UInt8(ascii: "?"):
        i += 1
        return lazyCheck(.repeated(atom, min: 0, max: 1))
      case UInt8(ascii: "*"):
        i += 1
        return lazyCheck(.repeated(atom, min: 0, max: nil))
      case UInt8(ascii: "+"):
        i += 1
        return lazyCheck(.repeated(atom, min: 1, max: nil))
      case UInt8(ascii: "{"):
        i += 1
        guard let low = number() else { return nil }
        var high: Int? = low
        if i < p.count, p[i] == UInt8(ascii: ",") {
          i += 1
          high = number()
        }
        guard i < p.count, p[i] == UInt8(ascii: "}"), high.map({ $0 >= low }) ?? true else {
          return nil
        }
        i += 1
        return lazyCheck(.repeated(atom, min: low, max: high))
      default: return atom
      }
    }

    /// A quantifier followed by `?` or `+` (lazy, possessive) is outside the subset.
    func lazyCheck(_ node: Node) -> Node? {
      guard i < p.count else { return node }
      return p[i] == UInt8(ascii: "?") || p[i] == UInt8(ascii: "+") || p[i] == UInt8(ascii: "*")
        || p[i] == UInt8(ascii: "{") ? nil : node
    }

    mutating func number() -> Int? {
      var v = 0
      var digits = 0
      while i < p.count, p[i] >= UInt8(ascii: "0"), p[i] <= UInt8(ascii: "9"), digits < 4 {
        v = v * 10 + Int(p[i] - UInt8(ascii: "0"))
        i += 1
        digits += 1
      }
      return digits > 0 ? v : nil
    }
  }
}

/// What a regular expression anchored at the start of the text demands of the text's first
/// characters, read from the pattern's beginning, so that most texts are rejected without ICU.
///
/// Understood: `^`, then any number of `\s*` / `\s+` (with a lazy or possessive mark), then
/// either literal ASCII characters (plain or escaped punctuation) or one group of alternatives
/// `(a…|b…)` / `(?:a…|b…)` whose each alternative starts with a literal. Analysis stops at the
/// first thing it does not understand, and at a literal or group that may repeat zero times;
/// a pattern with a `|` outside that group (a top-level alternation escapes the `^`) or whose
/// start yields no literal gets no prefilter at all.
///
/// Soundness (`mayMatch` is false only where the regex cannot match):
/// - Only ASCII pattern characters are used, and a text character is compared only while it is
///   ASCII; at the first non-ASCII byte the answer is "may match". ICU's case-insensitive
///   matching folds non-ASCII characters onto ASCII letters (U+212A KELVIN SIGN onto k, U+017F
///   LONG S onto s, U+0130 onto i) and full folding can turn one character into two (ß → ss),
///   but every such text character is non-ASCII, and the ASCII characters before it were each
///   matched one to one by an ASCII literal, so the positions still line up.
/// - Among ASCII characters case-insensitivity only pairs A–Z with a–z.
/// - `\s` may match more than ASCII white space (ICU's is Unicode white space); the skip here
///   passes over ASCII 09–0D, 1C–1F and space (a superset of ICU's ASCII `\s`), stops at a
///   non-ASCII byte (then "may match"), and a pattern whose first literal could be one of the
///   skipped characters gets no prefilter. So the first character after the skip is the one
///   the first literal must match in every way the regex could match.
struct PatternPrefilter: Sendable {
    /// The pattern skips leading white space before its first literal.
    let skipsSpace: Bool
    /// The ASCII characters allowed at each position after the skipped space.
    let positions: [ASCIISet]

    init?(pattern: String, caseInsensitive: Bool) {
        var parser = Parser(pattern: Array(pattern.utf8), caseInsensitive: caseInsensitive)
        guard let (skipsSpace, positions) = parser.parse(), !positions.isEmpty else { return nil }
        if skipsSpace && positions[0].intersects(Self.skipped) { return nil }
        self.skipsSpace = skipsSpace
        self.positions = positions
    }

    /// False only when the regex cannot match `text`.
    func mayMatch(_ text: String) -> Bool {
        // Native strings are read as one buffer; others byte by byte, the same way.
        if let answer = text.utf8.withContiguousStorageIfAvailable(mayMatch(bytes:)) { return answer }
        return mayMatch(iterating: text)
    }

    private func mayMatch(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        if skipsSpace {
            let skipped = Self.skipped
            while index < bytes.count, bytes[index] < 0x80, skipped.contains(bytes[index]) { index += 1 }
        }
        for allowed in positions {
            guard index < bytes.count else { return false }
            let current = bytes[index]
            if current >= 0x80 { return true }
            if !allowed.contains(current) { return false }
            index += 1
        }
        return true
    }

    private func mayMatch(iterating text: String) -> Bool {
        var bytes = text.utf8.makeIterator()
        var byte = bytes.next()
        if skipsSpace {
            while let current = byte, current < 0x80, Self.skipped.contains(current) { byte = bytes.next() }
        }
        for allowed in positions {
            guard let current = byte else { return false }
            if current >= 0x80 { return true }
            if !allowed.contains(current) { return false }
            byte = bytes.next()
        }
        return true
    }

    /// ASCII characters a `\s` might match: tab, line feed, vertical tab, form feed, carriage
    /// return, the information separators 1C–1F and space.
    static let skipped: ASCIISet = {
        var set = ASCIISet()
        for byte in UInt8(0x09)...0x0D { set.insert(byte) }
        for byte in UInt8(0x1C)...0x1F { set.insert(byte) }
        set.insert(0x20)
        return set
    }()

    /// Reads the start of a pattern (UTF-8 bytes).
    private struct Parser {
        let pattern: [UInt8]
        let caseInsensitive: Bool
        /// Where the analysed group of alternatives lies (its `|` are not top-level).
        var group: Range<Int>?

        init(pattern: [UInt8], caseInsensitive: Bool) {
            self.pattern = pattern
            self.caseInsensitive = caseInsensitive
        }

        enum Repeat {
            case once
            case maybeNever
            case atLeast(Int)
        }

        mutating func parse() -> (Bool, [ASCIISet])? {
            guard pattern.first == UInt8(ascii: "^") else { return nil }
            var index = 1
            var skipsSpace = false
            while index + 2 < pattern.count, pattern[index] == UInt8(ascii: "\\"), pattern[index + 1] == UInt8(ascii: "s"),
                  pattern[index + 2] == UInt8(ascii: "*") || pattern[index + 2] == UInt8(ascii: "+") {
                skipsSpace = true
                index += 3
                if index < pattern.count, pattern[index] == UInt8(ascii: "?") || pattern[index] == UInt8(ascii: "+") { index += 1 }
            }
            var positions: [ASCIISet] = []
            scan: while index < pattern.count {
                if positions.isEmpty, pattern[index] == UInt8(ascii: "(") {
                    guard let (set, end) = alternatives(from: index) else { break scan }
                    if case .maybeNever = repetition(at: end) { break scan }
                    positions.append(set)
                    group = index..<end
                    break scan
                }
                guard let (byte, length) = literal(at: index) else { break scan }
                let set = characters(byte)
                switch repetition(at: index + length) {
                case .once:
                    positions.append(set)
                    index += length
                case .maybeNever:
                    break scan
                case .atLeast(let count):
                    positions += Array(repeating: set, count: min(count, 8))
                    break scan
                }
            }
            // A `|` outside the analysed group is (or may be) a top-level alternation, whose
            // other branches the `^` does not anchor.
            for (offset, byte) in pattern.enumerated() where byte == UInt8(ascii: "|") {
                guard let group, group.contains(offset) else { return nil }
            }
            return (skipsSpace, positions)
        }

        /// A literal ASCII character at `index`: printable and not a metacharacter, or a
        /// backslash before ASCII punctuation. Returns the character and the bytes it takes.
        func literal(at index: Int) -> (UInt8, Int)? {
            guard index < pattern.count else { return nil }
            let byte = pattern[index]
            if byte == UInt8(ascii: "\\") {
                guard index + 1 < pattern.count else { return nil }
                let escaped = pattern[index + 1]
                guard escaped >= 0x21, escaped <= 0x7E, !Self.isAlphanumeric(escaped) else { return nil }
                return (escaped, 2)
            }
            guard byte >= 0x20, byte <= 0x7E, !Self.metacharacters.contains(byte) else { return nil }
            return (byte, 1)
        }

        /// How often the atom ending before `index` must occur.
        func repetition(at index: Int) -> Repeat {
            guard index < pattern.count else { return .once }
            switch pattern[index] {
            case UInt8(ascii: "?"), UInt8(ascii: "*"): return .maybeNever
            case UInt8(ascii: "+"): return .atLeast(1)
            case UInt8(ascii: "{"):
                var count = 0
                var digits = 0
                var next = index + 1
                while next < pattern.count, pattern[next] >= 0x30, pattern[next] <= 0x39, digits < 4 {
                    count = count * 10 + Int(pattern[next] - 0x30)
                    digits += 1
                    next += 1
                }
                return digits == 0 || count == 0 ? .maybeNever : .atLeast(count)
            default: return .once
            }
        }

        /// A group `(…|…)` or `(?:…|…)` at `index` whose every alternative starts with a literal
        /// that must occur: the set of those first characters and the index after the `)`.
        /// nil for anything else (other group kinds, nested groups or classes, exotic escapes).
        func alternatives(from index: Int) -> (ASCIISet, Int)? {
            var next = index + 1
            if next < pattern.count, pattern[next] == UInt8(ascii: "?") {
                guard next + 1 < pattern.count, pattern[next + 1] == UInt8(ascii: ":") else { return nil }
                next += 2
            }
            var set = ASCIISet()
            while true {
                guard let (byte, length) = literal(at: next) else { return nil }
                if case .maybeNever = repetition(at: next + length) { return nil }
                set.formUnion(characters(byte))
                next += length
                // The rest of the alternative: only flat atoms and quantifiers.
                while true {
                    guard next < pattern.count else { return nil }
                    let byte = pattern[next]
                    if byte == UInt8(ascii: "|") { next += 1; break }
                    if byte == UInt8(ascii: ")") { return (set, next + 1) }
                    if byte == UInt8(ascii: "(") || byte == UInt8(ascii: "[") { return nil }
                    if byte == UInt8(ascii: "\\") {
                        guard next + 1 < pattern.count else { return nil }
                        let escaped = pattern[next + 1]
                        let flat = (escaped >= 0x21 && escaped <= 0x7E && !Self.isAlphanumeric(escaped))
                            || Self.classEscapes.contains(escaped)
                        guard flat else { return nil }
                        next += 2
                        continue
                    }
                    next += 1
                }
            }
        }

        /// The character, with its other case when matching ignores case.
        func characters(_ byte: UInt8) -> ASCIISet {
            var set = ASCIISet()
            set.insert(byte)
            if caseInsensitive {
                if byte >= 0x41, byte <= 0x5A { set.insert(byte + 0x20) }
                if byte >= 0x61, byte <= 0x7A { set.insert(byte - 0x20) }
            }
            return set
        }

        static func isAlphanumeric(_ byte: UInt8) -> Bool {
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
        }

        /// `\ ^ $ . | ? * + ( ) [ ] { }`
        static let metacharacters: Set<UInt8> = Set("\\^$.|?*+()[]{}".utf8)
        /// Escapes for one character of a class, with no structure of their own: `\b \B \d \D \s \S \w \W`.
        static let classEscapes: Set<UInt8> = Set("bBdDsSwW".utf8)
    }
}

import Foundation
@testable import PokinMapping
import PokinTestSupport
import Testing

/// `CompiledPattern` answers exactly as `NSRegularExpression`, and its prefilter never rejects
/// a text the regex matches (Unicode spaces, case folding onto ASCII, patterns whose start must
/// not be analysed), while still rejecting ordinary cells without the regex.
@Suite("Compiled patterns match as the regex does, and the prefilter is sound")
struct CompiledPatternTests {
    /// The built-in mappings' patterns, the default crosscutting marker, and patterns whose
    /// start a careless analysis would misread.
    static let patterns: [String] = [
        #"^\s*Identifikasi CSF"#, #"^\s*-{2,}\s*$"#, #"^\s*(sumber|catatan|keterangan)\s*:"#,
        #"^\s*tahap\s*0?1\b"#, #"^\s*pohon"#, #"^\s*cascad"#, "renstra", "pohon",
        #"^\s*cro(s){1,2}[ -]?cutting\b[\s:]*"#, #"^\s*Mengetahui"#,
        // top-level alternation: the `^` anchors only the first branch
        #"^\s*abc|xyz"#, #"^\s*(abc)|xyz"#, #"^kode|nomor"#, #"^\s*a\|b"#,
        // optional or repeated first atoms
        #"^\s*a?bc"#, #"^\s*a*bc"#, #"^\s*a{0,2}bc"#, #"^\s*a{0}bc"#, #"^\s*a{2}bc"#, #"^\s*a+bc"#, #"^\s*(ab)?cd"#,
        #"^\s*(ab)*cd"#, #"^\s*(ab){0,1}cd"#, #"^\s*(?:ab|cd)+x"#, #"^\s*(a|)b"#, #"^\s*(|a)b"#, #"^\s*(a?|b)c"#,
        // inline flags, escapes, classes, dot, nested groups
        #"^\s*(?i)abc"#, #"^(?i)\s*abc"#, #"(?i)^\s*abc"#, #"^\s*(?x) a b c"#, #"^\s*\x41bc"#, #"^\s*\u0041bc"#,
        #"^\s*\QA.B\E"#, #"^\s*\-\-x"#, #"^\s*\.x"#, #"^\s*\:x"#, #"^\s*[ab]c"#, #"^\s*.bc"#, #"^\s*((a)|b)c"#,
        #"^\s*(a(b)|c)d"#, #"^\s*(a[bc]|d)e"#, #"^\s*(?<n>ab)c"#, #"^\s*(?=a)abc"#, #"^\s*(?!b)abc"#,
        // white space and its kin
        #"^\s* x"#, #"^ x"#, #"^\s*\sx"#, #"^\s+x"#, #"^\s*+x"#, #"^\s*?x"#, #"^\t?x"#, #"^\s*\tx"#, "^\\s*\u{1C}x",
        // non-ASCII literals and case folding
        "^\\s*\u{212A}elvin", "^\\s*kelvin", "^\\s*stra\u{DF}e", "^\\s*strasse", "^\\s*\u{17F}x", "^\\s*sx",
        "^\\s*\u{130}stanbul", "^\\s*istanbul", "^\\s*\u{E9}t\u{E9}", "^\\s*e\u{301}t",
        // anchors, empties, other metacharacters
        #"^\s*$"#, #"^$"#, #"^"#, #"^\s*"#, #"^\s*\b"#, #"^\s*a$"#, #"^\s*#x"#, #"^\s*x{2,}y"#, #"^\s*k\b"#,
        #"^\s*(s|k)"#, #"^\s*(?:s|k)x"#, #"^\s*(ab+|cd{0,1})e"#, #"^\s*(a\)|b)"#, #"^\s*(a\b|b\d)"#,
    ]

    static let leads: [String] = [
        "", " ", "  ", "\t", "\n", "\r\n", "\u{0B}", "\u{0C}", "\u{1C}", "\u{1F}", "\u{85}", "\u{A0}", "\u{1680}",
        "\u{2000}", "\u{2007}", "\u{200A}", "\u{2028}", "\u{202F}", "\u{3000}", "\u{200B}", "\u{FEFF}", " \u{A0} ",
    ]

    static let bodies: [String] = [
        "Identifikasi CSF", "IDENTIFIKASI csf", "identifikasi  CSF", "Identifikasi", "Identifikas", "Indikator", "",
        "--", "---", "-", "- -", "-- ", "—", "sumber:", "Sumber :", "CATATAN:", "keterangan", "Keterangan: x",
        "\u{17F}umber:", "\u{212A}eterangan:", "tahap 1", "TAHAP01", "Tahap 2", "pohon kinerja", "Cascading",
        "croscutting Dinas", "CROSSCUTTING: x", "cros-cutting", "Crosscuting", "abc", "ABC", "xyz", "zzxyz",
        "bc", "aabc", "abbc", "cd", "abcd", "x", "X", "b", "ab", "A.B", "a|b", "--x", ".x", ":x", "ac", "bc",
        "\u{212A}elvin", "kelvin", "KELVIN", "\u{212A}ELVIN", "stra\u{DF}e", "STRASSE", "strasse", "\u{17F}x", "sx", "SX",
        "\u{130}stanbul", "istanbul", "ISTANBUL", "\u{131}stanbul", "\u{E9}t\u{E9}", "e\u{301}t\u{E9}", "E\u{301}T",
        "#x", "xxy", "xy", "k", "K", "k!", "s", "S", "\u{FF41}bc", "a\u{301}bc", "ab)", "a)", "b7", "e", "be",
        "Meningkatnya kualitas", "1. Program", "2025", "Terwujudnya", "\u{1D400}bc", "\u{FB00}",
    ]

    static func regexMatch(_ pattern: String, _ text: String, caseInsensitive: Bool) -> NSRange? {
        guard let regex = try? NSRegularExpression(pattern: pattern, options: caseInsensitive ? [.caseInsensitive] : []) else { return nil }
        return regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text))?.range
    }

    /// Checks one pattern on texts: same answer and range as the regex, and no rejection of a match.
    static func check(_ pattern: String, caseInsensitive: Bool, texts: [String]) throws -> (checked: Int, rejected: Int) {
        guard (try? NSRegularExpression(pattern: pattern, options: [])) != nil else { return (0, 0) }
        let compiled = try CompiledPattern(pattern, caseInsensitive: caseInsensitive)
        var rejected = 0
        for text in texts {
            let expected = regexMatch(pattern, text, caseInsensitive: caseInsensitive)
            if let prefilter = compiled.prefilter, !prefilter.mayMatch(text) {
                rejected += 1
                #expect(expected == nil, "prefilter of \(pattern.debugDescription) (ci: \(caseInsensitive)) rejected \(text.debugDescription), which the regex matches")
            }
            #expect(compiled.matches(text) == (expected != nil), "\(pattern.debugDescription) on \(text.debugDescription)")
            let range = compiled.firstMatch(in: text).map { NSRange($0, in: text) }
            #expect(range == expected, "\(pattern.debugDescription) on \(text.debugDescription)")
        }
        return (texts.count, rejected)
    }

    @Test("on every lead-in space × body text, each tricky pattern answers as NSRegularExpression, both case modes")
    func trickyPatternsAgreeWithTheRegex() throws {
        let texts = Self.leads.flatMap { lead in Self.bodies.map { lead + $0 } }
        var rejected = 0
        for pattern in Self.patterns {
            for caseInsensitive in [true, false] {
                rejected += try Self.check(pattern, caseInsensitive: caseInsensitive, texts: texts).rejected
            }
        }
        // The comparison means something only if the prefilter does reject texts.
        #expect(rejected > 10_000)
    }

    @Test("random patterns built from regex tokens never make the prefilter reject a text the regex matches")
    func randomPatternsAreSound() throws {
        var random = SeededGenerator(seed: 0x5EED_CAFE)
        let tokens = ["^", "^", "\\s*", "\\s+", "\\s*?", "a", "b", "k", "s", "K", "S", " ", "-", ":", "\\-", "\\.", "\\s",
                      "(", ")", "(?:", "(?i)", "|", "?", "*", "+", "{0,2}", "{2,}", "{1}", "[ab]", "[^a]", "\\b", "\\w",
                      ".", "$", "ss", "\u{212A}", "\u{17F}", "\u{DF}", "ab", "(a|b)", "(s|k)", "(?:ab|k)"]
        let alphabet = ["a", "b", "k", "s", "A", "B", "K", "S", " ", "\t", "-", ":", ".", "|", "\u{A0}", "\u{3000}",
                        "\u{212A}", "\u{17F}", "\u{DF}", "\u{1C}", "\u{85}", "x", "é", "e\u{301}", "ab", "ss"]
        var checked = 0
        var analysed = 0
        for _ in 0..<1_500 {
            let length = 1 + random.below(7)
            // Half of them start as the built-in ones do, so the prefilter has something to analyse.
            let pattern = (random.below(2) == 0 ? "^\\s*" : "") + (0..<length).map { _ in tokens[random.below(tokens.count)] }.joined()
            guard (try? NSRegularExpression(pattern: pattern)) != nil else { continue }
            if PatternPrefilter(pattern: pattern, caseInsensitive: true) != nil { analysed += 1 }
            let texts = (0..<60).map { _ in (0..<random.below(7)).map { _ in alphabet[random.below(alphabet.count)] }.joined() }
            for caseInsensitive in [true, false] {
                checked += try Self.check(pattern, caseInsensitive: caseInsensitive, texts: texts).checked
            }
        }
        #expect(checked > 50_000)
        #expect(analysed > 100)
    }

    @Test("the built-in skip, stop and marker patterns get a prefilter that rejects ordinary cells without the regex")
    func builtInPatternsArePrefiltered() throws {
        let cells = ["Meningkatnya kualitas layanan", "Terwujudnya tata kelola", "2025", "85 %", "Outcome", "  Program"]
        for pattern in [#"^\s*Identifikasi CSF"#, #"^\s*-{2,}\s*$"#, #"^\s*(sumber|catatan|keterangan)\s*:"#,
                        #"^\s*cro(s){1,2}[ -]?cutting\b[\s:]*"#] {
            let prefilter = try #require(try CompiledPattern(pattern, caseInsensitive: true).prefilter, "\(pattern)")
            for cell in cells { #expect(!prefilter.mayMatch(cell), "\(pattern) on \(cell)") }
        }
        // Not analysable: left wholly to the regex.
        for pattern in [#"^\s*abc|xyz"#, #"^\s*(?i)abc"#, #"^\s*a?bc"#, "renstra", #"^\s* x"#, "^\\s*\u{212A}elvin"] {
            #expect(try CompiledPattern(pattern, caseInsensitive: true).prefilter?.positions.isEmpty ?? true, "\(pattern)")
        }
    }

    @Test("cached patterns are compiled once and shared, per case option; an invalid pattern throws")
    func cacheSharesInstances() throws {
        let first = try CompiledPattern.cached(#"^\s*Mengetahui"#, caseInsensitive: true)
        #expect(try CompiledPattern.cached(#"^\s*Mengetahui"#, caseInsensitive: true) === first)
        let sensitive = try CompiledPattern.cached(#"^\s*Mengetahui"#, caseInsensitive: false)
        #expect(sensitive !== first)
        #expect(first.matches(" mengetahui,") && !sensitive.matches(" mengetahui,"))
        #expect(throws: (any Error).self) { try CompiledPattern.cached("(unclosed", caseInsensitive: true) }
    }

    @Test("the text after the marker is NSString's substring after the match, also when the match ends inside a character")
    func remainderAfterMatch() throws {
        let marker = try CompiledPattern("^\\s*cro(s){1,2}[ -]?cutting\\b[\\s:]*", caseInsensitive: true)
        for text in ["CROSCUTTING Dinas Kesehatan", "  crosscutting:  Bappeda ", "Crosscutting", "Kinerja"] {
            let expected = Self.regexMatch(marker.pattern, text, caseInsensitive: true)
                .map { (text as NSString).substring(from: $0.location + $0.length) }
            #expect(marker.remainder(afterFirstMatchIn: text) == expected)
        }
        // "e" then a combining accent: the match ends between them.
        let split = try CompiledPattern("^e", caseInsensitive: false)
        let text = "e\u{301}x"
        #expect(split.remainder(afterFirstMatchIn: text) == (text as NSString).substring(from: 1))
        #expect(split.remainder(afterFirstMatchIn: text)?.unicodeScalars.first == "\u{301}")
    }

    @Test("remembered answers equal the regex's, asked again and again, past the number of answers kept, from several threads")
    func rememberedAnswers() async throws {
        let pattern = try CompiledPattern(#"^\s*tahap\s*0?3\b"#, caseInsensitive: true)
        let names = (0..<(CompiledPattern.rememberedLimit * 3)).map { index in
            ["Tahap 3", "TAHAP 03", "tahap 31", " Tahap 3 (revisi)", "Tahap 4", "Sheet\(index)", "tahap\u{A0}3"][index % 7] + (index % 2 == 0 ? "" : " \(index)")
        }
        let expected = names.map(pattern.matches)
        #expect(expected.contains(true) && expected.contains(false))
        try await withThrowingTaskGroup(of: Bool.self) { group in
            for offset in 0..<4 {
                group.addTask {
                    var agree = true
                    for round in 0..<3 {
                        for index in names.indices {
                            let position = (index * (offset + 1) + round) % names.count
                            agree = agree && pattern.matchesRemembering(names[position]) == expected[position]
                        }
                    }
                    return agree
                }
            }
            for try await agree in group { #expect(agree) }
        }
    }
}

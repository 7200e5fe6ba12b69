import Foundation
import PokinCore
@testable import PokinMapping
import PokinTestSupport
import Testing

/// Header aliases with `*` are matched natively with exactly the meaning of the regular
/// expression they used to be compiled to, and the shortcuts built on them (a key's first byte)
/// never skip a cell that matches.
@Suite("Header aliases: the native glob equals the old regex")
struct HeaderPatternTests {
    /// How `HeaderPattern` matched before: `^part.*part…$` through `NSRegularExpression`,
    /// `==` for an alias without `*`.
    static func oldMatches(alias: String, key: String) -> Bool {
        let exact = TextKey(alias).loose
        guard exact.contains("*") else { return key == exact }
        let escaped = exact.split(separator: "*", omittingEmptySubsequences: false)
            .map { NSRegularExpression.escapedPattern(for: String($0)) }.joined(separator: ".*")
        guard let regex = try? NSRegularExpression(pattern: "^" + escaped + "$") else { return key == exact }
        return regex.firstMatch(in: key, range: NSRange(key.startIndex..., in: key)) != nil
    }

    static let aliases: [String] = [
        "CSF yang sudah dirubah*", "Kondisi yang diperlukan*", "Tahap 1 Menentukan outcome *", "CSF *", "KODE 2*",
        "*", "**", "***", "a*", "*a", "a*b", "a*b*c", "*ab*", "a**b", "aa*aa", "a*a*a", "ab*ba", "*b*", "Kode",
        "a.b*c", "(x)*[y]", "$^*|?", "+*{}", "\\*", "é*", "e\u{301}*", "*ü", "*\u{1F600}", "\u{1F600}*x", "日本*語",
        "Tahun ke-*", "target_*", "a/b:*c", "İ*", "ß*", "ς*", "* ›*", "Rujukan Tahapan", "",
    ]

    static let keys: [String] = [
        "", "a", "aa", "aaa", "aaaa", "aaaaa", "ab", "ba", "abba", "abc", "acb", "axbxc", "abab", "b",
        "csf yang sudah dirubah", "csf yang sudah dirubah menjadi kondisi", "csf", "csf x", "kode 2", "kode 2 3", "kode",
        "kondisi yang diperlukan agar outcome tercapai", "tahap 1 menentukan outcome", "tahap 1 menentukan outcome opd",
        "a.b c", "a.bxc", "a b c", "(x)[y]", "(x) [y]", "$^|?", "+{}", "\\", "é", "éx", "e\u{301}", "e\u{301}x",
        "x ü", "ü", "u\u{308}", "\u{1F600}", "\u{1F600}x", "x\u{1F600}", "日本語", "日本 語", "tahun ke 2", "target 2025",
        "a b c", "i\u{307}", "i̇x", "ss", "ßx", "σ", "ςx", " › ", "x › y", "rujukan tahapan", "a*b", "*", "abc\n",
        "ab\u{2028}c", "a\u{85}b", "a\rb", "csf\n",
    ]

    @Test("every alias on every key (separators, wildcards in a row, overlaps, metacharacters, non-ASCII, canonical twins) answers as the regex did")
    func globEqualsRegex() {
        var checked = 0
        for alias in Self.aliases {
            let pattern = HeaderPattern(alias)
            for key in Self.keys {
                #expect(pattern.matches(looseKey: key) == Self.oldMatches(alias: alias, key: key), "\(alias.debugDescription) on \(key.debugDescription)")
                #expect(pattern.matches(key) == Self.oldMatches(alias: alias, key: TextKey(key).loose), "\(alias.debugDescription) on text \(key.debugDescription)")
                checked += 1
            }
        }
        #expect(checked == Self.aliases.count * Self.keys.count)
    }

    @Test("random aliases and keys over a small alphabet agree with the regex")
    func randomGlobsEqualRegex() {
        var random = SeededGenerator(seed: 42)
        let alphabet = ["a", "b", "*", " ", "é", "e\u{301}", ".", "ab", "\u{1F600}"]
        var matched = 0
        for _ in 0..<4_000 {
            let alias = (0..<(1 + random.below(6))).map { _ in alphabet[random.below(alphabet.count)] }.joined()
            let key = (0..<random.below(8)).map { _ in alphabet[random.below(alphabet.count - 1)] }.joined()
            let expected = Self.oldMatches(alias: alias, key: key)
            #expect(HeaderPattern(alias).matches(looseKey: key) == expected, "\(alias.debugDescription) on \(key.debugDescription)")
            if expected { matched += 1 }
        }
        #expect(matched > 200)
    }

    @Test("a text's key prefix is the start of its loose key, and no alias it matches is ruled out by the prefixes")
    func keyPrefixesAreSound() {
        let texts = Self.keys + ["  Kode", "_KODE_", "-:/. x", "\t\nA", " \u{A0}kode", "\u{200B}kode", "Kode\u{301}",
                                 "E\u{301}x", "...", "", "\u{1C}x", "K\u{212A}", "\u{212A}ode", "Rujukan  Tahapan", "RUJUKAN-TAHAPAN x",
                                 "Kode ", "Kode -", "kodex", "12345678", "12345678 ", "1234567 8", "123456789", "abcdefgh:",
                                 "CSF yang sudah dirubah", "Tahap 1 Menentukan outcome", "café", "cafe\u{301}", "kod"]
        let aliases = Self.aliases + ["café", "cafe\u{301}", "12345678", "1234567", "abcdefgh", "Kode", "kod", "K\u{212A}ode"]
        var ruledOut = 0
        for text in texts {
            let key = TextKey(text).loose
            let prefix = LooseKeyPrefix(ofText: text)
            #expect(prefix == LooseKeyPrefix(ofKey: Array(key.utf8.prefix(prefix.count)), asciiOnly: false).withWholeness(prefix.isWholeKey),
                    "\(text.debugDescription)")
            if prefix.isWholeKey { #expect(key.utf8.count == prefix.count, "\(text.debugDescription)") }
            for alias in aliases {
                let pattern = HeaderPattern(alias)
                let allowed = prefix.allows(pattern.requiredPrefix)
                if pattern.matches(looseKey: key) {
                    #expect(allowed, "\(alias.debugDescription) on \(text.debugDescription)")
                } else if !allowed {
                    ruledOut += 1
                }
            }
        }
        #expect(ruledOut > 1_000)
        // "é" written precomposed equals "e" + U+0301 for `==`: only the ASCII start is required.
        #expect(HeaderPattern("café").matches(looseKey: "cafe\u{301}"))
        #expect(LooseKeyPrefix(ofText: "Cafe\u{301}").allows(HeaderPattern("café").requiredPrefix))
    }
}

import PokinMapping

/// How a later stage's wording differs from an earlier one. Texts are compared on their
/// normalised keys (case, spacing, non-breaking spaces do not count), but what is reported is
/// always the words as written.
struct WordingDrift: Equatable {
    enum Kind: Equatable {
        /// Only capital letters differ.
        case caseOnly
        /// The leading condition verb changed ("Terlaksananya" → "Terselenggaranya").
        case verbChanged(from: String, to: String)
        /// The later text stops early: it is a strict prefix of the earlier one.
        case truncated(missing: String)
        /// A few letters differ in otherwise the same words (pairs as written).
        case typo([(from: String, to: String)])
        /// The indicator measures another subject ("Usaha Mikro" → "Koperasi").
        case subjectChanged(from: String, to: String)
        /// Words were dropped, added or replaced.
        case words(removed: [String], added: [String])

        static func == (lhs: Kind, rhs: Kind) -> Bool {
            switch (lhs, rhs) {
            case (.caseOnly, .caseOnly): return true
            case let (.verbChanged(a, b), .verbChanged(c, d)): return a == c && b == d
            case let (.truncated(a), .truncated(b)): return a == b
            case let (.typo(a), .typo(b)): return a.map(\.from) == b.map(\.from) && a.map(\.to) == b.map(\.to)
            case let (.subjectChanged(a, b), .subjectChanged(c, d)): return a == c && b == d
            case let (.words(a, b), .words(c, d)): return a == c && b == d
            default: return false
            }
        }
    }

    var kinds: [Kind]

    /// Condition and action verbs agencies swap at the start of a node's wording.
    static let verbs: Set<String> = [
        "terlaksananya", "terselenggaranya", "terfasilitasinya", "meningkatnya", "tersedianya", "terwujudnya",
        "tercapainya", "terpenuhinya", "terkelolanya", "optimalnya", "menurunnya", "terbinanya", "terlayaninya",
        "terkendalinya", "terjaminnya", "terdatanya", "berkembangnya", "menguatnya", "terpeliharanya",
        "meningkatkan", "menurunkan", "melaksanakan", "menyelenggarakan", "mewujudkan", "memfasilitasi",
    ]

    /// The words of a text as written, split where its key splits (any whitespace, NBSP included).
    static func writtenWords(_ text: String) -> [String] {
        text.split { $0.isWhitespace || $0 == "\u{00A0}" || $0 == "\u{200B}" || $0 == "\u{FEFF}" }.map(String.init)
    }

    /// Collapses whitespace but keeps case: the text "as written" for an exact comparison.
    static func plain(_ text: String) -> String { writtenWords(text).joined(separator: " ") }

    /// The drift from `earlier` to `later`; empty when they are the same text.
    static func compare(_ earlier: String, _ later: String, indicator: Bool) -> WordingDrift {
        if plain(earlier) == plain(later) { return WordingDrift(kinds: []) }
        let keyA = TextKey(earlier), keyB = TextKey(later)
        if keyA == keyB { return WordingDrift(kinds: [.caseOnly]) }
        var wordsA = writtenWords(earlier), wordsB = writtenWords(later)
        var kinds: [Kind] = []
        if !indicator, let first = wordsA.first, let second = wordsB.first {
            let a = TextKey(first).value, b = TextKey(second).value
            if a != b, verbs.contains(a), verbs.contains(b) {
                kinds.append(.verbChanged(from: first, to: second))
                wordsA.removeFirst()
                wordsB.removeFirst()
            }
        }
        if indicator, let change = subjectChange(earlier, later) {
            return WordingDrift(kinds: [.subjectChanged(from: change.from, to: change.to)])
        }
        let restA = TextKey(wordsA.joined(separator: " ")).value, restB = TextKey(wordsB.joined(separator: " ")).value
        guard restA != restB else { return WordingDrift(kinds: kinds) }
        if !restB.isEmpty, restA.hasPrefix(restB) {
            // Cut short: the missing tail as the earlier stage writes it.
            let missingWords = wordsA.count > wordsB.count ? Array(wordsA[wordsB.count...]) : []
            kinds.append(.truncated(missing: missingWords.joined(separator: " ")))
            return WordingDrift(kinds: kinds)
        }
        let limit = max(2, max(restA.count, restB.count) / 8)
        if wordsA.count == wordsB.count, TextSimilarity.distance(restA, restB, limit: limit) <= limit {
            let pairs = zip(wordsA, wordsB).filter { TextKey($0.0) != TextKey($0.1) }.map { (from: $0.0, to: $0.1) }
            kinds.append(pairs.isEmpty ? .caseOnly : .typo(pairs))
            return WordingDrift(kinds: kinds)
        }
        kinds.append(wordDifference(wordsA, wordsB))
        return WordingDrift(kinds: kinds)
    }

    /// The words that differ between two indicators' subjects ("Puskesmas Terakreditasi" →
    /// "Rumah Sakit Terakreditasi" gives "Puskesmas" → "Rumah Sakit"), when the subjects differ by
    /// more than a typo and the indicators otherwise say much the same.
    static func subjectChange(_ earlier: String, _ later: String) -> (from: String, to: String)? {
        guard let subjectA = IndicatorSubject.subject(of: earlier), let subjectB = IndicatorSubject.subject(of: later) else { return nil }
        var a = writtenWords(subjectA), b = writtenWords(subjectB)
        func same(_ x: String, _ y: String) -> Bool {
            TextSimilarity.matchingForm(TextKey(x)) == TextSimilarity.matchingForm(TextKey(y))
        }
        while let x = a.first, let y = b.first, same(x, y) { a.removeFirst(); b.removeFirst() }
        while let x = a.last, let y = b.last, same(x, y) { a.removeLast(); b.removeLast() }
        guard !a.isEmpty, !b.isEmpty else { return nil }
        let from = a.joined(separator: " "), to = b.joined(separator: " ")
        let keyA = TextKey(from).value, keyB = TextKey(to).value
        guard TextSimilarity.distance(keyA, keyB, limit: 2) > 2, IndicatorSubject.restOverlap(earlier, later) >= 0.6 else { return nil }
        return (from, to)
    }

    /// Words of `a` not in `b` and of `b` not in `a` (as multisets, compared by key).
    static func wordDifference(_ a: [String], _ b: [String]) -> Kind {
        var remaining = b.map { TextKey($0).value }
        var removed: [String] = []
        for word in a {
            if let index = remaining.firstIndex(of: TextKey(word).value) { remaining.remove(at: index) } else { removed.append(word) }
        }
        var pool = a.map { TextKey($0).value }
        var added: [String] = []
        for word in b {
            if let index = pool.firstIndex(of: TextKey(word).value) { pool.remove(at: index) } else { added.append(word) }
        }
        return .words(removed: removed, added: added)
    }
}

@testable import PokinMapping
import PokinTestSupport
import Testing

/// The byte-level fast paths for ASCII text (text keys, matching forms, similarity scores,
/// numbered lists) must give exactly what the general Unicode-aware paths give. Each test draws
/// thousands of texts from a seeded generator whose alphabet is built to hit the edge cases:
/// case, runs of spaces, tabs and line ends at the edges, digits around `.` and `)`, the verb
/// prefixes and spelling folds of the matching form, and near-duplicate wordings.
@Suite("ASCII fast paths of matching agree with the general paths")
struct MatchingFastPathTests {
    static let pieces = [
        "Meningkatnya", "meningkatnya", "TERLAKSANANYA", "Terselenggaranya", "kualitas", "Layanan", "Perijinan",
        "ijin", "Produktifitas", "produktivitas", "kemiteraan", "perkeroperasian", "croscutting", "UMKM", "Dinas",
        "1.", "2.", "3)", "10.", "123.", "1", "2025", "5", "17", " ", "  ", "\t", "\n", "\r\n", "\u{0B}", "\u{0C}",
        ".", ")", "-", ":", "/", "_", "a", "B", "~", "'",
    ]

    static func text(_ generator: inout SeededGenerator) -> String {
        (0..<generator.below(12)).map { _ in generator.pick(pieces) }.joined(separator: generator.below(3) == 0 ? "" : " ")
    }

    /// A wording close to `text`: a piece changed, dropped or added, or a letter changed.
    static func variant(of text: String, _ generator: inout SeededGenerator) -> String {
        var words = text.split(separator: " ").map(String.init)
        switch generator.below(4) {
        case 0 where !words.isEmpty: words[generator.below(words.count)] = generator.pick(pieces)
        case 1 where !words.isEmpty: words.remove(at: generator.below(words.count))
        case 2: words.insert(generator.pick(pieces), at: generator.below(words.count + 1))
        default:
            var bytes = Array(text.utf8)
            if !bytes.isEmpty { bytes[generator.below(bytes.count)] = UInt8(0x61 + generator.below(26)) }
            return String(decoding: bytes, as: UTF8.self)
        }
        return words.joined(separator: " ")
    }

    @Test("TextKey of ASCII text equals the scalar-by-scalar key")
    func textKeys() {
        var generator = SeededGenerator(seed: 1)
        for _ in 0..<5_000 {
            let text = Self.text(&generator)
            #expect(TextKey(text).value == TextKey(general: text).value, "text: \(text.debugDescription)")
        }
    }

    @Test("The matching form of an ASCII key equals the one built on Characters")
    func matchingForms() {
        var generator = SeededGenerator(seed: 2)
        for _ in 0..<5_000 {
            let key = TextKey(Self.text(&generator))
            #expect(TextSimilarity.matchingForm(key) == TextSimilarity.generalMatchingForm(key), "key: \(key.value.debugDescription)")
        }
    }

    @Test("The byte score of ASCII texts equals the Unicode-aware score, for near and far pairs")
    func scores() {
        var generator = SeededGenerator(seed: 3)
        var nearMatches = 0
        for round in 0..<6_000 {
            let a = Self.text(&generator)
            let b = round % 3 == 0 ? Self.text(&generator) : Self.variant(of: a, &generator)
            let preparedA = MatchText(a), preparedB = MatchText(b)
            #expect(preparedA.ascii != nil && preparedB.ascii != nil)
            let fast = TextSimilarity.score(preparedA, preparedB)
            #expect(fast == TextSimilarity.generalScore(preparedA, preparedB), "a: \(a.debugDescription) b: \(b.debugDescription)")
            if fast >= TreeAssembler.matchThreshold && fast < 1 { nearMatches += 1 }
        }
        // The generator must reach the edit-distance and overlap branches, not only equal texts.
        #expect(nearMatches > 500)
    }

    @Test("A score asked at least a threshold is exact at or above it and stays below it otherwise")
    func thresholdedScores() {
        var generator = SeededGenerator(seed: 5)
        var ruledOut = 0
        for round in 0..<6_000 {
            let a = Self.text(&generator)
            let b = round % 3 == 0 ? Self.text(&generator) : Self.variant(of: a, &generator)
            let preparedA = MatchText(a), preparedB = MatchText(b)
            let exact = TextSimilarity.score(preparedA, preparedB)
            let threshold = TreeAssembler.matchThreshold
            let bounded = TextSimilarity.score(preparedA, preparedB, atLeast: threshold)
            if exact >= threshold {
                #expect(bounded == exact, "a: \(a.debugDescription) b: \(b.debugDescription)")
            } else {
                #expect(bounded < threshold, "a: \(a.debugDescription) b: \(b.debugDescription)")
                if bounded != exact { ruledOut += 1 }
            }
        }
        #expect(ruledOut > 100)
    }

    @Test("A mixed pair (one ASCII, one not) is scored on the Unicode-aware path")
    func mixedPairs() {
        let ascii = MatchText("Meningkatnya kualitas layanan perizinan")
        let accented = MatchText("Meningkatnya kualitas layanan perizinán")
        #expect(ascii.ascii != nil && accented.ascii == nil)
        #expect(TextSimilarity.score(ascii, accented) == TextSimilarity.generalScore(ascii, accented))
        #expect(TextSimilarity.score(ascii, accented) > 0.9)
    }

    @Test("Numbered lists split on bytes exactly as the regular expression splits them")
    func numberedLists() {
        var generator = SeededGenerator(seed: 4)
        var lists = 0
        for round in 0..<5_000 {
            // Every other text is list-shaped: "1. … 2) … 03. …" with noise between the items.
            let text = round % 2 == 0 ? Self.text(&generator) : (1...(1 + generator.below(4))).map { number in
                (generator.below(5) == 0 ? "0" : "") + "\(number)" + generator.pick([".", ")", ".", ":"])
                    + generator.pick([" ", "  ", "\t", "", "\n"]) + Self.text(&generator)
            }.joined(separator: generator.pick([" ", "\n", "", " \t"]))
            let expected = StageReader.splitNumberedWithPattern(text)
            #expect(NumberedList.split(text) ?? expected == expected, "text: \(text.debugDescription)")
            if expected.count > 1 { lists += 1 }
        }
        #expect(lists > 500)
        #expect(StageReader.splitNumbered("1. Nilai LHE AKIP 2. Indeks Kepuasan Masyarakat") == ["Nilai LHE AKIP", "Indeks Kepuasan Masyarakat"])
        #expect(StageReader.splitNumbered("Persentase capaian 2025 naik") == ["Persentase capaian 2025 naik"])
        #expect(NumberedList.split("1.\u{0B}a 2. b") == nil)
    }
}

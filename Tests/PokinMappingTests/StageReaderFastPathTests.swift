import PokinModel
@testable import PokinMapping
import PokinTestSupport
import Testing

/// The stage reader's shortcuts (stage numbers read digit by digit, plain indicator cells taken
/// whole, the vocabulary's short lists) give what the general paths give.
@Suite("Stage reader shortcuts agree with the general paths")
struct StageReaderFastPathTests {
    static let pieces = ["Tahap ", "tahap", "1", "2", "3", "5", "6", "0", "9", " ", "-", "Rujukan ", "ke-", "\u{0663}", "é", "\u{00B2}",
                         "\u{2167}", "00", "99999999999999999999", "\n", "\t", "x", "Ⅷ", "½"]

    static func randomText(_ random: inout SeededGenerator, pieces: [String]) -> String {
        (0..<random.below(6)).map { _ in pieces[random.below(pieces.count)] }.joined()
    }

    @Test("stage numbers read digit by digit equal those of the digits as one number, on ASCII and other texts")
    func stageNumbers() {
        var random = SeededGenerator(seed: 3)
        var found = 0
        for _ in 0..<20_000 {
            let text = Self.randomText(&random, pieces: Self.pieces)
            let number = StageReader.stageNumber(text)
            #expect(number == StageReader.stageNumberOfText(text), "\(text.debugDescription)")
            if number != nil { found += 1 }
        }
        #expect(found > 500)
    }

    @Test("a plain one-line ASCII indicator cell without digits splits as the general path splits it, numbered or not")
    func plainIndicators() {
        let pieces = ["Persentase", " ", "  ", "capaian", ".", ")", "a", "1", "2. ", "\n", "\r\n", "é", "\u{A0}", "-", "•", "\t", "1) x", "ke"]
        var random = SeededGenerator(seed: 5)
        var plain = 0
        for _ in 0..<20_000 {
            let text = Self.randomText(&random, pieces: pieces)
            guard StageReader.isPlainLine(text) else { continue }
            plain += 1
            for numbered in [false, true] {
                #expect(StageReader.plainIndicators(text) == StageReader.splitIndicators(text, numbered: numbered), "\(text.debugDescription)")
            }
        }
        #expect(plain > 2_000)
    }

    @Test("the memo answers as the vocabulary for every word, asked repeatedly, past the length of its short list")
    func memoAgreesWithVocabulary() {
        var vocabulary = LevelVocabulary.standard
        vocabulary.add(level: .csf, ["Sasaran Pertama"])
        let memo = VocabularyMemo(vocabulary)
        let words = ["Kinerja Strategis SKPD", "kinerja  strategis", "KAU", "Kondisi Antara", "level 5", "Sasaran Program",
                     "PK Jabatan Administrator", "jf", "staf", "nothing", "", " ", "Kinerja Taktikal.", "PK Taktikal",
                     "Sasaran Pertama", "sasaran pertama ", "Eselon IV", "outcome", "KO", "tujuan", "program", "kegiatan"]
            + (0..<30).map { "word \($0)" }
        var random = SeededGenerator(seed: 9)
        for _ in 0..<2_000 {
            let word = words[random.below(words.count)]
            #expect(memo.level(word) == vocabulary.level(word))
            #expect(memo.performance(word) == vocabulary.performance(word))
            #expect(memo.planning(word) == vocabulary.planning(word))
            #expect(memo.position(word) == vocabulary.position(word))
        }
    }
}

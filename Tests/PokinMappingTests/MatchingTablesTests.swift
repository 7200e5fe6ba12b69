@testable import PokinMapping
import PokinTestSupport
import Testing

/// The cheaper structures matching uses instead of the general ones must give the same answers:
/// the text id table the same ids as a `[String: Int]`, the bit-parallel edit distance the same
/// distances as the table worked out cell by cell.
@Suite("Matching's id table and byte edit distance agree with the general ones")
struct MatchingTablesTests {
    @Test("StringIDTable gives the ids a [String: Int] gives, through growth and for non-ASCII text")
    func idsAgreeWithDictionary() {
        var generator = SeededGenerator(seed: 11)
        let pieces = ["a", "b", "Kinerja", "kinerja", " ", "  ", "é", "e\u{301}", "1", "Dinas", "\t", "perizinán", ""]
        var table = StringIDTable()
        var reference: [String: Int] = [:]
        for _ in 0..<20_000 {
            let text = (0..<generator.below(6)).map { _ in generator.pick(pieces) }.joined()
            let (id, isNew) = table.id(text)
            if let expected = reference[text] {
                #expect(id == expected && !isNew, "text: \(text.debugDescription)")
            } else {
                #expect(isNew && id == reference.count, "text: \(text.debugDescription)")
                reference[text] = id
            }
        }
        #expect(table.count == reference.count)
        #expect(table.count > 1_000)  // grown many times past its first 64 slots
        // Canonically equal strings are one string, as for Swift's own String equality.
        #expect(table.id("caf\u{E9}").id == table.id("cafe\u{301}").id)
        #expect(table.id("abc").id != table.id("abd").id)
    }

    @Test("The bit-parallel byte distance equals the banded table for every limit")
    func byteDistanceAgreesWithTable() {
        var generator = SeededGenerator(seed: 12)
        var withinLimit = 0
        for round in 0..<20_000 {
            // Short alphabets make near strings; lengths reach past 64 (the table's own path).
            let alphabet: [UInt8] = round % 2 == 0 ? [0x61, 0x62, 0x20] : Array(0x61...0x7A)
            let a = (0..<generator.below(round % 5 == 0 ? 90 : 64)).map { _ in generator.pick(alphabet) }
            var b = a
            for _ in 0..<generator.below(12) {
                switch generator.below(3) {
                case 0 where !b.isEmpty: b[generator.below(b.count)] = generator.pick(alphabet)
                case 1 where !b.isEmpty: b.remove(at: generator.below(b.count))
                default: b.insert(generator.pick(alphabet), at: generator.below(b.count + 1))
                }
            }
            if round % 7 == 0 { b = (0..<generator.below(70)).map { _ in generator.pick(alphabet) } }
            let limit = generator.pick([0, 1, 2, 3, 5, 8, 13, 20, 64, 100])
            let expected = TextSimilarity.distance(a, b, limit: limit)
            #expect(TextSimilarity.byteDistance(a, b, limit: limit) == expected, "a: \(a) b: \(b) limit: \(limit)")
            if expected <= limit { withinLimit += 1 }
        }
        #expect(withinLimit > 5_000)
    }

    @Test("The word-wise histogram difference equals the byte-by-byte sum, and the bound stays below the distance")
    func histogramBound() {
        var generator = SeededGenerator(seed: 13)
        for _ in 0..<20_000 {
            let a = UInt64(truncatingIfNeeded: generator.next()) & 0x7F7F_7F7F_7F7F_7F7F
            let b = UInt64(truncatingIfNeeded: generator.next()) & 0x7F7F_7F7F_7F7F_7F7F
            let expected = (0..<8).reduce(0) { sum, byte in
                let x = Int((a >> UInt64(8 * byte)) & 0xFF), y = Int((b >> UInt64(8 * byte)) & 0xFF)
                return sum + abs(x - y)
            }
            #expect(MatchText.ASCIIForm.differenceSum(a, b) == expected)
        }
        let pieces = ["a", "aa", "b", " ", "kinerja", "1", "~", "zz", String(repeating: "a", count: 140)]
        // Long runs of one letter pass the counts' saturation (127).
        for _ in 0..<600 {
            let a = Array((0..<generator.below(5)).map { _ in generator.pick(pieces) }.joined().utf8)
            let b = Array((0..<generator.below(5)).map { _ in generator.pick(pieces) }.joined().utf8)
            let bound = MatchText.ASCIIForm(a).editLowerBound(MatchText.ASCIIForm(b))
            #expect(bound <= TextSimilarity.distance(a, b, limit: .max), "a: \(a.count) b: \(b.count)")
        }
    }
}

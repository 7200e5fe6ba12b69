@testable import PokinCSV
import Testing

@Suite("String interner of the CSV reader")
struct StringInternerTests {
    @Test("returns the string of exactly the bytes given, through hits, near misses and evictions")
    func exactStrings() {
        let interner = StringInterner()
        // More distinct values than slots forces evictions; values differ only in their last
        // bytes or in length, so a lookup that compared too little would return a wrong string.
        var values: [String] = []
        for index in 0..<(StringInterner.slotCount + 500) {
            values.append("Meningkatnya kualitas pelayanan publik \(index)")
        }
        values += ["x" + String(repeating: "y", count: 15), "x" + String(repeating: "y", count: 16),
                   String(repeating: "é", count: 64), "short", "", String(repeating: "z", count: StringInterner.maxLength + 1)]
        for round in 0..<3 {
            for value in values {
                var copy = value
                let result = copy.withUTF8 { interner.string($0) }
                #expect(result == value, "round \(round)")
            }
        }
    }
}

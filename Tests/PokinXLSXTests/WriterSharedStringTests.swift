import Foundation
@testable import PokinXLSX
import Testing

@Suite("XLSX writer: shared-string table")
struct WriterSharedStringTests {
    private func index(_ table: SharedStringBuilder, _ text: String) -> Int {
        var copy = text
        return copy.withUTF8 { table.index(of: $0) }
    }

    @Test("equal texts share one index in order of first use; counts say references and distinct strings")
    func dedupe() {
        let table = SharedStringBuilder()
        #expect(index(table, "Program") == 0)
        #expect(index(table, "Kegiatan") == 1)
        #expect(index(table, "Program") == 0)
        #expect(index(table, "") == 2)
        #expect(index(table, "") == 2)
        #expect(table.uniqueCount == 3)
        #expect(table.references == 5)
    }

    @Test("texts are compared byte for byte: precomposed and decomposed é stay distinct")
    func byteExact() {
        let table = SharedStringBuilder()
        let composed = index(table, "é")
        let decomposed = index(table, "e\u{301}")
        #expect(composed != decomposed)
        var stored: [[UInt8]] = []
        table.forEach { stored.append(Array($0)) }
        #expect(stored == [Array("é".utf8), Array("e\u{301}".utf8)])
    }

    @Test("200,000 distinct strings (many table growths) keep their indexes and bytes")
    func growth() {
        let table = SharedStringBuilder()
        for number in 0..<200_000 { #expect(index(table, "2.17.\(number)") == number) }
        for number in stride(from: 0, to: 200_000, by: 997) { #expect(index(table, "2.17.\(number)") == number) }
        var count = 0
        var ok = true
        table.forEach { bytes in
            ok = ok && Array(bytes) == Array("2.17.\(count)".utf8)
            count += 1
        }
        #expect(ok)
        #expect(count == 200_000)
    }
}

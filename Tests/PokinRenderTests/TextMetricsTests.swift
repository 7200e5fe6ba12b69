@testable import PokinRender
import Testing

@Suite("Text width and wrapping")
struct TextMetricsTests {
    @Test("widths follow the font tables: digits equal, W wider than i, bold wider than regular")
    func widths() {
        #expect(TextMetrics.width("0000", size: 10, bold: false) == TextMetrics.width("9999", size: 10, bold: false))
        #expect(TextMetrics.width("W", size: 12, bold: false) > 3 * TextMetrics.width("i", size: 12, bold: false))
        #expect(TextMetrics.width("Koperasi", size: 12, bold: true) > TextMetrics.width("Koperasi", size: 12, bold: false))
        // DejaVu Sans 'a' is 613/1000 em: 12 px gives 7.356 px.
        #expect(abs(TextMetrics.width("a", size: 12, bold: false) - 7.356) < 0.001)
        #expect(TextMetrics.width("e\u{301}", size: 10, bold: false) == TextMetrics.width("e", size: 10, bold: false))
        #expect(TextMetrics.width("漢", size: 10, bold: false) == 10)
    }

    @Test("wrapping keeps every word in order and every line within the width")
    func wrapKeepsWords() {
        let text = "Terlaksananya Pemeriksaan Kepatuhan Koperasi terhadap Peraturan Perundang-undangan yang berlaku di Kabupaten/Kota"
        let widest = text.split(separator: " ").map { TextMetrics.width($0, size: 12, bold: true) }.max()!
        for width in [224.0, 300, 500] {
            #expect(widest <= width)
            let lines = TextMetrics.wrap(text, width: width, size: 12, bold: true)
            #expect(lines.joined(separator: " ") == text)
            for line in lines { #expect(TextMetrics.width(line, size: 12, bold: true) <= width) }
        }
        // Narrower than the longest words: those are cut, nothing is lost.
        for width in [60.0, 120] {
            let lines = TextMetrics.wrap(text, width: width, size: 12, bold: true)
            #expect(lines.joined().filter { $0 != " " } == text.filter { $0 != " " })
            for line in lines { #expect(TextMetrics.width(line, size: 12, bold: true) <= width) }
        }
        #expect(TextMetrics.wrap(text, width: 10_000, size: 12, bold: true) == [text])
    }

    @Test("a word wider than the line is cut between characters; spaces collapse; line breaks force a line")
    func wrapEdgeCases() {
        let long = String(repeating: "x", count: 80)
        let lines = TextMetrics.wrap(long, width: 100, size: 12, bold: false)
        #expect(lines.count > 1 && lines.joined() == long)
        for line in lines { #expect(TextMetrics.width(line, size: 12, bold: false) <= 100) }
        #expect(TextMetrics.wrap("a   b\t c", width: 500, size: 12, bold: false) == ["a b c"])
        #expect(TextMetrics.wrap("satu\ndua", width: 500, size: 12, bold: false) == ["satu", "dua"])
        #expect(TextMetrics.wrap("", width: 100, size: 12, bold: false) == [""])
    }
}

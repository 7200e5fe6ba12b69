import Foundation
import PokinCore
@testable import PokinXLSX
import PokinTestSupport
import Testing

@Suite("XLSX writer: escaping, numbers, dates")
struct WriterEscapingTests {
    private func cellText(_ text: String) throws -> String {
        let out = XMLSpool()
        var copy = text
        try copy.withUTF8 { try out.appendCellText($0) }
        return String(decoding: out.bytes, as: UTF8.self)
    }

    @Test("cell text escapes XML metacharacters, CR, forbidden control characters and OOXML's own _xHHHH_ syntax",
          arguments: [
              ("a & b < c > d", "a &amp; b &lt; c &gt; d"),
              ("\"quoted\" 'single'", "\"quoted\" 'single'"),
              ("tab\tand\nnewline", "tab\tand\nnewline"),
              ("cr\rhere", "cr&#13;here"),
              ("nul\u{0}bel\u{7}vt\u{B}ff\u{C}us\u{1F}", "nul_x0000_bel_x0007_vt_x000B_ff_x000C_us_x001F_"),
              ("_x0041_", "_x005F_x0041_"),
              ("_x00af_ and _xABCD_", "_x005F_x00af_ and _x005F_xABCD_"),
              ("_x004_ _xZZZZ_ _x12 snake_x_case", "_x004_ _xZZZZ_ _x12 snake_x_case"),
              ("\u{FFFE}\u{FFFF}", "_xFFFE__xFFFF_"),
              ("Capaian 🎯 é e\u{301}", "Capaian 🎯 é e\u{301}"),
          ])
    func cellEscaping(input: String, expected: String) throws {
        #expect(try cellText(input) == expected)
    }

    @Test("text over the spool's chunk size is escaped completely")
    func longText() throws {
        let text = String(repeating: "a<", count: 20_000)
        let escaped = try cellText(text)
        #expect(escaped == String(repeating: "a&lt;", count: 20_000))
    }

    @Test("xml:space=preserve is needed for edge whitespace and TAB/LF/CR, not for inner spaces",
          arguments: [(" lead", true), ("trail ", true), ("in\nside", true), ("in\tside", true), ("cr\r", true),
                      ("inner space", false), ("", false), ("\u{A0}nbsp", false)])
    func spacePreserve(text: String, needed: Bool) {
        var copy = text
        #expect(copy.withUTF8 { XMLSpool.needsSpacePreserve($0) } == needed)
    }

    @Test("attribute text escapes quotes and line breaks as character references")
    func attributes() throws {
        let out = XMLSpool()
        try out.appendAttributeText("a\"b<c>&\n\t\r\u{1}")
        #expect(String(decoding: out.bytes, as: UTF8.self) == "a&quot;b&lt;c&gt;&amp;&#10;&#9;&#13; ")
    }

    @Test("numbers are written in the shortest form that reads back as the same Double",
          arguments: [(0.0, "0"), (-0.0, "0"), (1, "1"), (-1, "-1"), (0.1, "0.1"), (85.5, "85.5"),
                      (0.30000000000000004, "0.30000000000000004"), (1e-7, "1e-07"), (123456789012345, "123456789012345"),
                      (1e15, "1000000000000000"), (1e16, "1e+16"), (9007199254740992, "9007199254740992"),
                      (1.7976931348623157e308, "1.7976931348623157e+308"), (5e-324, "5e-324"), (-2.5e-10, "-2.5e-10")])
    func numbers(value: Double, expected: String) throws {
        let out = XMLSpool()
        try out.appendNumber(value)
        #expect(String(decoding: out.bytes, as: UTF8.self) == expected)
    }

    @Test("10,000 pseudo-random doubles of every magnitude round-trip through their written text")
    func numberRoundTrip() throws {
        var generator = SeededGenerator(seed: 42)
        for _ in 0..<10_000 {
            let value = Double(bitPattern: generator.next())
            guard value.isFinite else { continue }
            let out = XMLSpool()
            try out.appendNumber(value)
            let text = String(decoding: out.bytes, as: UTF8.self)
            #expect(Double(text) == value, "\(text)")
            #expect(!text.contains(","))
        }
    }

    @Test("dates become 1900-system serials as Excel shows them, including Lotus's 1900 leap-year bug",
          arguments: [
              (CivilDateTime(year: 1900, month: 1, day: 1), 1.0),
              (CivilDateTime(year: 1900, month: 2, day: 28), 59.0),
              (CivilDateTime(year: 1900, month: 3, day: 1), 61.0),
              (CivilDateTime(year: 2024, month: 1, day: 15), 45306.0),
              (CivilDateTime(year: 2024, month: 1, day: 15, hour: 12), 45306.5),
              (CivilDateTime(year: 9999, month: 12, day: 31), 2958465.0),
              (CivilDateTime(year: 1899, month: 12, day: 30, hour: 6, timeOnly: true), 0.25),
          ])
    func serials(moment: CivilDateTime, serial: Double) {
        #expect(XLSXSerialDate.serial(of: moment) == serial)
        // And the reader's conversion gives the same moment back.
        #expect(CivilDateTime(serial: serial, date1904: false)?.iso8601 == moment.iso8601)
    }

    @Test("dates before 1900 have no serial")
    func earlyDates() {
        #expect(XLSXSerialDate.serial(of: CivilDateTime(year: 1899, month: 12, day: 31)) == nil)
    }
}

import Foundation
import PokinCore
@testable import PokinXLSX
import Testing

@Suite("XLSX reader: text of values and references")
struct ValueTextTests {
    private func parse(_ text: String) -> Double? {
        Array(text.utf8).withUnsafeBufferPointer { NumberText.parse($0) }
    }

    @Test("numbers as spreadsheets write them parse to the correctly rounded Double", arguments: [
        "0", "-0", "1", "-3", "1.5", "0.3", "0.1", "44035.0", "12345.6789", "-1234.5678", "1E-3", "2.2250738585072E-308",
        "1.23456789e+22", "8595602512225", "9007199254740993", "123456789012345678901234", "0.30000000000000004",
        "1.7976931348623157E308", "4.9E-324", "+7", " 12 ", "\n3.25\n", "6.02214076e23", "1e22", "1e23", "0.000001",
    ])
    func numbers(text: String) throws {
        let expected = try #require(Double(text.trimmingCharacters(in: .whitespacesAndNewlines)))
        let parsed = try #require(parse(text))
        #expect(parsed.bitPattern == expected.bitPattern || (parsed == 0 && expected == 0), "\(text)")
    }

    @Test("text that is not a number is refused", arguments: ["", " ", "abc", "1.2.3", "1e", "--1", "0x1p3", "nan", "inf", "1,5", "1e999999"])
    func notNumbers(text: String) {
        #expect(parse(text) == nil)
    }

    @Test("many random decimals agree with the standard library's parser")
    func randomAgreement() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let mantissa = Int64.random(in: -999_999_999_999_999...999_999_999_999_999, using: &generator)
            let scale = Int.random(in: 0...20, using: &generator)
            var text = String(mantissa)
            if scale > 0 {
                let negative = text.hasPrefix("-")
                var digits = negative ? String(text.dropFirst()) : text
                while digits.count <= scale { digits = "0" + digits }
                digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -scale))
                text = (negative ? "-" : "") + digits
            }
            #expect(parse(text) == Double(text), "\(text)")
        }
    }

    private func cell(_ text: String) -> ReferenceText.Parsed {
        Array(text.utf8).withUnsafeBufferPointer { ReferenceText.cell($0) }
    }

    @Test("cell references within A1:XFD1048576 parse; everything else is invalid")
    func references() {
        #expect(cell("A1") == .cell(row: 1, column: 1))
        #expect(cell("$B$12") == .cell(row: 12, column: 2))
        #expect(cell("xfd1048576") == .cell(row: 1_048_576, column: 16_384))
        #expect(cell("") == .none)
        for bad in ["XFE1", "A1048577", "AAAA1", "A12345678", "A", "1", "A1B", "A-1", "A0"] {
            #expect(cell(bad) == .invalid, "\(bad)")
        }
    }

    @Test("ranges: A1:C3, single cells, whole rows and whole columns")
    func ranges() {
        #expect(ReferenceText.range("A1:C3")?.description == "A1:C3")
        #expect(ReferenceText.range("$B$2")?.description == "B2")
        #expect(ReferenceText.range("3:4").map { "\($0.first):\($0.last)" } == "A3:XFD4")
        #expect(ReferenceText.range("B:C").map { "\($0.first):\($0.last)" } == "B1:C1048576")
        #expect(ReferenceText.range("A1:") == nil)
        #expect(ReferenceText.range("nonsense") == nil)
    }

    @Test("ISO 8601 dates, date-times and times of t=\"d\" cells")
    func isoDates() {
        #expect(ISODateText.parse("2021-01-01")?.iso8601 == "2021-01-01T00:00:00")
        #expect(ISODateText.parse("2021-01-01T10:10:10")?.iso8601 == "2021-01-01T10:10:10")
        #expect(ISODateText.parse("2014-02-14T08:27:48.765Z")?.iso8601 == "2014-02-14T08:27:48.765000")
        #expect(ISODateText.parse("2020-02-29T23:59+07:00")?.iso8601 == "2020-02-29T23:59:00")
        #expect(ISODateText.parse("10:10:10")?.iso8601 == "10:10:10")
        for bad in ["2021-02-30", "2021-13-01", "21-01-01", "2021-01-01T25:00:00", "yesterday", "2021-01-01x"] {
            #expect(ISODateText.parse(bad) == nil, "\(bad)")
        }
    }

    @Test("part names resolve relative, absolute and ../ targets and compare case-insensitively")
    func partNames() {
        #expect(PartName.resolve("worksheets/sheet1.xml", from: "xl") == "xl/worksheets/sheet1.xml")
        #expect(PartName.resolve("/xl/worksheets/sheet1.xml", from: "xl") == "xl/worksheets/sheet1.xml")
        #expect(PartName.resolve("../media/a.png", from: "xl/drawings") == "xl/media/a.png")
        #expect(PartName.resolve("xl\\workbook.xml", from: "") == "xl/workbook.xml")
        #expect(PartName.resolve("../../x.xml", from: "xl") == nil)
        #expect(PartName.relationshipsPart(of: "xl/workbook.xml") == "xl/_rels/workbook.xml.rels")
        #expect(PartName.relationshipsPart(of: "book.xml") == "_rels/book.xml.rels")
        #expect(PartName.key("/XL\\SharedStrings.XML") == "xl/sharedstrings.xml")
        #expect(PartName.percentDecoded("a%20b%C3%A9.xml") == "a bé.xml")
    }

    @Test("_xHHHH_ decoding: case of x and hex digits, incomplete escapes left alone")
    func xStrings() {
        #expect(XStringDecoder.string(Array("a_x000d_b_X000A_c".utf8)) == "a\rb\nc")
        #expect(XStringDecoder.string(Array("_x00_ _x12G4_ _x0041".utf8)) == "_x00_ _x12G4_ _x0041")
        #expect(XStringDecoder.string(Array("_x005F_x0041_".utf8)) == "_x0041_")
        #expect(XStringDecoder.string(Array("_x0000_".utf8)) == "\u{0}")
    }
}

import Foundation
import PokinCore
import PokinTestSupport
@testable import PokinXLSX
import Testing

/// The pokin bugs the differential test against python-calamine found
/// (`DifferentialXLSXTests`), each kept as the exact XML the writer produced, so they stay
/// fixed without Python.
@Suite("XLSX reader: bugs found by differential testing")
struct DifferentialRegressionTests {
    private func read(_ cells: String, styles: [Int] = [22], workbookPr: String? = nil) throws -> [String: CellValue] {
        let book = SyntheticWorkbook.standard(sheets: [("S", "<sheetData><row r=\"1\">\(cells)</row></sheetData>")],
                                              styles: SyntheticWorkbook.styles(formatIDs: styles), workbookPr: workbookPr)
        return try book.open().cells(of: "S")
    }

    @Test("a date-time serial reads to the whole millisecond, without floating-point noise (was 10:30:55.000001)")
    func dateTimeWithoutNoise() throws {
        // openpyxl's 2039-10-10 10:30:55 and xlsxwriter's 8734-05-04 01:57:38.814 (1900 system),
        // openpyxl's 5517-11-03 11:04:57.752 (1904 system: was .752016).
        let cells = try read("<c r=\"A1\" s=\"0\"><v>51053.43813657408</v></c><c r=\"B1\" s=\"0\"><v>2496192.081699236</v></c>")
        #expect(cells["A1"]?.displayText == "2039-10-10T10:30:55")
        #expect(cells["B1"]?.displayText == "8734-05-04T01:57:38.814000")
        let mac = try read("<c r=\"A1\" s=\"0\"><v>1319928.461779537</v></c>", workbookPr: "<workbookPr date1904=\"1\"/>")
        #expect(mac["A1"]?.displayText == "5517-11-03T11:04:57.752000")
    }

    @Test("the last millisecond of a day rounds into the next day, and the first day's times keep their date system")
    func dayBoundaries() throws {
        // 0.99999999 of a day is 23:59:59.999136: to the millisecond that is 23:59:59.999;
        // 0.999999999 is 23:59:59.9999136, which rounds to the next midnight.
        let cells = try read("<c r=\"A1\" s=\"0\"><v>45000.99999999</v></c><c r=\"B1\" s=\"0\"><v>45000.999999999</v></c><c r=\"C1\" s=\"0\"><v>0.5</v></c>")
        #expect(cells["A1"]?.displayText == "2023-03-15T23:59:59.999000")
        #expect(cells["B1"]?.displayText == "2023-03-16T00:00:00")
        #expect(cells["C1"]?.displayText == "12:00:00", "serial below 1 in the 1900 system: a time of day alone")
        let mac = try read("<c r=\"A1\" s=\"0\"><v>0.5</v></c>", workbookPr: "<workbookPr date1904=\"1\"/>")
        #expect(mac["A1"]?.displayText == "1904-01-01T12:00:00", "serial 0 is a real day in the 1904 system")
    }

    @Test("serial 60, Excel's phantom 1900-02-29, reads as 1900-02-28 as python-calamine and openpyxl read it (was 1900-03-01, the date of serial 61)")
    func phantomLeapDay() throws {
        // xlsxwriter writes 1900-02-28 23:59:59 as 60.99998842592593 (it adds the phantom day
        // to every serial above 59, fractions included).
        let cells = try read("""
            <c r="A1" s="0"><v>60.99998842592593</v></c><c r="B1" s="0"><v>60</v></c><c r="C1" s="0"><v>59.5</v></c>\
            <c r="D1" s="0"><v>61</v></c>
            """)
        #expect(cells["A1"]?.displayText == "1900-02-28T23:59:59")
        #expect(cells["B1"]?.displayText == "1900-02-28T00:00:00")
        #expect(cells["C1"]?.displayText == "1900-02-28T12:00:00")
        #expect(cells["D1"]?.displayText == "1900-03-01T00:00:00")
    }

    @Test("1.797693134862316e+308, the largest double printed with 16 digits, reads as the largest double (was text)")
    func largestDouble() throws {
        let cells = try read("""
            <c r="A1"><v>1.797693134862316e+308</v></c><c r="B1"><v>-1.797693134862316E+308</v></c>\
            <c r="C1"><v>1e309</v></c><c r="D1"><v>inf</v></c><c r="E1"><v>1.7976931348623157e308</v></c>
            """, styles: [0])
        #expect(cells["A1"] == .number(.greatestFiniteMagnitude))
        #expect(cells["B1"] == .number(-.greatestFiniteMagnitude))
        #expect(cells["C1"] == .text("1e309"), "further out is no rounding of a double: kept as written")
        #expect(cells["D1"] == .text("inf"))
        #expect(cells["E1"] == .number(.greatestFiniteMagnitude))
    }

    @Test("a lone surrogate escape in a formula's text result (xlsxwriter leaves _xD83D_ unescaped there) is kept as written (was U+FFFD)")
    func loneSurrogateEscape() throws {
        let cells = try read("""
            <c r="A1" t="str"><f>""</f><v>_xD83D_ Kabupaten/</v></c><c r="B1" t="str"><f>""</f><v>a_xDE00_b_xD83D__xDE00_</v></c>
            """, styles: [0])
        #expect(cells["A1"] == .text("_xD83D_ Kabupaten/"))
        #expect(cells["B1"] == .text("a_xDE00_b😀"), "a low surrogate alone is kept; a pair is joined")
    }
}

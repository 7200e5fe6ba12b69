import Foundation
import PokinCore
import PokinTestSupport
@testable import PokinXLSX
import Testing

@Suite("XLSX reader: dates, times and durations from number formats")
struct XLSXDateTests {
    /// Reads serial 44197.5 (2021-0101 12:00) under one style per format id.
    private func read(formatIDs: [Int], custom: [Int: String] = [:], serial: String = "44197.5",
                      workbookPr: String? = nil) throws -> [CellValue] {
        var cells = ""
        for index in formatIDs.indices {
            cells += "<c r=\"\(CellAddress.columnName(index + 1))1\" s=\"\(index)\"><v>\(serial)</v></c>"
        }
        let book = SyntheticWorkbook.standard(sheets: [("S", "<sheetData><row r=\"1\">\(cells)</row></sheetData>")],
                                              styles: SyntheticWorkbook.styles(formatIDs: formatIDs, custom: custom),
                                              workbookPr: workbookPr)
        let row = try #require(try book.open().rowsRead(of: "S").first)
        return row.cells.map(\.value)
    }

    private let noon = CellValue.dateTime(CivilDateTime(year: 2021, month: 1, day: 1, hour: 12))

    @Test("built-in date and time formats 14-22 and 45-47 (46 is a duration); 0-13 are numbers")
    func builtInFormats() throws {
        let values = try read(formatIDs: [14, 22, 45, 46, 0, 2, 10, 49])
        #expect(values[0] == noon)
        #expect(values[1] == noon)
        #expect(values[2] == noon)
        #expect(values[3] == .duration(44197.5 * 86400))
        #expect(values[4] == .number(44197.5))
        #expect(values[5] == .number(44197.5))
        #expect(values[6] == .number(44197.5))
        #expect(values[7] == .number(44197.5))
    }

    @Test("East Asian built-in date formats 27-36 and 50-58, written by id only, are dates", arguments: Array(27...36) + Array(50...58))
    func eastAsianFormats(id: Int) throws {
        #expect(try read(formatIDs: [id]) == [noon])
    }

    @Test("custom codes: date tokens outside quotes and brackets make dates, elapsed brackets durations")
    func customCodes() throws {
        let custom = [164: "yyyy-mm-dd", 165: "[h]:mm", 166: "\"Y: \"0.00", 167: "[$-409]d-mmm-yy;@",
                      168: "[$-411]ggge\"年\"m\"月\"d\"日\"", 169: "0.00E+00", 170: "#,##0*y", 171: "[Red][>=100]0", 172: "General"]
        let values = try read(formatIDs: Array(164...172), custom: custom)
        #expect(values[0] == noon)
        #expect(values[1] == .duration(44197.5 * 86400))
        #expect(values[2] == .number(44197.5))
        #expect(values[3] == noon)
        #expect(values[4] == noon)
        #expect(values[5] == .number(44197.5))
        #expect(values[6] == .number(44197.5))
        #expect(values[7] == .number(44197.5))
        #expect(values[8] == .number(44197.5))
    }

    @Test("a <numFmt> in the file wins over the built-in table for the same id")
    func customOverridesBuiltIn() throws {
        #expect(try read(formatIDs: [14], custom: [14: "0.00"]) == [.number(44197.5)])
    }

    @Test("date1904 written as 1 (Excel) or true (LibreOffice) moves the epoch to 1904-01-01", arguments: ["1", "true"])
    func date1904(flag: String) throws {
        let values = try read(formatIDs: [14], serial: "0", workbookPr: "<workbookPr date1904=\"\(flag)\"/>")
        #expect(values == [.dateTime(CivilDateTime(year: 1904, month: 1, day: 1))])
        let plain = try read(formatIDs: [14], serial: "42369", workbookPr: "<workbookPr date1904=\"\(flag)\"/>")
        #expect(plain == [.dateTime(CivilDateTime(year: 2020, month: 1, day: 1))])
    }

    @Test("t=\"d\" is not shifted by the 1904 system; a zone designator is dropped")
    func isoDatesNotShifted() throws {
        let book = SyntheticWorkbook.standard(sheets: [("S", """
            <sheetData><row r="1"><c r="A1" t="d"><v>2021-01-01</v></c><c r="B1" t="d"><v>2014-02-14T08:27:48.765Z</v></c>\
            <c r="C1" t="d"><v>not a date</v></c></row></sheetData>
            """)], workbookPr: "<workbookPr date1904=\"1\"/>")
        let cells = try book.open().cells(of: "S")
        #expect(cells["A1"] == .dateTime(CivilDateTime(year: 2021, month: 1, day: 1)))
        #expect(cells["B1"] == .dateTime(CivilDateTime(year: 2014, month: 2, day: 14, hour: 8, minute: 27, second: 48, microsecond: 765_000)))
        #expect(cells["C1"] == .text("not a date"))
    }

    @Test("serials are rounded to Excel's millisecond; a negative serial under a date format stays a number")
    func serialEdges() throws {
        let values = try read(formatIDs: [22, 22], serial: "41506.64604166666")
        #expect(values[0].displayText == "2013-08-20T15:30:18")
        let negative = try read(formatIDs: [14], serial: "-1.2")
        #expect(negative == [.number(-1.2)])
    }

    @Test("a style index out of range, or an empty s, is the default (General) style")
    func styleOutOfRange() throws {
        let book = SyntheticWorkbook.standard(sheets: [("S", """
            <sheetData><row r="1"><c r="A1" s="99"><v>5</v></c><c r="B1" s=""><v>6</v></c></row></sheetData>
            """)], styles: SyntheticWorkbook.styles(formatIDs: [14]))
        let cells = try book.open().cells(of: "S")
        #expect(cells["A1"] == .number(5))
        #expect(cells["B1"] == .dateTime(CivilDateTime(year: 1900, month: 1, day: 6)))
    }
}

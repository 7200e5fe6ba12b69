import Foundation
import PokinCore
import PokinTestSupport
@testable import PokinXLSX
import Testing

/// Reads a written workbook's parts as text.
struct WrittenPackage {
    let archive: ZipArchive

    init(_ path: String) throws { archive = try ZipArchive(path: path) }

    func part(_ name: String) throws -> String {
        let index = try #require(archive.index(of: name), "part \(name) exists")
        return String(decoding: try archive.readEntry(at: index), as: UTF8.self)
    }

    /// Every value of `attribute` in `xml`, in order.
    static func attributeValues(_ attribute: String, in xml: String) -> [String] {
        var values: [String] = []
        var rest = xml[...]
        let marker = " \(attribute)=\""
        while let start = rest.range(of: marker) {
            let after = rest[start.upperBound...]
            guard let end = after.firstIndex(of: "\"") else { break }
            values.append(String(after[..<end]))
            rest = after[end...]
        }
        return values
    }
}

@Suite("XLSX writer: sheets")
struct WriterSheetTests {
    private func withBook(_ body: (XLSXWriter) throws -> Void) throws -> WrittenPackage {
        let folder = try Fixtures.temporaryDirectory("xlsx-writer")
        let path = folder.appendingPathComponent("book.xlsx").path
        let book = try XLSXWriter(path: path)
        try body(book)
        try book.close()
        return try WrittenPackage(path)
    }

    private func code(_ body: () throws -> Void) -> PokinError.Code? {
        do {
            try body()
            return nil
        } catch {
            return (error as? PokinError)?.code
        }
    }

    @Test("every row and cell carries r in ascending order, and dimension is the used range")
    func referencesAndDimension() throws {
        let package = try withBook { book in
            let sheet = try book.addSheet(named: "Data")
            try sheet.beginRow(3)
            try sheet.write(.text("kiri"), column: 2)
            try sheet.write(.number(1), column: 28)
            try sheet.beginRow(10)
            try sheet.write(.boolean(true), column: 703)
            try sheet.beginRow(11)
        }
        let xml = try package.part("xl/worksheets/sheet1.xml")
        #expect(xml.contains(#"<dimension ref="B3:AAA10"/>"#))
        #expect(WrittenPackage.attributeValues("r", in: xml) == ["3", "B3", "AB3", "10", "AAA10", "11"])
        #expect(xml.contains("<sheetData><row r=\"3\">"))
        #expect(xml.hasSuffix("</worksheet>"))
    }

    @Test("an empty sheet says A1 as its dimension; a workbook without text has an empty, valid string table")
    func emptyDimension() throws {
        let package = try withBook { book in _ = try book.addSheet(named: "Kosong") }
        #expect(try package.part("xl/worksheets/sheet1.xml").contains(#"<dimension ref="A1"/><sheetViews>"#))
        #expect(try package.part("xl/sharedStrings.xml").hasSuffix(#"count="0" uniqueCount="0"></sst>"#))
    }

    @Test("a workbook closed without sheets gets one empty sheet, as a workbook must have one")
    func noSheets() throws {
        let package = try withBook { _ in }
        #expect(package.archive.entryNames.contains("xl/worksheets/sheet1.xml"))
        #expect(try package.part("xl/workbook.xml").contains(#"<sheet name="Sheet1" sheetId="1" r:id="rId1"/>"#))
    }

    @Test("rows or cells out of order, and cells before a row, are refused with cell-out-of-order")
    func order() throws {
        let folder = try Fixtures.temporaryDirectory("xlsx-writer")
        let book = try XLSXWriter(path: folder.appendingPathComponent("o.xlsx").path)
        let sheet = try book.addSheet(named: "Data")
        #expect(code { try sheet.write(.number(1), column: 1) } == .cellOutOfOrder)
        try sheet.beginRow(5)
        try sheet.write(.number(1), column: 3)
        #expect(code { try sheet.write(.number(2), column: 3) } == .cellOutOfOrder)
        #expect(code { try sheet.write(.number(2), column: 2) } == .cellOutOfOrder)
        #expect(code { try sheet.beginRow(5) } == .cellOutOfOrder)
        #expect(code { try sheet.beginRow(4) } == .cellOutOfOrder)
        #expect(code { try sheet.beginRow(1_048_577) } == .invalidCellReference)
        #expect(code { try sheet.write(.number(2), column: 16_385) } == .invalidCellReference)
        try sheet.beginRow(6)
        try sheet.write(.number(2), column: 1)
        try book.close()
    }

    @Test("text over 32,767 characters (UTF-16 units, as Excel counts) is refused with text-too-long")
    func textLimit() throws {
        let folder = try Fixtures.temporaryDirectory("xlsx-writer")
        let book = try XLSXWriter(path: folder.appendingPathComponent("t.xlsx").path)
        let sheet = try book.addSheet(named: "Data")
        try sheet.beginRow(1)
        try sheet.write(.text(String(repeating: "a", count: 32_767)), column: 1)
        #expect(code { try sheet.write(.text(String(repeating: "a", count: 32_768)), column: 2) } == .textTooLong)
        // 10,923 three-byte characters: 32,769 UTF-8 bytes but only 10,923 characters.
        try sheet.write(.text(String(repeating: "é", count: 16_383)), column: 3)
        #expect(code { try sheet.write(.text(String(repeating: "🎯", count: 16_384)), column: 4) } == .textTooLong)
        try sheet.write(.text(String(repeating: "🎯", count: 16_383)), column: 5)
        try book.close()
    }

    @Test("NaN, infinities, dates before 1900 and unknown error codes are refused with invalid-cell-value")
    func invalidValues() throws {
        let folder = try Fixtures.temporaryDirectory("xlsx-writer")
        let book = try XLSXWriter(path: folder.appendingPathComponent("v.xlsx").path)
        let sheet = try book.addSheet(named: "Data")
        try sheet.beginRow(1)
        #expect(code { try sheet.write(.number(.nan), column: 1) } == .invalidCellValue)
        #expect(code { try sheet.write(.number(.infinity), column: 2) } == .invalidCellValue)
        #expect(code { try sheet.write(.dateTime(CivilDateTime(year: 1899, month: 1, day: 1)), column: 3) } == .invalidCellValue)
        #expect(code { try sheet.write(.error("#OOPS"), column: 4) } == .invalidCellValue)
        try book.close()
    }

    @Test("sheet names Excel refuses are refused with invalid-sheet-name",
          arguments: ["", "Nama yang jauh lebih panjang dari 31", "a/b", "a[1]", "what?", "'kutip", "History", "data"])
    func sheetNames(name: String) throws {
        let folder = try Fixtures.temporaryDirectory("xlsx-writer")
        let book = try XLSXWriter(path: folder.appendingPathComponent("n.xlsx").path)
        _ = try book.addSheet(named: "Data")
        #expect(code { _ = try book.addSheet(named: name) } == .invalidSheetName)
        _ = try book.addSheet(named: "Tahap 1 (Pohon Kinerja) 🎯")
        try book.close()
    }

    @Test("overlapping merges and single-cell merges are refused; inline lists over 255 characters or with commas too")
    func layoutChecks() throws {
        let folder = try Fixtures.temporaryDirectory("xlsx-writer")
        let book = try XLSXWriter(path: folder.appendingPathComponent("m.xlsx").path)
        let sheet = try book.addSheet(named: "Data")
        try sheet.merge(CellRange("A1:C2")!)
        #expect(code { try sheet.merge(CellRange("C2:D3")!) } == .invalidCellReference)
        #expect(code { try sheet.merge(CellRange("E5")!) } == .invalidCellReference)
        try sheet.merge(CellRange("D1:D2")!)
        let long = (1...40).map { "Kata\($0)" }
        #expect(code { try sheet.addValidation(XLSXDataValidation(range: CellRange("B2:B9")!, source: .list(long))) } == .invalidCellValue)
        #expect(code { try sheet.addValidation(XLSXDataValidation(range: CellRange("B2:B9")!, source: .list(["a,b"]))) } == .invalidCellValue)
        try book.close()
    }

    @Test("styles are deduplicated, counted consistently, and dates without a format get one")
    func styles() throws {
        var ids: [XLSXStyleID] = []
        let package = try withBook { book in
            let bold = XLSXCellStyle(font: XLSXFont(bold: true), fill: XLSXColor(hex: "#FFF2CC"), border: .all(.thin),
                                     alignment: XLSXAlignment(vertical: .top, wrapText: true))
            ids.append(book.register(bold))
            ids.append(book.register(bold))
            ids.append(book.register(XLSXCellStyle(numberFormat: XLSXNumberFormat("0.00"))))
            ids.append(book.register(XLSXCellStyle(numberFormat: XLSXNumberFormat("#,##0.000"))))
            let sheet = try book.addSheet(named: "Data")
            try sheet.beginRow(1)
            try sheet.write(.dateTime(CivilDateTime(year: 2024, month: 5, day: 6)), column: 1)
            try sheet.write(.dateTime(CivilDateTime(year: 2024, month: 5, day: 6)), column: 2, style: ids[0])
            try sheet.write(.number(2), column: 3, style: ids[2])
        }
        #expect(ids[0] == ids[1])
        #expect(ids[0] != ids[2])
        let styles = try package.part("xl/styles.xml")
        for (container, element) in [("fonts", "font"), ("fills", "fill"), ("borders", "border"), ("cellXfs", "xf"), ("numFmts", "numFmt")] {
            let declared = WrittenPackage.attributeValues("count", in: styles.components(separatedBy: "<\(container) ").dropFirst().first.map { " " + $0 } ?? "").first
            let section = styles.components(separatedBy: "<\(container) ").dropFirst().first?.components(separatedBy: "</\(container)>").first ?? ""
            let actual = section.components(separatedBy: "<\(element)>").count - 1 + section.components(separatedBy: "<\(element) ").count - 1
            #expect(declared == String(actual), "\(container) count")
        }
        #expect(styles.contains(#"formatCode="yyyy-mm-dd""#))
        #expect(styles.contains(##"formatCode="#,##0.000""##))
        #expect(styles.contains(#"<xf numFmtId="2""#))
        #expect(styles.contains(#"<alignment vertical="top" wrapText="1"/>"#))
        let sheet = try package.part("xl/worksheets/sheet1.xml")
        let cellStyles = WrittenPackage.attributeValues("s", in: sheet)
        #expect(cellStyles.count == 3)
        #expect(cellStyles[0] != cellStyles[1], "a bold date keeps its look and gains the date format: its own style")
        #expect(cellStyles[2] == String(ids[2].index))
    }

    @Test("frozen panes, column widths, print setup, print titles, hidden sheets and the tab colour are written")
    func layout() throws {
        let package = try withBook { book in
            let sheet = try book.addSheet(named: "Tahap 1")
            try sheet.freezePanes(rows: 2, columns: 1)
            try sheet.setColumns(1...3, width: 12)
            try sheet.setColumns(2...2, width: 40)
            sheet.pageSetup = XLSXPageSetup(orientation: .landscape, paperSize: .a4, fitToWidth: 1, repeatRows: 1...2)
            sheet.tabColor = XLSXColor(red: 0x1F, green: 0x4E, blue: 0x79)
            sheet.autoFilter = CellRange("A2:C2")
            try sheet.writeRow([.text("Kode")])
            _ = try book.addSheet(named: "Daftar", visibility: .hidden)
        }
        let sheet = try package.part("xl/worksheets/sheet1.xml")
        #expect(sheet.contains(#"<pane xSplit="1" ySplit="2" topLeftCell="B3" activePane="bottomRight" state="frozen"/>"#))
        #expect(sheet.contains(#"<cols><col min="1" max="1" width="12" customWidth="1"/><col min="2" max="2" width="40" customWidth="1"/><col min="3" max="3" width="12" customWidth="1"/></cols>"#))
        #expect(sheet.contains(#"<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>"#))
        #expect(sheet.contains(#"<pageSetUpPr fitToPage="1"/>"#))
        #expect(sheet.contains(#"<tabColor rgb="FF1F4E79"/>"#))
        #expect(sheet.contains(#"<autoFilter ref="A2:C2"/>"#))
        let workbook = try package.part("xl/workbook.xml")
        #expect(workbook.contains(#"<definedName name="_xlnm.Print_Titles" localSheetId="0">'Tahap 1'!$1:$2</definedName>"#))
        #expect(workbook.contains(#"<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'Tahap 1'!$A$2:$C$2</definedName>"#))
        #expect(workbook.contains(#"<sheet name="Daftar" sheetId="2" state="hidden" r:id="rId2"/>"#))
    }

    @Test("a sheet many times the compression chunk reads back intact (parallel deflate, one stream)")
    func largeSheet() throws {
        let package = try withBook { book in
            let sheet = try book.addSheet(named: "Besar")
            for row in 1...60_000 {
                try sheet.writeRow([.text("Kode \(row % 977)"), .number(Double(row) / 4), .text("Uraian kinerja \(row)"),
                                    .boolean(row % 2 == 0)])
            }
        }
        let xml = try package.part("xl/worksheets/sheet1.xml")
        #expect(xml.utf8.count > 5_000_000)
        #expect(xml.components(separatedBy: "<row ").count - 1 == 60_000)
        #expect(xml.contains(#"<row r="60000"><c r="A60000" t="s"><v>"#))
        #expect(xml.contains(#"<dimension ref="A1:D60000"/>"#))
        let strings = try package.part("xl/sharedStrings.xml")
        #expect(strings.contains(#"count="120000" uniqueCount="60977""#))
    }

    @Test("abandoning a writer leaves neither the output nor temporary files")
    func abandoned() throws {
        let folder = try Fixtures.temporaryDirectory("xlsx-writer")
        do {
            let book = try XLSXWriter(path: folder.appendingPathComponent("never.xlsx").path)
            let sheet = try book.addSheet(named: "Data")
            for row in 1...2000 { try sheet.writeRow([.text("isi \(row)")]) }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }
}

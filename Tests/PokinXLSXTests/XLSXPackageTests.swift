import Foundation
import PokinCore
import PokinTestSupport
@testable import PokinXLSX
import Testing

@Suite("XLSX reader: package, workbook and sheet structure")
struct XLSXPackageTests {
    private let oneCell = "<sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>x</t></is></c></row></sheetData>"

    @Test("sheets in tab order with their visibility; an unknown state is visible")
    func sheetsAndVisibility() throws {
        let book = SyntheticWorkbook.standard(sheets: [("One", oneCell), ("Two", oneCell), ("Three", oneCell), ("Four", oneCell)],
                                              states: ["visible", "hidden", "veryHidden", "shown-sideways"])
        let workbook = try book.open()
        #expect(workbook.sheets == [SheetInfo(name: "One"), SheetInfo(name: "Two", visibility: .hidden),
                                    SheetInfo(name: "Three", visibility: .veryHidden), SheetInfo(name: "Four")])
    }

    @Test("rows and cells without r are counted; an explicit r resets the count")
    func missingReferences() throws {
        let book = SyntheticWorkbook.standard(sheets: [("S", """
            <sheetData><row><c><v>1</v></c><c><v>2</v></c><c r="E1"><v>5</v></c><c><v>6</v></c></row>\
            <row><c><v>7</v></c></row><row r="5"><c r="B5"><v>8</v></c><c><v>9</v></c></row><row><c r=""><v>10</v></c></row></sheetData>
            """)])
        let rows = try book.open().rowsRead(of: "S")
        #expect(rows.map(\.number) == [1, 2, 5, 6])
        #expect(rows[0].cells.map(\.address.description) == ["A1", "B1", "E1", "F1"])
        #expect(rows[1].cells.map(\.address.description) == ["A2"])
        #expect(rows[2].cells.map(\.address.description) == ["B5", "C5"])
        #expect(rows[3].cells.map(\.address.description) == ["A6"])
    }

    @Test("a row without r takes its number from its first cell's reference; r=\"3.0\" is row 3")
    func rowNumberFromCells() throws {
        let book = SyntheticWorkbook.standard(sheets: [("S", """
            <sheetData><row><c r="C7"><v>1</v></c></row><row r="9.0"><c><v>2</v></c></row></sheetData>
            """)])
        let rows = try book.open().rowsRead(of: "S")
        #expect(rows.map(\.number) == [7, 9])
        #expect(rows[0].cells[0].address.description == "C7")
    }

    @Test("rows out of order come in file order with their own numbers; cells out of order are sorted")
    func outOfOrder() throws {
        let book = SyntheticWorkbook.standard(sheets: [("S", """
            <sheetData><row r="4"><c r="C4"><v>3</v></c><c r="A4"><v>1</v></c></row><row r="2"><c r="B2"><v>2</v></c></row></sheetData>
            """)])
        let rows = try book.open().rowsRead(of: "S")
        #expect(rows.map(\.number) == [4, 2])
        #expect(rows[0].cells.map(\.column) == [1, 3])
    }

    @Test("references beyond XFD1048576 are refused with the cell's location, never wrapped around",
          arguments: ["AAAA1", "A1048577", "A4294967297", "1A", "A0"])
    func invalidReferences(reference: String) throws {
        let book = SyntheticWorkbook.standard(sheets: [("S", "<sheetData><row r=\"1\"><c r=\"\(reference)\"><v>1</v></c></row></sheetData>")])
        let workbook = try book.open()
        #expect { try workbook.rowsRead(of: "S") } throws: { error in
            guard let error = error as? PokinError else { return false }
            return error.code == .invalidCellReference && error.location?.sheet == "S" && error.location?.file != nil
        }
    }

    @Test("merged ranges, including LibreOffice's whole-row form 2:3, are complete after the rows")
    func mergedRanges() throws {
        let book = SyntheticWorkbook.standard(sheets: [("S", """
            <sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData><mergeCells count="3"><mergeCell ref="A1:C3"/>\
            <mergeCell ref="2:3"/><mergeCell ref="D:E"/></mergeCells>
            """)])
        let reader = try book.open().sheetReader(named: "S")
        var row = Row(number: 0)
        while try reader.read(into: &row) {}
        #expect(reader.mergedRanges.map { "\($0.first):\($0.last)" } == ["A1:C3", "A2:XFD3", "D1:E1048576"])
    }

    @Test("a wrong or missing <dimension> does not matter: the used range comes from the cells")
    func dimension() throws {
        let book = SyntheticWorkbook.standard(sheets: [("S", """
            <dimension ref="A1:A1"/><sheetData><row r="3"><c r="B3"><v>1</v></c><c r="F3" s="0"/></row>\
            <row r="9"><c r="D9"><v>2</v></c></row></sheetData>
            """), ("T", oneCell)])
        let workbook = try book.open()
        let reader = try workbook.sheetReader(named: "S")
        try reader.readToEnd()
        #expect(reader.declaredDimension?.description == "A1")
        #expect(reader.usedRange?.description == "B3:D9", "a value-less styled cell does not widen the used range")
        #expect(reader.rowCount == 2)
        #expect(reader.cellCount == 2)
        let other = try workbook.sheetReader(named: "T")
        try other.readToEnd()
        #expect(other.declaredDimension == nil)
        #expect(other.usedRange?.description == "A1")
    }

    @Test("Strict OOXML namespaces and non-default prefixes (x:, ns: for relationships) are understood")
    func strictAndPrefixes() throws {
        let strictMain = "http://purl.oclc.org/ooxml/spreadsheetml/main"
        let strictRel = "http://purl.oclc.org/ooxml/officeDocument/relationships"
        var book = SyntheticWorkbook()
        book.add("_rels/.rels", """
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r" \
            Type="\(strictRel)/officeDocument" Target="/xl/workbook.xml"/></Relationships>
            """)
        book.add("xl/workbook.xml", """
            <x:workbook xmlns:x="\(strictMain)" xmlns:ns="\(strictRel)"><x:workbookPr date1904="false"/><x:sheets>\
            <x:sheet name="Strict" sheetId="1" ns:id="rId1"/></x:sheets></x:workbook>
            """)
        book.add("xl/_rels/workbook.xml.rels", """
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" \
            Type="\(strictRel)/worksheet" Target="worksheets/sheet1.xml"/></Relationships>
            """)
        book.add("xl/worksheets/sheet1.xml", """
            <x:worksheet xmlns:x="\(strictMain)"><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>strict</x:t></x:is></x:c>\
            <x:c r="B1"><x:v>2.5E1</x:v></x:c></x:row></x:sheetData></x:worksheet>
            """)
        let workbook = try book.open()
        #expect(workbook.sheets.map(\.name) == ["Strict"])
        #expect(try workbook.cells(of: "Strict") == ["A1": .text("strict"), "B1": .number(25)])
    }

    @Test("elements of other namespaces inside a cell are ignored (an extension <v> is not the value)")
    func foreignNamespaces() throws {
        let book = SyntheticWorkbook.standard(sheets: [("S", """
            <sheetData xmlns:q="urn:other"><row r="1"><c r="A1"><q:v>99</q:v><v>1</v></c></row></sheetData>
            """)])
        #expect(try book.open().cells(of: "S") == ["A1": .number(1)])
    }

    @Test("part names: backslashes, other case, absolute and ../ targets, workbook outside xl/")
    func partNames() throws {
        var book = SyntheticWorkbook()
        book.add("_rels\\.rels", """
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r" \
            Type="\(SyntheticWorkbook.relationshipType)/officeDocument" Target="/WTF/Book.XML"/></Relationships>
            """)
        book.add("wtf/book.xml", """
            <workbook xmlns="\(SyntheticWorkbook.mainNamespace)" xmlns:r="\(SyntheticWorkbook.relationshipsNamespace)"><sheets>\
            <sheet name="A" sheetId="1" r:id="a"/><sheet name="B" sheetId="2" r:id="b"/></sheets></workbook>
            """)
        book.add("WTF/_RELS/BOOK.XML.RELS", """
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="a" Type="\(SyntheticWorkbook.relationshipType)/worksheet" Target="../sheets/one.xml"/>\
            <Relationship Id="b" Type="\(SyntheticWorkbook.relationshipType)/worksheet" Target="/sheets/Two%20B.xml"/>\
            <Relationship Id="s" Type="\(SyntheticWorkbook.relationshipType)/sharedStrings" Target="strings.xml"/></Relationships>
            """)
        book.add("sheets\\ONE.xml", SyntheticWorkbook.worksheet("<sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row></sheetData>"))
        book.add("sheets/two b.xml", SyntheticWorkbook.worksheet("<sheetData><row r=\"2\"><c r=\"B2\"><v>2</v></c></row></sheetData>"))
        book.add("wtf/Strings.xml", "<sst xmlns=\"\(SyntheticWorkbook.mainNamespace)\"><si><t>found</t></si></sst>")
        let workbook = try book.open()
        #expect(workbook.workbookPart == "WTF/Book.XML")
        #expect(try workbook.cells(of: "A") == ["A1": .text("found")])
        #expect(try workbook.cells(of: "B") == ["B2": .number(2)])
    }

    @Test("no sharedStrings part and no styles part: inline strings and numbers still read")
    func optionalPartsMissing() throws {
        let book = SyntheticWorkbook.standard(sheets: [("S", oneCell)])
        let workbook = try book.open()
        #expect(try workbook.sharedStrings().isEmpty)
        #expect(try workbook.cells(of: "S") == ["A1": .text("x")])
    }

    @Test("a damaged _rels/.rels falls back to the workbook named in [Content_Types].xml")
    func damagedPackageRelationships() throws {
        var book = SyntheticWorkbook.standard(sheets: [("S", oneCell)])
        let index = try #require(book.entries.firstIndex { $0.name == "_rels/.rels" })
        book.entries[index].content = Array("CORRUPTED".utf8)
        #expect(try book.open().cells(of: "S") == ["A1": .text("x")])
    }

    @Test("a chart sheet is listed and has no rows")
    func chartSheet() throws {
        var book = SyntheticWorkbook.standard(sheets: [("Data", oneCell)])
        book.entries = book.entries.map { entry in
            guard entry.name == "xl/workbook.xml" || entry.name == "xl/_rels/workbook.xml.rels" else { return entry }
            var text = String(decoding: entry.content, as: UTF8.self)
            if entry.name == "xl/workbook.xml" {
                text = text.replacingOccurrences(of: "</sheets>", with: "<sheet name=\"Chart\" sheetId=\"9\" r:id=\"rC\"/></sheets>")
            } else {
                text = text.replacingOccurrences(of: "</Relationships>", with: "<Relationship Id=\"rC\" Type=\"\(SyntheticWorkbook.relationshipType)/chartsheet\" Target=\"chartsheets/sheet1.xml\"/></Relationships>")
            }
            return (entry.name, Array(text.utf8))
        }
        let workbook = try book.open()
        #expect(workbook.xlsxSheets.map(\.kind) == [.worksheet, .chartsheet])
        #expect(try workbook.rowsRead(of: "Chart").isEmpty)
    }

    @Test("asking for a sheet that does not exist names the sheets there are")
    func missingSheet() throws {
        let workbook = try SyntheticWorkbook.standard(sheets: [("Tahap 1", oneCell)]).open()
        #expect { try workbook.sheetReader(named: "Tahap 9") } throws: { ($0 as? PokinError)?.code == .missingSheet }
    }

    @Test("a sheet is streamed: after the first row only the first chunk of a large sheet has been inflated")
    func streaming() throws {
        var rows = ""
        for number in 1...40_000 {
            rows += "<row r=\"\(number)\"><c r=\"A\(number)\" t=\"inlineStr\"><is><t>row \(number)</t></is></c><c r=\"B\(number)\"><v>\(number)</v></c></row>"
        }
        let book = SyntheticWorkbook.standard(sheets: [("Big", "<sheetData>\(rows)</sheetData>")])
        let workbook = try book.open()
        let reader = try workbook.sheetReader(named: "Big")
        var row = Row(number: 0)
        #expect(try reader.read(into: &row))
        #expect(row.number == 1)
        // Inflated ahead on a background thread: at most the chunks waiting plus one being parsed.
        #expect(reader.bytesInflated <= 6 * PackageReader.chunkSize, "a few chunks, not the whole sheet")
        #expect(reader.queuedRowCount < 2_000, "only the rows of one chunk are held")
        var count = 1
        var total = 0.0
        while try reader.read(into: &row) {
            count += 1
            total += row[2] == .empty ? 0 : 1
        }
        #expect(count == 40_000)
        #expect(total == 39_999)
        #expect(reader.bytesInflated > 2_000_000)
    }

    /// Two sheets large enough to be inflated ahead on background threads.
    private func twoLargeSheets() throws -> XLSXWorkbook {
        func sheet(_ tag: String) -> String {
            var rows = ""
            for number in 1...30_000 {
                rows += "<row r=\"\(number)\"><c r=\"A\(number)\" t=\"inlineStr\"><is><t>\(tag) \(number)</t></is></c><c r=\"B\(number)\"><v>\(number)</v></c></row>"
            }
            return "<sheetData>\(rows)</sheetData>"
        }
        return try SyntheticWorkbook.standard(sheets: [("One", sheet("one")), ("Two", sheet("two"))]).open()
    }

    @Test("two large sheets of one workbook read in alternation give the same rows as read one after the other")
    func interleavedSheets() throws {
        let workbook = try twoLargeSheets()
        let one = try workbook.rowsRead(of: "One")
        let two = try workbook.rowsRead(of: "Two")
        let first = try workbook.sheetReader(named: "One")
        let second = try workbook.sheetReader(named: "Two")
        var rowOne = Row(number: 0)
        var rowTwo = Row(number: 0)
        var index = 0
        while try first.read(into: &rowOne) {
            #expect(try second.read(into: &rowTwo))
            #expect(rowOne == one[index])
            #expect(rowTwo == two[index])
            index += 1
        }
        #expect(index == 30_000)
        #expect(try second.read(into: &rowTwo) == false)
    }

    @Test("a large sheet abandoned after one row stops its background inflation; the workbook reads on")
    func abandonedReader() throws {
        let workbook = try twoLargeSheets()
        for _ in 0..<5 {
            let reader = try workbook.sheetReader(named: "One")
            var row = Row(number: 0)
            #expect(try reader.read(into: &row))
            #expect(row[1] == .text("one 1"))
        }
        #expect(try workbook.rowsRead(of: "Two").count == 30_000)
    }
}

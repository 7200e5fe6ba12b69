import Foundation
import PokinCore
import PokinTestSupport
@testable import PokinXLSX
import Testing

@Suite("XLSX reader: cell types and strings")
struct XLSXCellValueTests {
    @Test("every cell type t= is read as its value: s, str, inlineStr, n, b, e, d and no t")
    func allCellTypes() throws {
        let book = SyntheticWorkbook.standard(sheets: [("S", """
            <sheetData><row r="1">\
            <c r="A1" t="s"><v>0</v></c>\
            <c r="B1" t="str"><f>A2&amp;""</f><v>-8086931554011838357</v></c>\
            <c r="C1" t="inlineStr"><is><t>inline</t></is></c>\
            <c r="D1" t="n"><v>1.5</v></c>\
            <c r="E1"><v>2.2250738585072E-308</v></c>\
            <c r="F1" t="b"><v>1</v></c>\
            <c r="G1" t="b"><v>0</v></c>\
            <c r="H1" t="e"><v>#DIV/0!</v></c>\
            <c r="I1" t="e"><v>#SPILL!</v></c>\
            <c r="J1" t="d"><v>2021-01-01T10:10:10</v></c>\
            <c r="K1" t="d"><v>10:10:10</v></c>\
            <c r="L1"><v>44035.0</v></c>\
            </row></sheetData>
            """)], sharedStrings: ["<si><t>shared</t></si>"])
        let cells = try book.open().cells(of: "S")
        #expect(cells["A1"] == .text("shared"))
        #expect(cells["B1"] == .text("-8086931554011838357"), "t=str digits stay text")
        #expect(cells["C1"] == .text("inline"))
        #expect(cells["D1"] == .number(1.5))
        #expect(cells["E1"] == .number(Double("2.2250738585072E-308")!))
        #expect(cells["F1"] == .boolean(true))
        #expect(cells["G1"] == .boolean(false))
        #expect(cells["H1"] == .error("#DIV/0!"))
        #expect(cells["I1"] == .error("#SPILL!"), "unknown error codes are kept as written")
        #expect(cells["J1"] == .dateTime(CivilDateTime(year: 2021, month: 1, day: 1, hour: 10, minute: 10, second: 10)))
        #expect(cells["K1"]?.displayText == "10:10:10")
        #expect(cells["L1"] == .number(44035))
        #expect(cells.count == 12)
    }

    @Test("empty values give no cell: <v/>, <v></v>, a cell without <v>, t=s with an empty <v/>, empty inline text")
    func emptyValues() throws {
        let book = SyntheticWorkbook.standard(sheets: [("S", """
            <sheetData><row r="1"><c r="A1"><v/></c><c r="B1"><v></v></c><c r="C1" s="0"/>\
            <c r="D1" t="s"><v/></c><c r="E1" t="inlineStr"><is><t></t></is></c><c r="F1" t="s"><v>0</v></c></row></sheetData>
            """)], sharedStrings: ["<si><t>zero</t></si>"])
        let rows = try book.open().rowsRead(of: "S")
        #expect(rows.count == 1)
        #expect(rows[0].cells == [Cell(row: 1, column: 6, value: .text("zero"))], "the empty shared-string value is not string #0")
    }

    @Test("inline strings: the text of <is> wins over a redundant <v>; CDATA and rich runs are joined")
    func inlineStrings() throws {
        let book = SyntheticWorkbook.standard(sheets: [("S", """
            <sheetData><row r="1">\
            <c r="A1" t="inlineStr"><f>B1</f><v>stale</v><is><t>fresh</t></is></c>\
            <c r="B1" t="inlineStr"><is><t><![CDATA[Hello <CDATA>]]></t></is></c>\
            <c r="C1" t="inlineStr"><is><r><rPr><b/></rPr><t xml:space="preserve">bold </t></r><r><t>plain</t></r></is></c>\
            </row></sheetData>
            """)])
        let cells = try book.open().cells(of: "S")
        #expect(cells["A1"] == .text("fresh"))
        #expect(cells["B1"] == .text("Hello <CDATA>"))
        #expect(cells["C1"] == .text("bold plain"))
    }

    @Test("shared strings: rich runs concatenated (also after a plain <t>), phonetic <rPh> skipped, <si/> is empty text")
    func sharedStringItems() throws {
        let items = [
            "<si><t>plain</t></si>",
            "<si><r><t xml:space=\"preserve\">Hello </t></r><r><rPr><b/></rPr><t>World</t></r></si>",
            "<si><t>漢字</t><rPh sb=\"0\" eb=\"2\"><t>かんじ</t></rPh><phoneticPr fontId=\"1\"/></si>",
            "<si/>",
            "<si><t>before</t><r><t>-after</t></r></si>",
        ]
        let book = SyntheticWorkbook.standard(sheets: [("S", """
            <sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c>\
            <c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c></row></sheetData>
            """)], sharedStrings: items)
        let workbook = try book.open()
        #expect(try workbook.sharedStrings() == ["plain", "Hello World", "漢字", "", "before-after"])
        let cells = try workbook.cells(of: "S")
        #expect(cells["C1"] == .text("漢字"))
        #expect(cells["D1"] == nil, "an empty shared string gives no cell")
    }

    @Test("_xHHHH_ escapes are decoded in shared and inline strings; _x005F_ keeps a literal escape")
    func xEscapes() throws {
        let book = SyntheticWorkbook.standard(sheets: [("S", """
            <sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>ABC_x000D_
            DEF</t></is></c><c r="C1" t="s"><v>1</v></c><c r="D1" t="s"><v>2</v></c></row></sheetData>
            """)], sharedStrings: ["<si><t>tab_x0009_end</t></si>", "<si><t>_x005F_x000D_</t></si>",
                                   "<si><t>_xD83D__xDE00_ and _xD83D_ alone</t></si>"])
        let cells = try book.open().cells(of: "S")
        #expect(cells["A1"] == .text("tab\tend"))
        #expect(cells["B1"] == .text("ABC\r\nDEF"))
        #expect(cells["C1"] == .text("_x000D_"))
        #expect(cells["D1"] == .text("😀 and _xD83D_ alone"), "a lone surrogate names no character: kept as written")
    }

    @Test("edge whitespace of <t> is trimmed without xml:space=\"preserve\" and kept with it")
    func whitespaceRule() throws {
        let book = SyntheticWorkbook.standard(sheets: [("S", """
            <sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>  trimmed  </t></is></c>\
            <c r="B1" t="inlineStr"><is><t xml:space="preserve">  kept  </t></is></c>\
            <c r="C1" t="s"><v>0</v></c><c r="D1" t="s"><v>1</v></c><c r="E1" t="s"><v>2</v></c></row></sheetData>
            """)], sharedStrings: ["<si><t>\n line1\nline2 \t</t></si>", "<si><t xml:space=\"preserve\"> x </t></si>",
                                   "<si><t> \t\n</t></si>"])
        let cells = try book.open().cells(of: "S")
        #expect(cells["A1"] == .text("trimmed"))
        #expect(cells["B1"] == .text("  kept  "))
        #expect(cells["C1"] == .text("line1\nline2"))
        #expect(cells["D1"] == .text(" x "))
        #expect(cells["E1"] == nil, "whitespace-only text without preserve is empty")
    }

    @Test("entities in text and attributes are decoded once: &amp; &#38; &lt; in cells and sheet names")
    func entities() throws {
        var book = SyntheticWorkbook.standard(sheets: [("A &amp; B", """
            <sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&amp;amp; &lt;x&gt; &#26085;</t></is></c></row></sheetData>
            """)])
        book.entries[2].content = Array(String(decoding: book.entries[2].content, as: UTF8.self)
            .replacingOccurrences(of: "A &amp; B", with: "A &#38; B &amp; C").utf8)
        let workbook = try book.open()
        #expect(workbook.sheets.map(\.name) == ["A & B & C"])
        #expect(try workbook.cells(of: "A & B & C")["A1"] == .text("&amp; <x> 日"))
    }

    @Test("a shared-string index beyond the table is an error naming the cell, not a crash")
    func sharedStringOutOfRange() throws {
        let book = SyntheticWorkbook.standard(sheets: [("S", """
            <sheetData><row r="3"><c r="B3" t="s"><v>7</v></c></row></sheetData>
            """)], sharedStrings: ["<si><t>only</t></si>"])
        let workbook = try book.open()
        #expect { try workbook.cells(of: "S") } throws: { error in
            guard let error = error as? PokinError else { return false }
            return error.code == .malformedXML && error.location?.sheet == "S" && error.location?.row == 3 && error.location?.column == 2
        }
    }

    @Test("an untyped value that is not a number is kept as text rather than lost")
    func untypedText() throws {
        let book = SyntheticWorkbook.standard(sheets: [("S", """
            <sheetData><row r="1"><c r="A1"><v>n/a</v></c><c r="B1"><v> 12 </v></c></row></sheetData>
            """)])
        let cells = try book.open().cells(of: "S")
        #expect(cells["A1"] == .text("n/a"))
        #expect(cells["B1"] == .number(12))
    }
}

import PokinCheck
import PokinCore
import Testing

@Suite("Cell references of stage records")
struct StageCellTests {
    @Test("file, quoted sheet and cell are split; the sheet reference drops the file")
    func quoted() throws {
        let cell = try #require(StageCell("pohon-kinerja-dkukmpp.xlsx!'TAHAP 3'!B12"))
        #expect(cell.file == "pohon-kinerja-dkukmpp.xlsx")
        #expect(cell.sheet == "TAHAP 3")
        #expect(cell.cell == CellAddress(row: 12, column: 2))
        #expect(cell.sheetReference == "'TAHAP 3'!B12")
    }

    @Test("unquoted sheets, doubled quotes inside a sheet name, no file, and a file name with '!' in it")
    func variants() throws {
        #expect(StageCell("book.xlsx!CASCADING!E7")?.sheet == "CASCADING")
        #expect(StageCell("book.xlsx!CASCADING!E7")?.file == "book.xlsx")
        #expect(StageCell("'Tahap 3'!A33")?.file == nil)
        let quote = try #require(StageCell("b.xlsx!'Dinas''s Tahap'!C3"))
        #expect(quote.sheet == "Dinas's Tahap")
        #expect(quote.sheetReference == "'Dinas''s Tahap'!C3")
        #expect(StageCell("odd!name.xlsx!'Tahap 4'!B4")?.file == "odd!name.xlsx")
    }

    @Test("references without a cell are refused")
    func refused() {
        #expect(StageCell("book.xlsx") == nil)
        #expect(StageCell("'Tahap 3'!") == nil)
        #expect(StageCell("!B3") == nil)
        #expect(StageCell("'Tahap 3!B3") == nil)
    }
}

import PokinCore
import Testing

@Suite("Cell addresses and ranges")
struct CellAddressTests {
    @Test("column letters and numbers convert both ways at the edges of Excel's grid",
          arguments: [(1, "A"), (26, "Z"), (27, "AA"), (52, "AZ"), (702, "ZZ"), (703, "AAA"), (16_384, "XFD")])
    func columnNames(number: Int, letters: String) {
        #expect(CellAddress.columnName(number) == letters)
        #expect(CellAddress.columnNumber(letters) == number)
        #expect(CellAddress.columnNumber(letters.lowercased()) == number)
    }

    @Test("A1 references parse, with $ anchors and lower case, and print back")
    func parsesReferences() {
        #expect(CellAddress("B12") == CellAddress(row: 12, column: 2))
        #expect(CellAddress("$B$12") == CellAddress(row: 12, column: 2))
        #expect(CellAddress("xfd1048576") == CellAddress(row: 1_048_576, column: 16_384))
        #expect(CellAddress(row: 17, column: 6).description == "F17")
    }

    @Test("absurd or malformed references are refused, never wrapped or trapped",
          arguments: ["", "A", "12", "A0", "XFE1", "A1048577", "1A", "A1B", "A-1", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA1", "A99999999999999999999999"])
    func refusesBadReferences(text: String) {
        #expect(CellAddress(text) == nil)
    }

    @Test("ranges normalise their corners and answer containment")
    func ranges() throws {
        let range = try #require(CellRange("C3:A1"))
        #expect(range.description == "A1:C3")
        #expect(range.contains(CellAddress(row: 2, column: 2)))
        #expect(!range.contains(CellAddress(row: 4, column: 1)))
        #expect(CellRange("B2")?.description == "B2")
        #expect(CellRange("A1:") == nil)
    }

    @Test("sheet names are quoted the way formulas quote them")
    func quotedSheetNames() {
        #expect(CellAddress.quotedSheetName("Sheet1") == "Sheet1")
        #expect(CellAddress.quotedSheetName("Tahap 3") == "'Tahap 3'")
        #expect(CellAddress.quotedSheetName("Agus's") == "'Agus''s'")
        #expect(CellAddress.quotedSheetName("2024") == "'2024'")
    }

    @Test("a location prints file, sheet and cell the way error messages show them")
    func locationDescription() {
        #expect(Location(file: "dinas.xlsx", sheet: "Tahap 3", row: 17, column: 6).description == "dinas.xlsx!'Tahap 3'!F17")
        #expect(Location(file: "data.csv", line: 42).description == "data.csv:42")
        #expect(Location(file: "m.json", part: "nodes[3]").description == "m.json (nodes[3])")
    }
}

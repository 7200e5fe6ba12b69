import PokinCore
@testable import PokinMapping
import Testing

/// `SheetRecord.reference` (sheet name quoted once per sheet, the string built in one buffer)
/// gives exactly the reference it gave before: file, quoted sheet name, column letters, row.
@Suite("Cell references of records are unchanged")
struct SheetRecordReferenceTests {
    /// The reference as it was built before.
    static func oldReference(file: String?, sheet: String, row: Int, column: Int) -> String {
        let cell = CellAddress.quotedSheetName(sheet) + "!" + CellAddress(row: row, column: column).description
        guard let file, !file.isEmpty else { return cell }
        return file + "!" + cell
    }

    @Test("references for plain, spaced, quoted, numeric and non-ASCII sheet names, with and without a file, wide columns and large rows")
    func referencesAreUnchanged() {
        let sheets = ["Sheet1", "TAHAP 3", "Agus's", "2024", "Pohon_Kinerja.v2", "Tahap 3 (revisi)", "Kinerja–OPD", "Ümraniye", "日本", "'", ""]
        let files = [nil, "", "opd-0038.xlsx", "Dinas Kesehatan 'lama'.xlsx"]
        for sheet in sheets {
            for file in files {
                for (row, column) in [(1, 1), (7, 2), (12, 26), (1_048_576, 27), (300, 702), (45, 703), (9, 16_384)] {
                    let record = SheetRecord(sheet: sheet, row: row + 1, fields: ["statement": .init(text: "x", column: column, sourceRow: row, inherited: false)],
                                             cells: [column: "x"])
                    #expect(record.reference("statement", file: file) == Self.oldReference(file: file, sheet: sheet, row: row, column: column))
                    #expect(CellReference.format(file: file, sheet: sheet, row: row, column: column) == Self.oldReference(file: file, sheet: sheet, row: row, column: column))
                }
            }
        }
    }

    @Test("a field that is absent refers to the row's first cell, and renaming the sheet renames the references")
    func fallbackAndRename() {
        var record = SheetRecord(sheet: "Tahap 4", row: 9, fields: [:], cells: [5: "a", 3: "b", 12: "c"])
        #expect(record.reference("statement", file: "f.xlsx") == "f.xlsx!'Tahap 4'!C9")
        #expect(SheetRecord(sheet: "T", row: 2, fields: [:], cells: [:]).reference("x", file: nil) == "T!A2")
        record.sheet = "Agus's sheet"
        #expect(record.reference("statement", file: nil) == "'Agus''s sheet'!C9")
    }
}

import PokinCore
import PokinModel

extension WorkbookImporter {
    /// Reads a sheet laid out as `levels` (a path per row) or `long` (a level column): the whole
    /// tree from one sheet, with outline ids and parents written into the entries.
    static func oneSheetTree(_ sheet: SheetMapping, vocabulary: LevelVocabulary, in workbook: TableWorkbook,
                             sheet name: String, file: String?) throws -> (entries: [StageEntry], diagnostics: [Diagnostic]) {
        let (rows, merged) = try LayoutColumns.rows(of: workbook, sheet: name, file: file)
        let (columns, records) = try LayoutColumns.records(sheet, rows: rows, merged: merged, sheetName: name, file: file)
        switch sheet.layout {
        case .long:
            var reader = LongLayoutReader(mapping: sheet, columns: columns, vocabulary: vocabulary, file: file)
            let entries = reader.read(records)
            return (entries, reader.diagnostics)
        default:
            var reader = PathLayoutReader(mapping: sheet, columns: columns, vocabulary: vocabulary, file: file)
            let entries = reader.read(records)
            return (entries, reader.diagnostics)
        }
    }
}

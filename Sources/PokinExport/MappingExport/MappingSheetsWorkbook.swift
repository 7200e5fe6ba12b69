import PokinCore

/// The sheets an export built, as a workbook the mapping layer can read (to check that they
/// read back as the model they were written from).
final class MappingSheetsWorkbook: TableWorkbook {
    private let content: [MappingSheet]

    init(_ sheets: [MappingSheet]) { content = sheets }

    var sheets: [SheetInfo] { content.map { SheetInfo(name: $0.name) } }

    func rows(ofSheet name: String) throws -> any RowSource {
        guard let sheet = content.first(where: { $0.name == name }) else {
            throw PokinError(.missingSheet, "the export built no sheet \"\(name)\"", at: Location(sheet: name))
        }
        return Source(rows: sheet.rows, mergedRanges: sheet.merges)
    }

    private struct Source: RowSource {
        var rows: [Row]
        var mergedRanges: [CellRange]
        var next = 0

        mutating func read(into row: inout Row) throws -> Bool {
            guard next < rows.count else { return false }
            row = rows[next]
            next += 1
            return true
        }
    }
}

import PokinCore
import PokinXLSX

/// Reads everything an XLSX workbook offers, the way `pokin dump` and the importer do:
/// every sheet's rows (streamed, one row at a time), merged ranges, used range, drawings and
/// the shared strings. Returns a small digest so that nothing is optimised away.
public enum WorkbookWalk {
    @discardableResult
    public static func walk(_ workbook: XLSXWorkbook) throws -> Int {
        var digest = workbook.date1904 ? 1 : 0
        digest &+= try workbook.sharedStrings().count
        for sheet in workbook.xlsxSheets {
            if sheet.holdsCells {
                let reader = try workbook.sheetReader(named: sheet.name)
                var row = Row(number: 0)
                while try reader.read(into: &row) {
                    digest &+= row.number &+ row.cells.count
                    for cell in row.cells {
                        digest &+= cell.address.description.utf8.count &+ cell.value.displayText.utf8.count
                    }
                }
                digest &+= reader.mergedRanges.count &+ reader.rowCount &+ reader.cellCount
                if let used = reader.usedRange { digest &+= used.hashValue }
            }
            if let drawing = try workbook.drawing(ofSheet: sheet.name) {
                digest &+= drawing.shapes.count &+ drawing.connectors.count
            }
        }
        return digest
    }

    /// Opens `path` and walks it.
    @discardableResult
    public static func walk(path: String) throws -> Int {
        try walk(try XLSXWorkbook(path: path))
    }
}

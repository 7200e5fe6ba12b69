import PokinCore
import PokinModel
import PokinXLSX

/// Writes `MappingSheet`s as one XLSX workbook: bold titles and headers, wrapped top-aligned
/// text, widths that fit, merged ranges, and the tree drawn where a sheet asks for it.
enum MappingSheetXLSX {
    static func write(_ sheets: [MappingSheet], model: PohonKinerja, title: String, created: CivilDateTime?, to path: String) throws {
        let book = try XLSXWriter(path: path, properties: XLSXDocumentProperties(
            title: "Pohon Kinerja" + ((model.agency.shortName ?? model.agency.name).map { " \($0)" } ?? ""),
            subject: title, creator: "pokin", company: model.agency.name, created: created, modified: created))
        let titleStyle = book.register(XLSXCellStyle(font: XLSXFont(size: 14, bold: true)))
        let headerStyle = book.register(XLSXCellStyle(
            font: XLSXFont(bold: true), fill: XLSXColor(hex: "D9E2F3"), border: .all(.thin),
            alignment: XLSXAlignment(horizontal: .center, vertical: .center, wrapText: true)))
        let bodyStyle = book.register(XLSXCellStyle(border: .all(.thin), alignment: XLSXAlignment(vertical: .top, wrapText: true),
                                                    numberFormat: .text))
        let plainStyle = book.register(XLSXCellStyle(alignment: XLSXAlignment(vertical: .top, wrapText: true)))
        for sheet in sheets {
            let writer: XLSXSheetWriter
            if let drawn = sheet.drawing {
                writer = try PohonDrawingSheet.add(to: book, model: drawn, name: sheet.name)
            } else {
                writer = try book.addSheet(named: sheet.name)
                for (column, width) in widths(of: sheet) { try writer.setColumnWidth(column, width) }
            }
            if let header = sheet.headerRows.min(), sheet.drawing == nil { try writer.freezePanes(rows: header + sheet.headerRows.count - 1) }
            let dataStart = (sheet.headerRows.max() ?? 0) + 1
            for row in sheet.cells.keys.sorted() {
                try writer.beginRow(row)
                let style = sheet.titleRows.contains(row) ? titleStyle : sheet.headerRows.contains(row) ? headerStyle
                    : (!sheet.headerRows.isEmpty && row >= dataStart) ? bodyStyle : plainStyle
                for column in sheet.cells[row]!.keys.sorted() {
                    try writer.write(.text(sheet.cells[row]![column]!), column: column, style: style)
                }
            }
            for range in sheet.merges { try writer.merge(range) }
        }
        try book.close()
    }

    /// About one width unit per character of a column's longest line, between 8 and 60.
    static func widths(of sheet: MappingSheet) -> [Int: Double] {
        var longest: [Int: Int] = [:]
        for (row, cells) in sheet.cells where !sheet.titleRows.contains(row) {
            for (column, text) in cells {
                let length = text.split(separator: "\n").map(\.count).max() ?? 0
                longest[column] = max(longest[column] ?? 0, length)
            }
        }
        var result = sheet.columnWidths
        for (column, length) in longest where result[column] == nil { result[column] = Double(min(max(length + 2, 8), 60)) }
        return result
    }
}

import Foundation
import PokinCheck
import PokinCore
import PokinModel
import PokinXLSX

/// Writes a check report as an .xlsx workbook for evaluators: one row per finding, each with a
/// hyperlink to its cell in the checked workbook (a `HYPERLINK` formula, which Excel,
/// LibreOffice and Google Sheets follow), then the summary per level and the rule catalogue.
enum CheckWorkbook {
    static func write(_ report: CheckReport, language: CheckLanguage, to path: String, workbookFolder: URL) throws {
        let title = language == .id ? "Hasil pemeriksaan pohon kinerja" : "Performance tree check"
        let book = try XLSXWriter(path: path, properties: XLSXDocumentProperties(
            title: title + (report.input.map { ": \($0)" } ?? ""), creator: "pokin"))
        let thin = XLSXBorder.all(.thin)
        let wrap = XLSXAlignment(vertical: .top, wrapText: true)
        let header = book.register(XLSXCellStyle(font: XLSXFont(bold: true), fill: XLSXColor(hex: "DDEBF7"), border: thin, alignment: wrap))
        let plain = book.register(XLSXCellStyle(border: thin, alignment: wrap))
        let link = book.register(XLSXCellStyle(font: XLSXFont(underline: true, color: XLSXColor(hex: "0563C1")), border: thin, alignment: wrap))
        let fills: [Severity: XLSXStyleID] = [
            .error: book.register(XLSXCellStyle(font: XLSXFont(bold: true), fill: XLSXColor(hex: "F8CBAD"), border: thin, alignment: wrap)),
            .warning: book.register(XLSXCellStyle(fill: XLSXColor(hex: "FFE699"), border: thin, alignment: wrap)),
            .info: book.register(XLSXCellStyle(fill: XLSXColor(hex: "E2EFDA"), border: thin, alignment: wrap)),
        ]
        let outputFolder = URL(fileURLWithPath: path).deletingLastPathComponent()
        for table in report.tables(language) {
            let sheet = try book.addSheet(named: table.name)
            for (column, width) in table.widths.enumerated() { try sheet.setColumnWidth(column + 1, width) }
            try sheet.writeRow(table.header.map { .text($0) }, style: header)
            for (index, row) in table.rows.enumerated() {
                try sheet.beginRow(index + 2)
                for (offset, value) in row.enumerated() {
                    let column = offset + 1
                    // The severity column (2nd of the findings and rules tables) carries the colour.
                    let style = offset == 1 ? (table.severities[index].flatMap { fills[$0] } ?? plain) : plain
                    switch value {
                    case .text(let text): try sheet.writeText(text, column: column, style: style)
                    case .number(let number): try sheet.writeNumber(Double(number), column: column, style: style)
                    case .empty: try sheet.write(.empty, column: column, style: style)
                    case .cell(let cell):
                        if let target = linkTarget(cell, workbookFolder: workbookFolder, outputFolder: outputFolder) {
                            try sheet.writeFormula(hyperlinkFormula(target: target, label: cell.sheetReference),
                                                   cachedValue: .text(cell.sheetReference), column: column, style: link)
                        } else {
                            try sheet.writeText(cell.sheetReference, column: column, style: style)
                        }
                    }
                }
            }
            try sheet.freezePanes(rows: 1)
            if let last = table.header.indices.last, !table.rows.isEmpty {
                sheet.autoFilter = CellRange(first: CellAddress(row: 1, column: 1), last: CellAddress(row: table.rows.count + 1, column: last + 1))
            }
        }
        try book.close()
    }

    /// `workbook.xlsx#'TAHAP 3'!B12`, the workbook's path relative to the report's folder; nil
    /// when the reference names no workbook file (a CSV, or no file at all).
    static func linkTarget(_ cell: StageCell, workbookFolder: URL, outputFolder: URL) -> String? {
        guard let file = cell.file, ["xlsx", "xlsm"].contains((file as NSString).pathExtension.lowercased()) else { return nil }
        let workbook = file.hasPrefix("/") ? URL(fileURLWithPath: file) : workbookFolder.appendingPathComponent(file)
        return relativePath(of: workbook, from: outputFolder) + "#" + cell.sheetReference
    }

    /// `HYPERLINK("target","label")` with quotes doubled, as a formula writes text.
    static func hyperlinkFormula(target: String, label: String) -> String {
        func literal(_ text: String) -> String { "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
        return "HYPERLINK(\(literal(target)),\(literal(label)))"
    }

    /// The path of `file` as seen from `folder` (`../data/book.xlsx`), both made absolute.
    static func relativePath(of file: URL, from folder: URL) -> String {
        let target = file.standardizedFileURL.resolvingSymlinksInPath().pathComponents
        let base = folder.standardizedFileURL.resolvingSymlinksInPath().pathComponents
        var common = 0
        while common < min(target.count - 1, base.count), target[common] == base[common] { common += 1 }
        let ups = Array(repeating: "..", count: base.count - common)
        return (ups + target[common...]).joined(separator: "/")
    }
}

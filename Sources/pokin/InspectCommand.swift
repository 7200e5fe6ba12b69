import ArgumentParser
import Foundation
import PokinCore
import PokinXLSX

struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Show a workbook's sheets, visibility, used range, merged ranges, row and cell counts."
    )

    @Argument(help: "The workbook or CSV file.")
    var input: String

    func run() throws {
        try reportingErrors {
            let workbook = try InputOpener.open(input)
            var lines: [String] = ["\(input)"]
            let xlsx = workbook as? XLSXWorkbook
            if let xlsx {
                lines.append("  format: XLSX workbook, \(xlsx.date1904 ? "1904" : "1900") date system, workbook part \(xlsx.workbookPart)")
            } else {
                lines.append("  format: CSV")
            }
            lines.append("  sheets: \(workbook.sheets.count)")
            for (index, info) in workbook.sheets.enumerated() {
                let kind = xlsx?.xlsxSheets.first { $0.name == info.name }?.kind ?? .worksheet
                lines.append("  \(index + 1). '\(info.name)' (\(info.visibility.rawValue)\(kind == .worksheet ? "" : ", \(kind.rawValue)"))")
                lines.append(contentsOf: try describe(sheet: info.name, of: workbook).map { "     " + $0 })
            }
            print(lines.joined(separator: "\n"))
        }
    }

    /// Counts, used range and merged ranges of one sheet, read to its end.
    private func describe(sheet name: String, of workbook: any TableWorkbook) throws -> [String] {
        var source = try workbook.rows(ofSheet: name)
        var row = Row(number: 0)
        var rows = 0
        var cells = 0
        var first = CellAddress(row: Int.max, column: Int.max)
        var last = CellAddress(row: 0, column: 0)
        while try source.read(into: &row) {
            let filled = row.cells.filter { !$0.value.isEmpty }
            guard !filled.isEmpty else { continue }
            rows += 1
            cells += filled.count
            first.row = min(first.row, row.number)
            last.row = max(last.row, row.number)
            for cell in filled {
                first.column = min(first.column, cell.column)
                last.column = max(last.column, cell.column)
            }
        }
        var lines: [String] = []
        var range = cells == 0 ? "none (no values)" : CellRange(first: first, last: last).description
        if let reader = source as? XLSXSheetReader, let declared = reader.declaredDimension {
            let agrees = cells > 0 && declared == CellRange(first: first, last: last)
            range += agrees ? " (as declared)" : " (the file declares \(declared))"
        }
        lines.append("used range: \(range)")
        lines.append("rows with values: \(rows), cells with values: \(cells)")
        let merged = source.mergedRanges.sorted { ($0.first, $0.last) < ($1.first, $1.last) }
        if !merged.isEmpty {
            let shown = merged.prefix(20).map { "\($0.first):\($0.last)" }.joined(separator: ", ")
            lines.append("merged ranges: \(merged.count): \(shown)\(merged.count > 20 ? ", …" : "")")
        } else {
            lines.append("merged ranges: none")
        }
        return lines
    }
}

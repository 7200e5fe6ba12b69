import PokinCore
import PokinMapping
import PokinModel

/// Where a table's header goes and which column each field takes, as the mapping's reader will
/// look for them: fields named by letter keep their letter, fields named by header text take the
/// next free column under their first alias; the header sits at the mapping's fixed row, or
/// under a title where the `find` rule locates it (the find text is written in the header row
/// when no header cell already reads it); the agency's name and acronym go to their fixed cells
/// (as a line of the header cell when the mapping points at a line of it).
public struct TableHeaderPlacement: Sendable {
    /// Field → column.
    public var columns: [String: Int] = [:]
    /// Target year → column, for the `targets` field.
    public var targetColumns: [(year: Int, column: Int)] = []
    public var headerRow = 1
    public var firstDataRow = 2

    /// Places the header of `sheet` in `grid`.
    /// - Parameters:
    ///   - fields: the fields to give columns, in the order their columns should come (fields the
    ///     mapping does not name are left out; `targets` takes one column per year).
    ///   - years: the target years, when `fields` holds `targets`.
    ///   - title: a title for the first row when the header is found by text (nil: none).
    public static func place(_ sheet: SheetMapping, fields: [String], years: [Int] = [], title: String?,
                             into grid: inout MappingSheet, context: MappingExportContext) -> TableHeaderPlacement {
        var placement = TableHeaderPlacement()
        // Columns: letters first, then the named fields in the writer's order.
        var used = Set<Int>()
        for field in fields {
            if let letter = sheet.columns[field]?.letter, let column = CellAddress.columnNumber(letter) {
                placement.columns[field] = column
                used.insert(column)
            }
        }
        var next = 1
        func freeColumn() -> Int {
            while used.contains(next) { next += 1 }
            used.insert(next)
            return next
        }
        for field in fields where placement.columns[field] == nil && sheet.columns[field] != nil {
            if field == "targets" {
                for year in years { placement.targetColumns.append((year, freeColumn())) }
            } else {
                placement.columns[field] = freeColumn()
            }
        }

        // The header row.
        let findAliases = sheet.headerFind.map(HeaderAlias.init)
        let pointers = context.agencyCells(on: sheet.role)
        var row: Int
        if let fixed = sheet.headerRow {
            row = fixed
        } else {
            row = title == nil ? 1 : 3
            for pointer in pointers where pointer.cell.row >= row {
                row = max(row, pointer.line == nil ? pointer.cell.row + 1 : pointer.cell.row)
            }
        }
        placement.headerRow = row
        placement.firstDataRow = row + max(sheet.headerRows, 1)
        for offset in 0..<max(sheet.headerRows, 1) { grid.headerRows.insert(row + offset) }

        // Header texts.
        func writeHeader(_ text: String, column: Int) {
            let parts = text.components(separatedBy: " › ")
            if parts.count > 1, sheet.headerRows >= parts.count {
                for (offset, part) in parts.enumerated() { grid[row + offset, column] = part }
            } else {
                grid[row, column] = text
            }
        }
        for (field, column) in placement.columns {
            guard let rule = sheet.columns[field], let first = rule.headers.first else { continue }
            writeHeader(HeaderAlias(first).text(), column: column)
        }
        if let rule = sheet.columns["targets"] {
            for (year, column) in placement.targetColumns {
                writeHeader(targetHeader(rule, year: year), column: column)
            }
        }

        // The find text, where no header cell reads it yet.
        if sheet.headerRow == nil, !findAliases.isEmpty {
            let found = (grid.cells[row] ?? [:]).values.contains { text in findAliases.contains { $0.matches(text) } }
            if !found {
                let text = findAliases.lazy.compactMap(\.plainText).first ?? findAliases.first!.text()
                let pointerCell = pointers.first { $0.cell.row == row && $0.line != nil }.map(\.cell.column)
                let letterColumns = fields.compactMap { field in sheet.columns[field]?.letter == nil ? nil : placement.columns[field] }.sorted()
                let column = pointerCell.flatMap { grid[row, $0] == nil ? $0 : nil }
                    ?? letterColumns.first { grid[row, $0] == nil }
                    ?? ((grid.cells[row]?.keys.max() ?? 0) + 1)
                grid[row, column] = text
            }
        }

        // The title, where it cannot be taken for the header.
        if let title, row >= 2, !findAliases.contains(where: { $0.matches(title) }) {
            grid[1, 1] = title
            grid.titleRows.insert(1)
        }

        // The agency's fixed cells.
        for pointer in pointers {
            write(pointer.text, line: pointer.line, row: pointer.cell.row, column: pointer.cell.column, into: &grid, filler: sheet.role.title)
        }
        return placement
    }

    /// The header of one year's target column: the first alias with the year in place of `*`
    /// (or after it), so that the reader finds both the alias and the year.
    static func targetHeader(_ rule: ColumnRule, year: Int) -> String {
        guard let first = rule.headers.first else { return "\(year)" }
        let alias = HeaderAlias(first)
        let text = alias.text(filler: "\(year)")
        if text.contains("\(year)") { return text }
        let appended = "\(text) \(year)"
        return alias.matches(appended) ? appended : text
    }

    /// Writes `text` into a cell, or as its `line`-th line (the lines before it kept, or filled).
    static func write(_ text: String, line: Int?, row: Int, column: Int, into grid: inout MappingSheet, filler: String) {
        guard let line, line >= 1 else {
            grid[row, column] = text
            return
        }
        var lines = (grid[row, column] ?? "").components(separatedBy: "\n").filter { !$0.isEmpty }
        while lines.count < line - 1 { lines.append(filler) }
        if lines.count >= line { lines[line - 1] = text } else { lines.append(text) }
        grid[row, column] = lines.joined(separator: "\n")
    }
}

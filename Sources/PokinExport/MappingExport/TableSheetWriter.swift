import Foundation
import PokinCore
import PokinMapping
import PokinModel

/// A `table` sheet: one node per row, fields in the columns the mapping names. Tahap 3 with a
/// CSF (`parent`) column is written group by group as the reader reads it: the CSF once, at the
/// first row of its conditions (merged over them in a workbook), crosscutting CSFs with the
/// marker and the partner in the column the mapping looks for it. A `pohon` sheet that is not
/// a drawing only carries the agency's fixed cells.
public struct TableSheetWriter: MappingSheetWriter {
    public init() {}

    /// The order fields take columns in (fields named by letter keep their letter).
    static let fieldOrder = [
        "id", "parent-id", "numbering", "code", "stage", "parent", "statement", "indicator", "level", "performance",
        "unit", "targets", "planning", "position", "crosscutting", "notes", "problem", "program", "kegiatan", "subkegiatan",
        "nomenclature", "nomenclature-code", "nomenclature-statement", "nomenclature-indicator",
    ]

    public func write(_ sheet: SheetMapping, context: MappingExportContext) throws -> MappingSheet? {
        var grid = MappingSheet(role: sheet.role, name: context.sheetName(for: sheet.role))
        if sheet.role == .pohon {
            // A pohon sheet that is not a drawing is read only for the agency's fixed cells.
            for pointer in context.agencyCells(on: sheet.role) {
                TableHeaderPlacement.write(pointer.text, line: pointer.line, row: pointer.cell.row, column: pointer.cell.column,
                                           into: &grid, filler: sheet.role.title)
            }
            return grid.cells.isEmpty ? nil : grid
        }
        let fields = Self.fieldOrder.filter { sheet.columns[$0] != nil }
            + sheet.columns.keys.filter { !Self.fieldOrder.contains($0) }.sorted()
        let rows = TableRows(sheet: sheet, context: context)
        let years = rows.targetYears
        let placement = TableHeaderPlacement.place(sheet, fields: fields, years: years, title: Self.title(sheet.role, context),
                                                   into: &grid, context: context)
        var next = placement.firstDataRow
        let written = sheet.role == .tahap3 && sheet.columns["parent"] != nil
            ? rows.conditionRows() : rows.plainRows()
        var groupStart: (row: Int, column: Int)?
        for row in written {
            if row.startsGroup || row.values.isEmpty {
                Self.closeGroup(&groupStart, lastRow: next - 1, grid: &grid)
            }
            for (field, text) in row.values {
                guard let column = placement.columns[field] else { continue }
                grid[next, column] = text
            }
            for (year, text) in row.targets {
                guard let column = placement.targetColumns.first(where: { $0.year == year })?.column else { continue }
                grid[next, column] = text
            }
            if row.startsGroup, let column = placement.columns["parent"] { groupStart = (next, column) }
            next += 1
        }
        Self.closeGroup(&groupStart, lastRow: next - 1, grid: &grid)
        if !sheet.restated.isEmpty {
            // Another table follows on the sheet: a row the reader stops at ends this one.
            if let stop = Self.stopRowText(sheet) {
                next += 1
                grid[next, placement.columns["statement"] ?? 1] = stop
                next += 2
            } else {
                context.warn("layout-unreadable",
                             "the mapping reads a second table on \(sheet.role.title) but gives no `stop` row that ends the first; its rows would be read as nodes again",
                             at: grid.name)
            }
        }
        for restated in sheet.restated {
            next = Self.writeRestated(restated, rows: written, startingAt: next, into: &grid)
        }
        Self.verify(grid, sheet: sheet, placement: placement, context: context)
        return grid
    }

    /// A CSF's cell merged down over its conditions (a workbook shows the group as the seed does).
    private static func closeGroup(_ start: inout (row: Int, column: Int)?, lastRow: Int, grid: inout MappingSheet) {
        defer { start = nil }
        guard let begun = start, lastRow > begun.row else { return }
        for row in (begun.row + 1)...lastRow where grid[row, begun.column] != nil { return }
        grid.merges.append(CellRange(first: CellAddress(row: begun.row, column: begun.column),
                                     last: CellAddress(row: lastRow, column: begun.column)))
    }

    static func title(_ role: StageRole, _ context: MappingExportContext) -> String {
        let agency = context.model.agency.shortName ?? context.model.agency.name
        return role.title + (agency.map { " — \($0)" } ?? "")
    }

    /// A row that ends the table for the reader (its `stop` rule), when another table follows.
    static func stopRowText(_ sheet: SheetMapping) -> String? {
        for pattern in sheet.stopPatterns {
            if let text = PatternSample.text(matching: pattern) { return text }
        }
        return nil
    }

    /// A second table restating the first rows of this one (Tahap 2's "Kondisi yang diperlukan"):
    /// every row's statement again, under the restated table's own header.
    private static func writeRestated(_ restated: SheetMapping, rows: [TableRow], startingAt start: Int,
                                      into grid: inout MappingSheet) -> Int {
        let column = restated.columns["statement"]?.letter.flatMap(CellAddress.columnNumber) ?? 2
        let header = restated.columns["statement"]?.headers.first.map { HeaderAlias($0).text() }
            ?? restated.headerFind.first.map { HeaderAlias($0).text() } ?? "Kondisi yang diperlukan"
        grid[start, column] = header
        grid.headerRows.insert(start)
        var next = start + max(restated.headerRows, 1)
        for row in rows {
            guard let text = row.values["statement"] else { continue }
            grid[next, column] = text
            next += 1
        }
        return next
    }

    /// Reads the written sheet back with the mapping's own table reader and warns where a field
    /// would not be found in the column it was written to.
    private static func verify(_ grid: MappingSheet, sheet: SheetMapping, placement: TableHeaderPlacement,
                               context: MappingExportContext) {
        var extractor = TableExtractor(mapping: sheet, sheetName: grid.name, file: nil)
        do {
            _ = try extractor.extract(rows: grid.rows, merged: grid.merges)
        } catch let error as PokinError {
            context.warn("layout-unreadable", "the written sheet does not read back with the mapping: \(error.message)", at: grid.name)
            return
        } catch {
            return
        }
        if extractor.headerRow != placement.headerRow {
            context.warn("layout-unreadable", "the mapping finds the header of the written sheet in row \(extractor.headerRow), not \(placement.headerRow)",
                         at: grid.name)
        }
        for (field, column) in placement.columns where extractor.columns[field] != column && sheet.columns[field]?.headers.isEmpty == false {
            context.warn("layout-unreadable",
                         "the mapping reads \(field) from column \(extractor.columns[field].map(CellAddress.columnName) ?? "none"), not \(CellAddress.columnName(column)) where it was written",
                         at: grid.name)
        }
        let years = extractor.targetColumns.map(\.year)
        if years != placement.targetColumns.map(\.year) {
            context.warn("layout-unreadable", "the mapping reads target years \(years) from the written sheet, not \(placement.targetColumns.map(\.year))",
                         at: grid.name)
        }
    }
}

/// The raw-cell dump of a workbook in the reference format of the peer corpus
/// (`shared/corpus/peers/expected/README.md`), as `pokin dump` prints it:
///
/// ```
/// {"file": "book.xlsx",
///  "sheets": [{"name": "Sheet1", "visible": "visible",
///              "cells": [["A1", "s", "text"], ["B2", "n", 1.5], ["C3", "b", true],
///                        ["D4", "d", "2020-01-31T00:00:00"], ["E5", "e", "#DIV/0!"],
///                        ["F6", "duration", 86400]],
///              "merged": ["A1:A2"]}]}
/// ```
///
/// Cells are sorted by row, then column; empty cells are absent; a date is ISO 8601 (a time of
/// day alone `HH:MM:SS`); a duration is seconds. Merged ranges are sorted by their first cell.
public enum WorkbookDump {
    /// The dump of every sheet (or only `sheet`) of `workbook`; `file` is written as given.
    /// - Throws: `missing-sheet` when `sheet` names no sheet; any reading error.
    public static func json(of workbook: any TableWorkbook, file: String, sheet: String? = nil) throws -> JSONValue {
        var sheets: [JSONValue] = []
        let selected = try selectedSheets(of: workbook, file: file, only: sheet)
        for info in selected {
            var source = try workbook.rows(ofSheet: info.name)
            sheets.append(try sheetJSON(info: info, source: &source))
        }
        return .object([("file", .string(file)), ("sheets", .array(sheets))])
    }

    /// The sheets to dump: all, or the one named (an error naming the sheets when it is absent).
    public static func selectedSheets(of workbook: any TableWorkbook, file: String, only name: String?) throws -> [SheetInfo] {
        guard let name else { return workbook.sheets }
        guard let info = workbook.sheets.first(where: { $0.name == name }) else {
            let names = workbook.sheets.map { "'\($0.name)'" }.joined(separator: ", ")
            throw PokinError(.missingSheet, "there is no sheet named '\(name)'; the sheets are \(names)",
                             at: Location(file: file, sheet: name))
        }
        return [info]
    }

    /// One sheet's object: name, visibility, sorted cells, merged ranges.
    public static func sheetJSON(info: SheetInfo, source: inout any RowSource) throws -> JSONValue {
        var cells: [Cell] = []
        var row = Row(number: 0)
        while try source.read(into: &row) { cells.append(contentsOf: row.cells) }
        cells.sort { ($0.row, $0.column) < ($1.row, $1.column) }
        let merged = source.mergedRanges.sorted { $0.first < $1.first || ($0.first == $1.first && $0.last < $1.last) }
        return .object([
            ("name", .string(info.name)),
            ("visible", .string(info.visibility.rawValue)),
            ("cells", .array(cells.filter { !$0.value.isEmpty }.map(cellJSON))),
            ("merged", .array(merged.map { .string("\($0.first):\($0.last)") })),
        ])
    }

    /// `[reference, type, value]`.
    public static func cellJSON(_ cell: Cell) -> JSONValue {
        .array([.string(cell.address.description), .string(cell.value.typeTag), valueJSON(cell.value)])
    }

    public static func valueJSON(_ value: CellValue) -> JSONValue {
        switch value {
        case .empty: return .null
        case .text(let text): return .string(text)
        case .number(let number): return .number(number)
        case .boolean(let flag): return .bool(flag)
        case .dateTime(let moment): return .string(moment.iso8601)
        case .duration(let seconds): return .number(seconds)
        case .error(let code): return .string(code)
        }
    }
}

import PokinCore

/// A workbook held in memory, for tests of the mapping layer without any file format.
/// Each sheet is a grid of optional texts (row 1 first) plus merged ranges like "A2:A5".
public final class MemoryWorkbook: TableWorkbook {
    public struct Sheet {
        public var name: String
        public var rows: [[String?]]
        public var merged: [String]
        public init(_ name: String, rows: [[String?]], merged: [String] = []) {
            self.name = name
            self.rows = rows
            self.merged = merged
        }
    }

    private let content: [Sheet]
    public init(_ sheets: [Sheet]) { content = sheets }

    public var sheets: [SheetInfo] { content.map { SheetInfo(name: $0.name) } }

    public func rows(ofSheet name: String) throws -> any RowSource {
        guard let sheet = content.first(where: { $0.name == name }) else {
            throw PokinError(.missingSheet, "no sheet \(name)")
        }
        var rows: [Row] = []
        for (offset, values) in sheet.rows.enumerated() {
            let cells = values.enumerated().compactMap { column, text in
                text.map { Cell(row: offset + 1, column: column + 1, value: .text($0)) }
            }
            if !cells.isEmpty { rows.append(Row(number: offset + 1, cells: cells)) }
        }
        return MemoryRowSource(rows: rows, mergedRanges: sheet.merged.compactMap { CellRange($0) })
    }
}

/// Rows held in memory, handed out in order (a sheet for tests).
public struct MemoryRowSource: RowSource {
    public var rows: [Row]
    public var mergedRanges: [CellRange]
    var next = 0

    public init(rows: [Row], mergedRanges: [CellRange]) {
        self.rows = rows
        self.mergedRanges = mergedRanges
    }

    public mutating func read(into row: inout Row) throws -> Bool {
        guard next < rows.count else { return false }
        row = rows[next]
        next += 1
        return true
    }
}

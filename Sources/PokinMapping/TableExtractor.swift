import Foundation
import PokinCore

/// Turns one sheet's rows into records of named fields, as a `SheetMapping` describes:
/// finds the header (below title rows, flattening multi-row headers), resolves each field's
/// column, fills down blank and merged cells, and skips blank, separator and legend rows.
///
/// Memory: the sheet's rows (a performance-tree sheet has hundreds of rows, not millions; the
/// rows are needed whole because merged ranges are listed after them in the file).
public struct TableExtractor {
    public let mapping: SheetMapping
    public let sheetName: String
    public let file: String?

    /// The header row found (1-based) and the flattened header text per column.
    public private(set) var headerRow = 0
    public private(set) var headers: [Int: String] = [:]
    /// Field → column, as resolved.
    public private(set) var columns: [String: Int] = [:]
    /// Year → column of the targets, when the mapping names a `targets` field.
    public private(set) var targetColumns: [(year: Int, column: Int)] = []
    /// Notes on what was skipped or assumed (become `info` diagnostics).
    public private(set) var notes: [(message: String, row: Int)] = []

    public init(mapping: SheetMapping, sheetName: String, file: String?) {
        self.mapping = mapping
        self.sheetName = sheetName
        self.file = file
    }

    /// Largest sheet the mapping layer reads (rows); a tree sheet is far smaller.
    public static let maxRows = 200_000

    public mutating func extract<Source: RowSource>(from source: inout Source) throws -> [SheetRecord] {
        // A sheet `RowCachingWorkbook` keeps is read through its kept rows and grid.
        if var memory = source as? RowCachingWorkbook.MemoryRows, memory.atStart,
           memory.sheet.rows.count <= TableExtractor.maxRows {
            let sheet = memory.sheet
            memory.skipToEnd()
            source = memory as! Source
            return try extract(rows: sheet.rows, grid: sheet.grid)
        }
        let rows = try readRows(from: &source)
        if let sheet = RowCachingWorkbook.cachedSheet(behind: source) {
            return try extract(rows: rows, grid: sheet.grid)
        }
        return try extract(rows: rows, merged: source.mergedRanges)
    }

    /// Finds the header and resolves the columns (`headerRow`, `headers`, `columns`,
    /// `targetColumns`) without turning the rows into records: what recognition needs.
    public mutating func locateColumns<Source: RowSource>(from source: inout Source) throws {
        // Only the rows where the header can be matter (a merged header cell starts above it).
        // A kept sheet's whole grid answers the same when its rows are in ascending order:
        // every row up to `last` is then in the prefix, and no question goes below it.
        if var memory = source as? RowCachingWorkbook.MemoryRows, memory.atStart,
           memory.sheet.rows.count <= TableExtractor.maxRows, memory.sheet.grid.isAscending {
            let sheet = memory.sheet
            memory.skipToEnd()
            source = memory as! Source
            return try locateColumns(in: sheet.grid)
        }
        let last = (mapping.headerRow ?? mapping.headerSearchRows) + mapping.headerRows
        let rows = try readRows(from: &source).prefix { $0.number <= last }
        if let sheet = RowCachingWorkbook.cachedSheet(behind: source), sheet.grid.isAscending {
            return try locateColumns(in: sheet.grid)
        }
        try locateColumns(in: Grid(rows: Array(rows), merged: source.mergedRanges))
    }

    private mutating func locateColumns(in grid: Grid) throws {
        headerRow = try findHeader(grid)
        headers = grid.flattenedHeaders(from: headerRow, to: headerRow + mapping.headerRows - 1)
        columns = try resolveColumns()
    }

    private func readRows(from source: inout some RowSource) throws -> [Row] {
        var rows: [Row] = []
        var row = Row(number: 0)
        while try source.read(into: &row) {
            rows.append(row)
            if rows.count > TableExtractor.maxRows {
                throw PokinError(.sizeLimitExceeded, "the sheet has more than \(TableExtractor.maxRows) rows; this is not a performance-tree table",
                                 at: Location(file: file, sheet: sheetName))
            }
        }
        return rows
    }

    public mutating func extract(rows: [Row], merged: [CellRange]) throws -> [SheetRecord] {
        try extract(rows: rows, grid: Grid(rows: rows, merged: merged))
    }

    /// `extract(rows:merged:)` with the rows' grid already made (and possibly shared).
    mutating func extract(rows: [Row], grid: Grid) throws -> [SheetRecord] {
        try locateColumns(in: grid)
        let lastHeaderRow = headerRow + mapping.headerRows - 1

        let skip = mapping.skipPatterns.compactMap { try? CompiledPattern.cached($0, caseInsensitive: true) }
        let stop = mapping.stopPatterns.compactMap { try? CompiledPattern.cached($0, caseInsensitive: true) }
        let quotedSheet = CellAddress.quotedSheetName(sheetName)
        // The field names and their columns, in one order shared by every record.
        let names = RecordFieldNames(columns.keys.sorted())
        let fieldColumns = names.names.map { columns[$0]! }
        let fillDown = mapping.fillDown.map(names.key)
        var lastValues: [String: SheetRecord.Field] = [:]
        var records: [SheetRecord] = []
        records.reserveCapacity(rows.count)
        for row in rows where row.number > lastHeaderRow {
            let cells = grid.cells(row: row.number)
            if !stop.isEmpty, cells.texts.contains(where: { Self.matches($0, any: stop) }) { break }
            if cells.isEmpty {
                continue  // blank or whitespace-only row inside the table
            }
            if !skip.isEmpty, cells.texts.contains(where: { Self.matches($0, any: skip) }) {
                notes.append(("row skipped (matches a skip pattern of the mapping)", row.number))
                continue
            }
            var present = 0
            let values = fieldColumns.map { column -> SheetRecord.Field? in
                if let text = cells[column] {
                    present += 1
                    return .init(text: text, column: column, sourceRow: row.number, inherited: false)
                } else if let (text, sourceRow) = grid.mergedValue(row: row.number, column: column) {
                    present += 1
                    return .init(text: Self.clean(text), column: column, sourceRow: sourceRow, inherited: true)
                }
                return nil
            }
            // Fill down only within the table's own rows: a row with no mapped field at all is not data.
            guard present > 0 || columns.isEmpty else {
                notes.append(("row skipped: no text in any mapped column", row.number))
                continue
            }
            var fields = RecordFields(names: names, values: values)
            for field in fillDown {
                if let value = fields[field], !value.text.isEmpty {
                    lastValues[field.name] = value
                } else if var inherited = lastValues[field.name] {
                    inherited.inherited = true
                    fields[field] = inherited
                }
            }
            var record = SheetRecord(sheet: sheetName, quotedSheet: quotedSheet, row: row.number, fields: fields, cells: cells)
            if !targetColumns.isEmpty {
                record.targets = targetColumns.compactMap { target in cells[target.column].map { (target.year, $0) } }
            }
            records.append(record)
        }
        return records
    }

    /// Trims edge whitespace (including non-breaking spaces); keeps inner text as written.
    /// The edges are Unicode white space (which includes the non-breaking spaces), zero-width
    /// spaces and byte order marks; text whose first and last bytes are visible ASCII is
    /// returned as it is without looking further.
    static func clean(_ text: String) -> String {
        let visible = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            guard let first = bytes.first, let last = bytes.last else { return true }
            return first > 0x20 && first < 0x80 && last > 0x20 && last < 0x80
        }
        if visible == true { return text }
        let utf8 = text.utf8
        guard let first = utf8.first, let last = utf8.last else { return text }
        if first > 0x20, first < 0x80, last > 0x20, last < 0x80 { return text }
        let scalars = text.unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, isEdge(scalars[start]) { start = scalars.index(after: start) }
        while end > start, isEdge(scalars[scalars.index(before: end)]) { end = scalars.index(before: end) }
        if start == scalars.startIndex, end == scalars.endIndex { return text }
        return String(scalars[start..<end])
    }

    @inline(__always)
    static func isEdge(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 { return scalar.value == 0x20 || (scalar.value >= 0x09 && scalar.value <= 0x0D) }
        return scalar.properties.isWhitespace || scalar == "\u{200B}" || scalar == "\u{FEFF}"
    }

    static func matches(_ text: String, any patterns: [CompiledPattern]) -> Bool {
        patterns.contains { $0.matches(text) }
    }

    private func findHeader(_ grid: Grid) throws -> Int {
        if let row = mapping.headerRow { return row }
        if let row = grid.firstHeaderRow(reading: mapping.headerFind, within: mapping.headerSearchRows) { return row }
        throw PokinError(.missingColumn,
                         "no header row found in the first \(mapping.headerSearchRows) rows: no cell reads \(mapping.headerFind.map { "\"\($0)\"" }.joined(separator: " or ")); check the sheet or set `header: {row: N}` in the mapping",
                         at: Location(file: file, sheet: sheetName))
    }

    private mutating func resolveColumns() throws -> [String: Int] {
        var result: [String: Int] = [:]
        // Each header's key made once, not once per rule and alias.
        let headerColumns = headers.keys.sorted()
        var keys: [Int: String]?
        for (field, rule) in mapping.columns.sorted(by: { $0.key < $1.key }) {
            if field == "targets" {
                targetColumns = resolveYears(rule)
                continue
            }
            if let letter = rule.letter, let column = CellAddress.columnNumber(letter) {
                result[field] = column
                continue
            }
            let patterns = rule.headers.map(HeaderPattern.init)
            if keys == nil { keys = headers.mapValues { TextKey($0).loose } }
            let headerKeys = keys!
            let matching = headerColumns.filter { column in patterns.contains { $0.matches(looseKey: headerKeys[column]!) } }
            if matching.count >= rule.occurrence {
                result[field] = matching[rule.occurrence - 1]
            } else if field == "statement" {
                throw PokinError(.missingColumn,
                                 "no column for \(field): the header row \(headerRow) has no cell reading \(rule.headers.map { "\"\($0)\"" }.joined(separator: " or ")) (headers found: \(headers.keys.sorted().map { "\(CellAddress.columnName($0)) \"\(headers[$0]!)\"" }.joined(separator: ", ")))",
                                 at: Location(file: file, sheet: sheetName, row: headerRow))
            }
        }
        return result
    }
}

extension TableExtractor {
    /// Every column whose header matches the targets rule, with the year its header names
    /// ("2025", "Target 2025", "Tahun 2025 › Target") or counts ("Tahun ke-2" with `first-year`).
    func resolveYears(_ rule: ColumnRule) -> [(year: Int, column: Int)] {
        let patterns = rule.headers.map(HeaderPattern.init)
        var result: [(year: Int, column: Int)] = []
        for column in headers.keys.sorted() {
            let header = headers[column]!
            guard patterns.isEmpty || patterns.contains(where: { $0.matches(header) }) else { continue }
            if let year = Self.year(in: header) {
                result.append((year, column))
            } else if let first = rule.firstYear, let ordinal = Self.ordinal(in: header) {
                result.append((first + ordinal - 1, column))
            }
        }
        return result
    }

    private static let yearPattern = try? NSRegularExpression(pattern: "(?<![0-9])(19[0-9]{2}|20[0-9]{2}|21[0-9]{2})(?![0-9])")
    private static let ordinalPattern = try? NSRegularExpression(pattern: "ke\\s*-?\\s*([0-9]{1,2})", options: [.caseInsensitive])

    static func year(in text: String) -> Int? {
        let regex = yearPattern
        guard let match = regex?.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
              let range = Range(match.range(at: 1), in: text) else { return nil }
        return Int(text[range])
    }

    static func ordinal(in text: String) -> Int? {
        let regex = ordinalPattern
        guard let match = regex?.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
              let range = Range(match.range(at: 1), in: text) else { return nil }
        return Int(text[range])
    }
}

import PokinCore

/// Random access to a sheet's cell texts and merged ranges.
///
/// Rows are found through an array indexed by row number (a dictionary only when the numbers
/// are too sparse for one); when a row number occurs twice, its last row counts. The header
/// row found for a set of aliases and the merged ranges over a column are worked out on first
/// use and kept, so a grid shared by several readings of one sheet (recognition tries every
/// built-in mapping, then the import reads the sheet; `RowCachingWorkbook` keeps the grid) does
/// that work once. Not thread-safe: one workbook is read by one thread.
final class Grid {
    let rowNumbers: [Int]
    /// Whether the row numbers strictly increase (as Excel writes them): then the rows up to a
    /// number are a prefix of the rows, which lets a whole-sheet grid stand for a prefix's.
    let isAscending: Bool
    /// The non-blank texts (edges trimmed) of all rows, row after row in the order of
    /// `rowNumbers`, each row's in ascending column order; row `i` is `starts[i]..<starts[i + 1]`.
    private let texts: RowTexts.Storage
    private let starts: [Int]
    private let lookup: RowLookup
    private let merged: [CellRange]
    private var mergedByColumn: [Int: MergedColumn] = [:]
    private var headerSearches: [HeaderSearch: Int?] = [:]
    private var flattened: [ClosedRange<Int>: [Int: String]] = [:]

    init(rows: [Row], merged: [CellRange]) {
        var columns: [Int] = []
        var texts: [String] = []
        var starts: [Int] = []
        starts.reserveCapacity(rows.count + 1)
        starts.append(0)
        for row in rows {
            let start = texts.count
            // Rows list their cells in ascending column order; any other order (or a column
            // given twice) is put in order afterwards, the last text of a column winning.
            var ordered = true
            var previous = Int.min
            for cell in row.cells where !cell.value.isEmpty {
                let text = TableExtractor.clean(cell.value.displayText)
                guard !text.isEmpty else { continue }
                if cell.column <= previous { ordered = false }
                previous = cell.column
                columns.append(cell.column)
                texts.append(text)
            }
            if !ordered { Self.order(&columns, &texts, from: start) }
            starts.append(texts.count)
        }
        self.texts = RowTexts.Storage(columns: columns, texts: texts)
        self.starts = starts
        self.merged = merged
        rowNumbers = rows.map(\.number)
        isAscending = zip(rowNumbers, rowNumbers.dropFirst()).allSatisfy { $0 < $1 }
        lookup = RowLookup(rowNumbers)
    }

    /// Puts the texts from `start` on in ascending column order, keeping a column's last text.
    private static func order(_ columns: inout [Int], _ texts: inout [String], from start: Int) {
        var byColumn: [Int: String] = [:]
        for index in start..<columns.count { byColumn[columns[index]] = texts[index] }
        let sorted = byColumn.keys.sorted()
        columns.replaceSubrange(start..., with: sorted)
        texts.replaceSubrange(start..., with: sorted.map { byColumn[$0]! })
    }

    /// The cell's text, edges trimmed; nil for a blank cell.
    func text(row: Int, column: Int) -> String? {
        cells(row: row)[column]
    }

    /// The row's non-blank texts (edges trimmed) by column.
    func cells(row: Int) -> RowTexts {
        guard let index = lookup.index(of: row) else { return RowTexts() }
        return RowTexts(texts, starts[index]..<starts[index + 1])
    }

    func texts(row: Int) -> [String] { Array(cells(row: row).texts) }
    func columns(row: Int) -> [Int] { Array(cells(row: row).columns) }

    /// The value of the merged range covering a cell (not its first cell), with the first cell's
    /// row: of the ranges covering the cell whose first cell holds text, the one listed first.
    func mergedValue(row: Int, column: Int) -> (String, Int)? {
        guard !merged.isEmpty else { return nil }
        let spans: MergedColumn
        if let known = mergedByColumn[column] {
            spans = known
        } else {
            spans = MergedColumn(column: column, ranges: merged) { self.text(row: $0.row, column: $0.column) != nil }
            mergedByColumn[column] = spans
        }
        guard let range = spans.first(covering: row, column: column) else { return nil }
        return (text(row: range.first.row, column: range.first.column)!, range.first.row)
    }

    /// The header texts of rows `first...last` flattened per column ("Group › Sub"; a merged
    /// cell counts in every row it covers), remembered per rows.
    func flattenedHeaders(from first: Int, to last: Int) -> [Int: String] {
        let rows = first...last
        if let known = flattened[rows] { return known }
        var result: [Int: String] = [:]
        let columns = Set(rows.flatMap { self.columns(row: $0) })
        for column in columns {
            var parts: [String] = []
            for row in rows {
                let text = self.text(row: row, column: column) ?? mergedValue(row: row, column: column)?.0
                if let text, !text.isEmpty, parts.last != TableExtractor.clean(text) { parts.append(TableExtractor.clean(text)) }
            }
            if !parts.isEmpty { result[column] = parts.joined(separator: " › ") }
        }
        flattened[rows] = result
        return result
    }

    /// The first row (in row order) numbered at most `searchRows` in which a cell reads one of
    /// `aliases`, nil when none does. Remembered per aliases and limit: recognition and the
    /// import look for the same header in the same sheet.
    func firstHeaderRow(reading aliases: [String], within searchRows: Int) -> Int? {
        let search = HeaderSearch(aliases: aliases, searchRows: searchRows)
        if let known = headerSearches[search] { return known }
        let patterns = aliases.map(HeaderPattern.init)
        var found: Int?
        for row in rowNumbers where row <= searchRows && headerRowMatches(row, patterns) {
            found = row
            break
        }
        headerSearches[search] = .some(found)
        return found
    }

    /// Whether any cell of `row` reads one of `patterns` (compared as loose keys). A cell's key
    /// is made only when its first bytes (read from the text) could start a match.
    func headerRowMatches(_ row: Int, _ patterns: [HeaderPattern]) -> Bool {
        guard !patterns.isEmpty else { return false }
        for text in cells(row: row).texts {
            let prefix = LooseKeyPrefix(ofText: text)
            guard patterns.contains(where: { prefix.allows($0.requiredPrefix) }) else { continue }
            let key = TextKey(text).loose
            if patterns.contains(where: { $0.matches(looseKey: key) }) { return true }
        }
        return false
    }
}

extension Grid {
    struct HeaderSearch: Hashable {
        var aliases: [String]
        var searchRows: Int
    }

    /// Row number → position in the rows (the last position for a repeated number).
    enum RowLookup {
        case offsets(first: Int, positions: [Int32])
        case table([Int: Int])

        init(_ numbers: [Int]) {
            guard let low = numbers.min(), let high = numbers.max() else {
                self = .table([:])
                return
            }
            let (difference, overflow) = high.subtractingReportingOverflow(low)
            if !overflow, difference < 4 * numbers.count + 256, numbers.count < Int(Int32.max) {
                let span = difference + 1
                var positions = [Int32](repeating: -1, count: span)
                for (position, number) in numbers.enumerated() { positions[number - low] = Int32(position) }
                self = .offsets(first: low, positions: positions)
            } else {
                var table: [Int: Int] = Dictionary(minimumCapacity: numbers.count)
                for (position, number) in numbers.enumerated() { table[number] = position }
                self = .table(table)
            }
        }

        @inline(__always)
        func index(of number: Int) -> Int? {
            switch self {
            case .offsets(let first, let positions):
                let (offset, overflow) = number.subtractingReportingOverflow(first)
                guard !overflow, offset >= 0, offset < positions.count else { return nil }
                let position = positions[offset]
                return position < 0 ? nil : Int(position)
            case .table(let table):
                return table[number]
            }
        }
    }

    /// The merged ranges over one column whose first cell holds text, sorted by first row, with
    /// the running maximum of their last rows, so that the ranges covering a row are found by a
    /// binary search and a short walk back.
    struct MergedColumn {
        /// (range, its position in the sheet's list)
        private let spans: [(range: CellRange, order: Int)]
        private let reach: [Int]

        init(column: Int, ranges: [CellRange], hasText: (CellAddress) -> Bool) {
            var spans: [(range: CellRange, order: Int)] = []
            for (order, range) in ranges.enumerated()
            where range.first.column <= column && column <= range.last.column && hasText(range.first) {
                spans.append((range, order))
            }
            spans.sort { ($0.range.first.row, $0.order) < ($1.range.first.row, $1.order) }
            var reach: [Int] = []
            reach.reserveCapacity(spans.count)
            var highest = Int.min
            for span in spans {
                highest = max(highest, span.range.last.row)
                reach.append(highest)
            }
            self.spans = spans
            self.reach = reach
        }

        /// The range listed first among those covering (row, column) other than at their first cell.
        func first(covering row: Int, column: Int) -> CellRange? {
            // Spans starting at or above the row: a prefix of `spans`.
            var low = 0
            var high = spans.count
            while low < high {
                let middle = (low + high) / 2
                if spans[middle].range.first.row <= row { low = middle + 1 } else { high = middle }
            }
            var best: (range: CellRange, order: Int)?
            var index = low - 1
            while index >= 0, reach[index] >= row {
                let span = spans[index]
                if span.range.last.row >= row, span.range.first != CellAddress(row: row, column: column),
                   best == nil || span.order < best!.order {
                    best = span
                }
                index -= 1
            }
            return best?.range
        }
    }
}

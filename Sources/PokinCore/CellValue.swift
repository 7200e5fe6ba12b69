/// The value of one spreadsheet or CSV cell: one sum type for every format.
///
/// Readers report what the file holds (CSV: always text; XLSX: typed). Interpreting text as
/// numbers, levels or codes is the mapping layer's job.
public enum CellValue: Hashable, Sendable {
    case empty
    case text(String)
    case number(Double)
    case boolean(Bool)
    /// A calendar date and/or time of day, without time zone (decided by the cell's number format).
    case dateTime(CivilDateTime)
    /// Elapsed time in seconds (a number whose format is `[h]:mm` and the like).
    case duration(Double)
    /// An error value as written, `#DIV/0!`, `#N/A`.
    case error(String)

    /// The short type tag of the reference dump format: `s`, `n`, `b`, `d`, `e`, `duration`.
    public var typeTag: String {
        switch self {
        case .empty: return ""
        case .text: return "s"
        case .number: return "n"
        case .boolean: return "b"
        case .dateTime: return "d"
        case .duration: return "duration"
        case .error: return "e"
        }
    }

    public var isEmpty: Bool {
        if case .empty = self { return true }
        return false
    }

    /// The value as a person reads it in a cell: text as is, integral numbers without `.0`,
    /// dates as ISO 8601, booleans as `TRUE`/`FALSE`.
    public var displayText: String {
        switch self {
        case .empty: return ""
        case .text(let text): return text
        case .number(let number): return CellValue.formatNumber(number)
        case .boolean(let flag): return flag ? "TRUE" : "FALSE"
        case .dateTime(let moment): return moment.iso8601
        case .duration(let seconds): return CellValue.formatNumber(seconds)
        case .error(let code): return code
        }
    }

    /// Shortest text that reads back as the same Double; integral values without a fraction.
    public static func formatNumber(_ number: Double) -> String {
        if number.isFinite, number == number.rounded(), abs(number) < 1e15 {
            return String(Int64(number))
        }
        return "\(number)"
    }
}

/// One non-empty cell with its 1-based position.
public struct Cell: Hashable, Sendable {
    public var row: Int
    public var column: Int
    public var value: CellValue

    public init(row: Int, column: Int, value: CellValue) {
        self.row = row
        self.column = column
        self.value = value
    }

    public var address: CellAddress { CellAddress(row: row, column: column) }
}

/// One row as read: its own 1-based row number (never renumbered) and its non-empty cells in
/// ascending column order. Readers reuse one `Row` value to avoid allocating per row.
public struct Row: Hashable, Sendable {
    public var number: Int
    public var cells: [Cell]

    public init(number: Int, cells: [Cell] = []) {
        self.number = number
        self.cells = cells
    }

    /// The value at a 1-based column, `.empty` when the row has no cell there.
    public subscript(column: Int) -> CellValue {
        // Rows are short (tens of cells); a linear scan beats building an index.
        for cell in cells where cell.column == column { return cell.value }
        return .empty
    }

    public var isBlank: Bool {
        cells.allSatisfy { cell in
            switch cell.value {
            case .empty: return true
            case .text(let text): return text.allSatisfy { $0.isWhitespace }
            default: return false
            }
        }
    }
}

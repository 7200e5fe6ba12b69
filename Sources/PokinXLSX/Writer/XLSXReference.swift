import PokinCore

/// Absolute references as defined names and validations write them.
enum XLSXReference {
    /// `$A$2:$A$6`, or `$B$3` for one cell.
    static func absolute(_ range: CellRange) -> String {
        let first = "$" + CellAddress.columnName(range.first.column) + "$" + String(range.first.row)
        if range.first == range.last { return first }
        return first + ":$" + CellAddress.columnName(range.last.column) + "$" + String(range.last.row)
    }

    /// `$1:$2` for whole rows.
    static func rows(_ rows: ClosedRange<Int>) -> String { "$\(rows.lowerBound):$\(rows.upperBound)" }

    /// `$A:$B` for whole columns.
    static func columns(_ columns: ClosedRange<Int>) -> String {
        "$" + CellAddress.columnName(columns.lowerBound) + ":$" + CellAddress.columnName(columns.upperBound)
    }
}

/// Anything that yields a table's rows one at a time: a worksheet being streamed, a CSV file.
///
/// Memory: one row at a time; a source never holds the whole table.
public protocol RowSource {
    /// Reads the next row into `row`, reusing its storage. Returns false at the end.
    mutating func read(into row: inout Row) throws -> Bool
    /// Merged ranges of the table. Complete once `read(into:)` has returned false
    /// (an XLSX sheet lists them after its rows).
    var mergedRanges: [CellRange] { get }
}

extension RowSource {
    public var mergedRanges: [CellRange] { [] }

    /// Reads every remaining row. A convenience over the streaming `read(into:)`.
    public mutating func readAll() throws -> [Row] {
        var rows: [Row] = []
        var row = Row(number: 0)
        while try read(into: &row) { rows.append(row) }
        return rows
    }
}

/// Whether a sheet shows in the application's tab bar.
public enum SheetVisibility: String, Sendable, Hashable {
    case visible, hidden, veryHidden = "veryhidden"
}

/// A sheet as a workbook lists it.
public struct SheetInfo: Hashable, Sendable {
    public var name: String
    public var visibility: SheetVisibility
    public init(name: String, visibility: SheetVisibility = .visible) {
        self.name = name
        self.visibility = visibility
    }
}

/// A source of named tables: an XLSX workbook, a folder of CSVs, or one CSV file (one sheet).
/// The mapping layer reads through this protocol and knows no file format.
public protocol TableWorkbook: AnyObject {
    var sheets: [SheetInfo] { get }
    /// Opens one sheet for streaming. Each call starts a fresh pass.
    func rows(ofSheet name: String) throws -> any RowSource
}

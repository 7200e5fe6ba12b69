import PokinCore
import PokinModel

/// One sheet as a layout writer builds it: texts by row and column, merged ranges, widths, and
/// optionally a tree drawn over it. `MappingWorkbookWriter` turns it into an XLSX sheet or a
/// CSV file (which keeps the texts only).
public struct MappingSheet: Sendable {
    public var role: StageRole
    public var name: String
    /// Row → column → text (1-based). Empty texts are not stored.
    public private(set) var cells: [Int: [Int: String]] = [:]
    /// Merged ranges (XLSX only); write the text in the range's first cell.
    public var merges: [CellRange] = []
    /// Column widths in characters (XLSX only).
    public var columnWidths: [Int: Double] = [:]
    /// Rows drawn bold as a title, and as a header (XLSX only).
    public var titleRows: Set<Int> = []
    public var headerRows: Set<Int> = []
    /// When set, the model is drawn on this sheet as shapes and connectors (XLSX only).
    public var drawing: PohonKinerja?

    public init(role: StageRole, name: String) {
        self.role = role
        self.name = name
    }

    public subscript(row: Int, column: Int) -> String? {
        get { cells[row]?[column] }
        set {
            if let newValue, !newValue.isEmpty {
                cells[row, default: [:]][column] = newValue
            } else {
                cells[row]?[column] = nil
            }
        }
    }

    /// The last row holding text (0 for an empty sheet).
    public var lastRow: Int { cells.keys.max() ?? 0 }

    /// The rows in order, as `Row`s (for checking the sheet with the mapping's reader).
    public var rows: [Row] {
        cells.keys.sorted().map { number in
            Row(number: number, cells: cells[number]!.keys.sorted().map { Cell(row: number, column: $0, value: .text(cells[number]![$0]!)) })
        }
    }
}

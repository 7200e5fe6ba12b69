import PokinCore

/// One data row of a mapped sheet: the text of each mapped field and the cell it came from.
public struct SheetRecord {
    public struct Field: Sendable, Hashable {
        /// The cell's text as written, edges trimmed.
        public var text: String
        public var column: Int
        /// The row the text really sits in (differs from the record's row when filled down or merged).
        public var sourceRow: Int
        /// True when the text was taken from above (fill-down) or from a merged range's first cell.
        public var inherited: Bool
    }

    public var sheet: String
    public var row: Int
    public var fields: [String: Field]
    /// Every non-empty cell's text of the row by column (to find shifted values).
    public var cells: [Int: String]
    /// The row's targets by year, as written (from the mapping's `targets` columns).
    public var targets: [(year: Int, text: String)] = []

    public func text(_ field: String) -> String? {
        guard let value = fields[field]?.text, !value.isEmpty else { return nil }
        return value
    }

    /// `'TAHAP 3'!B7` style reference of a field's cell (or of the row's first cell).
    public func reference(_ field: String, file: String?) -> String {
        let column = fields[field]?.column ?? cells.keys.min() ?? 1
        let row = fields[field]?.sourceRow ?? self.row
        return CellReference.format(file: file, sheet: sheet, row: row, column: column)
    }
}

/// Formats the `file.xlsx!'Tahap 3'!B12` references that diagnostics and stage records carry.
public enum CellReference {
    public static func format(file: String?, sheet: String, row: Int, column: Int) -> String {
        let cell = CellAddress.quotedSheetName(sheet) + "!" + CellAddress(row: row, column: column).description
        guard let file, !file.isEmpty else { return cell }
        return file + "!" + cell
    }
}

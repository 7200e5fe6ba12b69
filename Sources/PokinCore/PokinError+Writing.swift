extension PokinError.Code {
    /// Rows or cells handed to a writer out of ascending order (a writer streams and cannot go back).
    public static let cellOutOfOrder = Self(rawValue: "cell-out-of-order")
    /// A value a workbook cannot hold: a non-finite number, a date before 1900-01-01.
    public static let invalidCellValue = Self(rawValue: "invalid-cell-value")
    /// A sheet name Excel refuses: empty, over 31 characters, `[ ] : * ? / \`, or a duplicate.
    public static let invalidSheetName = Self(rawValue: "invalid-sheet-name")
}

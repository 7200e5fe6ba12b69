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

    public var sheet: String {
        didSet { quotedSheet = CellAddress.quotedSheetName(sheet) }
    }
    public var row: Int
    public var fields: [String: Field]
    /// Every non-empty cell's text of the row by column (to find shifted values).
    public var cells: [Int: String]
    /// The row's targets by year, as written (from the mapping's `targets` columns).
    public var targets: [(year: Int, text: String)] = []
    /// `sheet` as a reference writes it, made once per sheet by whoever makes the records.
    private var quotedSheet: String

    init(sheet: String, quotedSheet: String? = nil, row: Int, fields: [String: Field], cells: [Int: String]) {
        self.sheet = sheet
        self.quotedSheet = quotedSheet ?? CellAddress.quotedSheetName(sheet)
        self.row = row
        self.fields = fields
        self.cells = cells
    }

    public func text(_ field: String) -> String? {
        guard let value = fields[field]?.text, !value.isEmpty else { return nil }
        return value
    }

    /// `'TAHAP 3'!B7` style reference of a field's cell (or of the row's first cell).
    public func reference(_ field: String, file: String?) -> String {
        let found = fields[field]
        let column = found?.column ?? cells.keys.min() ?? 1
        let row = found?.sourceRow ?? self.row
        return CellReference.format(file: file, quotedSheet: quotedSheet, row: row, column: column)
    }
}

/// Formats the `file.xlsx!'Tahap 3'!B12` references that diagnostics and stage records carry.
public enum CellReference {
    public static func format(file: String?, sheet: String, row: Int, column: Int) -> String {
        format(file: file, quotedSheet: CellAddress.quotedSheetName(sheet), row: row, column: column)
    }

    /// The same with the sheet name already quoted (`CellAddress.quotedSheetName`).
    static func format(file: String?, quotedSheet: String, row: Int, column: Int) -> String {
        // Built as UTF-8 bytes and made a String once.
        var bytes: [UInt8] = []
        let file = file ?? ""
        bytes.reserveCapacity(file.utf8.count + quotedSheet.utf8.count + 16)
        if !file.isEmpty {
            bytes.append(contentsOf: file.utf8)
            bytes.append(UInt8(ascii: "!"))
        }
        bytes.append(contentsOf: quotedSheet.utf8)
        bytes.append(UInt8(ascii: "!"))
        // Column letters (1 → A, 27 → AA), as `CellAddress.columnName`.
        precondition(column >= 1, "columns are 1-based")
        let lettersStart = bytes.count
        var number = column
        while number > 0 {
            bytes.append(UInt8(ascii: "A") + UInt8((number - 1) % 26))
            number = (number - 1) / 26
        }
        bytes[lettersStart...].reverse()
        // Row digits, as `String(row)` writes them.
        if row < 0 { bytes.append(UInt8(ascii: "-")) }
        let digitsStart = bytes.count
        var magnitude = row.magnitude
        repeat {
            bytes.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
            magnitude /= 10
        } while magnitude > 0
        bytes[digitsStart...].reverse()
        return String(decoding: bytes, as: UTF8.self)
    }
}

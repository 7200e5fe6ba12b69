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
    public var fields: RecordFields
    /// Every non-empty cell's text of the row by column (to find shifted values).
    public var cells: RowTexts
    /// The row's targets by year, as written (from the mapping's `targets` columns).
    public var targets: [(year: Int, text: String)] = []
    /// `sheet` as a reference writes it, made once per sheet by whoever makes the records.
    private var quotedSheet: String

    init(sheet: String, quotedSheet: String? = nil, row: Int, fields: RecordFields, cells: RowTexts) {
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

    /// `text(_:)` through a name resolved once for the sheet's records.
    public func text(_ field: RecordFieldNames.Key) -> String? {
        guard let value = fields[field]?.text, !value.isEmpty else { return nil }
        return value
    }

    /// `'TAHAP 3'!B7` style reference of a field's cell (or of the row's first cell).
    public func reference(_ field: String, file: String?) -> String {
        reference(to: fields[field], file: file)
    }

    /// `reference(_:file:)` through a name resolved once for the sheet's records.
    public func reference(_ field: RecordFieldNames.Key, file: String?) -> String {
        reference(to: fields[field], file: file)
    }

    private func reference(to found: Field?, file: String?) -> String {
        let column = found?.column ?? cells.firstColumn ?? 1
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
        precondition(column >= 1, "columns are 1-based")
        // Written straight into the string's own storage: one allocation per reference.
        let file = file ?? ""
        var letters = 0
        var number = column
        while number > 0 {
            letters += 1
            number = (number - 1) / 26
        }
        var digits = 0
        var magnitude = row.magnitude
        repeat {
            digits += 1
            magnitude /= 10
        } while magnitude > 0
        let fileCount = file.isEmpty ? 0 : file.utf8.count + 1
        let length = fileCount + quotedSheet.utf8.count + 1 + letters + (row < 0 ? 1 : 0) + digits
        return String(unsafeUninitializedCapacity: length) { buffer in
            var position = 0
            func append(_ text: String) {
                let copied = text.utf8.withContiguousStorageIfAvailable { bytes -> Int in
                    guard let base = bytes.baseAddress else { return 0 }
                    (buffer.baseAddress! + position).update(from: base, count: bytes.count)
                    return bytes.count
                }
                if let copied {
                    position += copied
                    return
                }
                for byte in text.utf8 {
                    buffer[position] = byte
                    position += 1
                }
            }
            if fileCount > 0 {
                append(file)
                buffer[position] = UInt8(ascii: "!")
                position += 1
            }
            append(quotedSheet)
            buffer[position] = UInt8(ascii: "!")
            position += 1
            // Column letters (1 → A, 27 → AA), as `CellAddress.columnName`, last letter first.
            var number = column
            var index = position + letters - 1
            while number > 0 {
                buffer[index] = UInt8(ascii: "A") + UInt8((number - 1) % 26)
                number = (number - 1) / 26
                index -= 1
            }
            position += letters
            // Row digits, as `String(row)` writes them.
            if row < 0 {
                buffer[position] = UInt8(ascii: "-")
                position += 1
            }
            var magnitude = row.magnitude
            index = position + digits - 1
            repeat {
                buffer[index] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                index -= 1
            } while magnitude > 0
            return position + digits
        }
    }
}

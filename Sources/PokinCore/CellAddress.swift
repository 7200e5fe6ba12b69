import Foundation

/// A cell position, 1-based row and column, written `B12` as Excel shows it.
public struct CellAddress: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// Excel's limits: 1,048,576 rows and 16,384 columns (XFD).
    public static let maxRow = 1_048_576
    public static let maxColumn = 16_384

    public var row: Int
    public var column: Int

    public init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }

    /// Parses `B12`, `$B$12` or `xfd1048576` (case-insensitive). Returns nil for anything else,
    /// including positions beyond Excel's limits.
    public init?(_ text: some StringProtocol) {
        var column = 0
        var row = 0
        var sawLetter = false
        var sawDigit = false
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "$"):
                if sawDigit { return nil }
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"):
                if sawDigit { return nil }
                column = column * 26 + Int((byte | 0x20) - UInt8(ascii: "a")) + 1
                if column > CellAddress.maxColumn { return nil }
                sawLetter = true
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                row = row * 10 + Int(byte - UInt8(ascii: "0"))
                if row > CellAddress.maxRow { return nil }
                sawDigit = true
            default:
                return nil
            }
        }
        guard sawLetter, sawDigit, row >= 1 else { return nil }
        self.init(row: row, column: column)
    }

    public var description: String { CellAddress.columnName(column) + String(row) }

    public static func < (lhs: CellAddress, rhs: CellAddress) -> Bool {
        (lhs.row, lhs.column) < (rhs.row, rhs.column)
    }

    /// `1` → `A`, `27` → `AA`, `16384` → `XFD`.
    public static func columnName(_ column: Int) -> String {
        precondition(column >= 1, "columns are 1-based")
        var number = column
        var letters: [UInt8] = []
        while number > 0 {
            let remainder = (number - 1) % 26
            letters.append(UInt8(ascii: "A") + UInt8(remainder))
            number = (number - 1) / 26
        }
        return String(decoding: letters.reversed(), as: UTF8.self)
    }

    /// `A` → 1, `xfd` → 16384; nil when not letters or beyond `XFD`.
    public static func columnNumber(_ letters: some StringProtocol) -> Int? {
        var column = 0
        for byte in letters.utf8 {
            let lower = byte | 0x20
            guard lower >= UInt8(ascii: "a"), lower <= UInt8(ascii: "z") else { return nil }
            column = column * 26 + Int((byte | 0x20) - UInt8(ascii: "a")) + 1
            if column > maxColumn { return nil }
        }
        return column == 0 ? nil : column
    }

    /// A sheet name as a formula reference writes it: `Sheet1`, or `'Tahap 3'` with quotes doubled.
    public static func quotedSheetName(_ name: String) -> String {
        let plain = !name.isEmpty && name.unicodeScalars.allSatisfy {
            ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == ".")
        } && !("0"..."9").contains(name.unicodeScalars.first!)
        if plain { return name }
        // Most names hold no apostrophe: nothing to double.
        if !name.utf8.contains(UInt8(ascii: "'")) { return "'" + name + "'" }
        return "'" + name.replacingOccurrences(of: "'", with: "''") + "'"
    }
}

/// A rectangle of cells such as a merged range, `A1:C3`.
public struct CellRange: Hashable, Sendable, CustomStringConvertible {
    public var first: CellAddress
    public var last: CellAddress

    public init(first: CellAddress, last: CellAddress) {
        self.first = CellAddress(row: min(first.row, last.row), column: min(first.column, last.column))
        self.last = CellAddress(row: max(first.row, last.row), column: max(first.column, last.column))
    }

    /// Parses `A1:C3` or a single `B2`.
    public init?(_ text: some StringProtocol) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 1 || parts.count == 2, let first = CellAddress(parts[0]) else { return nil }
        guard let last = parts.count == 2 ? CellAddress(parts[1]) : first else { return nil }
        self.init(first: first, last: last)
    }

    public func contains(_ address: CellAddress) -> Bool {
        (first.row...last.row).contains(address.row) && (first.column...last.column).contains(address.column)
    }

    public var description: String {
        first == last ? first.description : "\(first):\(last)"
    }
}


import PokinCore

/// Reads cell references (`B12`) and ranges (`A1:C3`, `1:1`, `A:A`) from attribute bytes,
/// with overflow checks: at most three letters and seven digits are ever accumulated, so a
/// reference such as `AAAAAAA1` or `A4294967297` is refused instead of wrapping around.
enum ReferenceText {
    /// What a cell's `r` attribute holds.
    enum Parsed: Equatable {
        /// Column and row (row 0 when the reference has no digits, which a cell never should).
        case cell(row: Int, column: Int)
        /// Empty `r=""`: position by counting, as when `r` is absent.
        case none
        case invalid
    }

    /// Parses `A1`, `$A$1` or `a1`. Row or column beyond Excel's limits is `.invalid`.
    @inline(__always)
    static func cell(_ bytes: UnsafeBufferPointer<UInt8>) -> Parsed {
        let count = bytes.count
        if count == 0 { return .none }
        var index = 0
        if bytes[0] == UInt8(ascii: "$") { index = 1 }
        // Letters: at most three (XFD is the last column).
        var column = 0
        let lettersStart = index
        while index < count {
            let letter = (bytes[index] | 0x20) &- UInt8(ascii: "a")
            guard letter < 26 else { break }
            guard index - lettersStart < 3 else { return .invalid }
            column = column &* 26 &+ Int(letter) &+ 1
            index += 1
        }
        guard index > lettersStart else { return .invalid }
        if index < count, bytes[index] == UInt8(ascii: "$") { index += 1 }
        // Digits: one to seven (1,048,576 is the last row), and nothing after them; so more than
        // seven bytes left is invalid whatever they are, and the loop needs no count of its own.
        guard index < count, count - index <= 7 else { return .invalid }
        var row = 0
        while index < count {
            let digit = bytes[index] &- UInt8(ascii: "0")
            guard digit < 10 else { return .invalid }
            row = row &* 10 &+ Int(digit)
            index += 1
        }
        guard row >= 1, row <= 1_048_576, column <= 16_384 else { return .invalid }
        return .cell(row: row, column: column)
    }

    /// Parses a row's `r`: `7`, and also `7.0` (seen in the wild). nil when not a row number.
    static func row(_ bytes: UnsafeBufferPointer<UInt8>) -> Parsed {
        if bytes.isEmpty { return .none }
        var row = 0
        var digits = 0
        var index = 0
        while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
            guard digits < 7 else { return .invalid }
            row = row * 10 + Int(bytes[index] - UInt8(ascii: "0"))
            digits += 1
            index += 1
        }
        if index < bytes.count {
            guard bytes[index] == UInt8(ascii: ".") else { return .invalid }
            index += 1
            while index < bytes.count {
                guard bytes[index] == UInt8(ascii: "0") else { return .invalid }
                index += 1
            }
        }
        guard digits > 0, row >= 1, row <= CellAddress.maxRow else { return .invalid }
        return .cell(row: row, column: 0)
    }

    /// A merged or dimension range from an attribute's bytes. The form spreadsheets write almost
    /// always, `B2` or `A1:C3` with upper-case letters, no `$` and no leading zero, is read here
    /// without making a String: for it `CellRange(text)` reads exactly these numbers. Anything
    /// else (and anything refused here) goes to `range(_: String)`.
    static func range(_ bytes: UnsafeBufferPointer<UInt8>) -> CellRange? {
        var index = 0
        if let first = plainAddress(bytes, &index) {
            if index == bytes.count { return CellRange(first: first, last: first) }
            if bytes[index] == UInt8(ascii: ":") {
                index += 1
                if let last = plainAddress(bytes, &index), index == bytes.count { return CellRange(first: first, last: last) }
            }
        }
        return range(SAXAttributes.text(bytes))
    }

    /// `[A-Z]{1,3}[1-9][0-9]{0,6}` at `index` within Excel's limits, or nil; `index` ends after it.
    @inline(__always)
    private static func plainAddress(_ bytes: UnsafeBufferPointer<UInt8>, _ index: inout Int) -> CellAddress? {
        let lettersStart = index
        var column = 0
        while index < bytes.count, index - lettersStart < 3 {
            let letter = bytes[index] &- UInt8(ascii: "A")
            guard letter < 26 else { break }
            column = column &* 26 &+ Int(letter) &+ 1
            index += 1
        }
        guard index > lettersStart, column <= CellAddress.maxColumn,
              index < bytes.count, bytes[index] &- UInt8(ascii: "1") < 9 else { return nil }
        let digitsStart = index
        var row = 0
        while index < bytes.count, index - digitsStart < 7 {
            let digit = bytes[index] &- UInt8(ascii: "0")
            guard digit < 10 else { break }
            row = row &* 10 &+ Int(digit)
            index += 1
        }
        guard row <= CellAddress.maxRow else { return nil }
        return CellAddress(row: row, column: column)
    }

    /// Parses a merged or dimension range: `A1:C3`, `B2`, LibreOffice's whole rows `1:3` and
    /// whole columns `A:C`. nil when malformed.
    static func range(_ text: String) -> CellRange? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 1 || parts.count == 2 else { return nil }
        if let range = CellRange(text) { return range }
        guard parts.count == 2 else { return nil }
        let first = parts[0].replacingOccurrences(of: "$", with: "")
        let last = parts[1].replacingOccurrences(of: "$", with: "")
        if let top = Int(first), let bottom = Int(last), (1...CellAddress.maxRow).contains(top), (1...CellAddress.maxRow).contains(bottom) {
            return CellRange(first: CellAddress(row: top, column: 1), last: CellAddress(row: bottom, column: CellAddress.maxColumn))
        }
        if let left = CellAddress.columnNumber(first), let right = CellAddress.columnNumber(last) {
            return CellRange(first: CellAddress(row: 1, column: left), last: CellAddress(row: CellAddress.maxRow, column: right))
        }
        return nil
    }
}

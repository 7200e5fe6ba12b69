import PokinCore

/// Column letters for messages.
enum CellAddressName {
    static func column(_ number: Int) -> String { CellAddress.columnName(max(number, 1)) }
}

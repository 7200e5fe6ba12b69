import Foundation
import PokinCore
@testable @_spi(SheetParsing) import PokinXLSX

/// Everything a sheet reader reports, read once through the fast path (`.automatic`) and once
/// through libxml2 alone, for comparison.
struct SheetReading: Equatable {
    var rows: [Row] = []
    var mergedRanges: [CellRange] = []
    var declaredDimension: CellRange?
    var rowCount = 0
    var cellCount = 0
    var usedRange: CellRange?
    /// Code, message and location of the error that ended the read, if any.
    var error: String?
    /// Not compared: whether the fast path read the sheet.
    var tookFastPath = false

    static func == (lhs: SheetReading, rhs: SheetReading) -> Bool {
        lhs.rows == rhs.rows && lhs.mergedRanges == rhs.mergedRanges && lhs.declaredDimension == rhs.declaredDimension
            && lhs.rowCount == rhs.rowCount && lhs.cellCount == rhs.cellCount && lhs.usedRange == rhs.usedRange
            && lhs.error == rhs.error
    }

    /// Reads sheet `name` of `workbook` to its end (or its error).
    static func read(_ workbook: XLSXWorkbook, sheet name: String, parsing: SheetXMLParsing) -> SheetReading {
        var reading = SheetReading()
        do {
            let reader = try workbook.sheetReader(named: name, parsing: parsing)
            var row = Row(number: 0)
            while try reader.read(into: &row) { reading.rows.append(row) }
            reading.mergedRanges = reader.mergedRanges
            reading.declaredDimension = reader.declaredDimension
            reading.rowCount = reader.rowCount
            reading.cellCount = reader.cellCount
            reading.usedRange = reader.usedRange
            reading.tookFastPath = reader.tookFastPath
        } catch let error as PokinError {
            reading.error = "\(error.code.rawValue) | \(error.message) | \(error.location.map { "\($0)" } ?? "-")"
        } catch {
            reading.error = "not a PokinError: \(error)"
        }
        return reading
    }

    /// Both readings of every sheet holding cells, the libxml2 one from a workbook whose other
    /// parts (shared strings, styles…) libxml2 read too; nil when the workbook does not open.
    static func bothWays(path: String) -> [(sheet: String, fast: SheetReading, libxml2: SheetReading)]? {
        guard let fastBook = try? XLSXWorkbook(path: path),
              let slowBook = try? XLSXWorkbook(path: path, parsing: .libxml2) else { return nil }
        return fastBook.xlsxSheets.filter(\.holdsCells).map { sheet in
            (sheet.name, read(fastBook, sheet: sheet.name, parsing: .automatic), read(slowBook, sheet: sheet.name, parsing: .libxml2))
        }
    }
}

import PokinCore

/// One worksheet being written. Rows are streamed to a temporary file as they come (memory does
/// not grow with the sheet); layout (widths, frozen panes, merges, validations, print setup) may
/// be set at any time before the workbook closes, because the sheet's XML is assembled then.
///
/// Rows must come in strictly ascending order and cells ascending within a row; anything else
/// is refused with `cell-out-of-order` (a streaming writer cannot go back).
public final class XLSXSheetWriter {
    /// The sheet's name as its tab shows it.
    public let name: String
    /// Whether the sheet shows in the tab bar (a hidden sheet can hold drop-down lists).
    public var visibility: SheetVisibility
    /// The colour of the sheet's tab; nil for none.
    public var tabColor: XLSXColor?
    /// Whether the grid lines show on screen.
    public var showGridLines = true
    /// Zoom in percent (10–400); nil for 100.
    public var zoom: Int?
    /// How the sheet prints; nil for the application's defaults.
    public var pageSetup: XLSXPageSetup?
    /// A range with filter buttons on its first row; nil for none.
    public var autoFilter: CellRange?

    let partNumber: Int
    private let file: String
    private let sharedStrings: SharedStringBuilder
    private let styles: XLSXStyleRegistry
    let spool: XMLSpool

    @exclusivity(unchecked) private var rowOpen = false
    @exclusivity(unchecked) private var row = 0
    @exclusivity(unchecked) private var lastColumn = 0
    @exclusivity(unchecked) private var rowDigits: UnsafeMutablePointer<UInt8>
    @exclusivity(unchecked) private var rowDigitCount = 0
    @exclusivity(unchecked) private var firstCellRow = 0
    @exclusivity(unchecked) private var lastCellRow = 0
    @exclusivity(unchecked) private var minColumn = Int.max
    @exclusivity(unchecked) private var maxColumn = 0
    private(set) var columns: [(columns: ClosedRange<Int>, width: Double?, style: XLSXStyleID?, hidden: Bool)] = []
    private(set) var frozenRows = 0
    private(set) var frozenColumns = 0
    private(set) var mergedRanges: [CellRange] = []
    private(set) var validations: [XLSXDataValidation] = []
    private(set) var usesFormulas = false
    /// Shapes and connectors over the sheet (`setDrawing(_:)`); nil for none.
    public internal(set) var drawing: XLSXDrawing?
    private var finished = false

    init(name: String, partNumber: Int, file: String, spoolDirectory: String, sharedStrings: SharedStringBuilder,
         styles: XLSXStyleRegistry, visibility: SheetVisibility, compressionLevel: Int32) throws {
        self.name = name
        self.partNumber = partNumber
        self.file = file
        self.sharedStrings = sharedStrings
        self.styles = styles
        self.visibility = visibility
        spool = try XMLSpool(deflatingIn: spoolDirectory, label: file, level: compressionLevel)
        rowDigits = .allocate(capacity: 8)
    }

    deinit { rowDigits.deallocate() }

    /// The number of the row being written, 0 before the first.
    public var currentRow: Int { row }

    /// The used range (`A1:J200001`), as `<dimension>` will say; nil while no cell was written.
    public var usedRange: CellRange? {
        guard maxColumn > 0 else { return nil }
        return CellRange(first: CellAddress(row: firstCellRow, column: minColumn),
                         last: CellAddress(row: lastCellRow, column: maxColumn))
    }

    // MARK: Layout

    /// Sets the width (in characters of the default font) of columns, and optionally their default
    /// style and visibility. Later calls for the same columns win.
    public func setColumns(_ columns: ClosedRange<Int>, width: Double?, style: XLSXStyleID? = nil, hidden: Bool = false) throws {
        guard columns.lowerBound >= 1, columns.upperBound <= CellAddress.maxColumn else {
            throw PokinError(.invalidCellReference, "columns \(columns) are outside 1–\(CellAddress.maxColumn)", at: location())
        }
        if let width, !(0...255).contains(width) {
            throw PokinError(.invalidCellValue, "column width \(width) is outside 0–255 characters", at: location())
        }
        self.columns.append((columns, width, style, hidden))
    }

    /// Sets the width of one column (1-based).
    public func setColumnWidth(_ column: Int, _ width: Double) throws {
        try setColumns(column...column, width: width)
    }

    /// Freezes the first `rows` rows and `columns` columns so they stay in view when scrolling.
    public func freezePanes(rows: Int, columns: Int = 0) throws {
        guard (0..<CellAddress.maxRow).contains(rows), (0..<CellAddress.maxColumn).contains(columns) else {
            throw PokinError(.invalidCellReference, "cannot freeze \(rows) rows and \(columns) columns", at: location())
        }
        frozenRows = rows
        frozenColumns = columns
    }

    /// Merges a range. Write the value in its top-left cell (and style every cell for borders).
    /// - Throws: `invalid-cell-reference` for a single cell or a range overlapping an earlier merge.
    public func merge(_ range: CellRange) throws {
        guard range.first != range.last else {
            throw PokinError(.invalidCellReference, "merging \(range) would merge a single cell", at: location())
        }
        guard range.last.row <= CellAddress.maxRow, range.last.column <= CellAddress.maxColumn, range.first.row >= 1,
              range.first.column >= 1 else {
            throw PokinError(.invalidCellReference, "merged range \(range) is outside the sheet", at: location())
        }
        for earlier in mergedRanges where earlier.first.row <= range.last.row && range.first.row <= earlier.last.row
            && earlier.first.column <= range.last.column && range.first.column <= earlier.last.column {
            throw PokinError(.invalidCellReference,
                             "merged range \(range) overlaps \(earlier); Excel repairs (drops) overlapping merges",
                             at: location())
        }
        mergedRanges.append(range)
    }

    /// Adds a drop-down list (data validation). Checked now: the list's length and items.
    public func addValidation(_ validation: XLSXDataValidation) throws {
        _ = try validation.formula(in: file)
        validations.append(validation)
    }

    // MARK: Rows and cells

    /// Starts row `number` (1-based), closing the previous one.
    /// - Parameters:
    ///   - height: row height in points; nil for automatic.
    ///   - hidden: hides the row.
    /// - Throws: `cell-out-of-order` when `number` is not above the previous row.
    public func beginRow(_ number: Int, height: Double? = nil, hidden: Bool = false) throws {
        guard !finished else { throw closedError() }
        guard number > row else {
            throw PokinError(.cellOutOfOrder,
                             "row \(number) comes after row \(row); rows must be written in ascending order",
                             at: location(row: number))
        }
        guard number <= CellAddress.maxRow else {
            throw PokinError(.invalidCellReference, "row \(number) is beyond Excel's last row \(CellAddress.maxRow)",
                             at: location(row: number))
        }
        try spool.reserve(96)
        if rowOpen { spool.appendUnchecked("</row>") }
        row = number
        lastColumn = 0
        rowOpen = true
        // The row number's digits, reused for every cell reference of the row.
        var digits = 0
        var probe = number
        while probe > 0 { digits += 1; probe /= 10 }
        probe = number
        for position in stride(from: digits - 1, through: 0, by: -1) {
            rowDigits[position] = UInt8(truncatingIfNeeded: probe % 10) &+ 48
            probe /= 10
        }
        rowDigitCount = digits
        spool.appendUnchecked("<row r=\"")
        spool.appendUnchecked(UnsafeBufferPointer(start: rowDigits, count: digits))
        spool.appendUnchecked(UInt8(ascii: "\""))
        if let height {
            spool.appendUnchecked(" ht=\"")
            spool.appendNumberUnchecked(min(max(height, 0), 409))
            spool.appendUnchecked("\" customHeight=\"1\"")
        }
        if hidden { spool.appendUnchecked(" hidden=\"1\"") }
        spool.appendUnchecked(UInt8(ascii: ">"))
    }

    /// Writes a row after the current one (or at `number`): `values[i]` goes to column
    /// `firstColumn + i`; empty values are skipped unless a style is given.
    public func writeRow(_ values: [CellValue], number: Int? = nil, firstColumn: Int = 1,
                         style: XLSXStyleID = .standard, height: Double? = nil) throws {
        try beginRow(number ?? row + 1, height: height)
        for (offset, value) in values.enumerated() {
            try write(value, column: firstColumn + offset, style: style)
        }
    }

    /// Writes a row as read from a `RowSource`, keeping its row number and columns.
    public func writeRow(_ source: Row, style: XLSXStyleID = .standard) throws {
        try beginRow(source.number)
        for cell in source.cells { try write(cell.value, column: cell.column, style: style) }
    }

    /// Writes one cell of the current row. Text goes to the shared-string table; dates and
    /// durations become serial numbers with a date/time format (the style's own if it has one).
    /// `.empty` writes nothing unless `style` is not the default (a styled blank cell).
    /// - Throws: `cell-out-of-order`, `text-too-long` (over 32,767 characters),
    ///   `invalid-cell-value` (NaN, infinity, a date before 1900, an unknown error code).
    @inline(__always)
    public func write(_ value: CellValue, column: Int, style: XLSXStyleID = .standard) throws {
        switch value {
        case .text(let text):
            try writeText(text, column: column, style: style)
        case .number(let number):
            try writeNumber(number, column: column, style: style.index)
        case .empty:
            guard style.index != 0 else { return }
            try openCell(column: column, style: style.index, type: nil)
            spool.count -= 1  // replace ">" by "/>"
            spool.appendUnchecked("/>")
        case .boolean(let flag):
            try openCell(column: column, style: style.index, type: "b")
            spool.appendUnchecked(flag ? "<v>1</v></c>" : "<v>0</v></c>")
        case .dateTime(let moment):
            guard let serial = XLSXSerialDate.serial(of: moment) else {
                throw PokinError(.invalidCellValue,
                                 "the date \(moment) cannot be stored in a workbook (only years 1900–9999); write it as text",
                                 at: location(row: row, column: column))
            }
            let kind: XLSXStyleRegistry.TemporalKind = moment.timeOnly ? .time
                : (moment.hour == 0 && moment.minute == 0 && moment.second == 0 && moment.microsecond == 0 ? .date : .dateTime)
            try writeNumber(serial, column: column, style: styles.temporalStyle(style, kind))
        case .duration(let seconds):
            try writeNumber(seconds / 86_400, column: column, style: styles.temporalStyle(style, .duration))
        case .error(let code):
            guard XLSXSheetWriter.errorCodes.contains(code) else {
                throw PokinError(.invalidCellValue,
                                 "\(code) is not a spreadsheet error value (\(XLSXSheetWriter.errorCodes.sorted().joined(separator: " "))); write it as text",
                                 at: location(row: row, column: column))
            }
            try openCell(column: column, style: style.index, type: "e")
            spool.appendUnchecked("<v>")
            try spool.appendRaw(code)
            try spool.append("</v></c>")
        }
    }

    /// Writes text (shared string) to a cell of the current row.
    @inline(__always)
    public func writeText(_ text: String, column: Int, style: XLSXStyleID = .standard) throws {
        var bytes = text
        try bytes.withUTF8 { utf8 in
            if utf8.count > 32_767, text.utf16.count > 32_767 {
                throw PokinError(.textTooLong,
                                 "the text is \(text.utf16.count) characters long; a cell holds at most 32,767; shorten it or split it over several cells",
                                 at: location(row: row, column: column))
            }
            let index = sharedStrings.index(of: utf8)
            try openCell(column: column, style: style.index, type: "s")
            spool.appendUnchecked("<v>")
            spool.appendDecimalUnchecked(index)
            spool.appendUnchecked("</v></c>")
        }
    }

    /// Writes a number to a cell of the current row.
    @inline(__always)
    public func writeNumber(_ number: Double, column: Int, style: XLSXStyleID = .standard) throws {
        try writeNumber(number, column: column, style: style.index)
    }

    /// Writes a formula with its cached result (LibreOffice shows the cached value without
    /// recalculating). `formula` is written without the leading `=`.
    public func writeFormula(_ formula: String, cachedValue: CellValue = .empty, column: Int,
                             style: XLSXStyleID = .standard) throws {
        let body = formula.hasPrefix("=") ? String(formula.dropFirst()) : formula
        usesFormulas = true
        switch cachedValue {
        case .text(let text):
            try openCell(column: column, style: style.index, type: "str")
            try spool.append("<f>")
            try spool.appendElementText(body)
            try spool.append("</f><v>")
            var text = text
            try text.withUTF8 { try spool.appendCellText($0) }
            try spool.append("</v></c>")
        case .boolean(let flag):
            try openCell(column: column, style: style.index, type: "b")
            try spool.append("<f>")
            try spool.appendElementText(body)
            try spool.append(flag ? "</f><v>1</v></c>" : "</f><v>0</v></c>")
        case .number(let number) where number.isFinite:
            try openCell(column: column, style: style.index, type: nil)
            try spool.append("<f>")
            try spool.appendElementText(body)
            try spool.append("</f><v>")
            try spool.appendNumber(number)
            try spool.append("</v></c>")
        default:
            try openCell(column: column, style: style.index, type: nil)
            try spool.append("<f>")
            try spool.appendElementText(body)
            try spool.append("</f></c>")
        }
    }

    static let errorCodes: Set<String> = ["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA"]

    @inline(__always)
    private func writeNumber(_ number: Double, column: Int, style: Int) throws {
        guard number.isFinite else {
            throw PokinError(.invalidCellValue,
                             "\(number) cannot be stored in a workbook cell; write an error value or text instead",
                             at: location(row: row, column: column))
        }
        try openCell(column: column, style: style, type: nil)
        spool.appendUnchecked("<v>")
        spool.appendNumberUnchecked(number)
        spool.appendUnchecked("</v></c>")
    }

    /// Checks the position, then writes `<c r="B12" s="3" t="s">` with room reserved for the value.
    @inline(__always)
    private func openCell(column: Int, style: Int, type: StaticString?) throws {
        guard rowOpen, column > lastColumn, column <= CellAddress.maxColumn else {
            throw positionError(column: column)
        }
        lastColumn = column
        if column < minColumn { minColumn = column }
        if column > maxColumn { maxColumn = column }
        if firstCellRow == 0 { firstCellRow = row }
        lastCellRow = row
        try spool.reserve(128)
        spool.appendUnchecked("<c r=\"")
        appendColumnName(column)
        spool.appendUnchecked(UnsafeBufferPointer(start: rowDigits, count: rowDigitCount))
        if style != 0 {
            spool.appendUnchecked("\" s=\"")
            spool.appendDecimalUnchecked(style)
        }
        if let type {
            spool.appendUnchecked("\" t=\"")
            spool.appendUnchecked(type)
        }
        spool.appendUnchecked("\">")
    }

    @inline(__always)
    private func appendColumnName(_ column: Int) {
        if column <= 26 {
            spool.appendUnchecked(UInt8(truncatingIfNeeded: column) &+ 64)
        } else if column <= 702 {
            let value = column - 1
            spool.appendUnchecked(UInt8(truncatingIfNeeded: value / 26) &+ 64)
            spool.appendUnchecked(UInt8(truncatingIfNeeded: value % 26) &+ 65)
        } else {
            let value = column - 703
            spool.appendUnchecked(UInt8(truncatingIfNeeded: value / 676) &+ 65)
            spool.appendUnchecked(UInt8(truncatingIfNeeded: (value / 26) % 26) &+ 65)
            spool.appendUnchecked(UInt8(truncatingIfNeeded: value % 26) &+ 65)
        }
    }

    private func positionError(column: Int) -> PokinError {
        if finished { return closedError() }
        if !rowOpen {
            return PokinError(.cellOutOfOrder, "a cell was written before any row was begun; call beginRow first",
                              at: location(column: column))
        }
        if column < 1 || column > CellAddress.maxColumn {
            return PokinError(.invalidCellReference, "column \(column) is outside 1–\(CellAddress.maxColumn)",
                              at: location(row: row))
        }
        return PokinError(.cellOutOfOrder,
                          "column \(CellAddress.columnName(column)) comes after column \(CellAddress.columnName(lastColumn)) in row \(row); cells must be written left to right",
                          at: location(row: row, column: column))
    }

    private func closedError() -> PokinError {
        PokinError(.fileUnwritable, "the sheet \(name) was already written out (the workbook is closed)", at: location())
    }

    private func location(row: Int? = nil, column: Int? = nil) -> Location {
        Location(file: file, sheet: name, row: row, column: column)
    }

    /// Closes the last row and flushes the spool; the sheet takes no more rows.
    func finishData() throws {
        guard !finished else { return }
        if rowOpen { try spool.append("</row>") }
        rowOpen = false
        finished = true
        try spool.flush()
    }
}

@available(*, unavailable)
extension XLSXSheetWriter: Sendable {}

import PokinCore

/// Turns the SAX events of a worksheet part into rows of typed cells, queued until the
/// `XLSXSheetReader` hands them out. The queue holds at most the rows of one parsed chunk.
///
/// Positions come from `r` when present; otherwise a row is the previous row + 1 and a cell the
/// previous cell's column + 1 (an explicit `r` resets the count). Cell types follow `t`: absent
/// or `n` number (a date, time or duration when its style's number format says so), `s` shared
/// string, `str` formula text, `inlineStr`, `b`, `e`, `d` (ISO 8601, never shifted by the date
/// system). Empty values (`<v/>`, a cell without `<v>`, an empty string) give no cell.
final class SheetScanner: SAXEventSink {
    /// A completed row in the queue: its number and its cells' span in `cells`.
    struct RowSpan {
        var number: Int
        var start: Int
        var end: Int
    }

    private enum CellType {
        case number, sharedString, formulaString, inlineString, boolean, error, date
    }

    // Inputs.
    private let sharedStrings: [String]
    private let styleKinds: [NumberFormatKind]
    private let date1904: Bool
    private let limits: XLSXReadLimits
    private let file: String
    private let sheet: String
    private let part: String

    // The queue of completed rows.
    private(set) var cells: [Cell] = []
    private(set) var rows: [RowSpan] = []

    // Facts gathered while reading.
    private(set) var mergedRanges: [CellRange] = []
    private(set) var declaredDimension: CellRange?
    private(set) var rowCount = 0
    private(set) var cellCount = 0
    private(set) var firstRow = Int.max
    private(set) var lastRow = 0
    private(set) var firstColumn = Int.max
    private(set) var lastColumn = 0
    private(set) var sawWorksheet = false

    // Parse state.
    private var inSheetData = false
    private var inRow = false
    private var rowNumber = 0
    private var rowNumberExplicit = false
    private var previousRowNumber = 0
    private var rowStart = 0
    private var rowSorted = true
    private var previousColumn = 0
    private var inCell = false
    private var cellSeenInRow = false
    private var cellColumn = 0
    private var cellType = CellType.number
    private var cellStyle = 0
    private var capturingValue = false
    private var value: [UInt8] = []
    private var inInlineString = false
    private var sawInlineString = false
    private var inline = RichTextCollector()
    private var inMergeCells = false

    init(sharedStrings: [String], styleKinds: [NumberFormatKind], date1904: Bool, limits: XLSXReadLimits,
         file: String, sheet: String, part: String) {
        self.sharedStrings = sharedStrings
        self.styleKinds = styleKinds
        self.date1904 = date1904
        self.limits = limits
        self.file = file
        self.sheet = sheet
        self.part = part
        value.reserveCapacity(64)
        cells.reserveCapacity(4096)
        rows.reserveCapacity(512)
    }

    /// Drops the rows handed out, keeping the row being built.
    func clearQueue() {
        if rowStart > 0 { cells.removeSubrange(0..<rowStart) }
        rowStart = 0
        rows.removeAll(keepingCapacity: true)
    }

    // MARK: - Events

    override func startElement(_ name: SAXName, _ attributes: SAXAttributes) {
        if inCell {
            startInsideCell(name, attributes)
            return
        }
        guard name.isSpreadsheetML else { return }
        if inSheetData {
            if name.isLocal("c") {
                if inRow { startCell(attributes) }
            } else if name.isLocal("row") {
                startRow(attributes)
            }
        } else if name.isLocal("sheetData") {
            inSheetData = true
        } else if name.isLocal("mergeCell") {
            if inMergeCells, let text = attributes.string("ref"), let range = ReferenceText.range(text) {
                mergedRanges.append(range)
            }
        } else if name.isLocal("mergeCells") {
            inMergeCells = true
        } else if name.isLocal("dimension") {
            declaredDimension = attributes.string("ref").flatMap(ReferenceText.range)
        } else if name.isLocal("worksheet") || name.isLocal("dialogsheet") || name.isLocal("macrosheet") {
            sawWorksheet = true
        }
    }

    override func endElement(_ name: SAXName) {
        if inCell {
            guard name.isSpreadsheetML else { return }
            if name.isLocal("c") {
                finishCell()
            } else if name.isLocal("v") {
                capturingValue = false
            } else if inInlineString {
                if name.isLocal("is") { inInlineString = false } else { inline.end(name) }
            }
            return
        }
        guard name.isSpreadsheetML else { return }
        if name.isLocal("row") {
            if inRow { finishRow() }
        } else if name.isLocal("sheetData") {
            inSheetData = false
        } else if name.isLocal("mergeCells") {
            inMergeCells = false
        }
    }

    override func characters(_ text: UnsafeBufferPointer<UInt8>) {
        if capturingValue {
            value.append(contentsOf: text)
            if value.count > limits.maxStringBytes { failTooLong() }
        } else if inInlineString, inline.capturing {
            inline.append(text)
            if inline.bytes.count > limits.maxStringBytes { failTooLong() }
        }
    }

    // MARK: - Rows

    private func startRow(_ attributes: SAXAttributes) {
        if inRow { finishRow() }  // an unclosed row cannot happen in well-formed XML; be safe
        inRow = true
        rowStart = cells.count
        rowSorted = true
        previousColumn = 0
        cellSeenInRow = false
        switch attributes.value("r").map(ReferenceText.row) ?? .none {
        case .cell(let row, _):
            rowNumber = row
            rowNumberExplicit = true
        case .none:
            rowNumber = previousRowNumber + 1
            rowNumberExplicit = false
        case .invalid:
            fail(PokinError(.invalidCellReference,
                            "a row is numbered \"\(attributes.string("r") ?? "")\", which is not a row of a worksheet (1 to \(CellAddress.maxRow)); the file is damaged",
                            at: location(row: nil, column: nil)))
            return
        }
        checkRowLimit()
    }

    private func checkRowLimit() {
        if rowNumber > limits.maxRows {
            fail(PokinError(.sizeLimitExceeded,
                            "the sheet goes beyond row \(limits.maxRows); refusing it (raise XLSXReadLimits.maxRows if the file is genuine)",
                            at: location(row: rowNumber, column: nil)))
        }
    }

    private func finishRow() {
        inRow = false
        previousRowNumber = rowNumber
        guard cells.count > rowStart else { return }
        if !rowSorted {
            cells[rowStart...].sort { $0.column < $1.column }
        }
        for index in rowStart..<cells.count { cells[index].row = rowNumber }
        rows.append(RowSpan(number: rowNumber, start: rowStart, end: cells.count))
        rowStart = cells.count
        rowCount += 1
        if rowNumber < firstRow { firstRow = rowNumber }
        if rowNumber > lastRow { lastRow = rowNumber }
    }

    // MARK: - Cells

    private func startCell(_ attributes: SAXAttributes) {
        inCell = true
        capturingValue = false
        inInlineString = false
        sawInlineString = false
        value.removeAll(keepingCapacity: true)
        cellType = .number
        cellStyle = 0
        guard let base = attributes.base else {
            cellColumn = previousColumn + 1
            advanceColumn()
            return
        }
        var column = previousColumn + 1
        for index in 0..<attributes.count {
            let slot = base + index * 5
            guard let name = slot[0], slot[2] == nil, let start = slot[3], let end = slot[4] else { continue }
            let text = UnsafeBufferPointer(start: start, count: end - start)
            // One-letter attribute names: r, t, s.
            guard name[0] != 0, name[1] == 0 else { continue }
            switch name[0] {
            case UInt8(ascii: "r"):
                switch ReferenceText.cell(text) {
                case .cell(let row, let parsedColumn):
                    column = parsedColumn
                    if !rowNumberExplicit && !cellSeenInRow && row != rowNumber {
                        rowNumber = row
                        checkRowLimit()
                    }
                case .none:
                    break
                case .invalid:
                    fail(PokinError(.invalidCellReference,
                                    "a cell is at \"\(String(decoding: text, as: UTF8.self))\", which is not a cell of a worksheet (A1 to XFD1048576); the file is damaged",
                                    at: location(row: rowNumber, column: nil)))
                    return
                }
            case UInt8(ascii: "t"):
                cellType = SheetScanner.cellType(text)
            case UInt8(ascii: "s"):
                cellStyle = SheetScanner.smallInteger(text) ?? 0
            default:
                break
            }
        }
        cellColumn = column
        advanceColumn()
    }

    private func advanceColumn() {
        cellSeenInRow = true
        if cellColumn < previousColumn { rowSorted = false }
        previousColumn = cellColumn
        if cellColumn > limits.maxColumns {
            fail(PokinError(.sizeLimitExceeded,
                            "the sheet goes beyond column \(limits.maxColumns); refusing it (raise XLSXReadLimits.maxColumns if the file is genuine)",
                            at: location(row: rowNumber, column: nil)))
        }
    }

    private func startInsideCell(_ name: SAXName, _ attributes: SAXAttributes) {
        guard name.isSpreadsheetML else { return }
        if inInlineString {
            inline.start(name, attributes)
        } else if name.isLocal("v") {
            capturingValue = true
        } else if name.isLocal("is") {
            inInlineString = true
            sawInlineString = true
            inline.beginItem()
        }
    }

    private func finishCell() {
        inCell = false
        capturingValue = false
        inInlineString = false
        guard let cellValue = makeValue() else { return }
        if case .text(let text) = cellValue, text.isEmpty { return }
        cells.append(Cell(row: rowNumber, column: cellColumn, value: cellValue))
        cellCount += 1
        if cellColumn < firstColumn { firstColumn = cellColumn }
        if cellColumn > lastColumn { lastColumn = cellColumn }
    }

    private func makeValue() -> CellValue? {
        switch cellType {
        case .inlineString:
            if sawInlineString { return .text(inline.makeString()) }
            return value.isEmpty ? nil : .text(valueText())
        case .sharedString:
            return sharedString()
        case .number:
            guard !value.isEmpty else { return nil }
            let parsed = value.withUnsafeBufferPointer { NumberText.parse($0) }
            guard let number = parsed else {
                // Not a number although untyped: keep what is written rather than lose it.
                return value.withUnsafeBufferPointer { TextTrimming.trimmed($0).isEmpty } ? nil : .text(valueText())
            }
            return numberValue(number)
        case .formulaString:
            return .text(valueText())
        case .boolean:
            let text = trimmedValueText()
            if text.isEmpty { return nil }
            return .boolean(!(text == "0" || text.lowercased() == "false"))
        case .error:
            let text = trimmedValueText()
            return text.isEmpty ? nil : .error(text)
        case .date:
            let text = trimmedValueText()
            if text.isEmpty { return nil }
            if let moment = ISODateText.parse(text) { return .dateTime(moment) }
            return .text(text)
        }
    }

    @inline(__always)
    private func numberValue(_ number: Double) -> CellValue {
        let kind = cellStyle < styleKinds.count ? styleKinds[cellStyle] : .number
        switch kind {
        case .number:
            return .number(number)
        case .dateTime:
            // Excel keeps times to the millisecond; finer digits are floating-point noise.
            let serial = (number * 86_400_000).rounded() / 86_400_000
            if let moment = CivilDateTime(serial: serial, date1904: date1904) { return .dateTime(moment) }
            return .number(number)  // no date exists for this serial (negative, beyond 9999)
        case .duration:
            return .duration((number * 86_400_000).rounded() / 1_000)
        }
    }

    private func sharedString() -> CellValue? {
        let index = value.withUnsafeBufferPointer { buffer -> Int? in
            let range = TextTrimming.trimmed(buffer)
            if range.isEmpty { return -1 }
            return SheetScanner.smallInteger(UnsafeBufferPointer(rebasing: buffer[range]))
        }
        if index == -1 { return nil }  // `<v/>`: empty, not string 0
        guard let index, index < sharedStrings.count else {
            fail(PokinError(.malformedXML,
                            "a cell refers to shared string \(valueText()), but the table has \(sharedStrings.count) strings; the file is damaged: open and save it again in Excel",
                            at: location(row: rowNumber, column: cellColumn)))
            return nil
        }
        return .text(sharedStrings[index])
    }

    private func valueText() -> String {
        value.withUnsafeBufferPointer { XStringDecoder.string($0) }
    }

    /// The value's text without edge whitespace (for `b`, `e` and `d` cells).
    private func trimmedValueText() -> String {
        value.withUnsafeBufferPointer { buffer in
            String(decoding: UnsafeBufferPointer(rebasing: buffer[TextTrimming.trimmed(buffer)]), as: UTF8.self)
        }
    }

    private func failTooLong() {
        fail(PokinError(.textTooLong,
                        "a cell's text is longer than \(limits.maxStringBytes) bytes; refusing it (raise XLSXReadLimits.maxStringBytes if the file is genuine)",
                        at: location(row: rowNumber, column: cellColumn)))
    }

    private func location(row: Int?, column: Int?) -> Location {
        Location(file: file, sheet: sheet, row: row, column: column, line: currentLine, part: part)
    }

    // MARK: - Attribute values

    private static func cellType(_ text: UnsafeBufferPointer<UInt8>) -> CellType {
        switch text.count {
        case 1:
            switch text[0] {
            case UInt8(ascii: "s"): return .sharedString
            case UInt8(ascii: "b"): return .boolean
            case UInt8(ascii: "e"): return .error
            case UInt8(ascii: "d"): return .date
            default: return .number
            }
        case 3 where text.elementsEqual("str".utf8): return .formulaString
        case 9 where text.elementsEqual("inlineStr".utf8): return .inlineString
        default: return .number
        }
    }

    /// A non-negative decimal integer of at most nine digits, or nil.
    @inline(__always)
    static func smallInteger(_ text: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !text.isEmpty, text.count <= 9 else { return nil }
        var result = 0
        for byte in text {
            let digit = byte &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            result = result * 10 + Int(digit)
        }
        return result
    }
}


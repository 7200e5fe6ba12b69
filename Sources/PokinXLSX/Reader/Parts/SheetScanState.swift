import PokinCore

/// Turns the SAX events of a worksheet part into rows of typed cells, queued until the
/// `XLSXSheetReader` hands them out. The queue holds at most the rows of one parsed chunk.
///
/// Positions come from `r` when present; otherwise a row is the previous row + 1 and a cell the
/// previous cell's column + 1 (an explicit `r` resets the count). Cell types follow `t`: absent
/// or `n` number (a date, time or duration when its style's number format says so), `s` shared
/// string, `str` formula text, `inlineStr`, `b`, `e`, `d` (ISO 8601, never shifted by the date
/// system). Empty values (`<v/>`, a cell without `<v>`, an empty string) give no cell.
struct SheetScanState {
    /// A completed row in the queue. Its cells array is handed to the reader's `Row` by a swap,
    /// not copied; the array the reader gave back returns to `spareArrays` for the next rows.
    struct QueuedRow {
        var number: Int
        var cells: [Cell]
    }

    private enum CellType {
        case number, sharedString, formulaString, inlineString, boolean, error, date
    }

    var status = SAXStatus()

    // Inputs.
    private let sharedStrings: [String]
    private let styleKinds: [NumberFormatKind]
    private let date1904: Bool
    private let limits: XLSXReadLimits
    private let file: String
    private let sheet: String
    private let part: String

    // The queue of completed rows, the row being built, and emptied arrays to build rows in.
    var rows: [QueuedRow] = []
    private var cells: [Cell] = []
    private var spareArrays: [[Cell]] = []

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
    private var namespaces = NamespaceCache()
    private var inSheetData = false
    private var inRow = false
    private var rowNumber = 0
    private var rowNumberExplicit = false
    private var previousRowNumber = 0
    private var rowSorted = true
    private var previousColumn = 0
    private var inCell = false
    private var cellSeenInRow = false
    private var cellColumn = 0
    private var cellType = CellType.number
    private var cellStyle = 0
    private var capturingValue = false
    private var value = ByteBuffer(capacity: 256)
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
        cells.reserveCapacity(16)
        rows.reserveCapacity(512)
    }

    /// Frees the raw value buffer; called once by the owner before the state goes away.
    func releaseBuffers() {
        value.release()
    }

    /// Drops the rows handed out, keeping their (emptied) arrays for the next rows.
    mutating func clearQueue() {
        for index in rows.indices {
            var array: [Cell] = []
            swap(&array, &rows[index].cells)
            array.removeAll(keepingCapacity: true)
            if spareArrays.count < 4096 { spareArrays.append(array) }
        }
        rows.removeAll(keepingCapacity: true)
    }

    // MARK: - Events

    mutating func startElement(_ name: SAXName, _ attributes: SAXAttributes) {
        let local = name.local
        if inCell {
            guard namespaces.isSpreadsheetML(name.uri) else { return }
            if inInlineString {
                inline.start(name, attributes)
            } else if local[0] == UInt8(ascii: "v") && local[1] == 0 {
                capturingValue = true
            } else if local[0] == UInt8(ascii: "i") && local[1] == UInt8(ascii: "s") && local[2] == 0 {
                inInlineString = true
                sawInlineString = true
                inline.beginItem()
            }
            return
        }
        if inSheetData {
            if local[0] == UInt8(ascii: "c") && local[1] == 0 {
                if inRow && namespaces.isSpreadsheetML(name.uri) { startCell(attributes) }
            } else if name.isLocal("row") && namespaces.isSpreadsheetML(name.uri) {
                startRow(attributes)
            }
            return
        }
        guard namespaces.isSpreadsheetML(name.uri) else { return }
        if name.isLocal("sheetData") {
            inSheetData = true
        } else if name.isLocal("mergeCell") {
            if inMergeCells, let text = attributes.value("ref"), let range = ReferenceText.range(text) {
                mergedRanges.append(range)
            }
        } else if name.isLocal("mergeCells") {
            inMergeCells = true
        } else if name.isLocal("dimension") {
            declaredDimension = attributes.value("ref").flatMap { ReferenceText.range($0) }
        } else if name.isLocal("worksheet") || name.isLocal("dialogsheet") || name.isLocal("macrosheet") {
            sawWorksheet = true
        }
    }

    mutating func endElement(_ name: SAXName) {
        let local = name.local
        if inCell {
            guard namespaces.isSpreadsheetML(name.uri) else { return }
            if local[0] == UInt8(ascii: "v") && local[1] == 0 {
                capturingValue = false
            } else if local[0] == UInt8(ascii: "c") && local[1] == 0 {
                finishCell()
            } else if inInlineString {
                if name.isLocal("is") { inInlineString = false } else { inline.end(name) }
            }
            return
        }
        if inSheetData {
            if name.isLocal("row") {
                if inRow && namespaces.isSpreadsheetML(name.uri) { finishRow() }
            } else if name.isLocal("sheetData") && namespaces.isSpreadsheetML(name.uri) {
                inSheetData = false
            }
            return
        }
        if name.isLocal("mergeCells") && namespaces.isSpreadsheetML(name.uri) { inMergeCells = false }
    }

    @inline(__always)
    mutating func characters(_ bytes: UnsafePointer<UInt8>, _ count: Int) {
        if capturingValue {
            value.append(bytes, count)
            if value.count > limits.maxStringBytes { failTooLong() }
        } else if inInlineString, inline.capturing {
            inline.append(UnsafeBufferPointer(start: bytes, count: count))
            if inline.bytes.count > limits.maxStringBytes { failTooLong() }
        }
    }

    // MARK: - Rows

    private mutating func startRow(_ attributes: SAXAttributes) {
        if inRow { finishRow() }  // an unclosed row cannot happen in well-formed XML; be safe
        inRow = true
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
            status.fail(PokinError(.invalidCellReference,
                                   "a row is numbered \"\(attributes.string("r") ?? "")\", which is not a row of a worksheet (1 to \(CellAddress.maxRow)); the file is damaged",
                                   at: location(row: nil, column: nil)))
            return
        }
        checkRowLimit()
    }

    private mutating func checkRowLimit() {
        if rowNumber > limits.maxRows {
            status.fail(PokinError(.sizeLimitExceeded,
                                   "the sheet goes beyond row \(limits.maxRows); refusing it (raise XLSXReadLimits.maxRows if the file is genuine)",
                                   at: location(row: rowNumber, column: nil)))
        }
    }

    private mutating func finishRow() {
        inRow = false
        previousRowNumber = rowNumber
        guard !cells.isEmpty else { return }
        if !rowSorted {
            cells.sort { $0.column < $1.column }
        }
        // The next row is built in a spare array or, when there is none (the fast path queues a
        // whole sheet before any is handed back), in a new one sized like this row, so that
        // appending its cells does not grow it step by step.
        var finished: [Cell]
        if let spare = spareArrays.popLast() {
            finished = spare
        } else {
            finished = []
            finished.reserveCapacity(max(cells.count, 4))
        }
        swap(&finished, &cells)
        rows.append(QueuedRow(number: rowNumber, cells: finished))
        rowCount += 1
        if rowNumber < firstRow { firstRow = rowNumber }
        if rowNumber > lastRow { lastRow = rowNumber }
    }

    // MARK: - Cells

    private mutating func startCell(_ attributes: SAXAttributes) {
        inCell = true
        capturingValue = false
        inInlineString = false
        sawInlineString = false
        value.count = 0
        cellType = .number
        cellStyle = 0
        var column = previousColumn + 1
        if let base = attributes.base {
            for index in 0..<attributes.count {
                let slot = base + index &* 5
                // Unprefixed one-letter attributes: r, t, s.
                guard let name = slot[0], name[1] == 0, slot[2] == nil, let start = slot[3], let end = slot[4] else { continue }
                let text = UnsafeBufferPointer(start: start, count: end - start)
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
                        status.fail(PokinError(.invalidCellReference,
                                               "a cell is at \"\(String(decoding: text, as: UTF8.self))\", which is not a cell of a worksheet (A1 to XFD1048576); the file is damaged",
                                               at: location(row: rowNumber, column: nil)))
                        return
                    }
                case UInt8(ascii: "t"):
                    cellType = SheetScanState.cellType(text)
                case UInt8(ascii: "s"):
                    cellStyle = SheetScanState.smallInteger(text) ?? 0
                default:
                    break
                }
            }
        }
        cellColumn = column
        cellSeenInRow = true
        if column < previousColumn { rowSorted = false }
        previousColumn = column
        if column > limits.maxColumns {
            status.fail(PokinError(.sizeLimitExceeded,
                                   "the sheet goes beyond column \(limits.maxColumns); refusing it (raise XLSXReadLimits.maxColumns if the file is genuine)",
                                   at: location(row: rowNumber, column: nil)))
        }
    }

    private mutating func finishCell() {
        inCell = false
        capturingValue = false
        inInlineString = false
        // makeValue gives nil for every empty value, empty text included.
        guard let cellValue = makeValue() else { return }
        cells.append(Cell(row: rowNumber, column: cellColumn, value: cellValue))
        cellCount += 1
        if cellColumn < firstColumn { firstColumn = cellColumn }
        if cellColumn > lastColumn { lastColumn = cellColumn }
    }

    private mutating func makeValue() -> CellValue? {
        let bytes = value.buffer
        switch cellType {
        case .sharedString:
            return sharedString(bytes)
        case .number:
            guard !bytes.isEmpty else { return nil }
            guard let number = NumberText.parse(bytes) else {
                // Not a number although untyped: keep what is written rather than lose it.
                return TextTrimming.trimmed(bytes).isEmpty ? nil : .text(XStringDecoder.string(bytes))
            }
            return numberValue(number)
        case .inlineString:
            if sawInlineString { return SheetScanState.text(inline.makeString()) }
            return bytes.isEmpty ? nil : SheetScanState.text(XStringDecoder.string(bytes))
        case .formulaString:
            return bytes.isEmpty ? nil : SheetScanState.text(XStringDecoder.string(bytes))
        case .boolean:
            let text = SheetScanState.trimmedText(bytes)
            if text.isEmpty { return nil }
            return .boolean(!(text == "0" || text.lowercased() == "false"))
        case .error:
            let text = SheetScanState.trimmedText(bytes)
            return text.isEmpty ? nil : .error(text)
        case .date:
            let text = SheetScanState.trimmedText(bytes)
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
            // Excel keeps times to the millisecond; finer digits are floating-point noise. The day
            // and the time of day come from the whole milliseconds, not from a serial divided
            // back (which brings the noise back: 10:30:55 read as 10:30:55.000001).
            let milliseconds = (number * 86_400_000).rounded()
            guard milliseconds >= 0, milliseconds < 2_958_466 * 86_400_000,
                  var moment = CivilDateTime(serial: (milliseconds / 86_400_000).rounded(.down), date1904: date1904)
            else { return .number(number) }  // no date exists for this serial (negative, beyond 9999)
            let time = Int(milliseconds) % 86_400_000
            moment.hour = time / 3_600_000
            moment.minute = time / 60_000 % 60
            moment.second = time / 1_000 % 60
            moment.microsecond = time % 1_000 * 1_000
            return .dateTime(moment)
        case .duration:
            return .duration((number * 86_400_000).rounded() / 1_000)
        }
    }

    /// Text as a cell value; nil for empty text (no cell).
    @inline(__always)
    private static func text(_ string: String) -> CellValue? {
        string.isEmpty ? nil : .text(string)
    }

    @inline(__always)
    private mutating func sharedString(_ bytes: UnsafeBufferPointer<UInt8>) -> CellValue? {
        if bytes.isEmpty { return nil }  // `<v/>`: empty, not string 0
        if let index = SheetScanState.smallInteger(bytes), index < sharedStrings.count {
            return SheetScanState.text(sharedStrings[index])
        }
        return sharedStringSlowPath(bytes)
    }

    /// An index with edge whitespace, or a bad index.
    private mutating func sharedStringSlowPath(_ bytes: UnsafeBufferPointer<UInt8>) -> CellValue? {
        let range = TextTrimming.trimmed(bytes)
        if range.isEmpty { return nil }
        guard let index = SheetScanState.smallInteger(UnsafeBufferPointer(rebasing: bytes[range])), index < sharedStrings.count else {
            status.fail(PokinError(.malformedXML,
                                   "a cell refers to shared string \(String(decoding: bytes, as: UTF8.self)), but the table has \(sharedStrings.count) strings; the file is damaged: open and save it again in Excel",
                                   at: location(row: rowNumber, column: cellColumn)))
            return nil
        }
        return SheetScanState.text(sharedStrings[index])
    }

    private mutating func failTooLong() {
        status.fail(PokinError(.textTooLong,
                               "a cell's text is longer than \(limits.maxStringBytes) bytes; refusing it (raise XLSXReadLimits.maxStringBytes if the file is genuine)",
                               at: location(row: rowNumber, column: cellColumn)))
    }

    private func location(row: Int?, column: Int?) -> Location {
        Location(file: file, sheet: sheet, row: row, column: column, line: status.currentLine, part: part)
    }

    // MARK: - Attribute and value text

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
            result = result &* 10 &+ Int(digit)
        }
        return result
    }

    /// The text without edge whitespace (for `b`, `e` and `d` cells).
    private static func trimmedText(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[TextTrimming.trimmed(bytes)]), as: UTF8.self)
    }
}

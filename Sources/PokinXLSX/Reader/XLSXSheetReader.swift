import PokinCore

/// Streams one worksheet row by row: the sheet's XML is inflated and parsed chunk by chunk,
/// and only the rows of the current chunk are held.
///
/// Rows come in the order the file lists them, each with its own row number (never
/// renumbered) and its non-empty cells in ascending column order. Merged ranges, the counts
/// and the used range are complete once `read(into:)` has returned false.
public final class XLSXSheetReader: RowSource {
    public let sheetName: String
    private let package: PackageReader?
    private let stream: PartStream?
    private let inflateAhead: InflateAhead?
    private let part: String
    private let parser: SAXPushParser?
    private let scanner: SheetScanner?
    private var buffer: [UInt8]
    private var queueIndex = 0
    private var finished = false

    init(sheetName: String, package: PackageReader, part: String, sharedStrings: [String],
         styleKinds: [NumberFormatKind], date1904: Bool) throws {
        self.sheetName = sheetName
        self.package = package
        guard let stream = try package.openPart(part) else {
            throw PokinError(.missingPart, "the workbook lists sheet '\(sheetName)' but its part \(part) is missing; the file is damaged",
                             at: Location(file: package.file, sheet: sheetName, part: part))
        }
        let scanner = SheetScanner(sharedStrings: sharedStrings, styleKinds: styleKinds, date1904: date1904,
                                   limits: package.limits, file: package.file, sheet: sheetName, part: part)
        self.scanner = scanner
        self.parser = try SAXPushParser(target: .sheet(scanner), file: package.file, part: part)
        // Large sheets are inflated ahead on another core; small ones in line.
        if stream.declaredSize >= XLSXSheetReader.inflateAheadThreshold {
            self.stream = nil
            self.inflateAhead = InflateAhead(stream: stream, chunkSize: PackageReader.chunkSize)
            self.buffer = []
        } else {
            self.stream = stream
            self.inflateAhead = nil
            self.buffer = [UInt8](repeating: 0, count: PackageReader.chunkSize)
        }
        self.part = part
    }

    deinit {
        inflateAhead?.cancel()
    }

    /// Sheets whose XML is at least this large (as declared) are inflated on a background thread.
    static let inflateAheadThreshold = 1 << 20

    /// A sheet without cells (a chart sheet).
    init(emptySheetNamed name: String) {
        sheetName = name
        package = nil
        stream = nil
        inflateAhead = nil
        part = ""
        parser = nil
        scanner = nil
        buffer = []
        finished = true
    }

    public func read(into row: inout Row) throws -> Bool {
        guard let state = scanner?.state else { return false }
        while queueIndex >= state.pointee.rows.count {
            if finished { return false }
            state.pointee.clearQueue()
            queueIndex = 0
            try feed()
        }
        row.number = state.pointee.rows[queueIndex].number
        swap(&row.cells, &state.pointee.rows[queueIndex].cells)
        queueIndex += 1
        return true
    }

    /// Reads the rest of the sheet without handing out rows (for counts, used range, merges).
    public func readToEnd() throws {
        guard let state = scanner?.state else { return }
        while !finished {
            state.pointee.clearQueue()
            queueIndex = 0
            try feed()
        }
        queueIndex = state.pointee.rows.count
    }

    private func feed() throws {
        guard let parser, let scanner else { finished = true; return }
        var more: Bool
        if let inflateAhead {
            more = try inflateAhead.next { try parser.feed($0) }
        } else if let stream {
            let count = try buffer.withUnsafeMutableBytes { try stream.read(into: $0) }
            more = count > 0
            if more { try buffer.withUnsafeBytes { try parser.feed(UnsafeRawBufferPointer(rebasing: $0[0..<count])) } }
        } else {
            more = false
        }
        if !more {
            try parser.finish()
            finished = true
            if !scanner.state.pointee.sawWorksheet {
                throw PokinError(.malformedXML, "\(part) is not a worksheet (no <worksheet> element)",
                                 at: Location(file: package?.file, sheet: sheetName, part: part))
            }
        }
    }

    /// Merged ranges (`<mergeCells>` follows the rows, so complete only at the end).
    public var mergedRanges: [CellRange] { scanner?.state.pointee.mergedRanges ?? [] }

    /// The `<dimension>` the file declares, which is often wrong or missing: a hint only.
    public var declaredDimension: CellRange? { scanner?.state.pointee.declaredDimension }

    /// Rows with at least one non-empty cell, read so far.
    public var rowCount: Int { scanner?.state.pointee.rowCount ?? 0 }

    /// Non-empty cells read so far.
    public var cellCount: Int { scanner?.state.pointee.cellCount ?? 0 }

    /// Inflated bytes of the sheet's XML so far (streaming is visible in this number).
    var bytesInflated: Int { inflateAhead?.bytesRead ?? stream?.bytesRead ?? 0 }

    /// Completed rows waiting in the queue (at most one parsed chunk's worth).
    var queuedRowCount: Int { scanner.map { $0.state.pointee.rows.count - queueIndex } ?? 0 }

    /// The smallest range holding every non-empty cell read so far, nil when there is none.
    public var usedRange: CellRange? {
        guard let state = scanner?.state.pointee, state.cellCount > 0 else { return nil }
        return CellRange(first: CellAddress(row: state.firstRow, column: state.firstColumn),
                         last: CellAddress(row: state.lastRow, column: state.lastColumn))
    }
}

@available(*, unavailable)
extension XLSXSheetReader: Sendable {}

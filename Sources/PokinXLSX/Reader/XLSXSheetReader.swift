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
    private var parser: SAXPushParser?
    private var scanner: SheetScanner?
    private var buffer: [UInt8]
    private var queueIndex = 0
    private var finished = false
    // The fast path (small sheets): inflated whole, read by `SheetXMLTokenizer`; when it gives
    // up, `whole` is replayed chunk by chunk into libxml2 with a fresh scanner.
    private var fastPathPending = false
    private var whole: WholePart?
    private var replayIndex = 0
    private let sharedStrings: [String]
    private let styleKinds: [NumberFormatKind]
    private let date1904: Bool

    init(sheetName: String, package: PackageReader, part: String, sharedStrings: [String],
         styleKinds: [NumberFormatKind], date1904: Bool, parsing: SheetXMLParsing = .automatic) throws {
        self.sheetName = sheetName
        self.package = package
        self.sharedStrings = sharedStrings
        self.styleKinds = styleKinds
        self.date1904 = date1904
        guard let stream = try package.openPart(part) else {
            throw PokinError(.missingPart, "the workbook lists sheet '\(sheetName)' but its part \(part) is missing; the file is damaged",
                             at: Location(file: package.file, sheet: sheetName, part: part))
        }
        let scanner = SheetScanner(sharedStrings: sharedStrings, styleKinds: styleKinds, date1904: date1904,
                                   limits: package.limits, file: package.file, sheet: sheetName, part: part)
        self.scanner = scanner
        // Large sheets are inflated ahead on another core; small ones in line.
        if stream.declaredSize >= XLSXSheetReader.inflateAheadThreshold {
            self.stream = nil
            self.inflateAhead = InflateAhead(stream: stream, chunkSize: PackageReader.chunkSize)
            self.buffer = []
        } else {
            self.stream = stream
            self.inflateAhead = nil
            self.buffer = []
            fastPathPending = parsing == .automatic
        }
        self.part = part
        // The fast path makes libxml2's parser only if it gives up.
        self.parser = fastPathPending ? nil : try SAXPushParser(target: .sheet(scanner), file: package.file, part: part)
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
        sharedStrings = []
        styleKinds = []
        date1904 = false
    }

    public func read(into row: inout Row) throws -> Bool {
        // The scanner is fetched again after each feed: a fast path that gives up replaces it.
        guard var state = scanner?.state else { return false }
        while queueIndex >= state.pointee.rows.count {
            if finished { return false }
            state.pointee.clearQueue()
            queueIndex = 0
            try feed()
            guard let current = scanner?.state else { return false }
            state = current
        }
        row.number = state.pointee.rows[queueIndex].number
        swap(&row.cells, &state.pointee.rows[queueIndex].cells)
        queueIndex += 1
        return true
    }

    /// Reads the rest of the sheet without handing out rows (for counts, used range, merges).
    public func readToEnd() throws {
        while !finished, let state = scanner?.state {
            state.pointee.clearQueue()
            queueIndex = 0
            try feed()
        }
        queueIndex = scanner?.state.pointee.rows.count ?? 0
    }

    private func feed() throws {
        if fastPathPending {
            fastPathPending = false
            if try readWhole() { return }
        }
        guard let parser, let scanner else { finished = true; return }
        var more: Bool
        if let inflateAhead {
            more = try inflateAhead.next { try parser.feed($0) }
        } else if let whole, let replayed = try replay(whole, into: parser) {
            more = replayed
        } else if let stream {
            if buffer.isEmpty { buffer = [UInt8](repeating: 0, count: PackageReader.chunkSize) }
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

    /// Inflates the part whole and reads it with `SheetXMLTokenizer`. True when that read it
    /// all (every row is queued); false after setting up libxml2, with a fresh scanner, to be
    /// fed the same chunks from the start.
    private func readWhole() throws -> Bool {
        guard let stream, let package, let scanner else { return false }
        let whole = WholePart(stream: stream, chunkSize: PackageReader.chunkSize, bound: XLSXSheetReader.inflateAheadThreshold)
        if whole.complete,
           SheetXMLTokenizer.run(whole.bytes, count: whole.count, into: scanner.state),
           scanner.state.pointee.sawWorksheet {
            tookFastPath = true
            finished = true
            return true
        }
        let fresh = SheetScanner(sharedStrings: sharedStrings, styleKinds: styleKinds, date1904: date1904,
                                 limits: package.limits, file: package.file, sheet: sheetName, part: part)
        self.scanner = fresh
        self.parser = try SAXPushParser(target: .sheet(fresh), file: package.file, part: part)
        self.whole = whole
        replayIndex = 0
        return false
    }

    /// Feeds libxml2 the next chunk the fast path had inflated: true after a chunk, false at
    /// the part's end, nil when the part goes on in the stream; throws what the stream threw
    /// where it threw it.
    private func replay(_ whole: WholePart, into parser: SAXPushParser) throws -> Bool? {
        if replayIndex < whole.chunkCount {
            let chunk = whole.chunk(replayIndex)
            replayIndex += 1
            try parser.feed(chunk)
            return true
        }
        if let failure = whole.failure { throw failure }
        self.whole = nil
        return whole.complete ? false : nil
    }

    /// Whether the sheet was read by `SheetXMLTokenizer` (false until it has been read, and
    /// when it fell back to libxml2 or was streamed).
    @_spi(SheetParsing)
    public private(set) var tookFastPath = false

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

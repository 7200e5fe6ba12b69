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
        self.stream = stream
        self.scanner = scanner
        self.parser = try SAXPushParser(sink: scanner, file: package.file, part: part)
        self.buffer = [UInt8](repeating: 0, count: PackageReader.chunkSize)
    }

    /// A sheet without cells (a chart sheet).
    init(emptySheetNamed name: String) {
        sheetName = name
        package = nil
        stream = nil
        parser = nil
        scanner = nil
        buffer = []
        finished = true
    }

    public func read(into row: inout Row) throws -> Bool {
        guard let scanner else { return false }
        while queueIndex >= scanner.rows.count {
            if finished { return false }
            scanner.clearQueue()
            queueIndex = 0
            try feed()
        }
        let span = scanner.rows[queueIndex]
        queueIndex += 1
        row.number = span.number
        row.cells.removeAll(keepingCapacity: true)
        row.cells.append(contentsOf: scanner.cells[span.start..<span.end])
        return true
    }

    /// Reads the rest of the sheet without handing out rows (for counts, used range, merges).
    public func readToEnd() throws {
        guard let scanner else { return }
        while !finished {
            scanner.clearQueue()
            queueIndex = 0
            try feed()
        }
        queueIndex = scanner.rows.count
    }

    private func feed() throws {
        guard let stream, let parser, let scanner else { finished = true; return }
        let count = try buffer.withUnsafeMutableBytes { try stream.read(into: $0) }
        if count == 0 {
            try parser.finish()
            finished = true
            if !scanner.sawWorksheet {
                throw PokinError(.malformedXML, "\(stream.part) is not a worksheet (no <worksheet> element)",
                                 at: Location(file: package?.file, sheet: sheetName, part: stream.part))
            }
        } else {
            try buffer.withUnsafeBytes { try parser.feed(UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
        }
    }

    /// Merged ranges (`<mergeCells>` follows the rows, so complete only at the end).
    public var mergedRanges: [CellRange] { scanner?.mergedRanges ?? [] }

    /// The `<dimension>` the file declares, which is often wrong or missing: a hint only.
    public var declaredDimension: CellRange? { scanner?.declaredDimension }

    /// Rows with at least one non-empty cell, read so far.
    public var rowCount: Int { scanner?.rowCount ?? 0 }

    /// Non-empty cells read so far.
    public var cellCount: Int { scanner?.cellCount ?? 0 }

    /// Inflated bytes of the sheet's XML so far (streaming is visible in this number).
    var bytesInflated: Int { stream?.bytesRead ?? 0 }

    /// Completed rows waiting in the queue (at most one parsed chunk's worth).
    var queuedRowCount: Int { scanner.map { $0.rows.count - queueIndex } ?? 0 }

    /// The smallest range holding every non-empty cell read so far, nil when there is none.
    public var usedRange: CellRange? {
        guard let scanner, scanner.cellCount > 0 else { return nil }
        return CellRange(first: CellAddress(row: scanner.firstRow, column: scanner.firstColumn),
                         last: CellAddress(row: scanner.lastRow, column: scanner.lastColumn))
    }
}

@available(*, unavailable)
extension XLSXSheetReader: Sendable {}

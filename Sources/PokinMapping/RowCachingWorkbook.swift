import PokinCore

/// A workbook whose sheets are parsed once: the first complete read of a sheet keeps its rows
/// (and merged ranges), and later reads of the same sheet are served from memory.
///
/// Recognising a layout reads every sheet once per built-in mapping, and the import reads them
/// again; through this wrapper the file is parsed once per sheet. Only sheets of at most
/// `maxCachedRows` rows are kept (a performance-tree sheet has hundreds), so a huge sheet is
/// streamed from the file every time rather than held. Drawings are passed through.
public final class RowCachingWorkbook: TableWorkbook, DrawingWorkbook {
    public let base: any TableWorkbook
    public let maxCachedRows: Int
    private var cached: [String: (rows: [Row], merged: [CellRange])] = [:]

    public init(_ base: any TableWorkbook, maxCachedRows: Int = 20_000) {
        self.base = base
        self.maxCachedRows = maxCachedRows
    }

    public var sheets: [SheetInfo] { base.sheets }

    public func rows(ofSheet name: String) throws -> any RowSource {
        if let sheet = cached[name] { return MemoryRows(rows: sheet.rows, mergedRanges: sheet.merged) }
        return RecordingRows(source: try base.rows(ofSheet: name), sheet: name, owner: self)
    }

    public func drawing(ofSheet name: String) throws -> SheetDrawing? {
        try (base as? DrawingWorkbook)?.drawing(ofSheet: name)
    }

    fileprivate func keep(_ rows: [Row], merged: [CellRange], for sheet: String) {
        cached[sheet] = (rows, merged)
    }

    /// A sheet served from memory.
    struct MemoryRows: RowSource {
        let rows: [Row]
        let mergedRanges: [CellRange]
        private var next = 0

        init(rows: [Row], mergedRanges: [CellRange]) {
            self.rows = rows
            self.mergedRanges = mergedRanges
        }

        mutating func read(into row: inout Row) throws -> Bool {
            guard next < rows.count else { return false }
            row = rows[next]
            next += 1
            return true
        }
    }

    /// A sheet read from the file, kept when it is read to its end and is small enough.
    struct RecordingRows: RowSource {
        var source: any RowSource
        let sheet: String
        let owner: RowCachingWorkbook
        private var recorded: [Row] = []
        private var recording = true

        init(source: any RowSource, sheet: String, owner: RowCachingWorkbook) {
            self.source = source
            self.sheet = sheet
            self.owner = owner
        }

        var mergedRanges: [CellRange] { source.mergedRanges }

        mutating func read(into row: inout Row) throws -> Bool {
            guard try source.read(into: &row) else {
                if recording {
                    owner.keep(recorded, merged: source.mergedRanges, for: sheet)
                    recording = false
                    recorded = []
                }
                return false
            }
            if recording {
                if recorded.count < owner.maxCachedRows {
                    recorded.append(row)
                } else {
                    recording = false
                    recorded = []
                }
            }
            return true
        }
    }
}

import PokinCore

/// A workbook whose sheets are parsed once: the first complete read of a sheet keeps its rows
/// (and merged ranges), and later reads of the same sheet are served from memory.
///
/// Recognising a layout reads every sheet once per built-in mapping, and the import reads them
/// again; through this wrapper the file is parsed once per sheet. Only sheets of at most
/// `maxCachedRows` rows are kept (a performance-tree sheet has hundreds), so a huge sheet is
/// streamed from the file every time rather than held. Drawings are passed through.
///
/// A kept sheet also keeps its `Grid` (made on first use), so `TableExtractor` turns the rows
/// into texts, and recognition makes the header cells' keys, once per sheet rather than once
/// per mapping tried.
public final class RowCachingWorkbook: TableWorkbook, DrawingWorkbook {
    public let base: any TableWorkbook
    public let maxCachedRows: Int
    private var cached: [String: CachedSheet] = [:]

    public init(_ base: any TableWorkbook, maxCachedRows: Int = 20_000) {
        self.base = base
        self.maxCachedRows = maxCachedRows
    }

    public var sheets: [SheetInfo] { base.sheets }

    public func rows(ofSheet name: String) throws -> any RowSource {
        if let sheet = cached[name] { return MemoryRows(sheet) }
        return RecordingRows(source: try base.rows(ofSheet: name), sheet: name, owner: self)
    }

    public func drawing(ofSheet name: String) throws -> SheetDrawing? {
        try (base as? DrawingWorkbook)?.drawing(ofSheet: name)
    }

    fileprivate func keep(_ rows: [Row], merged: [CellRange], for sheet: String) {
        cached[sheet] = CachedSheet(rows: rows, merged: merged)
    }

    fileprivate func cachedSheet(_ name: String) -> CachedSheet? { cached[name] }

    /// The kept sheet behind `source` when it is one this class made and it has not been read
    /// yet (a sheet served from memory), or has just been read to its end and kept: its rows
    /// are then the source's rows, and its grid can be used instead of reading them.
    static func cachedSheet(behind source: some RowSource) -> CachedSheet? {
        if let memory = source as? MemoryRows { return memory.atStart ? memory.sheet : nil }
        if let recording = source as? RecordingRows { return recording.kept }
        return nil
    }

    /// A kept sheet: its rows, merged ranges and (made on first use) grid.
    final class CachedSheet {
        let rows: [Row]
        let merged: [CellRange]
        private(set) lazy var grid = Grid(rows: rows, merged: merged)

        init(rows: [Row], merged: [CellRange]) {
            self.rows = rows
            self.merged = merged
        }
    }

    /// A sheet served from memory.
    struct MemoryRows: RowSource {
        let sheet: CachedSheet
        private var next = 0

        init(_ sheet: CachedSheet) {
            self.sheet = sheet
        }

        var mergedRanges: [CellRange] { sheet.merged }
        var atStart: Bool { next == 0 }

        mutating func read(into row: inout Row) throws -> Bool {
            guard next < sheet.rows.count else { return false }
            row = sheet.rows[next]
            next += 1
            return true
        }

        /// Leaves the source at its end, as if every row had been read.
        mutating func skipToEnd() { next = sheet.rows.count }
    }

    /// A sheet read from the file, kept when it is read to its end and is small enough.
    struct RecordingRows: RowSource {
        var source: any RowSource
        let sheet: String
        let owner: RowCachingWorkbook
        private var recorded: [Row] = []
        private var recording = true
        /// The sheet as kept, once read to its end (nil while reading, or when too large to keep).
        private(set) var kept: CachedSheet?

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
                    kept = owner.cachedSheet(sheet)
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

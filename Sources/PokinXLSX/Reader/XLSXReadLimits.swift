import PokinCore

/// Bounds on what reading one workbook may cost, so that a hostile or broken file (zip bomb,
/// absurd cell references, a shared-string table of millions of huge strings) fails with a clear
/// `size-limit-exceeded` (or `text-too-long`) error instead of exhausting memory or time.
///
/// Inflated sizes are counted on the bytes actually decompressed, never taken from the zip
/// headers. The defaults are far above anything a real performance-tree workbook needs
/// (hundreds of thousands of rows read fine) and can be raised or lowered per call.
public struct XLSXReadLimits: Sendable, Hashable {
    /// Inflated bytes of one part (a sheet's XML, the shared strings…). Default 1 GiB.
    public var maxEntryBytes: Int
    /// Inflated bytes of every part read from the workbook together. Default 4 GiB.
    public var maxTotalBytes: Int
    /// Inflated bytes of a part that is held in memory whole (workbook, relationships, styles,
    /// content types). Default 64 MiB.
    public var maxSmallPartBytes: Int
    /// A part may inflate to at most this many times its compressed size (checked once it has
    /// inflated `ratioCheckThreshold` bytes), so the work a file can cause grows with its size on
    /// disk. Deflate tops out near 1032:1 (runs of one byte) and about 400:1 for endlessly
    /// repeated rows, which is what zip bombs use; real sheet XML compresses 5-50:1. Default 200.
    public var maxCompressionRatio: Int
    /// Parts smaller than this are never judged by ratio (a tiny, repetitive styles.xml can
    /// compress 100:1 and is harmless). Default 16 MiB.
    public var ratioCheckThreshold: Int
    /// Highest row number accepted. Default 1,048,576 (Excel's last row).
    public var maxRows: Int
    /// Highest column number accepted. Default 16,384 (column XFD, Excel's last).
    public var maxColumns: Int
    /// Number of items in the shared-string table. Default 5,000,000.
    public var maxSharedStrings: Int
    /// UTF-8 bytes of one string (shared or inline). Excel stops at 32,767 characters; other
    /// writers go further, so the default is 1 MiB.
    public var maxStringBytes: Int

    public init(maxEntryBytes: Int = 1 << 30, maxTotalBytes: Int = 4 << 30, maxSmallPartBytes: Int = 64 << 20,
                maxCompressionRatio: Int = 200, ratioCheckThreshold: Int = 16 << 20,
                maxRows: Int = CellAddress.maxRow, maxColumns: Int = CellAddress.maxColumn,
                maxSharedStrings: Int = 5_000_000, maxStringBytes: Int = 1 << 20) {
        self.maxEntryBytes = maxEntryBytes
        self.maxTotalBytes = maxTotalBytes
        self.maxSmallPartBytes = maxSmallPartBytes
        self.maxCompressionRatio = maxCompressionRatio
        self.ratioCheckThreshold = ratioCheckThreshold
        self.maxRows = maxRows
        self.maxColumns = maxColumns
        self.maxSharedStrings = maxSharedStrings
        self.maxStringBytes = maxStringBytes
    }

    /// The documented defaults.
    public static let `default` = XLSXReadLimits()
}

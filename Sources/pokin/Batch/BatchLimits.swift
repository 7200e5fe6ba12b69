import PokinXLSX

/// What one input of a batch may cost, so that a hostile file fails alone with
/// `size-limit-exceeded` instead of exhausting the memory every other input shares.
///
/// An agency's workbook is well under 1 MB; these bounds leave room for a whole region's
/// consolidated workbook while keeping `--jobs` inputs in memory at once affordable.
enum BatchLimits {
    /// The XLSX reader's limits: one part at most 256 MiB inflated, the whole workbook 1 GiB,
    /// one million shared strings; zip-bomb ratio and cell-reference bounds as by default.
    static let xlsx = XLSXReadLimits(maxEntryBytes: 256 << 20, maxTotalBytes: 1 << 30, maxSharedStrings: 1_000_000)
    /// A CSV input larger than this is refused (the mapping holds a sheet's records in memory).
    static let maxCSVBytes = 256 << 20
    /// A canonical JSON input larger than this is refused (it is parsed whole).
    static let maxJSONBytes = 256 << 20
}

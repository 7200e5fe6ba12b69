/// How a worksheet's XML is parsed. For tests and the fuzz targets, which read every sheet
/// both ways and compare.
@_spi(SheetParsing)
public enum SheetXMLParsing: Sendable {
    /// Small sheets (below `XLSXSheetReader.inflateAheadThreshold`, declared and real) through
    /// `SheetXMLTokenizer`, falling back to libxml2 on anything outside its subset; large
    /// sheets streamed through libxml2.
    case automatic
    /// Every sheet streamed through libxml2 (the reader as it was before the fast path).
    case libxml2
}

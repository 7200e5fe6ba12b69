/// How XML is parsed: a worksheet's (`XLSXWorkbook.sheetReader(named:parsing:)`) or the other
/// parts' (`XLSXWorkbook.init(path:limits:parsing:)`: relationships, content types, workbook,
/// styles, shared strings, drawings). For tests and the fuzz targets, which read both ways and
/// compare.
@_spi(SheetParsing)
public enum SheetXMLParsing: Sendable {
    /// Small sheets (below `XLSXSheetReader.inflateAheadThreshold`, declared and real) and
    /// parts (up to `PackageReader.wholePartBound`) through `SheetXMLTokenizer`, falling back
    /// to libxml2 on anything outside its subset; larger ones streamed through libxml2.
    case automatic
    /// Everything streamed through libxml2 (the reader as it was before the fast paths).
    case libxml2
}

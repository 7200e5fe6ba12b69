import FuzzSupport
import PokinCore
@_spi(SheetParsing) import PokinXLSX

/// The worksheet parser on XML bytes: the input is `xl/worksheets/sheet1.xml` of a
/// conventional one-sheet package (`OnePartPackage`) with styles and shared strings.
///
/// Differential: the input's events from the fast tokenizer must equal libxml2's whenever the
/// tokenizer reads it (`SheetXMLEquivalence`), and the sheet read through the fast path must
/// report exactly what it reports through libxml2 alone (`SheetBothWays`); any difference traps.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSheetXML(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = FuzzInput.bytes(data, size)
    if case .different(let fast, let libxml2) = SheetXMLEquivalence.compare(bytes) {
        fatalError("the fast tokenizer's events differ from libxml2's:\nfast:\n\(fast.joined(separator: "\n"))\nlibxml2:\n\(libxml2.joined(separator: "\n"))")
    }
    let path = "\(FuzzInput.folder)/sheet.xlsx"
    do {
        try OnePartPackage.write(sheet: bytes, sharedStrings: Array(OnePartPackage.defaultSharedStrings.utf8), to: path)
    } catch {
        fatalError("cannot build the package: \(error)")
    }
    let both = SheetBothWays.read(path: path)
    if both.fast != both.libxml2 {
        fatalError("the sheet reads differently through the fast path:\nfast:\n\(both.fast.joined(separator: "\n"))\nlibxml2:\n\(both.libxml2.joined(separator: "\n"))")
    }
    endsWithValueOrPokinError { try WorkbookWalk.walk(path: path) }
    return 0
}

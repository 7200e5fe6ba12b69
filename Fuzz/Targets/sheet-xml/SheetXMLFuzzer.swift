import FuzzSupport
import PokinCore
import PokinXLSX

/// The worksheet parser on XML bytes: the input is `xl/worksheets/sheet1.xml` of a
/// conventional one-sheet package (`OnePartPackage`) with styles and shared strings.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSheetXML(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let path = "\(FuzzInput.folder)/sheet.xlsx"
    do {
        try OnePartPackage.write(sheet: FuzzInput.bytes(data, size),
                                 sharedStrings: Array(OnePartPackage.defaultSharedStrings.utf8), to: path)
    } catch {
        fatalError("cannot build the package: \(error)")
    }
    endsWithValueOrPokinError { try WorkbookWalk.walk(path: path) }
    return 0
}

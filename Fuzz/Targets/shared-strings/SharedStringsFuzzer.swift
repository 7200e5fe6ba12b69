import FuzzSupport
import PokinCore
import PokinXLSX

/// The shared-strings parser on XML bytes: the input is `xl/sharedStrings.xml` of a
/// conventional one-sheet package (`OnePartPackage`) whose sheet refers to strings 0–3, 7, 100.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSharedStrings(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let path = "\(FuzzInput.folder)/sst.xlsx"
    do {
        try OnePartPackage.write(sheet: Array(OnePartPackage.defaultSheet.utf8),
                                 sharedStrings: FuzzInput.bytes(data, size), to: path)
    } catch {
        fatalError("cannot build the package: \(error)")
    }
    endsWithValueOrPokinError { try WorkbookWalk.walk(path: path) }
    return 0
}

import FuzzSupport
import PokinCore
import PokinXLSX

/// The shared-strings parser on XML bytes: the input is `xl/sharedStrings.xml` of a
/// conventional one-sheet package (`OnePartPackage`) whose sheet refers to strings 0–3, 7, 100.
///
/// Differential: the strings read through the fast tokenizer (and the sheet read with them)
/// must be exactly what libxml2 alone gives, error included (`SheetBothWays`); any difference
/// traps.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSharedStrings(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let path = "\(FuzzInput.folder)/sst.xlsx"
    do {
        try OnePartPackage.write(sheet: Array(OnePartPackage.defaultSheet.utf8),
                                 sharedStrings: FuzzInput.bytes(data, size), to: path)
    } catch {
        fatalError("cannot build the package: \(error)")
    }
    let both = SheetBothWays.read(path: path)
    if both.fast != both.libxml2 {
        fatalError("the shared strings read differently through the fast path:\nfast:\n\(both.fast.joined(separator: "\n"))\nlibxml2:\n\(both.libxml2.joined(separator: "\n"))")
    }
    endsWithValueOrPokinError { try WorkbookWalk.walk(path: path) }
    return 0
}

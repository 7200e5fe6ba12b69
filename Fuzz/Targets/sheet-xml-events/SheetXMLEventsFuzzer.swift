import FuzzSupport
@_spi(SheetParsing) import PokinXLSX

/// The worksheet XML fast path against libxml2, event by event, on XML bytes alone (no
/// package, no cell semantics, so thousands of inputs a second): whenever `SheetXMLTokenizer`
/// reads an input, libxml2 must read it without error and report the same elements, namespace
/// URIs, attributes and text (`SheetXMLEquivalence`); any difference traps. The whole-sheet
/// comparison runs in the `sheet-xml` target.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSheetXMLEvents(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    if case .different(let fast, let libxml2) = SheetXMLEquivalence.compare(FuzzInput.bytes(data, size)) {
        fatalError("the fast tokenizer's events differ from libxml2's:\nfast:\n\(fast.joined(separator: "\n"))\nlibxml2:\n\(libxml2.joined(separator: "\n"))")
    }
    return 0
}

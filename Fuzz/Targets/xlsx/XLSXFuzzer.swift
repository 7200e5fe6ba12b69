import FuzzSupport
import PokinCore
import PokinXLSX

/// The whole XLSX reader on file bytes: open the workbook, then read every sheet's rows,
/// merged ranges, drawings and the shared strings (`WorkbookWalk`).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzXLSX(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let path = FuzzInput.file(FuzzInput.bytes(data, size), named: "input.xlsx")
    endsWithValueOrPokinError { try WorkbookWalk.walk(path: path) }
    return 0
}

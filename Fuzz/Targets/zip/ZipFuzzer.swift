import FuzzSupport
import PokinCore
import PokinXLSX

/// The zip layer over arbitrary bytes: open the archive, then stat, open and inflate every
/// entry (streamed, with a 1 MiB limit, and once more whole with `readEntry`).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzZip(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let path = FuzzInput.file(FuzzInput.bytes(data, size), named: "input.zip")
    endsWithValueOrPokinError {
        let archive = try ZipArchive(path: path)
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        for index in archive.entryNames.indices {
            _ = archive.index(of: archive.entryNames[index])
            endsWithValueOrPokinError {
                let info = try archive.entryInfo(at: index)
                if info.isEncrypted { return }
                let reader = try archive.openEntry(at: index, limit: 1 << 20)
                while try buffer.withUnsafeMutableBytes({ try reader.read(into: $0) }) > 0 {}
            }
            endsWithValueOrPokinError { _ = try archive.readEntry(at: index, limit: 1 << 20) }
        }
    }
    return 0
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PokinCore

/// Unlinked temporary files: created beside the output (same file system, same free space), removed
/// from the folder at once so nothing is left behind whatever happens, used through the descriptor.
enum TemporaryFile {
    static func create(in directory: String, label: String) throws -> Int32 {
        var template = Array((directory + "/.pokin-spool-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else {
            throw PokinError(.fileUnwritable,
                             "cannot create a temporary file in \(directory) (\(String(cString: strerror(errno)))); check that the output folder is writable and has free space",
                             at: Location(file: label))
        }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        return descriptor
    }

    static func writeAll(_ descriptor: Int32, _ bytes: UnsafeBufferPointer<UInt8>, label: String) throws {
        guard let base = bytes.baseAddress else { return }
        var offset = 0
        while offset < bytes.count {
            let written = write(descriptor, base + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw PokinError(.fileUnwritable,
                                 "cannot write temporary data for \(label) (\(String(cString: strerror(errno)))); check free disk space",
                                 at: Location(file: label))
            }
            offset += written
        }
    }
}

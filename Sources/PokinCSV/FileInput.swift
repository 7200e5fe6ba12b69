#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PokinCore

/// A file descriptor read with `read(2)` into a caller's buffer: no Foundation, no copies.
final class FileInput {
    let descriptor: Int32
    let name: String?
    private let closeWhenDone: Bool
    private var closed = false

    /// Opens `path` for reading.
    /// - Throws: `PokinError` `file-not-found` or `file-unreadable`.
    init(path: String) throws {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            let code = errno
            throw PokinError(code == ENOENT || code == ENOTDIR ? .fileNotFound : .fileUnreadable,
                             code == ENOENT || code == ENOTDIR
                                ? "the file does not exist; check the path"
                                : "the file cannot be opened (\(String(cString: strerror(code)))); check its permissions",
                             at: Location(file: path))
        }
        self.descriptor = descriptor
        self.name = path
        self.closeWhenDone = true
    }

    /// Reads an open descriptor (standard input, a pipe); closes it at the end when told to.
    init(descriptor: Int32, name: String?, closeWhenDone: Bool) {
        self.descriptor = descriptor
        self.name = name
        self.closeWhenDone = closeWhenDone
    }

    deinit { close() }

    func close() {
        guard !closed else { return }
        closed = true
        if closeWhenDone { _ = systemClose(descriptor) }
    }

    /// Reads up to `count` bytes into `buffer`; 0 at the end of the file.
    func read(into buffer: UnsafeMutablePointer<UInt8>, count: Int) throws -> Int {
        while true {
            let result = systemRead(descriptor, buffer, count)
            if result >= 0 { return result }
            let code = errno
            if code == EINTR { continue }
            throw PokinError(.fileUnreadable,
                             code == EISDIR ? "this is a folder, not a CSV file"
                                            : "reading failed (\(String(cString: strerror(code))))",
                             at: Location(file: name))
        }
    }

    /// Reads until `count` bytes are in `buffer` or the file ends; returns the bytes read.
    func readFully(into buffer: UnsafeMutablePointer<UInt8>, count: Int) throws -> Int {
        var total = 0
        while total < count {
            let got = try read(into: buffer + total, count: count - total)
            if got == 0 { break }
            total += got
        }
        return total
    }
}

// The C calls under names that the class's own `read` and `close` do not shadow.
private func systemClose(_ descriptor: Int32) -> Int32 { close(descriptor) }
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutablePointer<UInt8>, _ count: Int) -> Int { read(descriptor, buffer, count) }

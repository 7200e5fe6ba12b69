#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PokinCore

/// A file descriptor written with `write(2)`: whole buffers, retried until written.
final class FileOutput {
    let descriptor: Int32
    let name: String?
    private let closeWhenDone: Bool
    private var closed = false

    /// Creates (or truncates) `path` for writing.
    /// - Throws: `PokinError` `file-unwritable`.
    init(path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw PokinError(.fileUnwritable, "the file cannot be created (\(String(cString: strerror(errno)))); check the folder and its permissions",
                             at: Location(file: path))
        }
        self.descriptor = descriptor
        self.name = path
        self.closeWhenDone = true
    }

    init(descriptor: Int32, name: String?, closeWhenDone: Bool) {
        self.descriptor = descriptor
        self.name = name
        self.closeWhenDone = closeWhenDone
    }

    deinit { _ = try? close() }

    func write(_ bytes: UnsafeBufferPointer<UInt8>) throws {
        guard var pointer = bytes.baseAddress else { return }
        var remaining = bytes.count
        while remaining > 0 {
            let written = systemWrite(descriptor, pointer, remaining)
            if written < 0 {
                let code = errno
                if code == EINTR { continue }
                throw PokinError(.fileUnwritable, "writing failed (\(String(cString: strerror(code))))", at: Location(file: name))
            }
            pointer += written
            remaining -= written
        }
    }

    func close() throws {
        guard !closed else { return }
        closed = true
        if closeWhenDone, systemClose(descriptor) != 0 {
            throw PokinError(.fileUnwritable, "closing the file failed (\(String(cString: strerror(errno))))", at: Location(file: name))
        }
    }
}

private func systemWrite(_ descriptor: Int32, _ pointer: UnsafePointer<UInt8>, _ count: Int) -> Int { write(descriptor, pointer, count) }
private func systemClose(_ descriptor: Int32) -> Int32 { close(descriptor) }

import Foundation
import PokinCore

/// Writes outputs so that a reader never sees half a file: a temporary name beside the target
/// (`.NAME.pokin-PID.tmp`), written, flushed to disk (fsync) and closed, then a rename. Standard
/// output when the path is `-`.
///
/// `syncing: false` leaves the flush to the caller (a batch syncs the output file system once at
/// its end instead of once per file): the rename still happens only after every byte is
/// written, so a killed process never leaves a partial file under the output's name.
enum FileOutput {
    static func writeAtomically(_ bytes: [UInt8], to path: String, syncing: Bool = true) throws {
        try bytes.withUnsafeBytes { try writeAtomically($0, to: path, syncing: syncing) }
    }

    static func writeAtomically(_ bytes: UnsafeRawBufferPointer, to path: String, syncing: Bool = true) throws {
        if path == "-" {
            FileHandle.standardOutput.write(Data(bytes))
            return
        }
        let temporary = temporaryPath(for: path)
        if let reason = write(bytes, toNewFile: temporary, syncing: syncing) {
            unlink(temporary)
            throw PokinError(.fileUnwritable, "could not write the output: \(reason)", at: Location(file: path))
        }
        // rename(2) replaces an existing target atomically. (Foundation's replaceItemAt on Linux
        // moved the existing target onto the temporary name, failed, and so lost both.)
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw PokinError(.fileUnwritable, "could not rename the finished output into place: \(reason)",
                             at: Location(file: path))
        }
    }

    /// `.NAME.pokin-PID.tmp` in the folder of `path`.
    static func temporaryPath(for path: String) -> String {
        let name: Substring
        let folder: Substring
        if let slash = path.lastIndex(of: "/") {
            folder = path[...slash]
            name = path[path.index(after: slash)...]
        } else {
            folder = ""
            name = Substring(path)
        }
        return "\(folder).\(name).pokin-\(getpid()).tmp"
    }

    /// Creates (or truncates) `path`, writes all of `bytes`, fsyncs and closes it. Returns nil on
    /// success, otherwise what went wrong (the system's words).
    private static func write(_ bytes: UnsafeRawBufferPointer, toNewFile path: String, syncing: Bool) -> String? {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { return String(cString: strerror(errno)) }
        var failure: String?
        var offset = 0
        while offset < bytes.count {
            let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                failure = String(cString: strerror(errno))
                break
            }
            offset += written
        }
        // fsync before the rename: a crash or kill must never leave a complete-looking name on
        // an incomplete file. (EINVAL: a special file that cannot be synced, as Foundation allows.)
        if syncing, failure == nil, fsync(descriptor) != 0, errno != EINVAL {
            failure = String(cString: strerror(errno))
        }
        if close(descriptor) != 0, failure == nil, errno != EINTR {
            failure = String(cString: strerror(errno))
        }
        return failure
    }
}

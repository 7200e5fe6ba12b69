import Foundation
import PokinCore

/// The fuzzer's bytes, and a file holding them: pokin's readers open paths (libzip, the CSV
/// reader), so each input is written to one reused file in `/dev/shm` (memory, no disk).
public enum FuzzInput {
    /// A folder of this process's own, created once.
    public static let folder: String = {
        let base = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
        let path = "\(base)/pokin-fuzz-\(getpid())"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        atexit(removeFuzzFolder)
        return path
    }()

    /// The bytes libFuzzer passes.
    public static func bytes(_ data: UnsafePointer<UInt8>, _ size: Int) -> [UInt8] {
        Array(UnsafeBufferPointer(start: data, count: size))
    }

    /// Writes `bytes` to `<folder>/<name>` (replacing it) and returns the path.
    public static func file(_ bytes: [UInt8], named name: String) -> String {
        let path = "\(folder)/\(name)"
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        precondition(fd >= 0, "cannot write the fuzz input file \(path)")
        var written = 0
        bytes.withUnsafeBytes { raw in
            while written < raw.count {
                let n = write(fd, raw.baseAddress! + written, raw.count - written)
                precondition(n > 0, "cannot write the fuzz input file \(path)")
                written += n
            }
        }
        close(fd)
        return path
    }
}

/// Removes this process's input folder when it exits normally.
private func removeFuzzFolder() {
    let base = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
    try? FileManager.default.removeItem(atPath: "\(base)/pokin-fuzz-\(getpid())")
}

/// The contract every reader keeps on any input: it ends with a value or a `PokinError`.
/// Anything else thrown is a finding (the process traps, libFuzzer keeps the input).
public func endsWithValueOrPokinError(_ body: () throws -> Void) {
    do {
        try body()
    } catch is PokinError {
        // The expected way to refuse a bad input.
    } catch {
        fatalError("a reader threw \(type(of: error)), not PokinError: \(error)")
    }
}

/// The repository's root (this file is `Fuzz/Support/FuzzInput.swift`).
public let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

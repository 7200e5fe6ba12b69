import Foundation
import PokinCore

/// Writes outputs so that a reader never sees half a file: a temporary name beside the target,
/// then a rename. Standard output when the path is `-`.
enum FileOutput {
    static func writeAtomically(_ bytes: [UInt8], to path: String) throws {
        if path == "-" {
            FileHandle.standardOutput.write(Data(bytes))
            return
        }
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).pokin-\(ProcessInfo.processInfo.processIdentifier).tmp")
        do {
            try Data(bytes).write(to: temporary)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw PokinError(.fileUnwritable, "could not write the output: \(error.localizedDescription)",
                             at: Location(file: path))
        }
        // rename(2) replaces an existing target atomically. (Foundation's replaceItemAt on Linux
        // moved the existing target onto the temporary name, failed, and so lost both.)
        guard rename(temporary.path, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw PokinError(.fileUnwritable, "could not rename the finished output into place: \(reason)",
                             at: Location(file: path))
        }
    }
}

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
            if FileManager.default.fileExists(atPath: url.path) {
                _ = try FileManager.default.replaceItemAt(url, withItemAt: temporary)
            } else {
                try FileManager.default.moveItem(at: temporary, to: url)
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw PokinError(.fileUnwritable, "could not write the output: \(error.localizedDescription)",
                             at: Location(file: path))
        }
    }
}

import Foundation
import PokinCore
import PokinXLSX

/// `--resume`: whether an output is complete and newer than its input, so the input can be
/// skipped.
///
/// Outputs are only ever renamed into place when finished, so an output that exists is normally
/// complete; the check also reads it, so that a copy cut short by something else is redone:
/// canonical JSON must parse as a model document, a workbook's zip directory (written last)
/// must open and list `[Content_Types].xml`, a CSV folder must hold CSV files. "Newer" compares
/// modification times to the nanosecond; every file of a CSV folder must be newer.
enum OutputCompleteness {
    static func isComplete(_ output: String, form: ModelExport.Form, andNewerThan input: String) -> Bool {
        guard let inputTime = modificationTime(input) else { return false }
        switch form {
        case .json:
            guard let time = modificationTime(output), time > inputTime,
                  let data = FileManager.default.contents(atPath: output),
                  let document = try? JSONParser.parse(Array(data)), document["pokin"] != nil else { return false }
            return true
        case .xlsx:
            guard let time = modificationTime(output), time > inputTime,
                  let archive = try? ZipArchive(path: output) else { return false }
            return archive.index(of: "[Content_Types].xml") != nil
        case .csvFolder:
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: output) else { return false }
            let files = names.filter { !$0.hasPrefix(".") && $0.lowercased().hasSuffix(".csv") }
            guard !files.isEmpty else { return false }
            return files.allSatisfy { name in
                modificationTime(output + "/" + name).map { $0 > inputTime } ?? false
            }
        }
    }

    /// Nanoseconds since the epoch, or nil when the path cannot be looked at.
    static func modificationTime(_ path: String) -> Int128? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Int128(info.st_mtim.tv_sec) * 1_000_000_000 + Int128(info.st_mtim.tv_nsec)
    }
}

import Foundation

/// Removes what an earlier batch killed mid-write left behind: the hidden temporary files and
/// folders pokin writes before renaming (`.NAME.pokin-PID.tmp`), in the folders this batch
/// writes to, for the outputs this batch writes, when process PID is no longer running.
///
/// libzip's own temporary file of a workbook being closed (`NAME.xlsx.XXXXXX`) cannot be told
/// apart from a user's file safely and is left alone.
enum TemporaryFileSweeper {
    /// Returns the paths removed.
    @discardableResult
    static func sweep(outputs: [String]) -> [String] {
        var wanted: [String: Set<String>] = [:]
        for output in outputs {
            let url = URL(fileURLWithPath: output)
            wanted[url.deletingLastPathComponent().path, default: []].insert(url.lastPathComponent)
        }
        var removed: [String] = []
        for (folder, names) in wanted {
            guard let entries = try? FileManager.default.contentsOfDirectory(atPath: folder) else { continue }
            for entry in entries {
                guard let (name, pid) = parse(entry), names.contains(name), !isRunning(pid) else { continue }
                let path = folder + "/" + entry
                if (try? FileManager.default.removeItem(atPath: path)) != nil { removed.append(path) }
            }
        }
        return removed.sorted()
    }

    /// `.NAME.pokin-PID.tmp` → (NAME, PID).
    static func parse(_ entry: String) -> (name: String, pid: pid_t)? {
        guard entry.hasPrefix("."), entry.hasSuffix(".tmp"),
              let marker = entry.range(of: ".pokin-", options: .backwards) else { return nil }
        let name = entry[entry.index(after: entry.startIndex)..<marker.lowerBound]
        let digits = entry[marker.upperBound..<entry.index(entry.endIndex, offsetBy: -4)]
        guard !name.isEmpty, let pid = pid_t(digits), pid > 0 else { return nil }
        return (String(name), pid)
    }

    /// Whether a process of that id exists (this process counts as running).
    static func isRunning(_ pid: pid_t) -> Bool {
        if pid == getpid() { return true }
        return kill(pid, 0) == 0 || errno == EPERM
    }
}

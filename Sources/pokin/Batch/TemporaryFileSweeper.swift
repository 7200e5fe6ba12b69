import Foundation

/// Removes what an earlier batch killed mid-write left behind: the hidden temporary files and
/// folders pokin writes before renaming (`.NAME.pokin-PID.tmp`), in the folders this batch
/// writes to, for the outputs this batch writes, when process PID is no longer running.
///
/// Workbooks are written to such a hidden name too, so libzip's own temporary file
/// (`.NAME.pokin-PID.tmp.XXXXXX`) is hidden and swept as well.
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

    /// `.NAME.pokin-PID.tmp`, or libzip's `.NAME.pokin-PID.tmp.XXXXXX` beside it → (NAME, PID).
    static func parse(_ entry: String) -> (name: String, pid: pid_t)? {
        guard entry.hasPrefix("."), let marker = entry.range(of: ".pokin-", options: .backwards) else { return nil }
        let name = entry[entry.index(after: entry.startIndex)..<marker.lowerBound]
        let rest = entry[marker.upperBound...]
        let digits = rest.prefix { $0.isASCII && $0.isNumber }
        let suffix = rest.dropFirst(digits.count)
        let libzipSuffix = suffix.hasPrefix(".tmp.") && suffix.count == 11
            && suffix.dropFirst(5).allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
        guard !name.isEmpty, suffix == ".tmp" || libzipSuffix, let pid = pid_t(digits), pid > 0 else { return nil }
        return (String(name), pid)
    }

    /// Whether a process of that id exists (this process counts as running).
    static func isRunning(_ pid: pid_t) -> Bool {
        if pid == getpid() { return true }
        return kill(pid, 0) == 0 || errno == EPERM
    }
}

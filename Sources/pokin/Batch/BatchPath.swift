import Foundation

/// Lexical path arithmetic for listing a batch: absolute paths with `.` and `..` resolved
/// without following links, so that relative paths (and so output names and shards) come out
/// the same on every machine that lists the same inputs, wherever the data is mounted.
enum BatchPath {
    /// The components of `path` made absolute against `directory`, `.` and `..` resolved.
    static func components(_ path: String, from directory: String) -> [String] {
        let full = path.hasPrefix("/") ? path : directory + "/" + path
        var parts: [String] = []
        for part in full.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..": if !parts.isEmpty { parts.removeLast() }
            default: parts.append(String(part))
            }
        }
        return parts
    }

    /// `/a/b/c` from `["a", "b", "c"]`.
    static func text(_ components: [String]) -> String {
        "/" + components.joined(separator: "/")
    }

    /// The longest shared leading run of the component lists.
    static func commonAncestor(_ paths: [[String]]) -> [String] {
        guard var common = paths.first else { return [] }
        for path in paths.dropFirst() {
            var length = 0
            while length < common.count, length < path.count, common[length] == path[length] { length += 1 }
            common.removeLast(common.count - length)
            if common.isEmpty { break }
        }
        return common
    }

    /// `path` below `base` as `a/b/c.xlsx` (`path` must lie strictly below `base`).
    static func relative(_ path: [String], below base: [String]) -> String {
        path.dropFirst(base.count).joined(separator: "/")
    }

    /// Whether `path` lies strictly below `folder`.
    static func isStrictlyBelow(_ path: [String], _ folder: [String]) -> Bool {
        path.count > folder.count && Array(path.prefix(folder.count)) == folder
    }
}

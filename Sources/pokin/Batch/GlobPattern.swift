import Foundation

/// A shell-style pattern over paths: `*`, `?` and `[...]` inside one name (never matching a
/// leading dot), and `**` for any number of folders. Used when the shell did not expand a pattern
/// (it was quoted, or it came from a manifest).
struct GlobPattern {
    /// The pattern's components, absolute.
    let components: [String]

    init(components: [String]) {
        self.components = components
    }

    /// Whether an argument is a pattern rather than a path.
    static func hasWildcards(_ text: String) -> Bool {
        text.contains("*") || text.contains("?") || text.contains("[")
    }

    /// The folder before the first component with a wildcard: the pattern's fixed part.
    var fixedPrefix: [String] {
        Array(components.prefix { !GlobPattern.hasWildcards($0) })
    }

    /// Every existing path matching the pattern, sorted (files and folders alike).
    func matches() -> [[String]] {
        var found: [[String]] = []
        let prefix = fixedPrefix
        expand(prefix, remaining: components[prefix.count...], into: &found)
        var seen = Set<[String]>()
        return found.filter { seen.insert($0).inserted }.sorted { $0.joined(separator: "/") < $1.joined(separator: "/") }
    }

    private func expand(_ folder: [String], remaining: ArraySlice<String>, into found: inout [[String]]) {
        guard let component = remaining.first else {
            if FileManager.default.fileExists(atPath: BatchPath.text(folder)) { found.append(folder) }
            return
        }
        let rest = remaining.dropFirst()
        if component == "**" {
            expand(folder, remaining: rest, into: &found)  // zero folders
            for name in GlobPattern.entries(of: folder) where !name.hasPrefix(".") {
                let child = folder + [name]
                if GlobPattern.isRealDirectory(child) { expand(child, remaining: remaining, into: &found) }
            }
            return
        }
        if !GlobPattern.hasWildcards(component) {
            expand(folder + [component], remaining: rest, into: &found)
            return
        }
        for name in GlobPattern.entries(of: folder) where fnmatch(component, name, FNM_PERIOD) == 0 {
            let child = folder + [name]
            if rest.isEmpty {
                found.append(child)
            } else if GlobPattern.isRealDirectory(child) {
                expand(child, remaining: rest, into: &found)
            }
        }
    }

    static func entries(of folder: [String]) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: BatchPath.text(folder))) ?? []).sorted()
    }

    /// A folder that is not a symbolic link (links to folders are not walked: they can loop).
    static func isRealDirectory(_ path: [String]) -> Bool {
        var info = stat()
        return lstat(BatchPath.text(path), &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }
}

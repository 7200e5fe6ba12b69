import Foundation
import PokinCore

/// Turns the command line's inputs into the list of files a batch converts.
///
/// An argument is a file, a folder (walked recursively), a pattern (`data/*/*.xlsx`,
/// `data/**/*.xlsx`, when the shell did not expand it), or `@FILE`, a manifest with one of
/// these per line (`@-` reads the manifest from standard input). Relative paths are taken from
/// the current folder. Each input's relative path is its path below the deepest folder shared
/// by everything named: a folder's own path, a file's folder, a pattern's fixed part. That
/// makes `pokin batch data` and `pokin batch data/*/*.xlsx` (expanded by the shell or not) give
/// the same outputs, and the same relative paths on every machine whatever the mount point.
struct InputLister {
    /// The folder relative paths start from.
    var currentDirectory: String
    /// Extensions picked up when walking a folder (files named explicitly are always taken).
    var walkedExtensions: Set<String>
    /// Absolute paths a walk never enters or lists (the output folder, the report).
    var excluded: [[String]]
    /// Standard input, for `@-`.
    var readStandardInput: () -> [UInt8] = { Array(FileHandle.standardInput.readDataToEndOfFile()) }

    /// Where each argument led, before relative paths are known.
    private struct Found {
        var path: [String]
        var anchor: [String]
        var problem: PokinError.Code?
        var message: String?
        /// What to call the path in the report when it is a pattern that matched nothing.
        var display: String?
    }

    /// Lists every input, each once, sorted by relative path.
    /// - Throws: `PokinError` when a manifest cannot be read (nothing is converted then).
    func list(_ arguments: [String]) throws -> [BatchInput] {
        var found: [Found] = []
        for argument in arguments {
            if argument.hasPrefix("@") {
                for line in try manifestLines(String(argument.dropFirst())) {
                    found += expand(line)
                }
            } else {
                found += expand(argument)
            }
        }
        let base = BatchPath.commonAncestor(found.map(\.anchor))
        var seen = Set<[String]>()
        var inputs: [BatchInput] = []
        for item in found where seen.insert(item.path).inserted {
            let relative = item.display ?? BatchPath.relative(item.path, below: base)
            inputs.append(BatchInput(path: BatchPath.text(item.path), relativePath: relative,
                                     listingProblem: item.problem, listingMessage: item.message))
        }
        return inputs.sorted { $0.relativePath < $1.relativePath }
    }

    /// The paths a manifest names: one per line; blank lines and lines starting with `#` skipped;
    /// spaces around a path trimmed.
    func manifestLines(_ path: String) throws -> [String] {
        let bytes: [UInt8]
        if path == "-" {
            bytes = readStandardInput()
        } else {
            guard let data = FileManager.default.contents(atPath: path) else {
                let exists = FileManager.default.fileExists(atPath: path)
                throw PokinError(exists ? .fileUnreadable : .fileNotFound,
                                 exists ? "the manifest cannot be read; check its permissions" : "the manifest does not exist; check the path after @",
                                 at: Location(file: path))
            }
            bytes = Array(data)
        }
        return String(decoding: bytes, as: UTF8.self)
            .split(whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
    }

    private func expand(_ argument: String) -> [Found] {
        let path = BatchPath.components(argument, from: currentDirectory)
        var info = stat()
        if stat(BatchPath.text(path), &info) == 0 {
            if (info.st_mode & S_IFMT) == S_IFDIR { return walk(path, anchor: path) }
            return [Found(path: path, anchor: Array(path.dropLast()))]
        }
        if GlobPattern.hasWildcards(argument) {
            let pattern = GlobPattern(components: path)
            let matches = pattern.matches()
            if matches.isEmpty {
                return [Found(path: path, anchor: pattern.fixedPrefix, problem: .fileNotFound,
                              message: "no file matches the pattern \(argument); check it (quote it so that pokin, not the shell, expands it)",
                              display: argument)]
            }
            return matches.flatMap { match -> [Found] in
                GlobPattern.isRealDirectory(match) ? walk(match, anchor: pattern.fixedPrefix)
                                                   : [Found(path: match, anchor: pattern.fixedPrefix)]
            }
        }
        // A name that is there as a dangling link, or not at all: reported, not fatal.
        let dangling = lstat(BatchPath.text(path), &info) == 0
        return [Found(path: path, anchor: Array(path.dropLast()), problem: .fileNotFound,
                      message: dangling ? "the file is a link to something that does not exist" : "the file does not exist; check the path")]
    }

    /// Every file below `folder` whose extension a batch reads, skipping hidden names, Office
    /// lock files (`~$…`), links to folders, and the excluded paths.
    private func walk(_ folder: [String], anchor: [String]) -> [Found] {
        var found: [Found] = []
        var pending = [folder]
        while let current = pending.popLast() {
            for name in GlobPattern.entries(of: current).reversed() where !name.hasPrefix(".") && !name.hasPrefix("~$") {
                let child = current + [name]
                if excluded.contains(child) { continue }
                var info = stat()
                guard lstat(BatchPath.text(child), &info) == 0 else { continue }
                let kind = info.st_mode & S_IFMT
                if kind == S_IFDIR {
                    pending.append(child)
                } else if walkedExtensions.contains((name as NSString).pathExtension.lowercased()) {
                    // Regular files and links (a link to nothing is reported as not found).
                    if kind == S_IFREG || kind == S_IFLNK {
                        var target = stat()
                        let ok = stat(BatchPath.text(child), &target) == 0
                        found.append(Found(path: child, anchor: anchor, problem: ok ? nil : .fileNotFound,
                                           message: ok ? nil : "the file is a link to something that does not exist"))
                    } else {
                        found.append(Found(path: child, anchor: anchor))  // a FIFO or device: refused when converted
                    }
                }
            }
        }
        return found
    }
}

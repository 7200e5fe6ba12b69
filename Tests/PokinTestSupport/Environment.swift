import Foundation

/// What the machine running the tests offers, and what CI insists on.
///
/// Tests that need something outside the repository (the `../shared` corpus, Python packages,
/// LibreOffice) say so, skip where it is absent on a user's machine, and fail where it is absent
/// under `CI=true`: `.enabled(if: TestEnvironment.sharedCorpusEnabled)` enables them either way on
/// CI, and their first step (`requireSharedCorpus()`) fails there.
public enum TestEnvironment {
    /// True when the environment variable `CI` is `true` (or `1`).
    public static let isCI: Bool = {
        let value = ProcessInfo.processInfo.environment["CI"]?.lowercased()
        return value == "true" || value == "1"
    }()

    /// `../shared` beside the repository, or `$POKIN_SHARED`.
    public static let sharedRoot: URL = {
        if let path = ProcessInfo.processInfo.environment["POKIN_SHARED"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        return Fixtures.repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared")
    }()

    public static var sharedCorpusAvailable: Bool {
        FileManager.default.fileExists(atPath: sharedRoot.appendingPathComponent("corpus/peers").path)
    }

    /// Run corpus tests where the corpus is present, and always on CI (where its absence fails).
    public static var sharedCorpusEnabled: Bool { sharedCorpusAvailable || isCI }

    /// The peer corpus folder (`../shared/corpus/peers`).
    /// - Throws: when it is absent; tests call this only when `sharedCorpusEnabled`.
    public static func requireSharedCorpus() throws -> URL {
        let url = sharedRoot.appendingPathComponent("corpus/peers")
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw MissingRequirement(description: "the shared corpus is not at \(url.path) (CI=true requires it; set POKIN_SHARED)")
        }
        return url
    }

    /// Whether `python3` can import every module named.
    public static func pythonHas(_ modules: String...) -> Bool {
        let result = try? ProcessRunner.run("/usr/bin/env", ["python3", "-c", modules.map { "import \($0)" }.joined(separator: "; ")])
        return result?.status == 0
    }

    /// Run tests needing these Python modules where they are installed, and always on CI.
    public static func pythonEnabled(_ modules: String...) -> Bool {
        isCI || modules.allSatisfy { pythonHas($0) }
    }

    /// Fails (throws) when a Python module is missing; call first in a Python-backed test.
    public static func requirePython(_ modules: String...) throws {
        for module in modules where !pythonHas(module) {
            throw MissingRequirement(description: "python3 cannot import \(module); .ci/run installs it (pip install \(module))")
        }
    }

    /// Whether an executable is on PATH.
    public static func hasExecutable(_ name: String) -> Bool {
        (try? ProcessRunner.run("/usr/bin/env", ["sh", "-c", "command -v \(name)"]))?.status == 0
    }
}

/// A test needs something the machine does not have.
public struct MissingRequirement: Error, CustomStringConvertible {
    public var description: String
    public init(description: String) { self.description = description }
}

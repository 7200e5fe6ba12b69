import Foundation
import PokinTestSupport

/// Running `pokin batch` from the tests.
enum BatchRun {
    /// Runs pokin; when the tests run as root, as the user `nobody` (through `setpriv`), so that
    /// file permissions apply (root reads a file of mode 000 anyway).
    static func asUnprivilegedUser(_ arguments: [String]) throws -> ProcessRunner.Result {
        if geteuid() == 0, FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") {
            return try ProcessRunner.run("/usr/bin/setpriv",
                                         ["--reuid=65534", "--regid=65534", "--clear-groups", "--", PokinBinary.url.path] + arguments,
                                         environment: ["POKIN_MAPPINGS": Fixtures.repositoryFile("Mappings").path])
        }
        return try PokinBinary.run(arguments)
    }

    /// Whether the batch runs as a user that file permissions stop (not root).
    static var permissionsApply: Bool {
        geteuid() != 0 || FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")
    }

    /// A JSON object file.
    static func report(_ url: URL) throws -> [String: Any] {
        let data = try Data(contentsOf: url)
        guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw MissingRequirement(description: "\(url.path) is not a JSON object")
        }
        return object
    }
}

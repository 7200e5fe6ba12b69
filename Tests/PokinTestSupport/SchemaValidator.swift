import Foundation

/// Validates JSON against the repository's canonical-model schema with a real validator:
/// Python's `jsonschema` package, through `Scripts/validate-json.py`.
public enum SchemaValidator {
    public static let canonicalSchema = Fixtures.repositoryFile("Schema/pokin-1.schema.json")
    public static let script = Fixtures.repositoryFile("Scripts/validate-json.py")

    /// Tests using this are enabled where jsonschema is installed, and always on CI.
    public static var enabled: Bool { TestEnvironment.pythonEnabled("jsonschema") }

    /// Validates `json` text; returns the validator's complaints (empty when valid).
    public static func problems(in json: String, schema: URL = canonicalSchema) throws -> [String] {
        try TestEnvironment.requirePython("jsonschema")
        let result = try ProcessRunner.run("/usr/bin/env", ["python3", script.path, schema.path, "-"], input: Array(json.utf8))
        guard result.status == 0 || result.status == 1 else {
            throw MissingRequirement(description: "validate-json.py failed: \(result.stderr)")
        }
        return result.stdout.split(separator: "\n").filter { $0.hasPrefix("invalid") }.map(String.init)
    }
}

import ArgumentParser
import Foundation
import PokinCore

/// The `pokin` command: converts performance-tree worksheets between agency layouts and one
/// canonical model.
@main
struct Pokin: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "pokin",
        abstract: "Convert and check Pohon Kinerja / Cascading Kinerja worksheets (Tahap 1–5).",
        discussion: """
            pokin reads an agency's workbook (XLSX or CSV, any layout described by a mapping file), \
            builds one canonical performance tree, writes it as canonical JSON, the standard template \
            workbook or CSV, and checks the tahap sheets against each other.

            Exit status: 0 success; 1 the input has errors; 2 usage error or command not built yet; \
            3 a file could not be read or written.
            """,
        version: Pokin.version,
        subcommands: [
            ConvertCommand.self, CheckCommand.self, BatchCommand.self, RenderCommand.self,
            InspectCommand.self, DumpCommand.self, MappingCommand.self,
        ]
    )

    /// Parses and runs, with the brief's exit statuses: a usage error is 2 (argument-parser's
    /// own default would be 64).
    static func main() {
        // With TZ unset, glibc looks at /etc/localtime again on every mktime(3), which libzip
        // calls for each entry of every workbook it opens; naming the same file once keeps the
        // same time zone and reads it once.
        setenv("TZ", ":/etc/localtime", 0)
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure {
                printError(fullMessage(for: error))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}

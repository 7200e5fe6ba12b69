import Foundation
import PokinTestSupport
import Testing

@Suite("Command line skeleton")
struct CommandLineTests {
    @Test("--version prints the version and --help lists every command of the brief")
    func helpAndVersion() throws {
        let version = try PokinBinary.run(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "0.1.0")
        let help = try PokinBinary.run(["--help"])
        #expect(help.status == 0)
        for command in ["convert", "check", "batch", "render", "inspect", "dump", "mapping"] {
            #expect(help.stdout.contains("  \(command) "), "help lists \(command)")
        }
    }

    @Test("--to-mapping with a canonical JSON output is a usage error (exit 2): JSON has no layout; nothing is written")
    func toMappingNeedsAWorkbook() throws {
        let folder = try Fixtures.temporaryDirectory("to-mapping-json")
        let result = try PokinBinary.run(["convert", Fixtures.url("agencies/dkukmpp-seed/expected.json").path, "out.json",
                                          "--to-mapping", "permenpan-lembar-kerja"], currentDirectory: folder)
        #expect(result.status == 2)
        #expect(result.stderr.contains("--to-mapping writes a workbook"))
        #expect(result.stdout.isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test("an unknown option is a usage error (exit 2)")
    func usageError() throws {
        let result = try PokinBinary.run(["convert", "--no-such-option"])
        #expect(result.status == 2)
    }
}

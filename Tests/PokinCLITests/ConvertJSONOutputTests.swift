import Foundation
import PokinTestSupport
import Testing

/// How `pokin convert` puts a canonical JSON file on disk (FileOutput: a temporary name, fsync,
/// rename): the whole file or nothing, replacing an older output, in any folder form.
@Suite("pokin convert: the JSON output file is written whole, replaced atomically, or not at all")
struct ConvertJSONOutputTests {
    static let sample = """
        {"pokin":1,"agency":{"name":"Dinas Koperasi","shortName":"DK"},"diagnostics":[],
         "nodes":[{"id":"1","parent":null,"statement":"Meningkatnya \\"Koperasi\\" \\u2028 Sehat","level":"outcome",
                   "performance":null,"planning":null,"position":null,"indicators":[],"crosscutting":[],
                   "catatan":{"tahun":[2025,2026.5,-1]}}]}
        """

    @Test("an existing output is replaced by the new bytes, with no temporary file left beside it")
    func replacesExistingOutput() throws {
        let folder = try Fixtures.temporaryDirectory("json-output")
        let input = folder.appendingPathComponent("in.json")
        try Data(Self.sample.utf8).write(to: input)
        let output = folder.appendingPathComponent("out.json")
        try Data(String(repeating: "old content that is longer than the new file\n", count: 20_000).utf8).write(to: output)
        let result = try PokinBinary.run(["convert", input.path, output.path])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let reference = try PokinBinary.run(["convert", input.path, "-"])
        #expect(reference.status == 0)
        let written = String(decoding: try Data(contentsOf: output), as: UTF8.self)
        #expect(written == reference.stdout)
        #expect(written.hasPrefix("{\n  \"pokin\": 1,"))
        #expect(written.contains(#""statement": "Meningkatnya \"Koperasi\" \u2028 Sehat""#))
        #expect(written.contains(#""tahun": [2025, 2026.5, -1]"#))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["in.json", "out.json"])
    }

    @Test("a bare file name writes into the current folder through a hidden temporary name there")
    func bareFileName() throws {
        let folder = try Fixtures.temporaryDirectory("json-output")
        try Data(Self.sample.utf8).write(to: folder.appendingPathComponent("in.json"))
        let result = try PokinBinary.run(["convert", "in.json", "hasil.json"], currentDirectory: folder)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let written = try Data(contentsOf: folder.appendingPathComponent("hasil.json"))
        #expect(written.last == UInt8(ascii: "\n"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["hasil.json", "in.json"])
    }

    @Test("an output in a folder that does not exist fails with file-unwritable (exit 3) and leaves nothing")
    func missingFolder() throws {
        let folder = try Fixtures.temporaryDirectory("json-output")
        let input = folder.appendingPathComponent("in.json")
        try Data(Self.sample.utf8).write(to: input)
        let output = folder.appendingPathComponent("tidak-ada").appendingPathComponent("out.json")
        let result = try PokinBinary.run(["convert", input.path, output.path])
        #expect(result.status == 3)
        #expect(result.stderr.contains("file-unwritable"))
        #expect(result.stderr.contains("could not write the output"))
        #expect(result.stderr.contains("out.json"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["in.json"])
    }
}

import Foundation
import PokinTestSupport
import Testing

@Suite("pokin convert: canonical JSON in, canonical JSON out")
struct ConvertJSONTests {
    static let sample = """
        {"pokin":1,"agency":{"name":"Dinas Koperasi","shortName":"DK"},"diagnostics":[],
         "nodes":[{"id":"1","parent":null,"statement":"Meningkatnya Produktifitas Koperasi","level":"outcome",
                   "performance":"strategis-skpd","planning":"tujuan","position":null,
                   "indicators":[{"name":"Persentase Koperasi Berpredikat Sehat"}],"crosscutting":[]},
                  {"id":"1.1","parent":"1","statement":"Mudahnya Pengurusan Ijin","level":"csf","performance":null,
                   "planning":null,"position":null,"indicators":[],"crosscutting":[{"partner":"DINAS PMPTSP"}]}]}
        """

    @Test("a valid document is rewritten in canonical form, and rewriting that gives the same bytes")
    func canonicalises() throws {
        let folder = try Fixtures.temporaryDirectory("convert")
        let input = folder.appendingPathComponent("in.json")
        try Data(Self.sample.utf8).write(to: input)
        let first = folder.appendingPathComponent("first.json")
        let second = folder.appendingPathComponent("second.json")
        let run1 = try PokinBinary.run(["convert", input.path, first.path])
        #expect(run1.status == 0, "stderr: \(run1.stderr)")
        let run2 = try PokinBinary.run(["convert", first.path, second.path])
        #expect(run2.status == 0)
        let firstBytes = try Data(contentsOf: first)
        #expect(firstBytes == (try Data(contentsOf: second)))
        let text = String(decoding: firstBytes, as: UTF8.self)
        #expect(text.hasPrefix("{\n  \"pokin\": 1,\n  \"agency\": {"))
        #expect(text.contains("\"partner\": \"DINAS PMPTSP\""))
        // Only the output exists besides the inputs: no temporary files left behind.
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(names == ["first.json", "in.json", "second.json"])
    }

    @Test("what convert writes is valid against the published schema", .enabled(if: SchemaValidator.enabled))
    func outputIsSchemaValid() throws {
        let folder = try Fixtures.temporaryDirectory("convert")
        let input = folder.appendingPathComponent("in.json")
        try Data(Self.sample.utf8).write(to: input)
        let result = try PokinBinary.run(["convert", input.path, "-"])
        #expect(result.status == 0)
        #expect(try SchemaValidator.problems(in: result.stdout) == [])
    }

    @Test("an invalid model exits 1 with the node named and writes nothing")
    func invalidModel() throws {
        let folder = try Fixtures.temporaryDirectory("convert")
        let input = folder.appendingPathComponent("bad.json")
        try Data(Self.sample.replacingOccurrences(of: "\"parent\":\"1\"", with: "\"parent\":\"9\"").utf8).write(to: input)
        let output = folder.appendingPathComponent("out.json")
        let result = try PokinBinary.run(["convert", input.path, output.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("dangling-parent"))
        #expect(result.stderr.contains("node \"1.1\""))
        #expect(result.stderr.contains("bad.json"))
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    @Test("a missing input exits 3 and names the file; broken JSON exits 3 with a line number")
    func unreadableInput() throws {
        let folder = try Fixtures.temporaryDirectory("convert")
        let missing = try PokinBinary.run(["convert", folder.appendingPathComponent("none.json").path, "/tmp/x.json"])
        #expect(missing.status == 3)
        #expect(missing.stderr.contains("none.json"))
        let broken = folder.appendingPathComponent("broken.json")
        try Data("{\n  \"pokin\": 1,\n  \"nodes\": [,]\n}".utf8).write(to: broken)
        let result = try PokinBinary.run(["convert", broken.path, folder.appendingPathComponent("o.json").path])
        #expect(result.status == 3)
        #expect(result.stderr.contains("malformed-json"))
        #expect(result.stderr.contains("line 3"))
    }
}

import Foundation
import PokinTestSupport
import Testing

@Suite("pokin convert --to-mapping: writing an agency's own layout")
struct ConvertToMappingTests {
    static let seed = Fixtures.url("agencies/dkukmpp-seed/pohon-kinerja-dkukmpp.xlsx")
    static let golden = Fixtures.url("agencies/dkukmpp-seed/expected.json")

    /// The model JSON printed by `pokin convert IN - --mapping M`, without what names cells
    /// (`at`) and the import's diagnostics (they cite those cells).
    static func model(of input: String, mapping: String) throws -> NSDictionary {
        let result = try PokinBinary.run(["convert", input, "-", "--mapping", mapping])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
        return withoutProvenance(object) as! NSDictionary
    }

    static func withoutProvenance(_ value: Any) -> Any {
        if let dictionary = value as? [String: Any] {
            var copy: [String: Any] = [:]
            for (key, item) in dictionary where key != "at" && key != "diagnostics" { copy[key] = withoutProvenance(item) }
            return copy as NSDictionary
        }
        if let array = value as? [Any] { return array.map(withoutProvenance) as NSArray }
        return value
    }

    @Test("an agency workbook converted into its own layout (--mapping A --to-mapping A) reads back as the same model")
    func workbookIntoItsOwnLayout() throws {
        let folder = try Fixtures.temporaryDirectory("to-mapping")
        let output = folder.appendingPathComponent("kembali.xlsx").path
        let result = try PokinBinary.run(["convert", Self.seed.path, output, "--mapping", "permenpan-lembar-kerja",
                                          "--to-mapping", "permenpan-lembar-kerja"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stderr.contains("in the layout of the mapping \"permenpan-lembar-kerja\""))
        #expect(!result.stderr.contains("warning["))
        #expect(try Self.model(of: output, mapping: "permenpan-lembar-kerja") == Self.model(of: Self.seed.path, mapping: "permenpan-lembar-kerja"))
        // Without --mapping the written workbook is recognised as that layout again.
        let recognised = try PokinBinary.run(["convert", output, folder.appendingPathComponent("m.json").path])
        #expect(recognised.stderr.contains("\"permenpan-lembar-kerja\" (recognised)"), "\(recognised.stderr)")
    }

    @Test("a canonical JSON written as a CSV folder in a layout reads back from the folder as the same model")
    func jsonIntoACSVFolder() throws {
        let folder = try Fixtures.temporaryDirectory("to-mapping-csv")
        let output = folder.appendingPathComponent("lembar").path
        let result = try PokinBinary.run(["convert", Self.golden.path, output, "--to-mapping", "permenpan-lembar-kerja"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: output).sorted()
        #expect(files == ["Cascading.csv", "Pohon Kinerja.csv", "Tahap 1.csv", "Tahap 2.csv", "Tahap 3.csv", "Tahap 4.csv", "Tahap 5.csv"])
        let golden = try JSONSerialization.jsonObject(with: Data(contentsOf: Self.golden))
        #expect(try Self.model(of: output, mapping: "permenpan-lembar-kerja") == Self.withoutProvenance(golden) as! NSDictionary)
    }

    @Test("what the target layout has no place for is named in warnings on stderr, and the file is still written (exit 0)")
    func droppedFeaturesWarned() throws {
        let folder = try Fixtures.temporaryDirectory("to-mapping-drop")
        let output = folder.appendingPathComponent("gambar.xlsx")
        let result = try PokinBinary.run(["convert", Self.golden.path, output.path, "--to-mapping", "pohon-gambar"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        // A drawn tree shows no kinerja class and no nomenclature.
        #expect(result.stderr.contains("warning[dropped-performance]"))
        #expect(result.stderr.contains("warning[dropped-nomenclature]"))
        #expect(FileManager.default.fileExists(atPath: output.path))
    }

    @Test("--to-mapping with a mapping that does not exist is a usage error (exit 2) and writes nothing")
    func unknownMapping() throws {
        let folder = try Fixtures.temporaryDirectory("to-mapping-unknown")
        let result = try PokinBinary.run(["convert", Self.golden.path, "out.xlsx", "--to-mapping", "tidak-ada"], currentDirectory: folder)
        #expect(result.status == 2)
        #expect(result.stderr.contains("tidak-ada"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }
}

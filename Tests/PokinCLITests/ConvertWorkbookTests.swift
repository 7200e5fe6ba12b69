import Foundation
import PokinTestSupport
import Testing

@Suite("pokin convert: an agency workbook into the canonical model")
struct ConvertWorkbookTests {
    static let seed = Fixtures.url("agencies/dkukmpp-seed/pohon-kinerja-dkukmpp.xlsx")

    @Test("the seed workbook converts without --mapping: the layout is recognised and named on stderr")
    func recognisesTheLayout() throws {
        let folder = try Fixtures.temporaryDirectory("convert-xlsx")
        let output = folder.appendingPathComponent("dkukmpp.json")
        let result = try PokinBinary.run(["convert", Self.seed.path, output.path])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stderr.contains("\"permenpan-lembar-kerja\" (recognised)"))
        #expect(result.stderr.contains("27 nodes"))
        let text = try String(contentsOf: output, encoding: .utf8)
        #expect(text.contains("\"statement\": \"Meningkatnya Produktifitas Koperasi dan Usaha Mikro\""))
        #expect(text.contains("\"partner\": \"DINAS PMPTSP\""))
    }

    @Test("the model converted from the seed workbook is valid against the schema", .enabled(if: SchemaValidator.enabled))
    func outputIsSchemaValid() throws {
        let result = try PokinBinary.run(["convert", Self.seed.path, "-", "--mapping", "permenpan-lembar-kerja"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(try SchemaValidator.problems(in: result.stdout) == [])
    }

    @Test("a workbook no mapping recognises is refused with what to do, exit 1")
    func unknownLayout() throws {
        let folder = try Fixtures.temporaryDirectory("convert-xlsx")
        let csv = folder.appendingPathComponent("lain.csv")
        try Data("Nama;Alamat\nBudi;Jl. Merdeka\n".utf8).write(to: csv)
        let result = try PokinBinary.run(["convert", csv.path, folder.appendingPathComponent("o.json").path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("--mapping"))
    }

    @Test("pokin mapping check reports a broken mapping's problems with lines and exits 1; list shows the built-in ones")
    func mappingCommands() throws {
        let folder = try Fixtures.temporaryDirectory("mapping")
        let broken = folder.appendingPathComponent("rusak.yaml")
        try Data("pokin-mapping: 1\nname: rusak\nsheets:\n  tahap-7:\n    sheet: [X]\n".utf8).write(to: broken)
        let check = try PokinBinary.run(["mapping", "check", broken.path])
        #expect(check.status == 1)
        #expect(check.stdout.contains("rusak.yaml:4:"))
        let good = try PokinBinary.run(["mapping", "check", Fixtures.repositoryFile("Mappings/permenpan-lembar-kerja.yaml").path])
        #expect(good.status == 0, "\(good.stdout)\(good.stderr)")
        let list = try PokinBinary.run(["mapping", "list"], currentDirectory: Fixtures.repositoryRoot)
        #expect(list.status == 0)
        #expect(list.stdout.contains("permenpan-lembar-kerja"))
    }
}

@Suite("pokin mapping infer on the command line")
struct MappingInferCommandTests {
    @Test("infer prints a draft that mapping check accepts, or writes it with -o")
    func inferThenCheck() throws {
        let folder = try Fixtures.temporaryDirectory("infer")
        let draft = folder.appendingPathComponent("draft.yaml")
        let infer = try PokinBinary.run(["mapping", "infer", ConvertWorkbookTests.seed.path, "-o", draft.path])
        #expect(infer.status == 0, "\(infer.stderr)")
        let check = try PokinBinary.run(["mapping", "check", draft.path])
        #expect(check.status == 0, "\(check.stdout)")
        let printed = try PokinBinary.run(["mapping", "infer", ConvertWorkbookTests.seed.path])
        #expect(printed.stdout == (try String(contentsOf: draft, encoding: .utf8)))
    }
}

@Suite("pokin convert: the standard template and CSV folder, there and back without --mapping")
struct ConvertTemplateTests {
    @Test("model → template.xlsx → model and model → folder → model: the layout is recognised as pokin-standar and the tree is the same")
    func roundTripsOnTheCommandLine() throws {
        let folder = try Fixtures.temporaryDirectory("convert-template")
        let golden = Fixtures.url("agencies/dkukmpp-seed/expected.json").path
        for target in ["templat.xlsx", "tahap-csv"] {
            let written = folder.appendingPathComponent(target).path
            let back = folder.appendingPathComponent("back-\(target).json").path
            let out = try PokinBinary.run(["convert", golden, written])
            #expect(out.status == 0, "\(out.stderr)")
            let read = try PokinBinary.run(["convert", written, back])
            #expect(read.status == 0, "\(read.stderr)")
            #expect(read.stderr.contains("\"pokin-standar\" (recognised)"), "\(read.stderr)")
            #expect(read.stderr.contains("27 nodes"))
        }
    }

    @Test("the seed's own layout is still recognised as permenpan-lembar-kerja, not as the template")
    func seedLayoutRecognised() throws {
        let result = try PokinBinary.run(["convert", ConvertWorkbookTests.seed.path, "-"])
        #expect(result.stderr.contains("\"permenpan-lembar-kerja\" (recognised)"))
    }
}

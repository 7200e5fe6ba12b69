import Foundation
import PokinCore
import PokinCSV
import PokinExport
import PokinMapping
import PokinModel
import PokinTestSupport
import PokinXLSX
import Testing

@Suite("Standard template: model → workbook or CSV folder → model")
struct TemplateRoundTripTests {
    static let mapping: MappingFile = {
        // swiftlint:disable:next force_try
        try! MappingCatalog(folder: Fixtures.repositoryFile("Mappings")).mapping(named: "pokin-standar")
    }()

    static func readWorkbook(_ path: String) throws -> PohonKinerja {
        try WorkbookImporter(mapping: mapping).importTree(from: try XLSXWorkbook(path: path), file: "template.xlsx")
    }

    static func expectSame(_ got: PohonKinerja, _ want: PohonKinerja) {
        #expect(got.agency == want.agency)
        #expect(got.nodes.map(\.id) == want.nodes.map(\.id))
        for (a, b) in zip(got.nodes, want.nodes) where a != b {
            Issue.record("node \(b.id) differs:\n got: \(a)\nwant: \(b)")
        }
    }

    @Test("the seed's golden model comes back from the template: tree, levels, indicators, jobs, partners, nomenclature and every tahap's own wording")
    func seedThroughWorkbook() throws {
        let folder = try Fixtures.temporaryDirectory("template")
        let path = folder.appendingPathComponent("template.xlsx").path
        let golden = try ModelFixtures.seedGolden()
        try TemplateWorkbookWriter(model: golden).write(to: path)
        let back = try Self.readWorkbook(path)
        Self.expectSame(ModelFixtures.comparable(back), ModelFixtures.comparable(golden))
        // What the import says about the seed's own inconsistencies survives too.
        #expect(back.diagnostics.contains { $0.code == "extra-node" })
    }

    @Test("a generated model of over 1,000 nodes comes back from the template unchanged")
    func largeModelThroughWorkbook() throws {
        let model = ModelFixtures.generated(outcomes: 4, branching: 4)
        #expect(model.nodes.count > 1_000)
        #expect(model.validate().isEmpty)
        let folder = try Fixtures.temporaryDirectory("template")
        let path = folder.appendingPathComponent("template.xlsx").path
        try TemplateWorkbookWriter(model: model).write(to: path)
        let back = try Self.readWorkbook(path)
        Self.expectSame(ModelFixtures.withoutStages(back), ModelFixtures.withoutStages(model))
    }

    @Test("the same models come back from the tahap CSV folder (tahap-1.csv … tahap-5.csv)")
    func throughCSVFolder() throws {
        for model in [try ModelFixtures.seedGolden(), ModelFixtures.generated(outcomes: 2, branching: 2)] {
            let folder = try Fixtures.temporaryDirectory("csv").appendingPathComponent("tahap")
            try TahapCSVWriter(model: model).write(toFolder: folder.path)
            let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
            #expect(names == ["cascading.csv", "tahap-1.csv", "tahap-2.csv", "tahap-3.csv", "tahap-4.csv", "tahap-5.csv"])
            let back = try WorkbookImporter(mapping: Self.mapping).importTree(from: try CSVFolderWorkbook(path: folder.path), file: "tahap")
            let hadStages = model.nodes.contains { !$0.stages.isEmpty }
            if hadStages {
                // The CSV folder has no Petunjuk sheet, so it does not carry the agency's name.
                var want = ModelFixtures.comparable(model)
                want.agency = PerangkatDaerah()
                Self.expectSame(ModelFixtures.comparable(back), want)
            } else {
                var want = ModelFixtures.withoutStages(model)
                want.agency = PerangkatDaerah()
                Self.expectSame(ModelFixtures.withoutStages(back), want)
            }
        }
    }

    @Test("writing the same model twice gives byte-identical workbooks (no clock inside)")
    func deterministic() throws {
        let folder = try Fixtures.temporaryDirectory("template")
        let model = try ModelFixtures.seedGolden()
        let first = folder.appendingPathComponent("a.xlsx").path, second = folder.appendingPathComponent("b.xlsx").path
        try TemplateWorkbookWriter(model: model).write(to: first)
        try TemplateWorkbookWriter(model: model).write(to: second)
        #expect(FileManager.default.contents(atPath: first) == FileManager.default.contents(atPath: second))
    }

    @Test("a CSV folder is not written into a folder that holds other files")
    func refusesForeignFolder() throws {
        let folder = try Fixtures.temporaryDirectory("csv")
        try Data("x".utf8).write(to: folder.appendingPathComponent("laporan.docx"))
        #expect { try TahapCSVWriter(model: try ModelFixtures.seedGolden()).write(toFolder: folder.path) } throws: {
            ($0 as? PokinError)?.code == .fileUnwritable
        }
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("laporan.docx").path))
    }
}

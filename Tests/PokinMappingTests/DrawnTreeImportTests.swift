import Foundation
import PokinMapping
import PokinModel
import PokinTestSupport
import PokinXLSX
import Testing

/// A workbook whose tree exists only as a drawing imports through the `pohon-gambar` mapping,
/// recognised automatically — the seed's tree drawn by pokin and the same file saved again by
/// LibreOffice (which drops the connectors' bindings and renumbers the shapes).
@Suite("Drawn pohon kinerja imports through the mapping layer")
struct DrawnTreeImportTests {
    @Test("the drawn seed comes back as the golden tree: statements, parents, indicators, planning, position, partners",
          arguments: ["pohon-seed-pokin.xlsx", "pohon-seed-libreoffice.xlsx"])
    func drawnSeedImports(file: String) throws {
        let workbook = try XLSXWorkbook(path: Fixtures.url("drawings/\(file)").path)
        let catalog = MappingCatalog(folder: Fixtures.repositoryFile("Mappings"))
        let mapping = try #require(try catalog.recognise(workbook))
        #expect(mapping.name == "pohon-gambar")
        let model = try WorkbookImporter(mapping: mapping).importTree(from: workbook, file: file)
        let golden = try PohonKinerja.decode(try Fixtures.bytes("agencies/dkukmpp-seed/expected.json"))
        #expect(model.nodes.count == golden.nodes.count)
        func parentText(_ tree: PohonKinerja, _ node: Kinerja) -> String? {
            node.parent.flatMap { id in tree.nodes.first { $0.id == id }?.statement }
        }
        for want in golden.nodes {
            guard let got = model.nodes.first(where: { $0.statement == want.statement }) else {
                Issue.record("missing \(want.id) \(want.statement)")
                continue
            }
            #expect(parentText(model, got) == parentText(golden, want), "parent of \(want.id)")
            #expect(got.indicators.map(\.name) == want.indicators.map(\.name), "indicators of \(want.id)")
            #expect(got.planning == want.planning && got.position == want.position, "planning/position of \(want.id)")
            #expect(got.crosscutting == want.crosscutting, "partners of \(want.id)")
            // A drawing shows the planning level, not Tahap 3's level word: the level follows from
            // the planning component (the seed's two nodes whose Tahap 3 level disagrees differ here).
            let expectedLevel = want.planning.map { LevelTable.level(for: $0) } ?? want.level
            #expect(got.level == expectedLevel, "level of \(want.id)")
        }
    }

    @Test("the seed's tahap workbook, whose POHON KINERJA sheet has no drawing, is not taken for a drawn tree")
    func tahapWorkbookNotDrawn() throws {
        let workbook = try XLSXWorkbook(path: Fixtures.url("agencies/dkukmpp-seed/pohon-kinerja-dkukmpp.xlsx").path)
        let mapping = try MappingCatalog(folder: Fixtures.repositoryFile("Mappings")).recognise(workbook)
        #expect(mapping?.name == "permenpan-lembar-kerja")
    }
}

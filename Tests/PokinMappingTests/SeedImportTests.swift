import Foundation
import PokinCore
import PokinMapping
import PokinModel
import PokinTestSupport
import PokinXLSX
import Testing

/// The seed agency's real worksheets (Fixtures/agencies/dkukmpp-seed), read through the
/// `permenpan-lembar-kerja` mapping, against the hand-checked golden model beside them.
@Suite("Seed workbook imports to its golden model")
struct SeedImportTests {
    static let folder = "agencies/dkukmpp-seed"
    static let workbookName = "pohon-kinerja-dkukmpp.xlsx"

    static func importSeed() throws -> PohonKinerja {
        let catalog = MappingCatalog(folder: Fixtures.repositoryFile("Mappings"))
        let mapping = try catalog.mapping(named: "permenpan-lembar-kerja")
        let workbook = try XLSXWorkbook(path: Fixtures.url("\(folder)/\(workbookName)").path)
        return try WorkbookImporter(mapping: mapping).importTree(from: workbook, file: workbookName)
    }

    static func golden() throws -> PohonKinerja {
        try PohonKinerja.decode(try Fixtures.bytes("\(folder)/expected.json"))
    }

    /// The diagnostics are compared separately (the golden words them for people).
    static func withoutDiagnostics(_ model: PohonKinerja) -> PohonKinerja {
        var copy = model
        copy.diagnostics = []
        return copy
    }

    @Test("every node, parent, level, indicator, planning component, position, partner, nomenclature and per-stage record (cascading included) matches the golden")
    func nodesMatchGolden() throws {
        let imported = Self.withoutDiagnostics(try Self.importSeed())
        let golden = Self.withoutDiagnostics(try Self.golden())
        #expect(imported.agency == golden.agency)
        #expect(imported.nodes.map(\.id) == golden.nodes.map(\.id))
        for (got, want) in zip(imported.nodes, golden.nodes) {
            #expect(got == want, "node \(want.id) \"\(want.statement)\"\n got: \(got)\nwant: \(want)")
        }
        #expect(imported.validate().isEmpty)
    }

    @Test("the import reports the seed's import-level disagreements where the golden does")
    func diagnosticsAtTheGoldensCells() throws {
        let imported = try Self.importSeed()
        let golden = try Self.golden()
        // Same kind of finding about the same node: the code, and a cell of the same sheet row
        // or of one of the node's own stage cells.
        for expected in golden.diagnostics where expected.severity == .warning {
            let found = imported.diagnostics.contains { $0.code == expected.code }
            #expect(found, "missing \(expected.code) at \(expected.at ?? "-"); got \(imported.diagnostics.map(\.code))")
        }
        #expect(imported.diagnostics.contains { $0.code == "shifted-cell" && $0.at?.hasSuffix("'TAHAP 3'!A33") == true })
    }
}

import Foundation
import PokinCore
import PokinMapping
import PokinModel
import PokinTestSupport
import PokinXLSX
import Testing

@Suite("pokin mapping infer: a draft mapping for an unknown layout")
struct MappingInferenceTests {
    static let seed = Fixtures.url("agencies/dkukmpp-seed/pohon-kinerja-dkukmpp.xlsx")

    @Test("the seed's draft passes the mapping check and names each tahap's columns, the unnamed Tahap 5 columns by their words")
    func seedDraft() throws {
        let draft = try MappingInference(workbook: try XLSXWorkbook(path: Self.seed.path)).draft(name: "pohon-kinerja-dkukmpp")
        let (mapping, problems) = MappingLoader.check(yaml: draft, file: "draft.yaml")
        #expect(problems.isEmpty, "\(problems)\n\(draft)")
        let tahap3 = try #require(mapping?.sheet(.tahap3))
        #expect(Set(tahap3.columns.keys) == ["parent", "statement", "level"])
        let tahap5 = try #require(mapping?.sheet(.tahap5))
        #expect(tahap5.columns["planning"]?.letter == "E")
        #expect(tahap5.columns["position"]?.letter == "F")
        #expect(tahap5.columns["stage"]?.headers == ["Rujukan Tahapan"])
        #expect(mapping?.sheet(.cascading)?.layout == .matrix)
        #expect(draft.contains("# tahap-1: sheet \"TAHAP 1\" has no header row"))
    }

    @Test("importing the seed with its draft finds every Tahap 3 condition with its level")
    func draftImports() throws {
        let workbook = try XLSXWorkbook(path: Self.seed.path)
        let draft = try MappingInference(workbook: workbook).draft(name: "draft")
        let (mapping, _) = MappingLoader.check(yaml: draft, file: "draft.yaml")
        let model = try WorkbookImporter(mapping: try #require(mapping)).importTree(from: workbook, file: "seed.xlsx")
        let golden = try PohonKinerja.decode(try Fixtures.bytes("agencies/dkukmpp-seed/expected.json"))
        for node in golden.nodes where node.stages[.tahap3] != nil && node.level != .csf {
            #expect(model.nodes.contains { $0.statement == node.statement && $0.level == node.level }, "\(node.id) \(node.statement)")
        }
    }

    @Test("a sheet named freely is recognised by its columns; headers below title rows are found")
    func recognisesByColumns() throws {
        let workbook = MemoryWorkbook([
            MemoryWorkbook.Sheet("Lembar Kerja", rows: [
                ["PEMERINTAH KABUPATEN CONTOH"], ["Indikator Kinerja Dinas"], [],
                ["No", "Rujukan", "Uraian Kinerja", "Indikator", "Satuan", "Target 2025", "Target 2026", "Komponen Perencanaan"],
                ["1", "Tahap 1", "Meningkatnya Derajat Kesehatan", "Angka Harapan Hidup", "Tahun", "72,5", "72,8", "Tujuan SKPD"],
            ]),
        ])
        let draft = try MappingInference(workbook: workbook).draft(name: "Dinas Contoh")
        let (mapping, problems) = MappingLoader.check(yaml: draft, file: "draft.yaml")
        #expect(problems.isEmpty, "\(problems)\n\(draft)")
        #expect(mapping?.name == "dinas-contoh")
        let sheet = try #require(mapping?.sheet(.tahap5))
        #expect(sheet.columns["statement"]?.headers == ["Uraian Kinerja"])
        #expect(sheet.columns["unit"]?.headers == ["Satuan"])
        #expect(sheet.columns["targets"]?.headers == ["Target 2025", "Target 2026"])
        let model = try WorkbookImporter(mapping: try #require(mapping)).importTree(from: workbook, file: "x.xlsx")
        #expect(model.nodes.first?.indicators.first?.targets == [.init(year: 2025, value: "72,5"), .init(year: 2026, value: "72,8")])
        #expect(model.nodes.first?.indicators.first?.unit == "Tahun")
    }
}

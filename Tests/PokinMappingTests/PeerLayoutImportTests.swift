import Foundation
import PokinCore
import PokinMapping
import PokinModel
import PokinTestSupport
import PokinXLSX
import Testing

/// The four peer-system layouts (`layout: levels` and `layout: long`): each fixture workbook,
/// written by a real spreadsheet producer, imports through its built-in mapping to its
/// hand-checked golden model, and recognition picks that mapping by itself.
@Suite("Peer layouts (WP-Eval-SAKIP, e-SAKIP Diskominfo, Banjarnegara, SIPD cascading) import to their golden models")
struct PeerLayoutImportTests {
    struct Case: CustomStringConvertible, Sendable {
        var folder: String
        var workbook: String
        var mapping: String
        var description: String { mapping }
    }

    static let cases = [
        Case(folder: "agencies/wp-eval-sakip-dinkes", workbook: "pohon-kinerja-wp-eval-sakip.xlsx", mapping: "wp-eval-sakip"),
        Case(folder: "agencies/esakip-diskominfo", workbook: "pohon-kinerja-diskominfo.xlsx", mapping: "esakip-diskominfo"),
        Case(folder: "agencies/esakip-banjarnegara-distan", workbook: "renstra-distan.xlsx", mapping: "esakip-banjarnegara"),
        Case(folder: "agencies/esakip-sipd-disperindag", workbook: "cascading-disperindag.xlsx", mapping: "esakip-sipd-cascading"),
    ]

    static var catalog: MappingCatalog { MappingCatalog(folder: Fixtures.repositoryFile("Mappings")) }

    static func workbook(_ item: Case) throws -> XLSXWorkbook {
        try XLSXWorkbook(path: Fixtures.url("\(item.folder)/\(item.workbook)").path)
    }

    @Test("importing the fixture with its mapping gives the golden model exactly (nodes, ids, levels, indicators, units, targets, nomenclature, cells)",
          arguments: cases)
    func importsToGolden(_ item: Case) throws {
        let mapping = try Self.catalog.mapping(named: item.mapping)
        let imported = try WorkbookImporter(mapping: mapping).importTree(from: try Self.workbook(item), file: item.workbook)
        let golden = try PohonKinerja.decode(try Fixtures.bytes("\(item.folder)/expected.json"))
        #expect(imported.agency == golden.agency)
        #expect(imported.nodes.map(\.id) == golden.nodes.map(\.id))
        for (got, want) in zip(imported.nodes, golden.nodes) {
            #expect(got == want, "node \(want.id) \"\(want.statement)\"\n got: \(got)\nwant: \(want)")
        }
        #expect(imported.diagnostics == golden.diagnostics)
        #expect(imported.validate().isEmpty)
        // The golden is the canonical JSON pokin writes, byte for byte.
        #expect(imported.canonicalJSON() == String(decoding: try Fixtures.bytes("\(item.folder)/expected.json"), as: UTF8.self))
    }

    @Test("recognition picks the fixture's own mapping, ahead of every other built-in one", arguments: cases)
    func recognised(_ item: Case) throws {
        let workbook = try Self.workbook(item)
        let chosen = try #require(try Self.catalog.recognise(workbook))
        #expect(chosen.name == item.mapping)
        let own = MappingCatalog.recognitionScore(of: chosen, in: workbook)
        #expect(own > 0.99)
        for other in try Self.catalog.all() where other.name != item.mapping {
            #expect(MappingCatalog.recognitionScore(of: other, in: workbook) < own, "\(other.name)")
        }
    }

    @Test("the seed workbook is still recognised as permenpan-lembar-kerja, and none of the new mappings scores on it")
    func seedStillRecognised() throws {
        let seed = try XLSXWorkbook(path: Fixtures.url("agencies/dkukmpp-seed/pohon-kinerja-dkukmpp.xlsx").path)
        #expect(try Self.catalog.recognise(seed)?.name == "permenpan-lembar-kerja")
        for item in Self.cases {
            let mapping = try Self.catalog.mapping(named: item.mapping)
            #expect(MappingCatalog.recognitionScore(of: mapping, in: seed) < 0.34, "\(item.mapping)")
        }
    }

    @Test("the layout rules, one by one: blank parents fill down only above a filled deeper level; merged parents; repeated paths add indicators; a path may stop early")
    func fillDownRules() throws {
        let model = try importMemory(mapping: "wp-eval-sakip", rows: [
            ["Level 1", "Indikator Kinerja", "Level 2", "Indikator Kinerja", "Level 3", "Indikator Kinerja"],
            ["A", "a1", "B", "b1", "C", "c1"],
            ["", "", "", "", "D", "d1"],           // parents blank: D under B
            ["", "", "E", "e1"],                   // stops at level 2: E under A, nothing filled down below it
            ["A", "a2", "E", "e1", "F", "1. f1 2. f2"],  // repeated path: a2 added to A; numbered indicators
        ])
        #expect(model.nodes.map { "\($0.id) \($0.statement) \($0.indicators.map(\.name))" } == [
            "1 A [\"a1\", \"a2\"]", "1.1 B [\"b1\"]", "1.1.1 C [\"c1\"]", "1.1.2 D [\"d1\"]", "1.2 E [\"e1\"]", "1.2.1 F [\"f1\", \"f2\"]",
        ])
        #expect(model.nodes.map(\.level) == [.outcome, .csf, .kondisiAntaraUtama, .kondisiAntaraUtama, .csf, .kondisiAntaraUtama])
    }

    @Test("target and unit in one cell are split: \"85 %\", \"100%\", \"12 dokumen\", \"Rp 1.500.000\", \"0,70 poin\", \"3 - 5 unit\"; a word stays a target without unit")
    func targetWithUnit() {
        #expect(TargetText.split("85 %") == ("85", "%"))
        #expect(TargetText.split("100%") == ("100", "%"))
        #expect(TargetText.split("12 dokumen") == ("12", "dokumen"))
        #expect(TargetText.split("Rp 1.500.000") == ("1.500.000", "Rp"))
        #expect(TargetText.split("Rp.1.500.000") == ("1.500.000", "Rp."))
        #expect(TargetText.split("0,70 poin") == ("0,70", "poin"))
        #expect(TargetText.split("3 - 5 unit") == ("3 - 5", "unit"))
        #expect(TargetText.split("WTP") == ("WTP", nil))
        #expect(TargetText.split(" 72 ") == ("72", nil))
        #expect(TargetText.join(value: "1.500.000", unit: "Rp") == "Rp 1.500.000")
        #expect(TargetText.join(value: "85", unit: "%") == "85 %")
    }

    @Test("long format: a level word the mapping does not know is reported with its cell and left out; a kegiatan follows its program's code, not the row above")
    func longFormatRules() throws {
        let model = try importMemory(mapping: "esakip-banjarnegara", sheet: "Renstra", rows: [
            ["level", "kode", "uraian", "tahun_target", "target", "satuan"],
            ["tujuan", "", "T"],
            ["sasaran", "", "S"],
            ["program", "1.01.02", "P1"],
            ["program", "1.01.03", "P2"],
            ["kegiatan", "1.01.02.2.01", "K1"],
            ["indikator_kegiatan", "", "Jumlah k", "", "", "Unit"],
            ["target_kegiatan", "", "", "2026", "4", "Unit"],
            ["catatan", "", "bukan data"],
        ])
        #expect(model.nodes.map { "\($0.id) \($0.statement)" } == ["1 T", "1.1 S", "1.1.1 P1", "1.1.1.1 K1", "1.1.2 P2"])
        let kegiatan = try #require(model.nodes.first { $0.statement == "K1" })
        #expect(kegiatan.indicators == [Indikator(name: "Jumlah k", unit: "Unit", targets: [.init(year: 2026, value: "4")])])
        #expect(kegiatan.nomenclature == Nomenklatur(kind: .kegiatan, code: "1.01.02.2.01", name: "K1"))
        #expect(model.diagnostics.contains { $0.code == "unknown-row-kind" && $0.at == "memory.xlsx!Renstra!A9" })
    }

    func importMemory(mapping name: String, sheet: String = "Pohon Kinerja", rows: [[String]]) throws -> PohonKinerja {
        let workbook = MemoryWorkbook([MemoryWorkbook.Sheet(sheet, rows: rows.map { $0.map { $0.isEmpty ? nil : $0 } })])
        return try WorkbookImporter(mapping: try Self.catalog.mapping(named: name)).importTree(from: workbook, file: "memory.xlsx")
    }
}

@Suite("pokin mapping check: the levels and long layouts' keys are checked with their lines")
struct PeerLayoutMappingCheckTests {
    @Test("a level with an unknown level word, a group without a statement, an unknown field, codes out of order and a long layout without its level column are each reported at their line")
    func problemsWithLines() {
        let yaml = """
        pokin-mapping: 1
        name: rusak
        title: Rusak
        sheets:
          pohon:
            sheet: {names: [Pohon]}
            header: {find: [Level 1]}
            layout: levels
            levels:
              - level: level-satu
                columns: {statement: [Level 1]}
              - level: csf
                columns: {indicator: [Indikator]}
              - level: kondisi-antara
                columns: {statement: [Level 3], warna: [Warna]}
            codes:
              - {column: [Kode Kegiatan], level: kondisi-antara}
              - {column: [Kode Program], level: kondisi-antara-utama}
          cascading:
            sheet: {names: [Renstra]}
            header: {find: [uraian]}
            layout: long
            columns: {statement: [uraian], target: {header: [target], with-unit: ya}}
            rows: {tujuan-dinas: [tujuan]}
        """
        let (_, problems) = MappingLoader.check(yaml: yaml, file: "rusak.yaml")
        let lines = Dictionary(grouping: problems, by: { $0.line ?? 0 }).mapValues { $0.map(\.message) }
        #expect(lines[10]?.contains { $0.contains("\"level-satu\" is not one of") } == true, "\(problems)")
        #expect(lines[12]?.contains { $0.contains("needs its statement column") } == true, "\(problems)")
        #expect(lines[15]?.contains { $0.contains("unknown field \"warna\"") } == true, "\(problems)")
        #expect(lines[17]?.contains { $0.contains("from the top level down") } == true, "\(problems)")
        #expect(problems.contains { $0.line == 20 && $0.message.contains("needs the level column") }, "\(problems)")
        #expect(lines[23]?.contains { $0.contains("with-unit must be true or false") } == true, "\(problems)")
        #expect(lines[24]?.contains { $0.contains("unknown row kind \"tujuan-dinas\"") } == true, "\(problems)")
    }
}

import Foundation
import PokinCore
import PokinCSV
import PokinExport
import PokinMapping
import PokinModel
import PokinTestSupport
import PokinXLSX
import Testing

/// Round trips through every built-in mapping (issue 6, part 6).
///
/// "The same model" compares, node by node and in order: id, parent, statement, level, kinerja
/// class, planning component, job, indicators (names, units, targets by year), crosscutting
/// partners, nomenclature, and each stage's record (the wording on that sheet, its indicator
/// list, and its level, planning and job labels as written), plus the agency's name and acronym.
/// Not compared: where each text was read from (`at`: the written workbook has other cells and
/// another file name) and the import's diagnostics (they cite those cells).
@Suite("Mapping export: import → export → import gives the same model")
struct MappingRoundTripTests {
    static var catalog: MappingCatalog { MappingCatalog(folder: Fixtures.repositoryFile("Mappings")) }

    /// The model without provenance: `at` of every stage record, and the diagnostics.
    static func withoutProvenance(_ model: PohonKinerja) -> PohonKinerja {
        var copy = model
        copy.diagnostics = []
        for index in copy.nodes.indices {
            for role in copy.nodes[index].stages.keys { copy.nodes[index].stages[role]?.at = nil }
        }
        return copy
    }

    static func expectSame(_ got: PohonKinerja, _ want: PohonKinerja, _ context: String,
                           sourceLocation: SourceLocation = #_sourceLocation) {
        let got = withoutProvenance(got), want = withoutProvenance(want)
        #expect(got.agency == want.agency, "\(context): agency", sourceLocation: sourceLocation)
        #expect(got.nodes.map(\.id) == want.nodes.map(\.id), "\(context): ids", sourceLocation: sourceLocation)
        for (a, b) in zip(got.nodes, want.nodes) where a != b {
            Issue.record("\(context): node \(b.id) differs:\n got: \(a)\nwant: \(b)", sourceLocation: sourceLocation)
        }
    }

    /// Every workbook fixture of `Fixtures/agencies/*` and `Fixtures/drawings/`, with the built-in
    /// mapping that recognises it.
    static func fixtures() throws -> [(path: String, mapping: MappingFile)] {
        var result: [(String, MappingFile)] = []
        let manager = FileManager.default
        var candidates: [String] = []
        let agencies = Fixtures.url("agencies")
        for folder in (try? manager.contentsOfDirectory(atPath: agencies.path))?.sorted() ?? [] {
            let url = agencies.appendingPathComponent(folder)
            for name in (try? manager.contentsOfDirectory(atPath: url.path))?.sorted() ?? [] where name.hasSuffix(".xlsx") {
                candidates.append(url.appendingPathComponent(name).path)
            }
        }
        let drawings = Fixtures.url("drawings")
        for name in (try? manager.contentsOfDirectory(atPath: drawings.path))?.sorted() ?? [] where name.hasSuffix(".xlsx") {
            candidates.append(drawings.appendingPathComponent(name).path)
        }
        for path in candidates {
            if let mapping = try catalog.recognise(try XLSXWorkbook(path: path)) { result.append((path, mapping)) }
        }
        return result
    }

    static func importWorkbook(_ path: String, _ mapping: MappingFile) throws -> PohonKinerja {
        let workbook: TableWorkbook = path.hasSuffix(".xlsx") ? try XLSXWorkbook(path: path) : try CSVFolderWorkbook(path: path)
        return try WorkbookImporter(mapping: mapping).importTree(from: workbook, file: URL(fileURLWithPath: path).lastPathComponent)
    }

    /// The model a mapping's round trip starts from: its fixture imported, or (for a mapping
    /// without a fixture) the seed's golden model written in the layout and read back.
    static func startingModels(for mapping: MappingFile) throws -> [(String, PohonKinerja)] {
        let found = try fixtures().filter { $0.mapping.name == mapping.name }
        if !found.isEmpty {
            return try found.map { (URL(fileURLWithPath: $0.path).lastPathComponent, try importWorkbook($0.path, mapping)) }
        }
        let folder = try Fixtures.temporaryDirectory("start-\(mapping.name)")
        let path = folder.appendingPathComponent("start.xlsx").path
        try MappingWorkbookWriter(model: try ModelFixtures.seedGolden(), mapping: mapping).write(to: path)
        return [("the seed's golden model in this layout", try importWorkbook(path, mapping))]
    }

    /// The names of the built-in mappings (the catalog is read when the tests are listed, so a
    /// mapping added to `Mappings/` is tested without touching this file).
    static let mappingNames: [String] = (try? catalog.all().map(\.name)) ?? []

    static func mapping(_ name: String) throws -> MappingFile { try catalog.mapping(named: name) }

    @Test("the catalog holds the built-in mappings the round trips run over")
    func catalogIsRead() {
        #expect(Self.mappingNames.contains("permenpan-lembar-kerja"))
        #expect(Self.mappingNames.contains("pokin-standar"))
        #expect(Self.mappingNames.contains("pohon-gambar"))
    }

    @Test("a built-in mapping's fixture imported, exported with the same mapping and imported again gives the same model (XLSX); the written workbook is recognised as that layout",
          arguments: mappingNames)
    func sameMappingThroughWorkbook(_ name: String) throws {
        let mapping = try Self.mapping(name)
        for sheet in mapping.sheets {
            #expect(MappingSheetWriters.writer(for: sheet.layout) != nil,
                    "no export writer for the \(sheet.layout.rawValue) layout (register one in MappingSheetWriters)")
        }
        for (source, model) in try Self.startingModels(for: mapping) {
            #expect(!model.nodes.isEmpty, "\(name): \(source) imports to nodes")
            let folder = try Fixtures.temporaryDirectory("roundtrip-\(name)")
            let path = folder.appendingPathComponent("out.xlsx").path
            let warnings = try MappingWorkbookWriter(model: model, mapping: mapping).write(to: path)
            #expect(warnings.isEmpty, "\(name): a model read through the layout loses nothing when written back: \(warnings.map(\.message))")
            let back = try Self.importWorkbook(path, mapping)
            Self.expectSame(back, model, "\(name) (\(source))")
            #expect(try Self.catalog.recognise(try XLSXWorkbook(path: path))?.name == name)
        }
    }

    @Test("a built-in mapping's fixture imported, exported with the same mapping as a CSV folder and imported from it gives the same model",
          arguments: mappingNames)
    func sameMappingThroughCSVFolder(_ name: String) throws {
        let mapping = try Self.mapping(name)
        for (source, model) in try Self.startingModels(for: mapping) {
            let folder = try Fixtures.temporaryDirectory("roundtrip-csv-\(name)").appendingPathComponent("out")
            let warnings = try MappingWorkbookWriter(model: model, mapping: mapping).writeCSVFolder(to: folder.path)
            if mapping.sheets.allSatisfy({ $0.layout == .drawing }) {
                // A drawn tree has no cells: the CSV folder cannot carry it, and the export says so.
                #expect(warnings.contains { $0.code == "drawing-not-in-csv" })
                continue
            }
            #expect(warnings.isEmpty, "\(name): \(warnings.map(\.message))")
            let back = try Self.importWorkbook(folder.path, mapping)
            var want = model
            // Fixed agency cells are kept (a CSV keeps row and column), so nothing is set aside here.
            if mapping.name == MappingWorkbookWriter.standardMappingName {
                // The standard CSV folder has no Petunjuk sheet, so no agency name (TahapCSVWriter).
                want.agency = PerangkatDaerah()
            }
            Self.expectSame(back, want, "\(name) CSV (\(source))")
        }
    }

    /// What the standard template keeps of a model (as `TemplateRoundTripTests` states it): all
    /// but provenance, the level / planning / job labels as the agency spelt them (the template
    /// writes its own words) and the cascading view's records (drawn from the tahap sheets).
    /// A model read from a layout without Tahap 1–5 sheets (a drawing, a one-sheet layout) has no
    /// tahap records to keep: its stage records are left out of the comparison (the template
    /// gives it tahap records of its own).
    static func standardComparable(_ model: PohonKinerja, source: PohonKinerja) -> PohonKinerja {
        let tahap: Set<StageRole> = [.tahap1, .tahap2, .tahap3, .tahap4, .tahap5]
        let hadTahapRecords = source.nodes.contains { !tahap.isDisjoint(with: $0.stages.keys) }
        return hadTahapRecords ? ModelFixtures.comparable(model) : ModelFixtures.withoutStages(model)
    }

    @Test("a built-in mapping's fixture imported, exported as the standard template and imported with pokin-standar gives the same model",
          arguments: mappingNames)
    func anyMappingThroughStandard(_ name: String) throws {
        let mapping = try Self.mapping(name)
        let standard = try Self.mapping(MappingWorkbookWriter.standardMappingName)
        for (source, model) in try Self.startingModels(for: mapping) {
            let folder = try Fixtures.temporaryDirectory("standard-\(name)")
            let path = folder.appendingPathComponent("standar.xlsx").path
            let warnings = try MappingWorkbookWriter(model: model, mapping: standard).write(to: path)
            #expect(warnings.isEmpty)
            let back = try Self.importWorkbook(path, standard)
            Self.expectSame(Self.standardComparable(back, source: model), Self.standardComparable(model, source: model),
                            "\(name) → standard (\(source))")

            // The same through the standard CSV folder (which carries no agency name).
            let csv = folder.appendingPathComponent("tahap")
            try MappingWorkbookWriter(model: model, mapping: standard).writeCSVFolder(to: csv.path)
            var want = Self.standardComparable(model, source: model)
            want.agency = PerangkatDaerah()
            Self.expectSame(Self.standardComparable(try Self.importWorkbook(csv.path, standard), source: model), want,
                            "\(name) → standard CSV (\(source))")
        }
    }

    @Test("the seed through its own layout comes back exactly as its golden model, cascading records and nomenclature included")
    func seedGoldenThroughPermenpan() throws {
        let mapping = try Self.mapping("permenpan-lembar-kerja")
        let golden = try ModelFixtures.seedGolden()
        let folder = try Fixtures.temporaryDirectory("seed-permenpan")
        let path = folder.appendingPathComponent("seed.xlsx").path
        let warnings = try MappingWorkbookWriter(model: golden, mapping: mapping).write(to: path)
        #expect(warnings.isEmpty, "\(warnings.map(\.message))")
        Self.expectSame(try Self.importWorkbook(path, mapping), golden, "golden → permenpan-lembar-kerja")
        // Each sheet is written back as it was: Tahap 3 groups the conditions under the CSF
        // cell merged over them, the crosscutting CSFs carry the marker in the condition column.
        let workbook = try XLSXWorkbook(path: path)
        var source = try workbook.rows(ofSheet: "Tahap 3")
        let rows = try source.readAll()
        let merged = source.mergedRanges
        #expect(merged.contains { $0.first.column == 1 && $0.last.row > $0.first.row })
        #expect(rows.contains { row in row.cells.contains { $0.value.displayText == "CROSSCUTTING DINAS PMPTSP" } })
    }

    @Test("a model with what a layout has no place for: the export names each dropped feature, and only those are lost")
    func droppedFeaturesAreNamed() throws {
        // permenpan-lembar-kerja has no unit or target columns, and its cascading matrix no
        // nomenclature codes: the seed's golden model with units, targets and a code added.
        let mapping = try Self.mapping("permenpan-lembar-kerja")
        var model = try ModelFixtures.seedGolden()
        for index in model.nodes.indices {
            for slot in model.nodes[index].indicators.indices {
                model.nodes[index].indicators[slot].unit = "%"
                model.nodes[index].indicators[slot].targets = [Indikator.Target(year: 2026, value: "75")]
            }
        }
        let coded = try #require(model.nodes.firstIndex { $0.nomenclature != nil })
        model.nodes[coded].nomenclature?.code = "2.17.02"
        let folder = try Fixtures.temporaryDirectory("dropped")
        let path = folder.appendingPathComponent("out.xlsx").path
        let warnings = try MappingWorkbookWriter(model: model, mapping: mapping).write(to: path)
        #expect(Set(warnings.map(\.code)) == ["dropped-units", "dropped-targets", "dropped-nomenclature"], "\(warnings.map(\.message))")
        let withIndicators = model.nodes.filter { !$0.indicators.isEmpty }
        #expect(warnings.first { $0.code == "dropped-units" }?.message.contains("of \(withIndicators.count) nodes") == true)
        #expect(warnings.first { $0.code == "dropped-nomenclature" }?.message.contains("(\(model.nodes[coded].id))") == true)
        // Read back: exactly those are gone, everything else is the golden model.
        let back = try Self.importWorkbook(path, mapping)
        Self.expectSame(back, try ModelFixtures.seedGolden(), "permenpan-lembar-kerja without units, targets and the code")
    }

    @Test("a layout with no sheet for the conditions: the export warns how many nodes it leaves out, naming them")
    func levelsWithoutASheetAreNamed() throws {
        let folder = try Fixtures.temporaryDirectory("two-sheets")
        let yaml = folder.appendingPathComponent("dua-tahap.yaml")
        try Data("""
            pokin-mapping: 1
            name: dua-tahap
            title: Outcome dan CSF saja
            sheets:
              tahap-1:
                sheet: {names: [Outcome]}
                header: {row: 1}
                columns:
                  statement: [Outcome]
              tahap-2:
                sheet: {names: [CSF]}
                header: {row: 1}
                columns:
                  statement: [CSF]
                  indicator: [Indikator]
            """.utf8).write(to: yaml)
        let mapping = try MappingLoader.load(path: yaml.path)
        let model = ModelFixtures.generated(outcomes: 1, branching: 2)
        let path = folder.appendingPathComponent("out.xlsx").path
        let warnings = try MappingWorkbookWriter(model: model, mapping: mapping).write(to: path)
        let deeper = model.nodes.filter { $0.level.depth > Level.csf.depth }
        let dropped = try #require(warnings.first { $0.code == "dropped-node" })
        #expect(dropped.message.contains("\(deeper.count) of the \(model.nodes.count) nodes"))
        #expect(dropped.message.contains(deeper[0].id))
        let back = try Self.importWorkbook(path, mapping)
        #expect(back.nodes.map(\.statement) == model.nodes.filter { $0.level.depth <= Level.csf.depth }.map(\.statement))
    }

    @Test("an agency layout of its own (fixed and found headers, a two-row header, numbered indicators, units, targets by year, a partner column): a model without stage records comes back with every canonical field its sheets hold")
    func customLayoutCarriesItsFields() throws {
        let folder = try Fixtures.temporaryDirectory("custom-layout")
        let yaml = folder.appendingPathComponent("dinas-uji.yaml")
        try Data("""
            pokin-mapping: 1
            name: dinas-uji
            title: Lembar kerja Dinas Uji
            vocabulary:
              level:
                kondisi-antara-utama: [Kondisi Antara Pertama]
            sheets:
              tahap-1:
                sheet: {names: [T1 Outcome]}
                header: {row: 4}
                columns:
                  statement: [Outcome]
              tahap-2:
                sheet: {names: [T2 CSF]}
                header: {find: ["Sasaran Strategis*"]}
                columns:
                  numbering: [No]
                  statement: ["Sasaran Strategis*"]
                  crosscutting: [Mitra]
                crosscutting: {in: [crosscutting]}
              tahap-3:
                sheet: {names: [T3 Kondisi]}
                header: {find: [CSF]}
                columns:
                  parent: [CSF]
                  statement: [Kondisi]
                  level: {letter: E}
              tahap-4:
                sheet: {names: [T4 Indikator]}
                header: {find: [Kinerja], rows: 2}
                columns:
                  statement: [Kinerja]
                  indicator: [Indikator]
                  level: [Jenis Kinerja]
                  unit: [Satuan]
                  targets: {header: ["Target *"]}
                indicators: numbered
            """.utf8).write(to: yaml)
        let mapping = try MappingLoader.load(path: yaml.path)
        var model = try ModelFixtures.seedGolden()
        for index in model.nodes.indices {
            model.nodes[index].stages = [:]
            for slot in model.nodes[index].indicators.indices {
                model.nodes[index].indicators[slot].unit = slot == 0 ? "%" : nil
                model.nodes[index].indicators[slot].targets = [Indikator.Target(year: 2025, value: "70,5"), Indikator.Target(year: 2026, value: "75")]
            }
        }
        // Two indicators in one cell, the second without a unit.
        let first = try #require(model.nodes.firstIndex { $0.indicators.count == 1 })
        model.nodes[first].indicators.append(Indikator(name: "Jumlah Dokumen Uji", targets: [Indikator.Target(year: 2026, value: "3")]))
        let path = folder.appendingPathComponent("uji.xlsx").path
        let warnings = try MappingWorkbookWriter(model: model, mapping: mapping).write(to: path)
        // No Tahap 5 and no cascading sheet: the planning components, jobs and nomenclature are
        // named as dropped. Two of the seed's nodes do not step down one level from their parent
        // ("Meningkatnya Skala Usaha Mikro", a kondisi antara straight under its CSF, and a kondisi
        // operasional under a kondisi operasional): a layout with only a CSF column puts them
        // under the row one level up, and the export says so, naming them.
        #expect(Set(warnings.map(\.code)) == ["dropped-planning", "dropped-position", "dropped-nomenclature", "dropped-structure"],
                "\(warnings.map(\.message))")
        let byID = Dictionary(model.nodes.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let skipping = model.nodes.filter { node in
            node.parent.flatMap { byID[$0] }.map { $0.level.depth + 1 != node.level.depth } ?? false
        }
        #expect(skipping.count == 2)
        let named = "\(skipping.count) nodes (\(skipping.map(\.id).joined(separator: ", ")))"
        #expect(warnings.first { $0.code == "dropped-structure" }?.message.contains(named) == true, "\(warnings.map(\.message))")
        let back = try Self.importWorkbook(path, mapping)
        #expect(back.nodes.count == model.nodes.count)
        let backByStatement = Dictionary(back.nodes.map { ($0.statement, $0) }, uniquingKeysWith: { first, _ in first })
        for want in model.nodes {
            let got = try #require(backByStatement[want.statement], "\(want.statement)")
            #expect(got.level == want.level, "\(want.id)")
            #expect(got.performance == want.performance, "\(want.id)")
            #expect(got.indicators == want.indicators, "\(want.id)")
            #expect(got.crosscutting == want.crosscutting, "\(want.id)")
        }
        // Where the header went: Tahap 1 at its fixed row, Tahap 4's two header rows above the data.
        let workbook = try XLSXWorkbook(path: path)
        var tahap1 = try workbook.rows(ofSheet: "T1 Outcome")
        #expect(try tahap1.readAll().first { $0.number == 4 }?.cells.first?.value.displayText == "Outcome")
        var tahap4 = try workbook.rows(ofSheet: "T4 Indikator")
        let texts = try tahap4.readAll().flatMap { $0.cells.map(\.value.displayText) }
        #expect(texts.contains("Target 2025") && texts.contains("Target 2026"))
        #expect(texts.contains { $0.hasPrefix("1. ") && $0.contains(" 2. Jumlah Dokumen Uji") })
    }

    @Test("level words: a stage's own label is kept when it still reads as the model's value; where the agency's vocabulary gives the standard word another meaning, a word of the vocabulary that reads back is written")
    func levelWordsReadBack() {
        var vocabulary = LevelVocabulary.standard
        // This agency writes "Kinerja Taktikal Intermediate" for what the method calls immediate.
        vocabulary.add(performance: .taktikalImmediate, ["Kinerja Taktikal Intermediate"])
        let words = LevelWords(vocabulary: vocabulary)
        let intermediate = words.word(JenisKinerja.taktikalIntermediate)
        #expect(intermediate != "Kinerja Taktikal Intermediate")
        #expect(vocabulary.performance(intermediate) == .taktikalIntermediate)
        #expect(vocabulary.performance(words.word(JenisKinerja.taktikalImmediate)) == .taktikalImmediate)
        #expect(words.word(Level.kondisiAntara, keeping: "kondisi  ANTARA") == "kondisi  ANTARA")
        #expect(words.word(Level.kondisiAntara, keeping: "Kondisi antara utama") == "Kondisi Antara")
        #expect(words.word(Jabatan.jpt, keeping: "PK Jabatan Pimpinan Tinggi") == "PK Jabatan Pimpinan Tinggi")
    }

    @Test("one indicator per cell (indicators: none): further indicators go on rows of their own and read back; their units and targets, which such rows cannot carry, are named as dropped")
    func oneIndicatorPerCell() throws {
        let folder = try Fixtures.temporaryDirectory("one-per-cell")
        let yaml = folder.appendingPathComponent("satu-per-sel.yaml")
        try Data("""
            pokin-mapping: 1
            name: satu-per-sel
            title: Satu indikator per sel
            sheets:
              tahap-4:
                sheet: {names: [Indikator]}
                header: {row: 1}
                columns:
                  statement: [Kinerja]
                  indicator: [Indikator]
                  level: [Jenis Kinerja]
                  unit: [Satuan]
                indicators: none
            """.utf8).write(to: yaml)
        let mapping = try MappingLoader.load(path: yaml.path)
        let model = PohonKinerja(nodes: [
            Kinerja(id: "1", statement: "Meningkatnya Kualitas Layanan Kesehatan", level: .outcome, performance: .strategisSKPD,
                    indicators: [Indikator(name: "Indeks Kepuasan Masyarakat", unit: "Nilai"),
                                 Indikator(name: "Angka Kematian Ibu", unit: "per 100.000")]),
            Kinerja(id: "1.1", parent: "1", statement: "Meningkatnya Akses Layanan Puskesmas", level: .csf, performance: .strategis,
                    indicators: [Indikator(name: "Persentase Puskesmas Terakreditasi", unit: "%")]),
        ])
        let path = folder.appendingPathComponent("out.xlsx").path
        let warnings = try MappingWorkbookWriter(model: model, mapping: mapping).write(to: path)
        #expect(warnings.contains { $0.code == "dropped-units" && $0.message.contains("Meningkatnya Kualitas Layanan Kesehatan") })
        let back = try Self.importWorkbook(path, mapping)
        #expect(back.nodes.map(\.statement) == model.nodes.map(\.statement))
        #expect(back.nodes.map(\.parent) == model.nodes.map(\.parent))
        #expect(back.nodes[0].indicators.map(\.name) == ["Indeks Kepuasan Masyarakat", "Angka Kematian Ibu"])
        #expect(back.nodes[0].indicators.map(\.unit) == ["Nilai", nil])
        #expect(back.nodes[1].indicators == model.nodes[1].indicators)
    }
}

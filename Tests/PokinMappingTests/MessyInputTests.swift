import PokinCore
import PokinMapping
import PokinModel
import PokinTestSupport
import Testing

/// Each mess agencies' worksheets really contain (research/domain.md §3, the seed), as a small
/// sheet in memory named after the case, read through a Tahap 3 + Tahap 4 mapping.
@Suite("Messy input is handled, not just tolerated")
struct MessyInputTests {
    static let mapping: MappingFile = {
        let yaml = """
            pokin-mapping: 1
            name: contoh
            sheets:
              tahap-3:
                sheet: {names: [Tahap 3]}
                header: {find: [Kondisi*]}
                columns:
                  parent: [CSF]
                  statement: ["Kondisi*"]
                  level: [Keterangan]
                crosscutting: {in: [statement, level]}
              tahap-4:
                sheet: {names: [Tahap 4]}
                header: {find: [Rujukan Tahapan]}
                columns:
                  stage: [Rujukan Tahapan]
                  statement: [Kinerja]
                  indicator: [Indikator Kinerja]
                  level: [Keterangan]
                skip: ['^\\s*-{2,}\\s*$']
                stop: ['^\\s*Mengetahui']
            """
        let (mapping, problems) = MappingLoader.check(yaml: yaml, file: "contoh.yaml")
        precondition(problems.isEmpty, "\(problems)")
        return mapping!
    }()

    static let header3: [String?] = ["CSF", "Kondisi yang diperlukan", "Keterangan"]
    static let header4: [String?] = ["Rujukan Tahapan", "Kinerja", "Indikator Kinerja", "Keterangan"]

    func read(_ tahap3: [[String?]], merged: [String] = [], tahap4: [[String?]] = []) throws -> PohonKinerja {
        var sheets = [MemoryWorkbook.Sheet("Tahap 3", rows: [["Tahap 3"], []] + [Self.header3] + tahap3, merged: merged)]
        if !tahap4.isEmpty { sheets.append(MemoryWorkbook.Sheet("Tahap 4", rows: [Self.header4] + tahap4)) }
        return try WorkbookImporter(mapping: Self.mapping).importTree(from: MemoryWorkbook(sheets), file: "t.xlsx")
    }

    @Test("merged-parent: a CSF merged over its conditions is their parent on every row")
    func mergedParent() throws {
        let model = try read([["Meningkatnya Mutu", "Meningkatnya Kompetensi", "Kondisi antara utama"],
                              [nil, "Terselenggaranya Pelatihan", "Kondisi antara"],
                              [nil, "Terlaksananya Bimtek", "Kondisi operasional"]], merged: ["A4:A6"])
        #expect(model.nodes.map(\.statement) == ["Meningkatnya Mutu", "Meningkatnya Kompetensi", "Terselenggaranya Pelatihan", "Terlaksananya Bimtek"])
        #expect(model.nodes.map(\.parent) == [nil, "1", "1.1", "1.1.1"])
    }

    @Test("blank-and-whitespace-rows: empty rows, rows of spaces and of non-breaking spaces inside the table change nothing")
    func blankRows() throws {
        let model = try read([["Meningkatnya Mutu", "Meningkatnya Kompetensi", "Kondisi antara utama"],
                              [], ["   ", nil, "\u{00A0}"],
                              [nil, "Terselenggaranya Pelatihan", "Kondisi antara"]])
        #expect(model.nodes.count == 3)
        #expect(model.nodes.last?.parent == "1.1")
    }

    @Test("level-word-variants: case, doubled spaces, non-breaking spaces and trailing spaces in level words")
    func levelVariants() throws {
        let model = try read([["Meningkatnya Mutu", "A", "KONDISI  ANTARA UTAMA "],
                              [nil, "B", "kondisi\u{00A0}antara"],
                              [nil, "C", " Kondisi Operasional"]])
        #expect(model.nodes.dropFirst().map(\.level) == [.kondisiAntaraUtama, .kondisiAntara, .kondisiOperasional])
        #expect(model.diagnostics.filter { $0.code.hasPrefix("unknown") }.isEmpty)
    }

    @Test("non-breaking-spaces: statements keep their text as written; matching across stages ignores the spaces")
    func nonBreakingSpaces() throws {
        let model = try read([["Meningkatnya Mutu", "Meningkatnya\u{00A0}Kompetensi  Guru", "Kondisi antara utama"]],
                             tahap4: [["Tahap 3", "meningkatnya kompetensi guru", "Persentase Guru Kompeten", "kinerja taktikal intermediate"]])
        let node = try #require(model.nodes.first { $0.level == .kondisiAntaraUtama })
        #expect(node.statement == "Meningkatnya\u{00A0}Kompetensi  Guru")
        #expect(node.indicators.map(\.name) == ["Persentase Guru Kompeten"])
        #expect(node.stages[.tahap4]?.text == "meningkatnya kompetensi guru")
        #expect(model.nodes.count == 2)
    }

    @Test("crosscutting-in-condition-column: \"CROSCUTTING <partner>\" beside a CSF makes it a crosscutting CSF, a blank row between them or not")
    func crosscuttingWrongColumn() throws {
        let model = try read([["Mudahnya Perizinan", "CROSCUTTING DINAS PMPTSP", nil], [],
                              ["Tersedianya Data Desa", nil, "Crosscutting: DESA"]])
        #expect(model.nodes.map(\.level) == [.csf, .csf])
        #expect(model.nodes.map { $0.crosscutting.map(\.partner) } == [["DINAS PMPTSP"], ["DESA"]])
    }

    @Test("shifted-row: a condition written in the CSF column with its level in the condition column stays a condition")
    func shiftedRow() throws {
        let model = try read([["Meningkatnya Mutu", "Meningkatnya Kompetensi", "Kondisi antara utama"],
                              [nil, "Terselenggaranya Pelatihan", "Kondisi antara"],
                              ["Terlaksananya Bimtek Guru", "kondisi operasional", nil]], merged: ["A4:A5"])
        let shifted = try #require(model.nodes.first { $0.statement == "Terlaksananya Bimtek Guru" })
        #expect(shifted.level == .kondisiOperasional)
        #expect(shifted.parent == "1.1.1")
        #expect(model.diagnostics.contains { $0.code == "shifted-cell" && $0.at == "t.xlsx!'Tahap 3'!A6" })
        #expect(model.nodes.filter { $0.level == .csf }.count == 1)
    }

    @Test("legend-rows: the orphan level legend under the table is not read as nodes")
    func legendRows() throws {
        let model = try read([["Meningkatnya Mutu", "Meningkatnya Kompetensi", "Kondisi antara utama"], [],
                              [nil, "kondisi antara utama", nil], [nil, "kondisi antara", nil], [nil, "kondisi operasional", nil]])
        #expect(model.nodes.count == 2)
        #expect(model.diagnostics.filter { $0.code == "legend-skipped" }.count == 3)
    }

    @Test("separator-and-signature-rows: a dashed row is skipped and reading stops at the signature block")
    func separatorAndSignature() throws {
        let model = try read([["Meningkatnya Mutu", "Meningkatnya Kompetensi", "Kondisi antara utama"]],
                             tahap4: [["Tahap 3", "Meningkatnya Kompetensi", "Persentase Guru", "kinerja taktikal intermediate"],
                                      ["-------", "--", "--", "-----"],
                                      ["Mengetahui,", nil, nil, nil], ["Kepala Dinas", "Drs. Budi", nil, nil]])
        #expect(model.nodes.count == 2)
        #expect(!model.nodes.contains { $0.statement.contains("Budi") })
    }

    @Test("indicators-numbered-in-one-cell: \"1. … 2. …\" and one-per-line cells become separate indicators")
    func numberedIndicators() throws {
        let model = try read([["Meningkatnya Mutu", "Meningkatnya Kompetensi", "Kondisi antara utama"]],
                             tahap4: [["Tahap 2", "Meningkatnya Mutu", "1. Nilai LHE AKIP 2. Indeks Kepuasan Masyarakat", "kinerja strategis"],
                                      ["Tahap 3", "Meningkatnya Kompetensi", "Persentase Guru\nJumlah Pelatihan", "kinerja taktikal intermediate"]])
        #expect(model.nodes[0].indicators.map(\.name) == ["Nilai LHE AKIP", "Indeks Kepuasan Masyarakat"])
        #expect(model.nodes[1].indicators.map(\.name) == ["Persentase Guru", "Jumlah Pelatihan"])
    }

    @Test("missing-header: a mapping whose header text is not on the sheet says which header it looked for and where")
    func missingHeader() throws {
        let workbook = MemoryWorkbook([MemoryWorkbook.Sheet("Tahap 3", rows: [["Judul"], ["Uraian", "Level"]])])
        #expect { try WorkbookImporter(mapping: Self.mapping).importTree(from: workbook, file: "t.xlsx") } throws: { error in
            guard let error = error as? PokinError else { return false }
            return error.code == .missingColumn && error.location?.sheet == "Tahap 3" && error.message.contains("Kondisi")
        }
    }
}

import Foundation
import PokinCheck
import PokinCore
import PokinMapping
import PokinModel
import PokinTestSupport
import PokinXLSX
import Testing

/// The seed agency's worksheets (Fixtures/agencies/dkukmpp-seed) disagree with themselves in 31
/// places (research/domain.md (e)). This table says which of them `pokin check` finds, with
/// which rule and at which cells, and why it cannot find the others.
///
/// | #  | Item (domain.md (e))                                  | Found | Rule(s) and cell(s)                                                                 |
/// |----|-------------------------------------------------------|-------|-------------------------------------------------------------------------------------|
/// | 1  | agency acronym vs name; "MEMENGAH"                    | part  | agency-name-mismatch (document). "MEMENGAH" is in the urusan heading, not in the model. |
/// | 2  | outcome working note "Produktivitas … Optimal"        | no    | the working-note box (T1 A8) is not a node: the model reads only the result (A20).    |
/// | 3  | extra root only in T5, CSF 2 under it                 | yes   | extra-node + action-wording 'TAHAP 5'!B13; parent-differs 'TAHAP 5'!B14            |
/// | 4  | outcome indicator covers only koperasi                | yes   | indicator-partial-subject 'TAHAP 4'!B4 (info)                                        |
/// | 5  | 7 CSFs listed, only 2 restated as conditions          | no    | model v1 keeps one Tahap 2 wording per CSF and no field for the problem wording.    |
/// | 6  | "Rendahnya Penghasilan" → "Meningkatnya Laba"; title  | no    | the problem wording and the table title are not in the model.                        |
/// | 7  | "Sasaran Pertama/Kedua SKPD", "PK Jabatan Pimpinan"   | yes   | label-variants 'TAHAP 5'!B14 (planning and job columns)                              |
/// | 8  | crosscutting CSFs missing from T5; typo in C          | yes   | crosscutting-lost 'TAHAP 4'!B25–B29; text-typo CASCADING!B42. (T4 has no partner column to lose.) |
/// | 9  | shifted row in T3                                     | yes   | shifted-cell + parent-differs 'TAHAP 3'!A33                                          |
/// | 10 | "CROSCUTTING <partner>" in the condition column       | no    | stage records carry no partner cell; only an importer's note can say it.             |
/// | 11 | Skala: KA in T3, KAU in T4/T5, skips KAU              | yes   | level-differs + level-skipped + parent-differs 'TAHAP 3'!B31                         |
/// | 12 | Pengembangan: KO in T3, KA in T4/T5; KO under KO      | yes   | level-differs 'TAHAP 3'!B32; child-of-operational 'TAHAP 3'!A33                      |
/// | 13 | level words' case in T3 (and the orphan legend)       | yes   | label-case-style 'TAHAP 3'!B18 (the legend: the importer's legend-skipped notes)    |
/// | 14 | "Kinerja taktikal" ×5 vs "… immediate" ×1; case       | yes   | label-variants 'TAHAP 4'!B15; label-case-style 'TAHAP 4'!B7                          |
/// | 15 | Fasilitasi / Fasilitas (text and indicator)           | yes   | text-typo 'TAHAP 4'!B24 and 'TAHAP 5'!B27                                            |
/// | 16 | "Rujukan Tahapan" is "Tahap 3" for every level        | no    | the model does not keep Rujukan Tahapan (and the method allows it).                 |
/// | 17 | truncated "… Koperasi terhadap"                       | yes   | text-truncated 'TAHAP 5'!B12                                                         |
/// | 18 | "Kompetensi SDM Usaha Mikro" loses "SDM"              | yes   | text-differs 'TAHAP 5'!B15                                                           |
/// | 19 | copy-paste indicator Usaha Mikro → Koperasi           | yes   | indicator-subject-changed 'TAHAP 5'!B16                                              |
/// | 20 | "Skala Usaha" → "Skala Usahanya"                      | yes   | text-typo 'TAHAP 5'!B24                                                              |
/// | 21 | T4/T5 Keterangan swaps (7 nodes)                      | yes   | performance-differs 'TAHAP 5'!B6, B7, B9, B16, B19, B21, B23                         |
/// | 22 | T5 header 4 of 6, blank rows, separator               | no    | layout the importer skips; the model keeps no trace (empty Tujuan jobs are right by (c)). |
/// | 23 | PK/SKP JF for kegiatan and sub kegiatan vs JF/JP      | yes   | position-differs CASCADING!E7, E12, E13, E19, E24, E29, E34 (info)                   |
/// | 24 | job labels T5 vs C; no tujuan in C                    | yes   | missing-in-cascading 'TAHAP 5'!B4 (the outcome); position-differs                    |
/// | 25 | two sasaran kegiatan without a cascading box          | yes   | missing-in-cascading 'TAHAP 5'!B16, B19                                              |
/// | 26 | many-to-one program and sub kegiatan boxes            | yes   | nomenclature-shared CASCADING!C18, E12                                               |
/// | 27 | Terlaksananya → Terselenggaranya in C                 | yes   | verb-changed CASCADING!E7, E12, E13, E19, E24, E29, E34                              |
/// | 28 | second sasaran and indicator per sub kegiatan box     | yes   | nomenclature-second-sasaran CASCADING!E7 … E34 (info)                                |
/// | 29 | Kemitraan, perkeroperasian, Bembitra, E-Comerce       | yes   | text-typo CASCADING!D6, C19, D28, E29, B42 ("perijinan" is a kegiatan name: no nomenclature list to check it) |
/// | 30 | no codes anywhere                                     | yes   | nomenclature-no-code CASCADING!C6 (no resolution against the Kepmendagri list)      |
/// | 31 | POHON KINERJA holds only level labels                 | no    | the tree lived in drawing shapes; no node has a pohon record.                        |
///
/// Found: 24 of 31 (item 1 in part). Not found: 2, 5, 6, 10, 16, 22, 31.
@Suite("The checker finds the seed's inconsistencies (domain.md (e))")
struct SeedCheckTests {
    static let folder = "agencies/dkukmpp-seed"
    static let workbookName = "pohon-kinerja-dkukmpp.xlsx"

    static func golden() throws -> PohonKinerja {
        try PohonKinerja.decode(try Fixtures.bytes("\(folder)/expected.json"))
    }

    static func imported() throws -> (PohonKinerja, LevelVocabulary) {
        let catalog = MappingCatalog(folder: Fixtures.repositoryFile("Mappings"))
        let mapping = try catalog.mapping(named: "permenpan-lembar-kerja")
        let workbook = try XLSXWorkbook(path: Fixtures.url("\(folder)/\(workbookName)").path)
        return (try WorkbookImporter(mapping: mapping).importTree(from: workbook, file: workbookName), mapping.vocabulary)
    }

    /// One row of the table above that the checker finds: the item, and the code at each cell.
    struct Item: CustomStringConvertible {
        var number: Int
        var code: String
        var cells: [String]
        var description: String { "item \(number): \(code) at \(cells.joined(separator: ", "))" }
    }

    static let found: [Item] = [
        Item(number: 1, code: "agency-name-mismatch", cells: ["-"]),
        Item(number: 3, code: "extra-node", cells: ["'TAHAP 5'!B13"]),
        Item(number: 3, code: "action-wording", cells: ["'TAHAP 5'!B13"]),
        Item(number: 3, code: "parent-differs", cells: ["'TAHAP 5'!B14"]),
        Item(number: 4, code: "indicator-partial-subject", cells: ["'TAHAP 4'!B4"]),
        Item(number: 7, code: "label-variants", cells: ["'TAHAP 5'!B14"]),
        Item(number: 8, code: "crosscutting-lost", cells: ["'TAHAP 4'!B25", "'TAHAP 4'!B26", "'TAHAP 4'!B27", "'TAHAP 4'!B28", "'TAHAP 4'!B29"]),
        Item(number: 8, code: "text-typo", cells: ["CASCADING!B42"]),
        Item(number: 9, code: "shifted-cell", cells: ["'TAHAP 3'!A33"]),
        Item(number: 9, code: "parent-differs", cells: ["'TAHAP 3'!A33"]),
        Item(number: 11, code: "level-differs", cells: ["'TAHAP 3'!B31"]),
        Item(number: 11, code: "level-skipped", cells: ["'TAHAP 3'!B31"]),
        Item(number: 11, code: "parent-differs", cells: ["'TAHAP 3'!B31"]),
        Item(number: 12, code: "level-differs", cells: ["'TAHAP 3'!B32"]),
        Item(number: 12, code: "child-of-operational", cells: ["'TAHAP 3'!A33"]),
        Item(number: 13, code: "label-case-style", cells: ["'TAHAP 3'!B18"]),
        Item(number: 14, code: "label-variants", cells: ["'TAHAP 4'!B15"]),
        Item(number: 14, code: "label-case-style", cells: ["'TAHAP 4'!B7"]),
        Item(number: 15, code: "text-typo", cells: ["'TAHAP 4'!B24", "'TAHAP 5'!B27"]),
        Item(number: 17, code: "text-truncated", cells: ["'TAHAP 5'!B12"]),
        Item(number: 18, code: "text-differs", cells: ["'TAHAP 5'!B15"]),
        Item(number: 19, code: "indicator-subject-changed", cells: ["'TAHAP 5'!B16"]),
        Item(number: 20, code: "text-typo", cells: ["'TAHAP 5'!B24"]),
        Item(number: 21, code: "performance-differs",
             cells: ["'TAHAP 5'!B6", "'TAHAP 5'!B7", "'TAHAP 5'!B9", "'TAHAP 5'!B16", "'TAHAP 5'!B19", "'TAHAP 5'!B21", "'TAHAP 5'!B23"]),
        Item(number: 23, code: "position-differs",
             cells: ["CASCADING!E7", "CASCADING!E12", "CASCADING!E13", "CASCADING!E19", "CASCADING!E24", "CASCADING!E29", "CASCADING!E34"]),
        Item(number: 24, code: "missing-in-cascading", cells: ["'TAHAP 5'!B4"]),
        Item(number: 25, code: "missing-in-cascading", cells: ["'TAHAP 5'!B16", "'TAHAP 5'!B19"]),
        Item(number: 26, code: "nomenclature-shared", cells: ["CASCADING!C18", "CASCADING!E12"]),
        Item(number: 27, code: "verb-changed",
             cells: ["CASCADING!E7", "CASCADING!E12", "CASCADING!E13", "CASCADING!E19", "CASCADING!E24", "CASCADING!E29", "CASCADING!E34"]),
        Item(number: 28, code: "nomenclature-second-sasaran",
             cells: ["CASCADING!E7", "CASCADING!E12", "CASCADING!E13", "CASCADING!E19", "CASCADING!E24", "CASCADING!E29", "CASCADING!E34"]),
        Item(number: 29, code: "text-typo", cells: ["CASCADING!D6", "CASCADING!C19", "CASCADING!D28", "CASCADING!E29", "CASCADING!B42"]),
        Item(number: 30, code: "nomenclature-no-code", cells: ["CASCADING!C6"]),
    ]

    /// The items the checker cannot find, each with the reason (the table above).
    static let notFound: [Int] = [2, 5, 6, 10, 16, 22, 31]

    static func expectFound(_ report: CheckReport, _ source: String) {
        for item in found {
            let cells = Set(report.findings(item.code).map { $0.cell?.sheetReference ?? "-" })
            let missing = item.cells.filter { !cells.contains($0) }
            #expect(missing.isEmpty, "\(source): \(item) — missing \(missing); \(item.code) found at \(cells.sorted())")
        }
    }

    @Test("the table accounts for all 31 items: 24 found, 7 not, none twice")
    func tableIsComplete() {
        let foundNumbers = Set(Self.found.map(\.number))
        #expect(foundNumbers.count == 24)
        #expect(foundNumbers.isDisjoint(with: Self.notFound))
        #expect(foundNumbers.union(Self.notFound) == Set(1...31))
    }

    @Test("on the golden model (Tahap 1–5 and cascading): every item of the table is found at its cells")
    func goldenModel() throws {
        let report = ConsistencyChecker().check(try Self.golden(), input: "expected.json")
        Self.expectFound(report, "golden")
        #expect(report.hasErrors)
    }

    @Test("on the seed workbook read through the permenpan-lembar-kerja mapping: the same items at the same cells")
    func importedWorkbook() throws {
        let (model, vocabulary) = try Self.imported()
        let report = ConsistencyChecker(vocabulary: vocabulary).check(model, input: Self.workbookName)
        Self.expectFound(report, "imported")
        // The orphan legend of item 13 comes through as the importer's notes.
        let legend = report.findings.filter { $0.code == "legend-skipped" && $0.source == .imported }
        #expect(legend.compactMap { $0.cell?.sheetReference } == ["'TAHAP 3'!B41", "'TAHAP 3'!B42", "'TAHAP 3'!B43"])
    }

    @Test("the checker's own findings are the same on the golden model and on the imported workbook")
    func sameFindingsBothWays() throws {
        let golden = ConsistencyChecker().check(try Self.golden()).findings.filter { $0.source == .check }
        let (model, vocabulary) = try Self.imported()
        let imported = ConsistencyChecker(vocabulary: vocabulary).check(model).findings.filter { $0.source == .check }
        func keys(_ findings: [Finding]) -> [String] { findings.map { "\($0.code) \($0.cell?.sheetReference ?? "-")" } }
        #expect(keys(golden) == keys(imported))
    }

    @Test("findings that only re-state the seed's tree are not reported: no parent-differs in the cascading matrix, no duplicates, no missing indicators")
    func noFalsePositivesOnTheSeed() throws {
        let report = ConsistencyChecker().check(try Self.golden())
        // Two sasaran in one cascading box (item 26) do not make their children's parents differ.
        #expect(report.findings("parent-differs").filter { $0.stage == .cascading }.isEmpty)
        #expect(report.findings("duplicate-node").isEmpty)
        #expect(report.findings("no-indicator").isEmpty)
        #expect(report.findings("missing-in-stage").filter { $0.source == .check }.isEmpty)
        #expect(report.findings("crosscutting-no-partner").isEmpty)
        #expect(report.findings("unknown-label").isEmpty)
        #expect(report.findings("parent-differs").count == 3)
    }

    @Test("importer notes the rules already cover are not repeated; the others are kept as source import")
    func importNotes() throws {
        let report = ConsistencyChecker().check(try Self.golden())
        let notes = report.findings.filter { $0.source == .imported }
        // The golden's 9 diagnostics: parent-differs ×3, level-differs ×2, extra-node and the
        // shifted A33 are the rules' own findings; the shifted partner column (B34) and the
        // crosscutting note (T4 B25) are kept.
        #expect(notes.map(\.code).sorted() == ["missing-in-stage", "shifted-cell"])
        #expect(notes.compactMap { $0.cell?.sheetReference }.sorted() == ["'TAHAP 3'!B34", "'TAHAP 4'!B25"])
    }
}

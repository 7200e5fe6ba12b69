import Foundation
import PokinCheck
import PokinCore
import PokinMapping
import PokinModel
import PokinTestSupport
import Testing

/// Hand-made workbooks in the seed's layout, read through the `permenpan-lembar-kerja` mapping
/// as `pokin check` reads them: the clean one gives no error or warning; each planted
/// inconsistency is found with its code at its cell.
@Suite("Hand-made workbooks with one planted inconsistency")
struct PlantedWorkbookTests {
    static func check(_ workbook: PlantedWorkbook) throws -> CheckReport {
        let catalog = MappingCatalog(folder: Fixtures.repositoryFile("Mappings"))
        let mapping = try catalog.mapping(named: "permenpan-lembar-kerja")
        let model = try WorkbookImporter(mapping: mapping).importTree(from: workbook.memory, file: "dinkes.xlsx")
        return ConsistencyChecker(vocabulary: mapping.vocabulary).check(model, input: "dinkes.xlsx")
    }

    @Test("the clean workbook reads to 11 nodes and gives no error and no warning")
    func clean() throws {
        let report = try Self.check(PlantedWorkbook.clean())
        #expect(report.summary.last?.nodes == 11)
        #expect(report.problems.isEmpty, "\(report.problems.map { "\($0.code) \($0.at ?? "-"): \($0.message.en)" })")
    }

    @Test("Tahap 5 text cut short → text-truncated at 'TAHAP 5'!B8")
    func truncated() throws {
        let report = try Self.check(PlantedWorkbook.clean { $0.tahap5[4][1] = "Terlaksananya Pelatihan Tim Mutu" })
        #expect(report.cells("text-truncated") == ["'TAHAP 5'!B8"])
        #expect(report.problems.map(\.code) == ["text-truncated"])
    }

    @Test("a Tahap 3 condition shifted into the CSF column → shifted-cell at 'TAHAP 3'!A22")
    func shiftedRow() throws {
        let report = try Self.check(PlantedWorkbook.clean { workbook in
            workbook.tahap3[6] = ["Terlaksananya Distribusi Vaksin ke Puskesmas", "Kondisi operasional", nil]
            workbook.tahap3Merges = ["A16:A19", "A20:A21"]
        })
        #expect(report.cells("shifted-cell").contains("'TAHAP 3'!A22"))
        #expect(report.findings("parent-differs").isEmpty)
    }

    @Test("a Tahap 4 class word that lifts a kegiatan to a program → level-differs at 'TAHAP 3'!B17 and parent-differs at 'TAHAP 4'!B7")
    func levelWord() throws {
        let report = try Self.check(PlantedWorkbook.clean { $0.tahap4[3][3] = "Kinerja taktikal intermediate" })
        #expect(report.cells("level-differs") == ["'TAHAP 3'!B17"])
        #expect(report.cells("parent-differs") == ["'TAHAP 4'!B7"])
    }

    @Test("an outcome only Tahap 5 has → extra-node and action-wording at 'TAHAP 5'!B15")
    func extraRoot() throws {
        let report = try Self.check(PlantedWorkbook.clean { workbook in
            workbook.tahap5.append(["Tahap 1", "Meningkatkan Cakupan Layanan Kesehatan", "Persentase Penduduk yang Terlayani",
                                    "Kinerja strategis SKPD", "Tujuan SKPD", nil])
        })
        #expect(report.cells("extra-node") == ["'TAHAP 5'!B15"])
        #expect(report.cells("action-wording") == ["'TAHAP 5'!B15"])
    }

    @Test("a copy-paste indicator on Tahap 5 → indicator-subject-changed at 'TAHAP 5'!B6")
    func subjectSwap() throws {
        let report = try Self.check(PlantedWorkbook.clean { $0.tahap5[2][2] = "Persentase Rumah Sakit Terakreditasi Paripurna" })
        #expect(report.cells("indicator-subject-changed") == ["'TAHAP 5'!B6"])
    }

    @Test("a kegiatan left out of Tahap 4 → missing-in-stage at 'TAHAP 3'!B21, and no parent finding for its sub kegiatan")
    func missingRow() throws {
        let report = try Self.check(PlantedWorkbook.clean { $0.tahap4[8] = [] })
        #expect(report.cells("missing-in-stage") == ["'TAHAP 3'!B21"])
        #expect(report.findings("parent-differs").isEmpty)
    }
}

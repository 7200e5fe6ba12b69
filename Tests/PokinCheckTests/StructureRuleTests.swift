import PokinCheck
import PokinModel
import Testing

/// Presence on each stage, the parent each stage's rows give, levels and jobs: one planted
/// inconsistency per test in the clean tree, found with its code at its cell.
@Suite("Structure rules: presence, parents, levels, jobs")
struct StructureRuleTests {
    @Test("missing-in-stage: a condition left out of Tahap 4 is reported at its nearest earlier cell (Tahap 3)")
    func missingInStage() {
        let report = TestTree.check(TestTree.model { $0.edit("1.2.1.1") { $0.stages[.tahap4] = nil } })
        #expect(report.cells("missing-in-stage") == ["'Tahap 3'!B21"])
        #expect(report.findings("missing-in-stage").first?.severity == .error)
        #expect(report.findings("missing-in-stage").first?.message.en.contains("Tahap 4") == true)
    }

    @Test("missing-in-cascading: a sub kegiatan without a cascading box is a warning at its Tahap 5 cell")
    func missingInCascading() {
        let report = TestTree.check(TestTree.model { $0.edit("1.2.1.1.1") { $0.stages[.cascading] = nil } })
        #expect(report.cells("missing-in-cascading") == ["'Tahap 5'!B13"])
        #expect(report.findings("missing-in-cascading").first?.severity == .warning)
        #expect(report.findings("missing-in-stage").isEmpty)
    }

    @Test("extra-node: a CSF only Tahap 5 shows is an error at its Tahap 5 cell, and no missing-in-stage for it")
    func extraNode() {
        let report = TestTree.check(TestTree.model { model in
            var node = Kinerja(id: "1.4", parent: "1", statement: "Meningkatnya Peran Serta Masyarakat", level: .csf,
                               indicators: [Indikator(name: "Persentase Desa Siaga Aktif")])
            node.stages[.tahap5] = StageRecord(text: node.statement, indicators: ["Persentase Desa Siaga Aktif"],
                                               levelLabel: "Kinerja strategis", planningLabel: "Sasaran SKPD",
                                               positionLabel: "PK Jabatan Pimpinan Tinggi", at: TestTree.at("Tahap 5", "B15"))
            model.nodes.append(node)
        })
        #expect(report.cells("extra-node") == ["'Tahap 5'!B15"])
        #expect(report.findings("missing-in-stage").isEmpty)
        #expect(report.findings("parent-differs").isEmpty)
    }

    @Test("parent-differs: Tahap 5 rows that put two sub kegiatan under each other's kegiatan are both reported")
    func parentDiffersByRowOrder() {
        let report = TestTree.check(TestTree.model { model in
            model.edit("1.1.1.1.2", .tahap5) { $0.at = TestTree.at("Tahap 5", "B13") }
            model.edit("1.2.1.1.1", .tahap5) { $0.at = TestTree.at("Tahap 5", "B9") }
        })
        #expect(Set(report.cells("parent-differs")) == ["'Tahap 5'!B9", "'Tahap 5'!B13"])
        let finding = report.findings("parent-differs").first { $0.cell?.cell.description == "B9" }
        #expect(finding?.severity == .error)
        #expect(finding?.message.en.contains("\"Terselenggaranya Pendampingan Akreditasi\"") == true)
        #expect(finding?.message.en.contains("\"Tersedianya Vaksin yang Memadai\"") == true)
    }

    @Test("parent-differs: a level word on Tahap 4 that lifts a kegiatan to a program moves its sub kegiatan with it")
    func parentDiffersByLevelWord() {
        // Tahap 4 calls the kegiatan "Tersedianya Vaksin" a program (taktikal intermediate): by
        // Tahap 4's own ladder it then hangs under the CSF, not under "Meningkatnya Cakupan Imunisasi".
        let report = TestTree.check(TestTree.model { $0.edit("1.2.1.1", .tahap4) { $0.levelLabel = "Kinerja taktikal intermediate" } })
        #expect(report.cells("parent-differs") == ["'Tahap 4'!B12"])
    }

    @Test("parent-differs: a stage that leaves out a kegiatan puts its sub kegiatan under the program without a parent finding")
    func nearestPresentAncestor() {
        let report = TestTree.check(TestTree.model { $0.edit("1.2.1.1") { $0.stages[.cascading] = nil } })
        #expect(report.findings("parent-differs").isEmpty)
        #expect(report.cells("missing-in-cascading") == ["'Tahap 5'!B12"])
    }

    @Test("level-differs: a Tahap 4 class that puts a kegiatan on the program level is one error at its Tahap 3 cell")
    func levelDiffers() {
        let report = TestTree.check(TestTree.model { $0.edit("1.1.1.1", .tahap4) { $0.levelLabel = "Kinerja taktikal intermediate" } })
        let findings = report.findings("level-differs")
        #expect(findings.count == 1)
        #expect(findings.first?.cell?.sheetReference == "'Tahap 3'!B17")
        #expect(findings.first?.related.contains(TestTree.at("Tahap 4", "B7")) == true)
        #expect(findings.first?.message.id.contains("\"Kinerja taktikal intermediate\"") == true)
    }

    @Test("level-differs: a model without stage records whose performance class disagrees with its level")
    func levelDiffersWithoutStages() {
        let model = PohonKinerja(nodes: [
            Kinerja(id: "1", statement: "Meningkatnya Derajat Kesehatan Masyarakat", level: .outcome, performance: .strategisSKPD,
                    indicators: [Indikator(name: "Angka Harapan Hidup")]),
            Kinerja(id: "1.1", parent: "1", statement: "Meningkatnya Mutu Layanan", level: .csf, performance: .operasional,
                    indicators: [Indikator(name: "Indeks Kepuasan Masyarakat")]),
        ])
        let report = TestTree.check(model)
        #expect(report.findings("level-differs").map(\.node) == ["1.1"])
        #expect(report.findings("level-differs").first?.at == nil)
    }

    @Test("performance-differs: Tahap 5 Keterangan that swaps intermediate for immediate is a warning at Tahap 5")
    func performanceDiffers() {
        let report = TestTree.check(TestTree.model { $0.edit("1.1.1", .tahap5) { $0.levelLabel = "Kinerja taktikal immediate" } })
        #expect(report.cells("performance-differs") == ["'Tahap 5'!B6"])
        #expect(report.findings("level-differs").isEmpty)  // Tahap 5's level comes from its planning component
    }

    @Test("level-skipped: a kondisi antara directly under its CSF")
    func levelSkipped() {
        let report = TestTree.check(TestTree.model { $0.edit("1.2.1.1") { $0.parent = "1.2" } })
        #expect(report.cells("level-skipped") == ["'Tahap 3'!B21"])
        #expect(report.findings("level-skipped").first?.message.en.contains("kondisi antara utama") == true)
    }

    @Test("child-of-operational: a kondisi operasional under another kondisi operasional is an error")
    func childOfOperational() {
        let report = TestTree.check(TestTree.model { $0.edit("1.1.1.1.2") { $0.parent = "1.1.1.1.1" } })
        #expect(report.cells("child-of-operational") == ["'Tahap 3'!B19"])
        #expect(report.findings("child-of-operational").first?.severity == .error)
        #expect(report.findings("level-not-below-parent").isEmpty)
    }

    @Test("level-not-below-parent: a kondisi antara utama under another kondisi antara utama")
    func levelNotBelowParent() {
        let report = TestTree.check(TestTree.model { $0.edit("1.2.1.1") { $0.level = .kondisiAntaraUtama } })
        #expect(report.cells("level-not-below-parent") == ["'Tahap 3'!B21"])
    }

    @Test("position-mismatch: a Sasaran Program held by a JF is a warning at the Tahap 5 cell")
    func positionMismatch() {
        let report = TestTree.check(TestTree.model { $0.edit("1.1.1", .tahap5) { $0.positionLabel = "PK/SKP JF" } })
        #expect(report.cells("position-mismatch") == ["'Tahap 5'!B6"])
        #expect(report.findings("position-mismatch").first?.message.en.contains("Administrator") == true)
    }

    @Test("position-differs: JF in Tahap 5 but JF/JP in the cascading job row is an info at the cascading cell")
    func positionDiffers() {
        let report = TestTree.check(TestTree.model { $0.edit("1.1.1.1.1", .cascading) { $0.positionLabel = "PK /SKP JF/JP" } })
        #expect(report.cells("position-differs") == ["CASCADING!E14"])
        #expect(report.findings("position-differs").first?.severity == .info)
        #expect(report.findings("position-mismatch").isEmpty)  // JF/JP may hold a sub kegiatan
    }
}

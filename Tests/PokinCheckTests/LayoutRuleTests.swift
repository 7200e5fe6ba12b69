import PokinCheck
import PokinModel
import Testing

/// Label columns, shifted cells, nomenclature and the agency: one planted inconsistency per test.
@Suite("Layout rules: labels, columns, nomenclature, agency")
struct LayoutRuleTests {
    @Test("label-variants: JPT written two ways in the Tahap 5 job column")
    func labelVariants() {
        let report = TestTree.check(TestTree.model { $0.edit("1.2", .tahap5) { $0.positionLabel = "PK Jabatan Pimpinan" } })
        #expect(report.cells("label-variants") == ["'Tahap 5'!B10"])
        let message = report.findings("label-variants").first?.message.en ?? ""
        #expect(message.contains("\"PK Jabatan Pimpinan Tinggi\" (1×)") && message.contains("\"PK Jabatan Pimpinan\" (1×)"))
    }

    @Test("label-case-style: lower-case kondisi operasional among sentence-case level words")
    func labelCaseStyle() {
        let report = TestTree.check(TestTree.model { model in
            for id in ["1.1.1.1.1", "1.1.1.1.2", "1.2.1.1.1"] { model.edit(id, .tahap3) { $0.levelLabel = "kondisi operasional" } }
        })
        #expect(report.cells("label-case-style") == ["'Tahap 3'!B18"])
        #expect(report.findings("label-variants").isEmpty)
    }

    @Test("unknown-label: a class word no vocabulary knows is a warning")
    func unknownLabel() {
        let report = TestTree.check(TestTree.model { $0.edit("1.2.1.1", .tahap4) { $0.levelLabel = "Kinerja luar biasa" } })
        #expect(report.cells("unknown-label") == ["'Tahap 4'!B12"])
    }

    @Test("shifted-cell: a kondisi operasional written in the CSF column of Tahap 3")
    func shiftedCell() {
        let report = TestTree.check(TestTree.model { $0.edit("1.1.1.1.1", .tahap3) { $0.at = TestTree.at("Tahap 3", "A18") } })
        #expect(report.cells("shifted-cell") == ["'Tahap 3'!A18"])
        #expect(report.findings("shifted-cell").first?.message.en.contains("column A") == true)
    }

    @Test("nomenclature-shared: two sub kegiatan nodes in one sub kegiatan box")
    func nomenclatureShared() {
        let report = TestTree.check(TestTree.model { model in
            let shared = model.nodes.first { $0.id == "1.1.1.1.1" }!.nomenclature
            model.edit("1.1.1.1.2") { $0.nomenclature = shared }
        })
        #expect(report.cells("nomenclature-shared") == ["CASCADING!E14"])
        #expect(report.findings("nomenclature-shared").first?.related.contains(TestTree.at("CASCADING", "E16")) == true)
    }

    @Test("nomenclature-no-code: a program named without its Kepmendagri code")
    func nomenclatureNoCode() {
        let report = TestTree.check(TestTree.model { $0.edit("1.2.1") { $0.nomenclature?.code = nil } })
        #expect(report.cells("nomenclature-no-code") == ["CASCADING!C20"])
        #expect(report.findings("nomenclature-no-code").first?.message.en.hasPrefix("1 of 7") == true)
    }

    @Test("nomenclature-second-sasaran: a cascading box with the nomenclature's own sasaran and indicator")
    func nomenclatureSecondSasaran() {
        let report = TestTree.check(TestTree.model { model in
            model.edit("1.2.1.1.1") {
                $0.nomenclature?.statement = "Terdistribusinya Vaksin ke Fasilitas Kesehatan"
                $0.nomenclature?.indicators = ["Jumlah Dosis Vaksin Terdistribusi"]
            }
        })
        #expect(report.cells("nomenclature-second-sasaran") == ["CASCADING!E24"])
    }

    @Test("agency-name-mismatch: an acronym that cannot come from the agency's name; a syllable acronym can")
    func agencyNameMismatch() {
        let wrong = TestTree.check(TestTree.model { $0.agency.shortName = "DKUKMPP" })
        #expect(wrong.findings("agency-name-mismatch").count == 1)
        #expect(wrong.findings("agency-name-mismatch").first?.at == nil)
        let syllables = TestTree.check(TestTree.model { $0.agency = PerangkatDaerah(name: "Dinas Komunikasi dan Informatika", shortName: "DISKOMINFO") })
        #expect(syllables.findings("agency-name-mismatch").isEmpty)
    }
}

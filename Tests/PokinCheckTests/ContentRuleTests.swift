import PokinCheck
import PokinModel
import Testing

/// Indicators, crosscutting CSFs, wording drift and duplicates: one planted inconsistency per
/// test in the clean tree.
@Suite("Content rules: indicators, crosscutting, wording, duplicates")
struct ContentRuleTests {
    /// Sets the indicator of node `id` on the model and on every stage that lists indicators.
    static func setIndicator(_ model: inout PohonKinerja, _ id: String, _ indicator: String) {
        model.edit(id) { node in
            node.indicators = [Indikator(name: indicator)]
            for role in [StageRole.tahap4, .tahap5, .cascading] where node.stages[role]?.indicators != nil {
                node.stages[role]?.indicators = [indicator]
            }
        }
    }

    /// Sets the statement of node `id` and its text on every stage.
    static func setText(_ model: inout PohonKinerja, _ id: String, _ text: String) {
        model.edit(id) { node in
            node.statement = text
            for role in node.stages.keys { node.stages[role]?.text = text }
        }
    }

    // MARK: Indicators

    @Test("no-indicator: a kegiatan with no indicator on any stage is an error at its Tahap 4 cell")
    func noIndicator() {
        let report = TestTree.check(TestTree.model { model in
            model.edit("1.1.1.1") { node in
                node.indicators = []
                for role in [StageRole.tahap4, .tahap5, .cascading] { node.stages[role]?.indicators = [] }
            }
        })
        #expect(report.cells("no-indicator") == ["'Tahap 4'!B7"])
        #expect(report.findings("no-indicator").first?.severity == .error)
        #expect(report.findings("indicator-missing-in-stage").isEmpty)
    }

    @Test("indicator-missing-in-stage: an empty indicator cell on Tahap 5 while Tahap 4 has one")
    func indicatorEmptyOnStage() {
        let report = TestTree.check(TestTree.model { $0.edit("1.1.1", .tahap5) { $0.indicators = [] } })
        #expect(report.cells("indicator-missing-in-stage") == ["'Tahap 5'!B6"])
        #expect(report.findings("no-indicator").isEmpty)
    }

    @Test("indicator-missing-in-stage: Tahap 5 keeps one of the two Tahap 4 indicators")
    func indicatorDropped() {
        let report = TestTree.check(TestTree.model { model in
            model.edit("1.2.1", .tahap4) { $0.indicators = ["Persentase Desa UCI", "Cakupan Imunisasi Dasar Lengkap"] }
        })
        #expect(report.cells("indicator-missing-in-stage") == ["'Tahap 5'!B11"])
        #expect(report.findings("indicator-missing-in-stage").first?.message.en.contains("\"Cakupan Imunisasi Dasar Lengkap\"") == true)
    }

    @Test("indicator-subject-changed: Puskesmas becomes Rumah Sakit in the Tahap 5 indicator (a copy-paste slip)")
    func indicatorSubjectChanged() {
        let report = TestTree.check(TestTree.model { $0.edit("1.1.1", .tahap5) { $0.indicators = ["Persentase Rumah Sakit Terakreditasi Paripurna"] } })
        #expect(report.cells("indicator-subject-changed") == ["'Tahap 5'!B6"])
        let message = report.findings("indicator-subject-changed").first?.message.en ?? ""
        #expect(message.contains("\"Rumah Sakit\"") && message.contains("\"Puskesmas\""))
        #expect(report.findings("text-typo").isEmpty && report.findings("text-differs").isEmpty)
    }

    @Test("indicator-partial-subject: \"Ibu dan Anak\" measured only for Ibu is an info hint")
    func indicatorPartialSubject() {
        let report = TestTree.check(TestTree.model { model in
            Self.setText(&model, "1", "Meningkatnya Kesehatan Ibu dan Anak")
            Self.setIndicator(&model, "1", "Persentase Ibu yang Melahirkan di Fasilitas Kesehatan")
        })
        #expect(report.cells("indicator-partial-subject") == ["'Tahap 4'!B4"])
        #expect(report.findings("indicator-partial-subject").first?.severity == .info)
        #expect(report.findings("indicator-partial-subject").first?.message.en.contains("do not measure \"Anak\"") == true)
    }

    @Test("indicator-partial-subject: an indicator that measures both subjects gives nothing")
    func indicatorCoversBothSubjects() {
        let report = TestTree.check(TestTree.model { model in
            Self.setText(&model, "1", "Meningkatnya Kesehatan Ibu dan Anak")
            Self.setIndicator(&model, "1", "Persentase Ibu dan Anak yang Mendapat Layanan Kesehatan")
        })
        #expect(report.findings("indicator-partial-subject").isEmpty)
    }

    @Test("duplicate-indicator: the same indicator on two sub kegiatan")
    func duplicateIndicator() {
        let report = TestTree.check(TestTree.model { Self.setIndicator(&$0, "1.2.1.1.1", "Jumlah Tim Mutu yang Dilatih") })
        #expect(report.cells("duplicate-indicator") == ["'Tahap 4'!B13"])
        #expect(report.findings("duplicate-indicator").first?.related.contains(TestTree.at("Tahap 4", "B8")) == true)
    }

    @Test("percentage-on-operational: a sub kegiatan measured by a percentage is an info hint")
    func percentageOnOperational() {
        let report = TestTree.check(TestTree.model { Self.setIndicator(&$0, "1.1.1.1.2", "Persentase Survei Internal yang Dilaksanakan") })
        #expect(report.cells("percentage-on-operational") == ["'Tahap 4'!B9"])
        #expect(report.findings("percentage-on-operational").first?.severity == .info)
    }

    @Test("count-on-strategic: a CSF measured by a count is an info hint")
    func countOnStrategic() {
        let report = TestTree.check(TestTree.model { Self.setIndicator(&$0, "1.1", "Jumlah Layanan Kesehatan Bermutu") })
        #expect(report.cells("count-on-strategic") == ["'Tahap 4'!B5"])
    }

    // MARK: Crosscutting

    @Test("crosscutting-no-partner: a crosscutting mark with an empty partner name is an error")
    func crosscuttingEmptyPartner() {
        let report = TestTree.check(TestTree.model { $0.edit("1.3") { $0.crosscutting = [Crosscutting(partner: "  ")] } })
        #expect(report.cells("crosscutting-no-partner") == ["'Tahap 3'!A23"])
    }

    @Test("crosscutting-no-partner: a CSF with no conditions, no indicator and no partner (and no no-indicator error)")
    func crosscuttingWithoutPartner() {
        let report = TestTree.check(TestTree.model { $0.edit("1.3") { $0.crosscutting = [] } })
        #expect(report.cells("crosscutting-no-partner") == ["'Tahap 3'!A23"])
        #expect(report.findings("no-indicator").isEmpty)
    }

    @Test("crosscutting-lost: a crosscutting CSF absent from Tahap 5 is a warning at its last cell before")
    func crosscuttingLost() {
        let report = TestTree.check(TestTree.model { $0.edit("1.3") { $0.stages[.tahap5] = nil } })
        #expect(report.cells("crosscutting-lost") == ["'Tahap 4'!B14"])
        #expect(report.findings("crosscutting-lost").first?.message.en.contains("\"DINAS PEKERJAAN UMUM\"") == true)
        #expect(report.findings("missing-in-stage").isEmpty)
    }

    // MARK: Wording

    @Test("verb-changed: Terlaksananya becomes Terselenggaranya in the cascading box")
    func verbChanged() {
        let report = TestTree.check(TestTree.model { $0.edit("1.1.1.1.1", .cascading) { $0.text = "Terselenggaranya Pelatihan Tim Mutu Puskesmas" } })
        #expect(report.cells("verb-changed") == ["CASCADING!E14"])
        let message = report.findings("verb-changed").first?.message.id ?? ""
        #expect(message.contains("\"Terlaksananya\"") && message.contains("\"Terselenggaranya\""))
        #expect(report.findings("text-typo").isEmpty && report.findings("text-differs").isEmpty)
    }

    @Test("text-truncated: a Tahap 5 text that stops early, with the missing words quoted")
    func textTruncated() {
        let report = TestTree.check(TestTree.model { $0.edit("1.2.1.1.1", .tahap5) { $0.text = "Terlaksananya Distribusi Vaksin ke" } })
        #expect(report.cells("text-truncated") == ["'Tahap 5'!B13"])
        #expect(report.findings("text-truncated").first?.message.en.contains("missing: \"Puskesmas\"") == true)
    }

    @Test("text-typo: one letter off on Tahap 4; Tahap 5, equal to Tahap 3, is not reported")
    func textTypo() {
        let report = TestTree.check(TestTree.model { $0.edit("1.1.1.1", .tahap4) { $0.text = "Terselenggaranya Pendampingan Akreditsi" } })
        #expect(report.cells("text-typo") == ["'Tahap 4'!B7"])
        #expect(report.findings("text-typo").first?.message.en.contains("\"Akreditasi\" → \"Akreditsi\"") == true)
    }

    @Test("text-differs: words added on Tahap 5 are quoted")
    func textDiffers() {
        let report = TestTree.check(TestTree.model { $0.edit("1.2.1", .tahap5) { $0.text = "Meningkatnya Cakupan Imunisasi Dasar Lengkap" } })
        #expect(report.cells("text-differs") == ["'Tahap 5'!B11"])
        #expect(report.findings("text-differs").first?.message.en.contains("added \"Dasar\", \"Lengkap\"") == true)
    }

    @Test("text-case-differs: only capitals differ, an info")
    func textCaseDiffers() {
        let report = TestTree.check(TestTree.model { $0.edit("1.2.1", .tahap5) { $0.text = "Meningkatnya cakupan imunisasi" } })
        #expect(report.cells("text-case-differs") == ["'Tahap 5'!B11"])
        #expect(report.problems.isEmpty)
    }

    @Test("wording: spacing and non-breaking spaces alone are not drift")
    func spacingIsNotDrift() {
        let report = TestTree.check(TestTree.model { $0.edit("1.2.1", .tahap5) { $0.text = "Meningkatnya\u{00A0}Cakupan  Imunisasi " } })
        #expect(report.findings.isEmpty)
    }

    @Test("action-wording: an outcome worded Meningkatkan (an action) rather than Meningkatnya")
    func actionWording() {
        let report = TestTree.check(TestTree.model { Self.setText(&$0, "1", "Meningkatkan Derajat Kesehatan Masyarakat") })
        #expect(report.cells("action-wording") == ["'Tahap 1'!A20"])
        #expect(report.findings("action-wording").first?.message.en.contains("\"Meningkatnya\"") == true)
    }

    // MARK: Duplicates

    @Test("duplicate-node: a sub kegiatan repeating another one's wording up to a typo is an error")
    func duplicateNode() {
        let report = TestTree.check(TestTree.model { Self.setText(&$0, "1.2.1.1.1", "Terlaksananya Pelatihan Tim Mutu Puskesmass") })
        #expect(report.cells("duplicate-node") == ["'Tahap 3'!B22"])
        #expect(report.findings("duplicate-node").first?.related == [TestTree.at("Tahap 3", "B18")])
        #expect(report.findings("duplicate-node").first?.severity == .error)
    }

    @Test("duplicate-node: the same words under another condition verb are a different node")
    func differentVerbIsNotDuplicate() {
        let report = TestTree.check(TestTree.model { Self.setText(&$0, "1.2.1.1.1", "Meningkatnya Pelatihan Tim Mutu Puskesmas") })
        #expect(report.findings("duplicate-node").isEmpty)
    }
}

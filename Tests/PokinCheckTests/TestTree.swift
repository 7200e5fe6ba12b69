import PokinCheck
import PokinMapping
import PokinModel

/// A small, fully consistent tree built in code (a health agency), with a record on every stage
/// at predictable cells, so that each rule's test can plant one inconsistency into it.
///
/// Layout of the cells (file `dinkes.xlsx`):
/// - Tahap 1: the outcome at A20. Tahap 2: the CSFs at B10, B11, …
/// - Tahap 3: each CSF in column A on the row of its first condition; conditions in column B.
/// - Tahap 4 and 5: one row per node from row 4 in tree order, text in column B.
/// - Cascading: one box per node, two rows apart, in the column of its level (A outcome … E).
enum TestTree {
    static let file = "dinkes.xlsx"

    struct Spec {
        var id: String
        var parent: String?
        var level: Level
        var text: String
        var indicator: String?
        var partner: String? = nil
        var code: String? = nil
    }

    static let specs: [Spec] = [
        Spec(id: "1", parent: nil, level: .outcome, text: "Meningkatnya Derajat Kesehatan Masyarakat", indicator: "Angka Harapan Hidup"),
        Spec(id: "1.1", parent: "1", level: .csf, text: "Meningkatnya Mutu Layanan Kesehatan",
             indicator: "Indeks Kepuasan Masyarakat terhadap Layanan Kesehatan"),
        Spec(id: "1.1.1", parent: "1.1", level: .kondisiAntaraUtama, text: "Meningkatnya Akreditasi Puskesmas",
             indicator: "Persentase Puskesmas Terakreditasi Paripurna", code: "1.02.02"),
        Spec(id: "1.1.1.1", parent: "1.1.1", level: .kondisiAntara, text: "Terselenggaranya Pendampingan Akreditasi",
             indicator: "Persentase Puskesmas yang Didampingi", code: "1.02.02.2.01"),
        Spec(id: "1.1.1.1.1", parent: "1.1.1.1", level: .kondisiOperasional, text: "Terlaksananya Pelatihan Tim Mutu Puskesmas",
             indicator: "Jumlah Tim Mutu yang Dilatih", code: "1.02.02.2.01.0001"),
        Spec(id: "1.1.1.1.2", parent: "1.1.1.1", level: .kondisiOperasional, text: "Terlaksananya Survei Akreditasi Internal",
             indicator: "Jumlah Survei Internal yang Dilaksanakan", code: "1.02.02.2.01.0002"),
        Spec(id: "1.2", parent: "1", level: .csf, text: "Menurunnya Angka Kesakitan Penyakit Menular",
             indicator: "Persentase Kasus Penyakit Menular yang Ditangani"),
        Spec(id: "1.2.1", parent: "1.2", level: .kondisiAntaraUtama, text: "Meningkatnya Cakupan Imunisasi",
             indicator: "Persentase Desa UCI", code: "1.02.03"),
        Spec(id: "1.2.1.1", parent: "1.2.1", level: .kondisiAntara, text: "Tersedianya Vaksin yang Memadai",
             indicator: "Persentase Ketersediaan Vaksin", code: "1.02.03.2.01"),
        Spec(id: "1.2.1.1.1", parent: "1.2.1.1", level: .kondisiOperasional, text: "Terlaksananya Distribusi Vaksin ke Puskesmas",
             indicator: "Jumlah Puskesmas yang Menerima Vaksin", code: "1.02.03.2.01.0003"),
        Spec(id: "1.3", parent: "1", level: .csf, text: "Tersedianya Air Bersih di Permukiman", indicator: nil,
             partner: "DINAS PEKERJAAN UMUM"),
    ]

    static func at(_ sheet: String, _ cell: String) -> String { "\(file)!'\(sheet)'!\(cell)" }

    static let t3Labels: [Level: String] = [
        .kondisiAntaraUtama: "Kondisi antara utama", .kondisiAntara: "Kondisi antara", .kondisiOperasional: "Kondisi operasional",
    ]
    static let performanceLabels: [Level: String] = [
        .outcome: "Kinerja strategis SKPD", .csf: "Kinerja strategis", .kondisiAntaraUtama: "Kinerja taktikal intermediate",
        .kondisiAntara: "Kinerja taktikal immediate", .kondisiOperasional: "Kinerja operasional",
    ]
    static let planningLabels: [Level: String] = [
        .outcome: "Tujuan SKPD", .csf: "Sasaran SKPD", .kondisiAntaraUtama: "Sasaran Program",
        .kondisiAntara: "Sasaran Kegiatan", .kondisiOperasional: "Sasaran Sub Kegiatan",
    ]
    static let positionLabels: [Level: String] = [
        .csf: "PK Jabatan Pimpinan Tinggi", .kondisiAntaraUtama: "PK Jabatan Administrator",
        .kondisiAntara: "PK/SKP JF", .kondisiOperasional: "PK/SKP JF",
    ]
    static let positions: [Level: Jabatan] = [.csf: .jpt, .kondisiAntaraUtama: .administrator, .kondisiAntara: .jf, .kondisiOperasional: .jf]
    static let cascadingPlanning: [Level: String] = [
        .outcome: "TUJUAN SKPD", .csf: "SASARAN SKPD", .kondisiAntaraUtama: "SASARAN PROGRAM",
        .kondisiAntara: "SASARAN KEGIATAN", .kondisiOperasional: "SASARAN SUB KEG",
    ]
    static let cascadingPosition: [Level: String] = [
        .csf: "PK /SKP JPT", .kondisiAntaraUtama: "PK /SKP KABID", .kondisiAntara: "PK /SKP JF", .kondisiOperasional: "PK /SKP JF",
    ]

    /// The clean model: every stage agrees with every other.
    static func model() -> PohonKinerja {
        var nodes: [Kinerja] = []
        var t2Row = 10, t3Row = 16, t45Row = 4, cascadingRow = 6
        for spec in specs {
            var node = Kinerja(id: spec.id, parent: spec.parent, statement: spec.text, level: spec.level)
            let isCrosscutting = spec.partner != nil
            if let indicator = spec.indicator { node.indicators = [Indikator(name: indicator)] }
            if let partner = spec.partner { node.crosscutting = [Crosscutting(partner: partner)] }
            let indicators = spec.indicator.map { [$0] } ?? []
            if !isCrosscutting {
                node.performance = LevelTable.performance(for: spec.level)
                node.planning = LevelTable.planning(for: spec.level)
                node.position = positions[spec.level]
            }
            switch spec.level {
            case .outcome:
                node.stages[.tahap1] = StageRecord(text: spec.text, at: at("Tahap 1", "A20"))
            case .csf:
                node.stages[.tahap2] = StageRecord(text: spec.text, at: at("Tahap 2", "B\(t2Row)"))
                t2Row += 1
                // Tahap 3: the CSF in column A on its first condition's row (or its own row).
                node.stages[.tahap3] = StageRecord(text: spec.text, at: at("Tahap 3", "A\(t3Row)"))
                if isCrosscutting { t3Row += 1 }
            default:
                node.stages[.tahap3] = StageRecord(text: spec.text, levelLabel: t3Labels[spec.level], at: at("Tahap 3", "B\(t3Row)"))
                t3Row += 1
            }
            node.stages[.tahap4] = StageRecord(text: spec.text, indicators: indicators,
                                               levelLabel: isCrosscutting ? nil : performanceLabels[spec.level],
                                               at: at("Tahap 4", "B\(t45Row)"))
            node.stages[.tahap5] = StageRecord(text: spec.text, indicators: indicators,
                                               levelLabel: isCrosscutting ? nil : performanceLabels[spec.level],
                                               planningLabel: isCrosscutting ? nil : planningLabels[spec.level],
                                               positionLabel: isCrosscutting ? nil : positionLabels[spec.level],
                                               at: at("Tahap 5", "B\(t45Row)"))
            t45Row += 1
            let column = ["A", "B", "C", "D", "E"][spec.level.depth]
            node.stages[.cascading] = StageRecord(text: spec.text, indicators: isCrosscutting ? nil : indicators,
                                                  planningLabel: cascadingPlanning[isCrosscutting ? .csf : spec.level],
                                                  positionLabel: cascadingPosition[isCrosscutting ? .csf : spec.level],
                                                  at: at("CASCADING", "\(column)\(cascadingRow)"))
            cascadingRow += 2
            if let code = spec.code {
                let kind: Nomenklatur.Kind = spec.level == .kondisiAntaraUtama ? .program : spec.level == .kondisiAntara ? .kegiatan : .subKegiatan
                node.nomenclature = Nomenklatur(kind: kind, code: code, name: "Nomenklatur \(spec.text.split(separator: " ").dropFirst().joined(separator: " "))")
            }
            nodes.append(node)
        }
        return PohonKinerja(agency: PerangkatDaerah(name: "DINAS KESEHATAN", shortName: "DINKES"), nodes: nodes)
    }

    /// The clean model with one change.
    static func model(_ change: (inout PohonKinerja) -> Void) -> PohonKinerja {
        var model = model()
        change(&model)
        return model
    }

    static func check(_ model: PohonKinerja) -> CheckReport {
        ConsistencyChecker().check(model, input: file)
    }
}

extension PohonKinerja {
    /// Edits the node with `id` in place.
    mutating func edit(_ id: String, _ change: (inout Kinerja) -> Void) {
        guard let index = nodes.firstIndex(where: { $0.id == id }) else { fatalError("no node \(id) in the test tree") }
        change(&nodes[index])
    }

    /// Edits the record of node `id` on `role`.
    mutating func edit(_ id: String, _ role: StageRole, _ change: (inout StageRecord) -> Void) {
        edit(id) { node in
            var record = node.stages[role] ?? StageRecord()
            change(&record)
            node.stages[role] = record
        }
    }
}

extension CheckReport {
    /// Findings of `code`.
    func findings(_ code: String) -> [Finding] { findings.filter { $0.code == code } }

    /// The `'Sheet'!B12` references of the findings of `code`.
    func cells(_ code: String) -> [String] { findings(code).compactMap { $0.cell?.sheetReference } }

    /// Findings that are errors or warnings (what a clean model must not have).
    var problems: [Finding] { findings.filter { $0.severity != .info } }
}

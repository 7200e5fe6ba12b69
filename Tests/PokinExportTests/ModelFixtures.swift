import PokinMapping
import PokinModel
import PokinTestSupport

/// Models the export tests write: the seed's golden model and generated large trees.
enum ModelFixtures {
    static func seedGolden() throws -> PohonKinerja {
        try PohonKinerja.decode(try Fixtures.bytes("agencies/dkukmpp-seed/expected.json"))
    }

    /// A deterministic tree of `outcomes` outcomes, each with CSFs and conditions down to the
    /// operational level, every field filled the way an agency would (no stage records: a model
    /// made by a tool rather than read from sheets). Texts include Indonesian words, quotes,
    /// non-breaking spaces and emoji.
    static func generated(outcomes: Int, branching: Int) -> PohonKinerja {
        var nodes: [Kinerja] = []
        var counter = 0
        let verbs = ["Meningkatnya", "Terselenggaranya", "Terlaksananya", "Tersedianya", "Menurunnya"]
        let subjects = ["Kualitas Layanan Kesehatan", "Cakupan Imunisasi \"Dasar\" Lengkap", "Kapasitas SDM\u{00A0}Puskesmas",
                        "Pemasaran Produk UMKM 😀", "Ketersediaan Data Statistik Sektoral", "Akreditasi Fasilitas Kesehatan"]
        func add(_ parent: String?, _ id: String, _ level: Level) {
            counter += 1
            let statement = "\(verbs[counter % verbs.count]) \(subjects[counter % subjects.count]) \(counter)"
            let crosscutting = level == .csf && counter % 7 == 0
            nodes.append(Kinerja(
                id: id, parent: parent, statement: statement, level: level,
                performance: crosscutting ? nil : LevelTable.performance(for: level),
                planning: crosscutting ? nil : LevelTable.planning(for: level),
                position: crosscutting || level == .outcome ? nil : [Jabatan.jpt, .administrator, .pengawas, .jf, .pelaksana][level.depth],
                indicators: crosscutting ? [] : (0..<(1 + counter % 2)).map { index in
                    // Units and yearly targets on most indicators, as text ("72,5", "100%", "WTP").
                    Indikator(name: "Persentase \(subjects[(index + counter) % subjects.count]) \(counter).\(index)",
                              unit: (counter + index) % 3 == 0 ? nil : ["%", "Dokumen", "Nilai"][(counter + index) % 3],
                              targets: (counter + index) % 4 == 0 ? [] : [2025, 2026, 2027].map { Indikator.Target(year: $0, value: ["72,5", "100%", "WTP", "0,70"][($0 + counter) % 4]) })
                },
                crosscutting: crosscutting ? [Crosscutting(partner: "DINAS PMPTSP"), Crosscutting(partner: "BANK/LEMBAGA KEUANGAN")] : [],
                nomenclature: level == .kondisiAntaraUtama ? Nomenklatur(kind: .program, code: "1.02.0\(counter % 9)", name: "PROGRAM \(counter)") :
                    level == .kondisiOperasional ? Nomenklatur(kind: .subKegiatan, code: "1.02.02.2.01.00\(10 + counter % 80)", name: "Sub Kegiatan \(counter)",
                                                              statement: "Terfasilitasinya \(counter)", indicators: ["Jumlah Dokumen \(counter)"]) : nil))
            guard let next = Level.allCases.dropFirst(level.depth + 1).first, !crosscutting else { return }
            for index in 1...branching { add(id, "\(id).\(index)", next) }
        }
        for index in 1...outcomes { add(nil, "\(index)", .outcome) }
        return PohonKinerja(agency: PerangkatDaerah(name: "Dinas Kesehatan Kabupaten Contoh", shortName: "DINKES"), nodes: nodes)
    }

    /// The model without what a written-and-read-again file cannot keep: where each stage's text
    /// sat (`at`) and the level words as the original sheets spelt them (the template writes the
    /// standard words), the cascading view's records (the cascading sheet is drawn from the
    /// tahap sheets, not read), and the import's diagnostics.
    static func comparable(_ model: PohonKinerja) -> PohonKinerja {
        var copy = model
        copy.diagnostics = []
        for index in copy.nodes.indices {
            copy.nodes[index].stages[.cascading] = nil
            for role in copy.nodes[index].stages.keys {
                copy.nodes[index].stages[role]?.at = nil
                copy.nodes[index].stages[role]?.levelLabel = nil
                copy.nodes[index].stages[role]?.planningLabel = nil
                copy.nodes[index].stages[role]?.positionLabel = nil
            }
        }
        return copy
    }

    /// Stage records removed entirely (for models that had none before the round trip).
    static func withoutStages(_ model: PohonKinerja) -> PohonKinerja {
        var copy = comparable(model)
        for index in copy.nodes.indices { copy.nodes[index].stages = [:] }
        return copy
    }
}

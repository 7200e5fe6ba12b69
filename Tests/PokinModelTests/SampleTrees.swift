import PokinModel

/// Small trees built in code, shaped like a real agency's: one outcome, a CSF with a chain of
/// conditions down to the operational level, and a crosscutting CSF.
enum SampleTrees {
    static var small: PohonKinerja {
        PohonKinerja(
            agency: PerangkatDaerah(name: "Dinas Kesehatan Kabupaten Contoh", shortName: "DINKES"),
            nodes: [
                Kinerja(id: "1", statement: "Meningkatnya Derajat Kesehatan Masyarakat", level: .outcome,
                        performance: .strategisSKPD, planning: .tujuan,
                        indicators: [Indikator(name: "Angka Harapan Hidup", unit: "Tahun",
                                               targets: [.init(year: 2025, value: "72,5"), .init(year: 2026, value: "72,8")])],
                        stages: [.tahap1: StageRecord(text: "Meningkatnya Derajat Kesehatan Masyarakat", at: "dinkes.xlsx!'Tahap 1'!B5")]),
                Kinerja(id: "1.1", parent: "1", statement: "Meningkatnya Kualitas Pelayanan Kesehatan", level: .csf,
                        performance: .strategis, planning: .sasaranSKPD, position: .jpt,
                        indicators: [Indikator(name: "Indeks Kepuasan Masyarakat")]),
                Kinerja(id: "1.1.1", parent: "1.1", statement: "Meningkatnya Mutu Puskesmas", level: .kondisiAntaraUtama,
                        performance: .taktikalIntermediate, planning: .sasaranProgram, position: .administrator,
                        indicators: [Indikator(name: "Persentase Puskesmas Terakreditasi Paripurna")],
                        nomenclature: Nomenklatur(kind: .program, code: "1.02.02", name: "PROGRAM PEMENUHAN UPAYA KESEHATAN")),
                Kinerja(id: "1.1.1.1", parent: "1.1.1", statement: "Terselenggaranya Akreditasi Puskesmas", level: .kondisiAntara,
                        performance: .taktikalImmediate, planning: .sasaranKegiatan, position: .jf,
                        indicators: [Indikator(name: "Jumlah Puskesmas yang Diakreditasi")]),
                Kinerja(id: "1.1.1.1.1", parent: "1.1.1.1", statement: "Terlaksananya Pendampingan\u{00A0}Akreditasi  \"Puskesmas\"",
                        level: .kondisiOperasional, performance: .operasional, planning: .sasaranSubKegiatan, position: .pelaksana,
                        indicators: [Indikator(name: "Jumlah Dokumen Pendampingan", unit: "Dokumen"),
                                     Indikator(name: "Persentase 😀 Puskesmas\tDidampingi")]),
                Kinerja(id: "1.2", parent: "1", statement: "Mudahnya Perizinan Fasilitas Kesehatan", level: .csf,
                        crosscutting: [Crosscutting(partner: "DINAS PMPTSP")],
                        stages: [.tahap3: StageRecord(text: "Mudahnya Perizinan Fasilitas Kesehatan", at: "dinkes.xlsx!'Tahap 3'!A20"),
                                 .tahap2: StageRecord(text: "Mudahnya Perizinan Faskes", indicators: [])]),
            ],
            diagnostics: [Diagnostic(code: "level-from-depth", severity: .info,
                                     message: "level follows from the column", at: "dinkes.xlsx!Cascading!C4")]
        )
    }
}

import PokinModel

// The words a planning officer reads on the diagrams (Indonesian, as the sheets write them).

extension KomponenPerencanaan {
    /// "Sasaran Program".
    var label: String {
        switch self {
        case .tujuan: return "Tujuan"
        case .sasaranSKPD: return "Sasaran SKPD"
        case .sasaranProgram: return "Sasaran Program"
        case .sasaranKegiatan: return "Sasaran Kegiatan"
        case .sasaranSubKegiatan: return "Sasaran Sub Kegiatan"
        }
    }

    /// 0 (tujuan) … 4 (sasaran sub kegiatan): the row of the pohon, the column of the cascading.
    var rank: Int { KomponenPerencanaan.allCases.firstIndex(of: self)! }

    /// The cascading sheet's job heading for the column (PK/SKP JPT → KABID → JF → JF/JP).
    var cascadingJobLabel: String? {
        switch self {
        case .tujuan: return nil
        case .sasaranSKPD: return "PK/SKP JPT"
        case .sasaranProgram: return "PK/SKP KABID"
        case .sasaranKegiatan: return "PK/SKP JF"
        case .sasaranSubKegiatan: return "PK/SKP JF/JP"
        }
    }
}

extension Level {
    /// "Kondisi antara utama".
    var label: String {
        switch self {
        case .outcome: return "Outcome"
        case .csf: return "CSF"
        case .kondisiAntaraUtama: return "Kondisi antara utama"
        case .kondisiAntara: return "Kondisi antara"
        case .kondisiOperasional: return "Kondisi operasional"
        }
    }
}

extension JenisKinerja {
    var label: String {
        switch self {
        case .strategisSKPD: return "Kinerja strategis SKPD"
        case .strategis: return "Kinerja strategis"
        case .taktikalIntermediate: return "Kinerja taktikal intermediate"
        case .taktikalImmediate: return "Kinerja taktikal immediate"
        case .operasional: return "Kinerja operasional"
        }
    }
}

extension Jabatan {
    /// The job instrument that holds the node ("PK JPT", "PK/SKP JF").
    var label: String {
        switch self {
        case .jpt: return "PK JPT"
        case .administrator: return "PK Administrator"
        case .pengawas: return "PK Pengawas"
        case .jf: return "PK/SKP JF"
        case .pelaksana: return "SKP Pelaksana"
        }
    }
}

extension Nomenklatur.Kind {
    var label: String {
        switch self {
        case .program: return "Program"
        case .kegiatan: return "Kegiatan"
        case .subKegiatan: return "Sub kegiatan"
        }
    }
}

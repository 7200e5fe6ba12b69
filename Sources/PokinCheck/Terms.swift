import PokinModel

/// How messages name the model's values: in the users' own vocabulary, which both languages of
/// the report keep (these are terms of the method, not words to translate).
enum Terms {
    static func level(_ level: Level) -> String {
        switch level {
        case .outcome: return "outcome"
        case .csf: return "CSF"
        case .kondisiAntaraUtama: return "kondisi antara utama"
        case .kondisiAntara: return "kondisi antara"
        case .kondisiOperasional: return "kondisi operasional"
        }
    }

    static func performance(_ performance: JenisKinerja) -> String {
        switch performance {
        case .strategisSKPD: return "kinerja strategis SKPD"
        case .strategis: return "kinerja strategis"
        case .taktikalIntermediate: return "kinerja taktikal intermediate"
        case .taktikalImmediate: return "kinerja taktikal immediate"
        case .operasional: return "kinerja operasional"
        }
    }

    static func planning(_ planning: KomponenPerencanaan) -> String {
        switch planning {
        case .tujuan: return "Tujuan"
        case .sasaranSKPD: return "Sasaran SKPD"
        case .sasaranProgram: return "Sasaran Program"
        case .sasaranKegiatan: return "Sasaran Kegiatan"
        case .sasaranSubKegiatan: return "Sasaran Sub Kegiatan"
        }
    }

    static func position(_ position: Jabatan) -> String {
        switch position {
        case .jpt: return "JPT"
        case .administrator: return "Administrator"
        case .pengawas: return "Pengawas"
        case .jf: return "JF"
        case .pelaksana: return "Pelaksana"
        }
    }

    /// A text quoted in a message, as written (shortened past 90 characters).
    static func quote(_ text: String) -> String {
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return "\"" + (flat.count <= 90 ? flat : String(flat.prefix(87)) + "…") + "\""
    }

    /// A text quoted in full, as written.
    static func quoteFull(_ text: String) -> String {
        "\"" + text.split(whereSeparator: \.isNewline).joined(separator: " ") + "\""
    }

    /// "Tahap 3", "Cascading": the stage as a sheet title.
    static func stage(_ role: StageRole) -> String { role.title }

    /// "A, B dan C" / "A, B and C".
    static func list(_ items: [String], _ language: CheckLanguage) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        let conjunction = language == .id ? " dan " : " and "
        return items.dropLast().joined(separator: ", ") + conjunction + items.last!
    }

    static func list(_ items: [String]) -> Localized {
        Localized(id: list(items, .id), en: list(items, .en))
    }
}

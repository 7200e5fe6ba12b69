import PokinModel

/// The words agencies write for each level axis, mapped onto the canonical enumerations.
///
/// Built-in words come from `research/domain.md` (c); a mapping file adds an agency's own.
/// Lookup is by `TextKey` (case, spacing and non-breaking spaces do not matter) and tries the
/// whole text first, then the text without a leading "kinerja" / "PK" / "SKP" and punctuation.
public struct LevelVocabulary: Sendable {
    public var levels: [String: Level] = [:]
    public var performances: [String: JenisKinerja] = [:]
    public var plannings: [String: KomponenPerencanaan] = [:]
    public var positions: [String: Jabatan] = [:]

    public init() {}

    /// The built-in dictionary.
    public static let standard: LevelVocabulary = {
        var vocabulary = LevelVocabulary()
        vocabulary.add(level: .outcome, ["outcome", "tahap 1", "tujuan", "ultimate outcome", "level 1", "kinerja utama"])
        vocabulary.add(level: .csf, ["csf", "tahap 2", "critical success factor", "faktor kunci keberhasilan", "level 2"])
        vocabulary.add(level: .kondisiAntaraUtama, ["kondisi antara utama", "kau", "level 3", "intermediate outcome"])
        vocabulary.add(level: .kondisiAntara, ["kondisi antara", "ka", "level 4", "immediate outcome"])
        vocabulary.add(level: .kondisiOperasional, ["kondisi operasional", "ko", "level 5", "output", "kondisi paling operasional"])

        vocabulary.add(performance: .strategisSKPD, ["kinerja strategis skpd", "strategis skpd", "kinerja strategis pd",
                                                     "kinerja strategis perangkat daerah", "kinerja strategis opd"])
        vocabulary.add(performance: .strategis, ["kinerja strategis", "strategis", "strategic"])
        vocabulary.add(performance: .taktikalIntermediate, ["kinerja taktikal intermediate", "taktikal intermediate",
                                                            "intermediate", "tactical intermediate"])
        vocabulary.add(performance: .taktikalImmediate, ["kinerja taktikal immediate", "taktikal immediate", "immediate",
                                                         "kinerja taktikal", "taktikal", "tactical"])
        vocabulary.add(performance: .operasional, ["kinerja operasional", "operasional", "operational"])

        vocabulary.add(planning: .tujuan, ["tujuan", "tujuan skpd", "tujuan pd", "tujuan opd", "tujuan dinas", "tujuan perangkat daerah", "tujuan renstra"])
        vocabulary.add(planning: .sasaranSKPD, ["sasaran skpd", "sasaran pd", "sasaran opd", "sasaran strategis", "sasaran strategis pd",
                                                "sasaran strategis skpd", "sasaran perangkat daerah", "sasaran pertama skpd",
                                                "sasaran kedua skpd", "sasaran ketiga skpd", "sasaran keempat skpd", "sasaran kelima skpd",
                                                "sasaran renstra", "sasaran ess ii"])
        vocabulary.add(planning: .sasaranProgram, ["sasaran program", "sasaran ess iii", "program"])
        vocabulary.add(planning: .sasaranKegiatan, ["sasaran kegiatan", "sasaran ess iv", "kegiatan"])
        vocabulary.add(planning: .sasaranSubKegiatan, ["sasaran sub kegiatan", "sasaran subkegiatan", "sasaran sub keg",
                                                       "sub kegiatan", "sasaran pelaksana"])

        vocabulary.add(position: .jpt, ["pk jabatan pimpinan tinggi", "pk jabatan pimpinan", "jabatan pimpinan tinggi", "jpt",
                                        "pk jpt", "pk skp jpt", "pk/skp jpt", "pk /skp jpt", "kepala dinas", "eselon ii", "jpt pratama"])
        vocabulary.add(position: .administrator, ["pk jabatan administrator", "jabatan administrator", "administrator", "pk administrator",
                                                  "pk skp kabid", "pk/skp kabid", "pk /skp kabid", "kabid", "kepala bidang", "sekretaris", "eselon iii"])
        vocabulary.add(position: .pengawas, ["pk jabatan pengawas", "jabatan pengawas", "pengawas", "pk pengawas", "pk skp pengawas",
                                             "kasubbag", "kasi", "kepala seksi", "eselon iv"])
        vocabulary.add(position: .jf, ["pk/skp jf", "pk /skp jf", "pk skp jf", "skp jf", "jf", "jabatan fungsional", "fungsional"])
        vocabulary.add(position: .pelaksana, ["pk/skp jf/jp", "pk /skp jf/jp", "pk skp jf jp", "jf/jp", "jp", "jabatan pelaksana",
                                              "pelaksana", "staf", "staff", "skp pelaksana"])
        return vocabulary
    }()

    public mutating func add(level: Level, _ words: [String]) { for word in words { levels[TextKey(word).loose] = level } }
    public mutating func add(performance: JenisKinerja, _ words: [String]) { for word in words { performances[TextKey(word).loose] = performance } }
    public mutating func add(planning: KomponenPerencanaan, _ words: [String]) { for word in words { plannings[TextKey(word).loose] = planning } }
    public mutating func add(position: Jabatan, _ words: [String]) { for word in words { positions[TextKey(word).loose] = position } }

    public func level(_ text: String) -> Level? { Self.lookup(text, in: levels) }
    public func performance(_ text: String) -> JenisKinerja? { Self.lookup(text, in: performances) }
    public func planning(_ text: String) -> KomponenPerencanaan? { Self.lookup(text, in: plannings) }
    public func position(_ text: String) -> Jabatan? { Self.lookup(text, in: positions) }

    static func lookup<Value>(_ text: String, in table: [String: Value]) -> Value? {
        let key = TextKey(text).loose
        guard !key.isEmpty else { return nil }
        if let value = table[key] { return value }
        // "Kinerja Taktikal" written as "Kinerja  taktikal." or with a leading "kinerja"/"PK".
        for prefix in ["kinerja ", "pk ", "skp ", "pk skp "] where key.hasPrefix(prefix) {
            if let value = table[String(key.dropFirst(prefix.count))] { return value }
        }
        return nil
    }
}

import PokinModel

/// One node as one stage's sheet shows it, before the stages are merged into a tree.
public struct StageEntry: Sendable {
    public var role: StageRole
    public var row: Int
    /// The node's text as written on this stage.
    public var text: String
    /// `file.xlsx!'TAHAP 3'!B7` of the text's cell.
    public var at: String
    /// Which tahap the row says it comes from ("Rujukan Tahapan": 1, 2 or 3), if it says.
    public var stageHint: Int?
    /// The level word as written (Keterangan) and what it means on each axis.
    public var levelLabel: String?
    public var level: Level?
    public var performance: JenisKinerja?
    public var planningLabel: String?
    public var planning: KomponenPerencanaan?
    public var positionLabel: String?
    public var position: Jabatan?
    public var indicators: [String] = []
    /// Unit (satuan) and targets per indicator, parallel to `indicators` where the sheet gives them.
    public var indicatorUnits: [String?] = []
    public var indicatorTargets: [[Indikator.Target]] = []
    /// The parent's text as this stage writes it (Tahap 3's CSF column), and its cell.
    public var parentText: String?
    public var parentAt: String?
    /// Crosscutting partners named on this row.
    public var partners: [String] = []
    public var nomenclature: Nomenklatur?
    /// The node's own id and its parent's id, where the layout writes them (a "Kode" column).
    public var id: String?
    public var parentID: String?

    public init(role: StageRole, row: Int, text: String, at: String) {
        self.role = role
        self.row = row
        self.text = text
        self.at = at
    }

    /// The level this row implies on the Tahap 1–3 axis, from whatever it states: the level word,
    /// then "Rujukan Tahapan" 1 or 2, then the performance class, then the planning component
    /// (the level table of `research/domain.md` (c)).
    public var impliedLevel: Level? {
        if let level { return level }
        if stageHint == 1 { return .outcome }
        if stageHint == 2 { return .csf }
        // Tahap 5 owns the planning component; its Keterangan (kinerja class) is the less
        // reliable column there (the seed swaps intermediate and immediate in it).
        if role == .tahap5, let planning { return LevelTable.level(for: planning) }
        if let performance { return LevelTable.level(for: performance) }
        if let planning { return LevelTable.level(for: planning) }
        return nil
    }
}

/// The level table of `research/domain.md` (c): depth ↔ level ↔ performance ↔ planning ↔ position.
public enum LevelTable {
    public static func level(for performance: JenisKinerja) -> Level {
        switch performance {
        case .strategisSKPD: return .outcome
        case .strategis: return .csf
        case .taktikalIntermediate: return .kondisiAntaraUtama
        case .taktikalImmediate: return .kondisiAntara
        case .operasional: return .kondisiOperasional
        }
    }

    public static func level(for planning: KomponenPerencanaan) -> Level {
        switch planning {
        case .tujuan: return .outcome
        case .sasaranSKPD: return .csf
        case .sasaranProgram: return .kondisiAntaraUtama
        case .sasaranKegiatan: return .kondisiAntara
        case .sasaranSubKegiatan: return .kondisiOperasional
        }
    }

    public static func performance(for level: Level) -> JenisKinerja {
        switch level {
        case .outcome: return .strategisSKPD
        case .csf: return .strategis
        case .kondisiAntaraUtama: return .taktikalIntermediate
        case .kondisiAntara: return .taktikalImmediate
        case .kondisiOperasional: return .operasional
        }
    }

    public static func planning(for level: Level) -> KomponenPerencanaan {
        switch level {
        case .outcome: return .tujuan
        case .csf: return .sasaranSKPD
        case .kondisiAntaraUtama: return .sasaranProgram
        case .kondisiAntara: return .sasaranKegiatan
        case .kondisiOperasional: return .sasaranSubKegiatan
        }
    }
}

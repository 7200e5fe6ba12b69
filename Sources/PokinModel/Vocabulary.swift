/// The canonical enumerations of the model, in the users' own vocabulary (kebab-case).
/// Raw values are the JSON spelling and never change (interchange format version 1).

/// Tahap 1–3 axis: where a node sits in the cause-and-effect tree.
public enum Level: String, CaseIterable, Sendable, Hashable {
    case outcome
    case csf
    case kondisiAntaraUtama = "kondisi-antara-utama"
    case kondisiAntara = "kondisi-antara"
    case kondisiOperasional = "kondisi-operasional"

    /// Depth in the level ladder of `research/domain.md` (c): outcome 0 … kondisi operasional 4.
    public var depth: Int {
        switch self {
        case .outcome: return 0
        case .csf: return 1
        case .kondisiAntaraUtama: return 2
        case .kondisiAntara: return 3
        case .kondisiOperasional: return 4
        }
    }

    /// Hashes the level's place, not its raw value (a String): the tree assembly keeps
    /// levels in many small sets and dictionaries.
    public func hash(into hasher: inout Hasher) { hasher.combine(depth) }
}

/// Tahap 4 axis: the class of performance (kinerja strategis / taktikal / operasional).
public enum JenisKinerja: String, CaseIterable, Sendable, Hashable {
    case strategisSKPD = "strategis-skpd"
    case strategis
    case taktikalIntermediate = "taktikal-intermediate"
    case taktikalImmediate = "taktikal-immediate"
    case operasional
}

/// Tahap 5 axis: the planning component (komponen perencanaan).
public enum KomponenPerencanaan: String, CaseIterable, Sendable, Hashable {
    case tujuan
    case sasaranSKPD = "sasaran-skpd"
    case sasaranProgram = "sasaran-program"
    case sasaranKegiatan = "sasaran-kegiatan"
    case sasaranSubKegiatan = "sasaran-sub-kegiatan"
}

/// Tahap 5 job class (kinerja jabatan): whose performance agreement or SKP holds the node.
public enum Jabatan: String, CaseIterable, Sendable, Hashable {
    case jpt
    case administrator
    case pengawas
    case jf
    case pelaksana
}

/// How serious a diagnostic is.
public enum Severity: String, CaseIterable, Sendable, Hashable {
    case error, warning, info
}

/// A sheet role of the method: the five tahap sheets and the two views of the tree.
public enum StageRole: String, CaseIterable, Sendable, Hashable, Comparable {
    case tahap1 = "tahap-1"
    case tahap2 = "tahap-2"
    case tahap3 = "tahap-3"
    case tahap4 = "tahap-4"
    case tahap5 = "tahap-5"
    case cascading
    case pohon

    /// The role's place in `allCases`: the order of the stages in the model and its JSON.
    public var order: Int {
        switch self {
        case .tahap1: return 0
        case .tahap2: return 1
        case .tahap3: return 2
        case .tahap4: return 3
        case .tahap5: return 4
        case .cascading: return 5
        case .pohon: return 6
        }
    }

    public static func < (lhs: StageRole, rhs: StageRole) -> Bool { lhs.order < rhs.order }

    /// Hashes the role's place, not its raw value (a String): every node keeps its stage
    /// records in a dictionary keyed by role.
    public func hash(into hasher: inout Hasher) { hasher.combine(order) }

    /// The sheet title a person reads: `Tahap 3`, `Cascading`, `Pohon Kinerja`.
    public var title: String {
        switch self {
        case .tahap1: return "Tahap 1"
        case .tahap2: return "Tahap 2"
        case .tahap3: return "Tahap 3"
        case .tahap4: return "Tahap 4"
        case .tahap5: return "Tahap 5"
        case .cascading: return "Cascading"
        case .pohon: return "Pohon Kinerja"
        }
    }
}

import PokinModel

/// The three classes of performance the peers colour a tree by: strategic red, tactical blue,
/// operational green (Permenpan RB 89/2021's kinerja strategis / taktikal / operasional).
public enum KinerjaTier: String, CaseIterable, Hashable, Sendable {
    case strategis, taktikal, operasional

    /// The node's class: from its Tahap 4 performance class where the source gives one, else
    /// from its Tahap 1–3 level (outcome and CSF strategic, kondisi antara (utama) tactical,
    /// kondisi operasional operational).
    public static func of(_ node: Kinerja) -> KinerjaTier {
        switch node.performance {
        case .strategisSKPD?, .strategis?: return .strategis
        case .taktikalIntermediate?, .taktikalImmediate?: return .taktikal
        case .operasional?: return .operasional
        case nil:
            switch node.level {
            case .outcome, .csf: return .strategis
            case .kondisiAntaraUtama, .kondisiAntara: return .taktikal
            case .kondisiOperasional: return .operasional
            }
        }
    }

    /// The legend's words.
    public var label: String {
        switch self {
        case .strategis: return "Kinerja strategis"
        case .taktikal: return "Kinerja taktikal"
        case .operasional: return "Kinerja operasional"
        }
    }

    /// Outline and header band colour (six hex digits).
    public var strokeColor: String {
        switch self {
        case .strategis: return "B03A2E"
        case .taktikal: return "1F5FAD"
        case .operasional: return "1E8449"
        }
    }

    /// The box's pale fill.
    public var fillColor: String {
        switch self {
        case .strategis: return "FDEDEC"
        case .taktikal: return "EAF2FB"
        case .operasional: return "E9F7EF"
        }
    }

    /// Text on the header band.
    public var headerTextColor: String { "FFFFFF" }
}

/// What of a node a layout can carry; a writer reports each one it wrote
/// (`MappingExportContext.carried`), and the export warns about those no sheet carried.
public enum ExportFeature: String, Sendable, CaseIterable {
    /// The node itself (a row, a box).
    case node
    case level, performance, planning, position
    case indicators, units, targets
    case crosscutting
    case nomenclature

    /// The Indonesian-facing name used in warnings.
    var label: String {
        switch self {
        case .node: return "nodes"
        case .level: return "levels"
        case .performance: return "kinerja classes (jenis kinerja)"
        case .planning: return "planning components (komponen perencanaan)"
        case .position: return "jobs (kinerja jabatan)"
        case .indicators: return "indicators"
        case .units: return "units (satuan)"
        case .targets: return "targets"
        case .crosscutting: return "crosscutting partners"
        case .nomenclature: return "programs / kegiatan / sub kegiatan (nomenklatur)"
        }
    }
}

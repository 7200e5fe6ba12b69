import PokinModel

/// The export's account of what the layout could not carry: for each feature the model has but
/// no written sheet carried, one warning naming how many nodes lose it and which.
enum DroppedFeatures {
    static func report(in context: MappingExportContext) {
        for feature in ExportFeature.allCases {
            let having = context.model.nodes.filter { has(feature, $0) }
            let lost = having.filter { !context.wasCarried(feature, of: $0.id) && (feature == .node || context.wasCarried(.node, of: $0.id)) }
            guard !lost.isEmpty else { continue }
            let ids = lost.prefix(8).map(\.id).joined(separator: ", ") + (lost.count > 8 ? ", …" : "")
            let message: String
            if feature == .node {
                message = "the layout \"\(context.mapping.name)\" has no place for \(lost.count) of the \(having.count) nodes (\(ids)); they are not in the written workbook"
            } else {
                message = "the layout \"\(context.mapping.name)\" has no place for the \(feature.label) of \(lost.count) nodes (\(ids)); they are not in the written workbook"
            }
            context.warn("dropped-\(feature.rawValue)", message)
        }
    }

    static func has(_ feature: ExportFeature, _ node: Kinerja) -> Bool {
        switch feature {
        case .node, .level: return true
        case .performance: return node.performance != nil
        case .planning: return node.planning != nil
        case .position: return node.position != nil
        case .indicators: return !node.indicators.isEmpty
        case .units: return node.indicators.contains { $0.unit != nil }
        case .targets: return node.indicators.contains { !$0.targets.isEmpty }
        case .crosscutting: return !node.crosscutting.isEmpty
        case .nomenclature: return node.nomenclature != nil
        }
    }
}

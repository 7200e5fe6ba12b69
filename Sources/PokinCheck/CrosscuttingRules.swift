import Foundation
import PokinModel

/// Crosscutting CSFs: each names its partner, and stays visible on every later stage the
/// document has (Tahap 4, Tahap 5, the cascading matrix).
enum CrosscuttingRules {
    static func run(_ context: CheckContext) -> [Finding] {
        var findings: [Finding] = []
        for node in context.nodes {
            if let finding = noPartner(node, context) { findings.append(finding) }
            if let finding = lost(node, context) { findings.append(finding) }
        }
        return findings
    }

    private static func noPartner(_ node: Kinerja, _ context: CheckContext) -> Finding? {
        let text = Terms.quote(node.statement)
        let at = context.cell(node, preferring: [.tahap3, .tahap2, .tahap4])
        let role = [StageRole.tahap3, .tahap2, .tahap4].first { node.stages[$0] != nil }
        if node.crosscutting.contains(where: { $0.partner.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }) {
            return Finding(RuleCatalog.crosscuttingNoPartner, Localized(
                id: "\(text) ditandai crosscutting, tetapi nama mitranya kosong.",
                en: "\(text) is marked crosscutting, but the partner's name is empty."),
                at: at, node: node.id, stage: role)
        }
        // A CSF with neither conditions nor indicators is handed to someone else: who?
        guard node.level == .csf, node.crosscutting.isEmpty, context.children(of: node.id).isEmpty,
              IndicatorRules.names(node).isEmpty else { return nil }
        return Finding(RuleCatalog.crosscuttingNoPartner, Localized(
            id: "\(text) adalah CSF tanpa kondisi turunan dan tanpa indikator, seperti CSF crosscutting, tetapi tidak menyebut instansi mitra.",
            en: "\(text) is a CSF with no conditions below it and no indicator, like a crosscutting CSF, but it names no partner."),
            at: at, node: node.id, stage: role)
    }

    private static func lost(_ node: Kinerja, _ context: CheckContext) -> Finding? {
        guard context.isCrosscutting(node), let firstStage = node.stages.keys.min() else { return nil }
        let later: [StageRole] = [.tahap3, .tahap4, .tahap5, .cascading]
        let missing = later.filter { $0 > firstStage && context.presentStages.contains($0) && node.stages[$0] == nil }
        guard !missing.isEmpty else { return nil }
        let partners = node.crosscutting.map { Terms.quote($0.partner) }
        let shown = node.stages.keys.sorted()
        let names = missing.map(Terms.stage), shownNames = shown.map(Terms.stage)
        let anchor = shown.last { $0 < missing[0] } ?? shown.last!
        return Finding(RuleCatalog.crosscuttingLost, Localized(
            id: "CSF crosscutting \(Terms.quote(node.statement)) (mitra \(Terms.list(partners, .id))) ada di \(Terms.list(shownNames, .id)), tetapi hilang di \(Terms.list(names, .id)).",
            en: "The crosscutting CSF \(Terms.quote(node.statement)) (partner \(Terms.list(partners, .en))) is on \(Terms.list(shownNames, .en)) but missing from \(Terms.list(names, .en))."),
            at: context.cell(node, anchor), related: shown.compactMap { context.cell(node, $0) }, node: node.id, stage: anchor)
    }
}

import PokinMapping
import PokinModel

/// Which stages should show each node, and nodes that only later stages show.
///
/// Outcomes belong on Tahap 1, 4 and 5; CSFs on Tahap 2–5; conditions on Tahap 3–5; every node
/// but the crosscutting CSFs (their own rule) in the cascading matrix. A stage is expected only
/// when the document has it at all.
enum PresenceRules {
    static func run(_ context: CheckContext) -> [Finding] {
        var findings: [Finding] = []
        let structureStages: Set<StageRole> = [.tahap1, .tahap2, .tahap3]
        let hasStructure = !context.presentStages.isDisjoint(with: structureStages)
        for node in context.nodes {
            let roles = Set(node.stages.keys)
            if hasStructure, !roles.isEmpty, roles.isDisjoint(with: structureStages) {
                findings.append(extraNode(node, context))
                continue
            }
            guard !context.isCrosscutting(node) else { continue }
            for role in expectedStages(node.level) where context.presentStages.contains(role) && node.stages[role] == nil {
                findings.append(missing(node, role, context))
            }
        }
        return findings
    }

    static func expectedStages(_ level: Level) -> [StageRole] {
        switch level {
        case .outcome: return [.tahap1, .tahap4, .tahap5, .cascading]
        case .csf: return [.tahap2, .tahap3, .tahap4, .tahap5, .cascading]
        default: return [.tahap3, .tahap4, .tahap5, .cascading]
        }
    }

    private static func missing(_ node: Kinerja, _ role: StageRole, _ context: CheckContext) -> Finding {
        // Point at the node on the nearest stage before the missing one, else the nearest after.
        let before = node.stages.keys.filter { $0 < role }.sorted().last
        let after = node.stages.keys.filter { $0 > role }.sorted().first
        let shown = before ?? after
        let at = shown.flatMap { context.cell(node, $0) }
        let text = Terms.quote(context.text(node, shown))
        let others = node.stages.keys.sorted().map(Terms.stage)
        let level = Terms.level(node.level)
        let rule = role == .cascading ? RuleCatalog.missingInCascading : RuleCatalog.missingInStage
        let message = Localized(
            id: "\(text) (\(level)) tidak ada di \(Terms.stage(role)); node ini ada di \(Terms.list(others, .id)).",
            en: "\(text) (\(level)) is not on \(Terms.stage(role)); the node is on \(Terms.list(others, .en)).")
        return Finding(rule, message, at: at, node: node.id, stage: shown)
    }

    private static func extraNode(_ node: Kinerja, _ context: CheckContext) -> Finding {
        let stages = node.stages.keys.sorted()
        let first = stages.first!
        let text = Terms.quote(context.text(node, first))
        let names = stages.map(Terms.stage)
        // The most similar node of the tree, to help decide whether this is a reworded copy.
        let key = TextKey(context.text(node, first))
        var closest: (node: Kinerja, score: Double)?
        for other in context.nodes where other.id != node.id && !Set(other.stages.keys).isDisjoint(with: [.tahap1, .tahap2, .tahap3]) {
            let score = TextSimilarity.score(key, TextKey(other.statement))
            if score >= 0.5, closest == nil || score > closest!.score { closest = (other, score) }
        }
        var id = "\(text) (\(Terms.level(node.level))) hanya ada di \(Terms.list(names, .id)), tidak di Tahap 1–3 tempat pohon dibangun."
        var en = "\(text) (\(Terms.level(node.level))) is only on \(Terms.list(names, .en)), not in Tahap 1–3 where the tree is built."
        var related: [String] = []
        if let closest {
            id += " Node yang paling mirip: \(Terms.quote(closest.node.statement))."
            en += " The most similar node: \(Terms.quote(closest.node.statement))."
            related = context.cell(closest.node, preferring: [.tahap1, .tahap2, .tahap3]).map { [$0] } ?? []
        }
        return Finding(RuleCatalog.extraNode, Localized(id: id, en: en), at: context.cell(node, first), related: related,
                       node: node.id, stage: first)
    }
}

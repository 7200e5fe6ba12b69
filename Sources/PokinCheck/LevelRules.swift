import PokinMapping
import PokinModel

/// Levels: what each stage says a node's level is (Tahap 3 level word, Tahap 4 class, Tahap 5
/// planning component, cascading column) against the tree's level; the two performance-class
/// columns; the ladder itself (a skipped level, a child of a kondisi operasional); and the job
/// each planning component goes with — the level table of domain.md (c).
enum LevelRules {
    static func run(_ context: CheckContext) -> [Finding] {
        var findings: [Finding] = []
        for node in context.nodes {
            if let finding = levelDiffers(node, context) { findings.append(finding) }
            if let finding = performanceDiffers(node, context) { findings.append(finding) }
            if let finding = ladder(node, context) { findings.append(finding) }
            findings += positionMismatch(node, context)
            if let finding = positionDiffers(node, context) { findings.append(finding) }
        }
        return findings
    }

    // MARK: Level on every stage

    private struct Claim {
        var stage: StageRole?
        var words: String?
        var level: Level
    }

    private static func claims(_ node: Kinerja, _ context: CheckContext) -> [Claim] {
        guard !node.stages.isEmpty else {
            // A model without stage records (another tool's JSON): its own fields must agree.
            var result: [Claim] = []
            if let performance = node.performance {
                result.append(Claim(stage: nil, words: Terms.performance(performance), level: LevelTable.level(for: performance)))
            }
            if let planning = node.planning {
                result.append(Claim(stage: nil, words: Terms.planning(planning), level: LevelTable.level(for: planning)))
            }
            return result
        }
        return node.stages.sorted { $0.key < $1.key }.compactMap { role, record in
            guard role != .pohon, let level = context.stageLevel(record, role) else { return nil }
            return Claim(stage: role, words: context.stageLevelWords(record, role), level: level)
        }
    }

    private static func levelDiffers(_ node: Kinerja, _ context: CheckContext) -> Finding? {
        let all = claims(node, context)
        let differing = all.filter { $0.level != node.level }
        guard !differing.isEmpty else { return nil }
        func describe(_ claim: Claim, _ language: CheckLanguage) -> String {
            let stage = claim.stage.map(Terms.stage) ?? (language == .id ? "isian model" : "the model's field")
            let words = claim.words.map { " " + Terms.quote($0) } ?? (claim.stage == .tahap2 ? (language == .id ? " (daftar CSF)" : " (the CSF list)") : "")
            return "\(stage)\(words) → \(Terms.level(claim.level))"
        }
        let text = Terms.quote(context.text(node, .tahap3))
        let level = Terms.level(node.level)
        let message = Localized(
            id: "Level \(text) berbeda antar tahap: \(all.map { describe($0, .id) }.joined(separator: "; ")). Pohon kinerja memakai \(level).",
            en: "The level of \(text) differs between stages: \(all.map { describe($0, .en) }.joined(separator: "; ")). The tree uses \(level).")
        let owner = all.first { $0.level == node.level && $0.stage != nil }?.stage
        let at = owner.flatMap { context.cell(node, $0) } ?? context.cell(node, preferring: [.tahap3, .tahap2, .tahap1])
        let related = differing.compactMap { $0.stage.flatMap { context.cell(node, $0) } }
        return Finding(RuleCatalog.levelDiffers, message, at: at, related: related, node: node.id,
                       stage: owner ?? node.stages.keys.sorted().first)
    }

    // MARK: Tahap 4 class against Tahap 5 class

    private static func performanceDiffers(_ node: Kinerja, _ context: CheckContext) -> Finding? {
        guard let t4 = node.stages[.tahap4], let t5 = node.stages[.tahap5],
              let label4 = t4.levelLabel, let label5 = t5.levelLabel,
              let class4 = context.words.performance(label4), let class5 = context.words.performance(label5),
              class4 != class5 else { return nil }
        let text = Terms.quote(context.text(node, .tahap5))
        let message = Localized(
            id: "Keterangan \(text) di Tahap 5 adalah \(Terms.quote(label5)) (\(Terms.performance(class5))), di Tahap 4 \(Terms.quote(label4)) (\(Terms.performance(class4))).",
            en: "Tahap 5 classes \(text) as \(Terms.quote(label5)) (\(Terms.performance(class5))), Tahap 4 as \(Terms.quote(label4)) (\(Terms.performance(class4))).")
        return Finding(RuleCatalog.performanceDiffers, message, at: t5.at, related: t4.at.map { [$0] } ?? [],
                       node: node.id, stage: .tahap5)
    }

    // MARK: The ladder

    private static func ladder(_ node: Kinerja, _ context: CheckContext) -> Finding? {
        guard let parent = context.node(node.parent) else { return nil }
        let at = context.cell(node, preferring: [.tahap3, .tahap2, .tahap4, .tahap5])
        let related = context.cell(parent, preferring: [.tahap3, .tahap2, .tahap1, .tahap4, .tahap5]).map { [$0] } ?? []
        let text = Terms.quote(node.statement), parentText = Terms.quote(parent.statement)
        let level = Terms.level(node.level), parentLevel = Terms.level(parent.level)
        let stage = node.stages.keys.contains(.tahap3) ? StageRole.tahap3 : node.stages.keys.sorted().first
        if parent.level == .kondisiOperasional {
            return Finding(RuleCatalog.childOfOperational, Localized(
                id: "\(text) (\(level)) berada di bawah \(parentText), yang merupakan kondisi operasional, level terbawah pohon.",
                en: "\(text) (\(level)) sits under \(parentText), a kondisi operasional, the lowest level of the tree."),
                at: at, related: related, node: node.id, stage: stage)
        }
        if node.level.depth <= parent.level.depth {
            return Finding(RuleCatalog.levelNotBelowParent, Localized(
                id: "\(text) (\(level)) berada di bawah \(parentText) (\(parentLevel)), padahal levelnya tidak lebih rendah.",
                en: "\(text) (\(level)) sits under \(parentText) (\(parentLevel)), yet its level is not lower."),
                at: at, related: related, node: node.id, stage: stage)
        }
        if node.level.depth > parent.level.depth + 1 {
            let skipped = Level.allCases.filter { $0.depth > parent.level.depth && $0.depth < node.level.depth }.map(Terms.level)
            return Finding(RuleCatalog.levelSkipped, Localized(
                id: "\(text) (\(level)) langsung berada di bawah \(parentText) (\(parentLevel)); level \(Terms.list(skipped, .id)) terlewati.",
                en: "\(text) (\(level)) sits directly under \(parentText) (\(parentLevel)); the level \(Terms.list(skipped, .en)) is skipped."),
                at: at, related: related, node: node.id, stage: stage)
        }
        return nil
    }

    // MARK: Job against planning component

    /// The jobs that may hold each planning component (domain.md (c)); Tujuan has none or JPT.
    static func allowedPositions(_ planning: KomponenPerencanaan) -> Set<Jabatan> {
        switch planning {
        case .tujuan, .sasaranSKPD: return [.jpt]
        case .sasaranProgram: return [.administrator]
        case .sasaranKegiatan: return [.pengawas, .jf]
        case .sasaranSubKegiatan: return [.pengawas, .jf, .pelaksana]
        }
    }

    private static func positionMismatch(_ node: Kinerja, _ context: CheckContext) -> [Finding] {
        var pairs: [(role: StageRole?, planningLabel: String?, planning: KomponenPerencanaan, positionLabel: String?, position: Jabatan)] = []
        for role in [StageRole.tahap5, .cascading] {
            guard let record = node.stages[role],
                  let planning = record.planningLabel.flatMap({ context.words.planning($0) }),
                  let position = record.positionLabel.flatMap({ context.words.position($0) }) else { continue }
            pairs.append((role, record.planningLabel, planning, record.positionLabel, position))
        }
        if node.stages[.tahap5] == nil, node.stages[.cascading] == nil, let planning = node.planning, let position = node.position {
            pairs.append((nil, nil, planning, nil, position))
        }
        return pairs.compactMap { pair in
            guard !allowedPositions(pair.planning).contains(pair.position) else { return nil }
            let text = Terms.quote(context.text(node, pair.role))
            let planning = pair.planningLabel.map { "\(Terms.quote($0)) (\(Terms.planning(pair.planning)))" } ?? Terms.planning(pair.planning)
            let position = pair.positionLabel.map { "\(Terms.quote($0)) (\(Terms.position(pair.position)))" } ?? Terms.position(pair.position)
            let expected = allowedPositions(pair.planning).sorted { $0.rawValue < $1.rawValue }.map(Terms.position)
            let stage = pair.role.map(Terms.stage) ?? "model"
            return Finding(RuleCatalog.positionMismatch, Localized(
                id: "Di \(stage), \(text) dipetakan ke \(planning) dengan jabatan \(position); komponen itu dipegang \(Terms.list(expected, .id)).",
                en: "On \(stage), \(text) is mapped to \(planning) with the job \(position); that component belongs to \(Terms.list(expected, .en))."),
                at: pair.role.flatMap { context.cell(node, $0) }, node: node.id, stage: pair.role)
        }
    }

    private static func positionDiffers(_ node: Kinerja, _ context: CheckContext) -> Finding? {
        guard let t5 = node.stages[.tahap5], let cascading = node.stages[.cascading],
              let label5 = t5.positionLabel, let labelC = cascading.positionLabel,
              let position5 = context.words.position(label5), let positionC = context.words.position(labelC),
              position5 != positionC else { return nil }
        let text = Terms.quote(context.text(node, .cascading))
        return Finding(RuleCatalog.positionDiffers, Localized(
            id: "Jabatan \(text) di cascading adalah \(Terms.quote(labelC)) (\(Terms.position(positionC))), di Tahap 5 \(Terms.quote(label5)) (\(Terms.position(position5))).",
            en: "The cascading matrix gives \(text) the job \(Terms.quote(labelC)) (\(Terms.position(positionC))), Tahap 5 \(Terms.quote(label5)) (\(Terms.position(position5)))."),
            at: cascading.at, related: t5.at.map { [$0] } ?? [], node: node.id, stage: .cascading)
    }
}

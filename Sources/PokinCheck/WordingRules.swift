import PokinMapping
import PokinModel

/// Wording that drifts between stages: a node's text and its indicators on each stage against
/// the closest wording an earlier stage gives them. A text equal to any earlier wording is fine;
/// otherwise the finding sits on the later stage's cell and quotes both texts as written.
enum WordingRules {
    static let order: [StageRole] = [.tahap1, .tahap2, .tahap3, .tahap4, .tahap5, .cascading, .pohon]

    static func run(_ context: CheckContext) -> [Finding] {
        var findings: [Finding] = []
        for node in context.nodes {
            findings += nodeText(node, context)
            findings += indicators(node, context)
            if let finding = actionWording(node, context) { findings.append(finding) }
        }
        return findings
    }

    // MARK: The node's text

    private static func nodeText(_ node: Kinerja, _ context: CheckContext) -> [Finding] {
        var findings: [Finding] = []
        var earlier: [(role: StageRole, text: String, at: String?)] = []
        for role in order {
            guard let record = node.stages[role], let text = record.text else { continue }
            defer { earlier.append((role, text, record.at)) }
            guard !earlier.isEmpty, !earlier.contains(where: { WordingDrift.plain($0.text) == WordingDrift.plain(text) }) else { continue }
            let reference = closest(to: text, among: earlier.map { ($0.role, $0.text, $0.at) })
            let drift = WordingDrift.compare(reference.text, text, indicator: false)
            findings += drift.kinds.map {
                finding($0, node: node, role: role, at: record.at, text: text, reference: reference, indicator: false)
            }
        }
        return findings
    }

    // MARK: Indicators

    private static func indicators(_ node: Kinerja, _ context: CheckContext) -> [Finding] {
        var findings: [Finding] = []
        var earlier: [(role: StageRole, text: String, at: String?)] = []
        for role in order {
            guard let record = node.stages[role], let list = record.indicators else { continue }
            let previousStages = Set(earlier.map(\.role))
            for text in list {
                guard !earlier.isEmpty, !earlier.contains(where: { WordingDrift.plain($0.text) == WordingDrift.plain(text) }) else { continue }
                let reference = closest(to: text, among: earlier)
                let drift = WordingDrift.compare(reference.text, text, indicator: true)
                findings += drift.kinds.map {
                    finding($0, node: node, role: role, at: record.at, text: text, reference: reference, indicator: true)
                }
            }
            // Fewer indicators than the stage before: the ones left out.
            if !list.isEmpty, let last = previousStages.max(), let before = node.stages[last]?.indicators, before.count > list.count {
                for lost in before where !list.contains(where: { TextSimilarity.score(TextKey($0), TextKey(lost)) >= 0.75 }) {
                    findings.append(Finding(RuleCatalog.indicatorMissingInStage, Localized(
                        id: "Indikator \(Terms.quote(lost)) dari \(Terms.stage(last)) tidak ada pada \(Terms.quote(context.text(node, role))) di \(Terms.stage(role)).",
                        en: "The indicator \(Terms.quote(lost)) of \(Terms.stage(last)) is missing from \(Terms.quote(context.text(node, role))) on \(Terms.stage(role))."),
                        at: record.at, related: node.stages[last]?.at.map { [$0] } ?? [], node: node.id, stage: role))
                }
            }
            earlier += list.map { (role, $0, record.at) }
        }
        return findings
    }

    // MARK: Helpers

    /// The earlier wording closest to `text` (fewest edits on the normalised key; the later
    /// stage wins a tie).
    static func closest(to text: String, among earlier: [(role: StageRole, text: String, at: String?)])
        -> (role: StageRole, text: String, at: String?) {
        let key = TextKey(text).value
        var best = earlier.last!
        var bestDistance = Int.max
        for candidate in earlier.reversed() {
            let distance = TextSimilarity.distance(key, TextKey(candidate.text).value)
            if distance < bestDistance {
                best = candidate
                bestDistance = distance
            }
        }
        return best
    }

    private static func finding(_ kind: WordingDrift.Kind, node: Kinerja, role: StageRole, at: String?, text: String,
                                reference: (role: StageRole, text: String, at: String?), indicator: Bool) -> Finding {
        let stage = Terms.stage(role), before = Terms.stage(reference.role)
        let later = Terms.quoteFull(text), earlier = Terms.quoteFull(reference.text)
        let whatID = indicator ? "Indikator" : "Rumusan", whatEN = indicator ? "The indicator" : "The wording"
        let related = reference.at.map { [$0] } ?? []
        switch kind {
        case .caseOnly:
            return Finding(RuleCatalog.textCaseDiffers, Localized(
                id: "\(whatID) di \(stage) \(later) berbeda huruf besar/kecil dengan \(before) \(earlier).",
                en: "\(whatEN) on \(stage) \(later) differs in capitals from \(before) \(earlier)."),
                at: at, related: related, node: node.id, stage: role)
        case let .verbChanged(from, to):
            return Finding(RuleCatalog.verbChanged, Localized(
                id: "Kata kerja awal berubah dari \(Terms.quote(from)) (\(before)) menjadi \(Terms.quote(to)) (\(stage)): \(earlier) → \(later).",
                en: "The leading verb changes from \(Terms.quote(from)) (\(before)) to \(Terms.quote(to)) (\(stage)): \(earlier) → \(later)."),
                at: at, related: related, node: node.id, stage: role)
        case let .truncated(missing):
            let tailID = missing.isEmpty ? "" : "; yang hilang: \(Terms.quote(missing))"
            let tailEN = missing.isEmpty ? "" : "; missing: \(Terms.quote(missing))"
            return Finding(RuleCatalog.textTruncated, Localized(
                id: "\(whatID) di \(stage) \(later) terpotong dibanding \(before) \(earlier)\(tailID).",
                en: "\(whatEN) on \(stage) \(later) is cut short of \(before) \(earlier)\(tailEN)."),
                at: at, related: related, node: node.id, stage: role)
        case let .typo(pairs):
            let changes = pairs.map { "\(Terms.quote($0.from)) → \(Terms.quote($0.to))" }.joined(separator: ", ")
            return Finding(RuleCatalog.textTypo, Localized(
                id: "\(whatID) di \(stage) \(later) berbeda ejaan dengan \(before) \(earlier): \(changes).",
                en: "\(whatEN) on \(stage) \(later) is spelt differently from \(before) \(earlier): \(changes)."),
                at: at, related: related, node: node.id, stage: role)
        case let .subjectChanged(from, to):
            return Finding(RuleCatalog.indicatorSubjectChanged, Localized(
                id: "Indikator di \(stage) \(later) mengukur \(Terms.quote(to)), sedangkan di \(before) \(earlier) mengukur \(Terms.quote(from)).",
                en: "The indicator on \(stage) \(later) measures \(Terms.quote(to)), while on \(before) \(earlier) it measures \(Terms.quote(from))."),
                at: at, related: related, node: node.id, stage: role)
        case let .words(removed, added):
            var id: [String] = [], en: [String] = []
            if !removed.isEmpty {
                id.append("hilang \(removed.map(Terms.quote).joined(separator: ", "))")
                en.append("dropped \(removed.map(Terms.quote).joined(separator: ", "))")
            }
            if !added.isEmpty {
                id.append("bertambah \(added.map(Terms.quote).joined(separator: ", "))")
                en.append("added \(added.map(Terms.quote).joined(separator: ", "))")
            }
            return Finding(RuleCatalog.textDiffers, Localized(
                id: "\(whatID) di \(stage) \(later) berbeda dari \(before) \(earlier): \(id.joined(separator: "; ")).",
                en: "\(whatEN) on \(stage) \(later) differs from \(before) \(earlier): \(en.joined(separator: "; "))."),
                at: at, related: related, node: node.id, stage: role)
        }
    }

    // MARK: Action wording

    /// "Meningkatkan …" (an action: me- … -kan / -i) where the method asks for a condition
    /// ("Meningkatnya …").
    private static func actionWording(_ node: Kinerja, _ context: CheckContext) -> Finding? {
        guard let first = WordingDrift.writtenWords(node.statement).first else { return nil }
        let key = TextKey(first).value
        guard key.hasPrefix("me"), key.count > 5, key.hasSuffix("kan") || (key.hasSuffix("i") && WordingDrift.verbs.contains(key)) else {
            return nil
        }
        let role = node.stages.keys.sorted().first { node.stages[$0]?.text.map { TextKey($0) == TextKey(node.statement) } ?? false }
        let exampleID = key.hasSuffix("kan") ? " (mis. \(Terms.quote(String(first.dropLast(3)) + "nya")))" : ""
        let exampleEN = key.hasSuffix("kan") ? " (e.g. \(Terms.quote(String(first.dropLast(3)) + "nya")))" : ""
        return Finding(RuleCatalog.actionWording, Localized(
            id: "\(Terms.quote(node.statement)) dirumuskan sebagai tindakan (\(Terms.quote(first))), bukan kondisi\(exampleID).",
            en: "\(Terms.quote(node.statement)) is worded as an action (\(Terms.quote(first))), not as a condition\(exampleEN)."),
            at: role.flatMap { context.cell(node, $0) } ?? context.cell(node), node: node.id, stage: role)
    }
}

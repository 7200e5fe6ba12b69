import PokinMapping
import PokinModel

/// Redundancy, which the method forbids: two nodes whose wording is the same once case,
/// spacing and common spelling variants are set aside, or differs by a typo.
enum DuplicateRules {
    static func run(_ context: CheckContext) -> [Finding] {
        var findings: [Finding] = []
        // Candidates grouped by word count: a typo keeps the number of words.
        var seen: [Int: [(node: Kinerja, form: String)]] = [:]
        for node in context.nodes {
            // The leading verb stays (a kegiatan "Terlaksananya X" under "Meningkatnya X" is a
            // different condition); spelling variants are folded.
            let key = TextKey(node.statement)
            let form = (key.words.first.map { String($0) + " " } ?? "") + TextSimilarity.matchingForm(key)
            let words = form.split(separator: " ").count
            let twin = (seen[words] ?? []).first { candidate in
                candidate.form == form || (form.count >= 15 && TextSimilarity.distance(candidate.form, form, limit: 2) <= 2)
            }
            if let twin {
                findings.append(finding(node, twin.node, context))
            } else {
                seen[words, default: []].append((node, form))
            }
        }
        return findings
    }

    private static func finding(_ node: Kinerja, _ first: Kinerja, _ context: CheckContext) -> Finding {
        let at = context.cell(node, preferring: [.tahap3, .tahap2, .tahap1, .tahap4, .tahap5])
        let related = context.cell(first, preferring: [.tahap3, .tahap2, .tahap1, .tahap4, .tahap5]).map { [$0] } ?? []
        let role = [StageRole.tahap3, .tahap2, .tahap1, .tahap4, .tahap5].first { node.stages[$0] != nil }
        return Finding(RuleCatalog.duplicateNode, Localized(
            id: "\(Terms.quote(node.statement)) (\(Terms.level(node.level))) sama dengan \(Terms.quote(first.statement)) (\(Terms.level(first.level))).",
            en: "\(Terms.quote(node.statement)) (\(Terms.level(node.level))) repeats \(Terms.quote(first.statement)) (\(Terms.level(first.level)))."),
            at: at, related: related, node: node.id, stage: role)
    }
}

import PokinMapping
import PokinModel

/// Redundancy, which the method forbids: two nodes whose wording is the same once case,
/// spacing and common spelling variants are set aside, or differs by a typo (up to two letters,
/// within one word).
enum DuplicateRules {
    static func run(_ context: CheckContext) -> [Finding] {
        var findings: [Finding] = []
        var exact: [String: Kinerja] = [:]
        // Near twins share every word but one: index each text under "itself minus word i".
        var withoutOneWord: [String: [(node: Kinerja, form: String)]] = [:]
        for node in context.nodes {
            // The leading verb stays (a kegiatan "Terlaksananya X" under "Meningkatnya X" is a
            // different condition); spelling variants are folded.
            let key = TextKey(node.statement)
            let form = (key.words.first.map { String($0) + " " } ?? "") + TextSimilarity.matchingForm(key)
            if let twin = exact[form] {
                findings.append(finding(node, twin, context))
                continue
            }
            exact[form] = node
            let words = form.split(separator: " ").map(String.init)
            guard form.unicodeScalars.count >= 15, words.count > 1 else { continue }
            let keys = words.indices.map { index in
                "\(words.count)|\(index)|" + words.enumerated().filter { $0.offset != index }.map(\.element).joined(separator: " ")
            }
            let twin = keys.lazy.compactMap { withoutOneWord[$0] }.joined().first { candidate in
                TextSimilarity.distance(candidate.form, form, limit: 2) <= 2
            }
            if let twin {
                findings.append(finding(node, twin.node, context))
                continue
            }
            for key in keys { withoutOneWord[key, default: []].append((node, form)) }
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

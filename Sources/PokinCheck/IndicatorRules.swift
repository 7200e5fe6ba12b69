import PokinMapping
import PokinModel

/// Indicators: every node but a crosscutting CSF has one, on every stage that lists
/// indicators; the same indicator is not reused by another node; what it measures fits the
/// node's subject and level (a hint only).
enum IndicatorRules {
    static func run(_ context: CheckContext) -> [Finding] {
        var findings: [Finding] = []
        for node in context.nodes where !context.isCrosscutting(node) {
            if let finding = missing(node, context) { findings.append(finding) }
            findings += emptyOnStage(node, context)
            findings += measureHints(node, context)
            if let finding = partialSubject(node, context) { findings.append(finding) }
        }
        findings += duplicates(context)
        return findings
    }

    /// The node's indicator names: the model's, else any stage's.
    static func names(_ node: Kinerja) -> [String] {
        if !node.indicators.isEmpty { return node.indicators.map(\.name) }
        return node.stages.sorted { $0.key < $1.key }.compactMap(\.value.indicators).first { !$0.isEmpty } ?? []
    }

    private static func missing(_ node: Kinerja, _ context: CheckContext) -> Finding? {
        guard names(node).isEmpty else { return nil }
        // A CSF with no indicator and no conditions looks crosscutting; crosscutting-no-partner says so.
        if node.level == .csf, context.children(of: node.id).isEmpty { return nil }
        let at = context.cell(node, preferring: [.tahap4, .tahap5, .tahap3])
        let role = [StageRole.tahap4, .tahap5, .tahap3].first { node.stages[$0] != nil }
        let text = Terms.quote(context.text(node, role))
        return Finding(RuleCatalog.noIndicator, Localized(
            id: "\(text) (\(Terms.level(node.level))) tidak mempunyai indikator kinerja di tahap mana pun.",
            en: "\(text) (\(Terms.level(node.level))) has no performance indicator on any stage."),
            at: at, node: node.id, stage: role)
    }

    /// A stage that shows the node with an empty indicator cell while the node has indicators.
    private static func emptyOnStage(_ node: Kinerja, _ context: CheckContext) -> [Finding] {
        let known = names(node)
        guard !known.isEmpty else { return [] }
        return node.stages.sorted { $0.key < $1.key }.compactMap { role, record in
            guard let list = record.indicators, list.isEmpty else { return nil }
            let text = Terms.quote(context.text(node, role))
            return Finding(RuleCatalog.indicatorMissingInStage, Localized(
                id: "\(text) di \(Terms.stage(role)) tidak berindikator; di tahap lain indikatornya \(Terms.quote(known[0])).",
                en: "\(text) has no indicator on \(Terms.stage(role)); elsewhere its indicator is \(Terms.quote(known[0]))."),
                at: record.at, node: node.id, stage: role)
        }
    }

    static let percentageWords: Set<String> = ["persentase", "presentase", "prosentase", "persen", "%", "rasio", "proporsi"]
    static let countWords: Set<String> = ["jumlah", "banyaknya"]

    private static func measureHints(_ node: Kinerja, _ context: CheckContext) -> [Finding] {
        let operational = node.level == .kondisiOperasional || node.planning == .sasaranSubKegiatan
        let strategic = node.level == .outcome || node.level == .csf
        guard operational || strategic else { return [] }
        let at = context.cell(node, preferring: [.tahap4, .tahap5])
        let role = [StageRole.tahap4, .tahap5].first { node.stages[$0] != nil }
        return names(node).compactMap { indicator in
            guard let first = WordingDrift.writtenWords(indicator).first.map({ TextKey($0).value }) else { return nil }
            let text = Terms.quote(node.statement)
            if operational, percentageWords.contains(first) || first.hasPrefix("%") {
                return Finding(RuleCatalog.percentageOnOperational, Localized(
                    id: "\(text) adalah kinerja operasional, tetapi indikatornya \(Terms.quote(indicator)) berupa persentase.",
                    en: "\(text) is operational, but its indicator \(Terms.quote(indicator)) is a percentage."),
                    at: at, node: node.id, stage: role)
            }
            if strategic, countWords.contains(first) {
                return Finding(RuleCatalog.countOnStrategic, Localized(
                    id: "\(text) adalah kinerja strategis (\(Terms.level(node.level))), tetapi indikatornya \(Terms.quote(indicator)) berupa jumlah.",
                    en: "\(text) is strategic (\(Terms.level(node.level))), but its indicator \(Terms.quote(indicator)) is a count."),
                    at: at, node: node.id, stage: role)
            }
            return nil
        }
    }

    /// "… Koperasi dan Usaha Mikro" measured only by "Persentase Koperasi …".
    private static func partialSubject(_ node: Kinerja, _ context: CheckContext) -> Finding? {
        let indicators = names(node)
        guard !indicators.isEmpty else { return nil }
        let indicatorKeys = indicators.map { TextSimilarity.matchingForm(TextKey($0)) }
        func mentioned(_ phrase: String) -> Bool {
            let key = TextSimilarity.matchingForm(TextKey(phrase))
            return indicatorKeys.contains { " \($0) ".contains(" \(key) ") }
        }
        for (left, right) in IndicatorSubject.coordinated(in: node.statement) {
            let subjects = indicators.compactMap(IndicatorSubject.subject(of:)).map { TextSimilarity.matchingForm(TextKey($0)) }
            let leftKey = TextSimilarity.matchingForm(TextKey(left)), rightKey = TextSimilarity.matchingForm(TextKey(right))
            let measuredLeft = subjects.contains(leftKey), measuredRight = subjects.contains(rightKey)
            guard measuredLeft != measuredRight else { continue }
            let missing = measuredLeft ? right : left
            guard !mentioned(missing) else { continue }
            let role = [StageRole.tahap4, .tahap5].first { node.stages[$0] != nil }
            let list = indicators.map(Terms.quote)
            return Finding(RuleCatalog.indicatorPartialSubject, Localized(
                id: "\(Terms.quote(node.statement)) menyebut \(Terms.quote(left)) dan \(Terms.quote(right)), tetapi indikatornya (\(Terms.list(list, .id))) tidak mengukur \(Terms.quote(missing)).",
                en: "\(Terms.quote(node.statement)) names \(Terms.quote(left)) and \(Terms.quote(right)), but its indicators (\(Terms.list(list, .en))) do not measure \(Terms.quote(missing))."),
                at: context.cell(node, preferring: [.tahap4, .tahap5]), node: node.id, stage: role)
        }
        return nil
    }

    /// The same indicator (by normalised text) on two nodes.
    private static func duplicates(_ context: CheckContext) -> [Finding] {
        var owners: [TextKey: [Kinerja]] = [:]
        var order: [TextKey] = []
        for node in context.nodes {
            for name in Set(names(node).map { TextKey($0) }) {
                if owners[name] == nil { order.append(name) }
                owners[name, default: []].append(node)
            }
        }
        return order.compactMap { key in
            guard let nodes = owners[key], nodes.count > 1 else { return nil }
            let name = names(nodes[0]).first { TextKey($0) == key } ?? key.value
            let texts = nodes.map { Terms.quote($0.statement) }
            let cells = nodes.compactMap { context.cell($0, preferring: [.tahap4, .tahap5]) }
            return Finding(RuleCatalog.duplicateIndicator, Localized(
                id: "Indikator \(Terms.quote(name)) dipakai oleh \(nodes.count) node: \(Terms.list(texts, .id)).",
                en: "The indicator \(Terms.quote(name)) is used by \(nodes.count) nodes: \(Terms.list(texts, .en))."),
                at: cells.dropFirst().first ?? cells.first, related: cells, node: nodes[1].id,
                stage: [StageRole.tahap4, .tahap5].first { nodes[1].stages[$0] != nil })
        }
    }
}

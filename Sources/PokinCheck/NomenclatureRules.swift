import PokinMapping
import PokinModel

/// The program / kegiatan / sub kegiatan the cascading matrix names: one per node, with a code,
/// and no second sasaran beside the tree's.
enum NomenclatureRules {
    static func run(_ context: CheckContext) -> [Finding] {
        shared(context) + noCode(context) + secondSasaran(context)
    }

    private static func kindName(_ kind: Nomenklatur.Kind) -> String {
        switch kind {
        case .program: return "program"
        case .kegiatan: return "kegiatan"
        case .subKegiatan: return "sub kegiatan"
        }
    }

    private struct Entry: Hashable {
        var kind: Nomenklatur.Kind
        var name: TextKey
    }

    private static func shared(_ context: CheckContext) -> [Finding] {
        var owners: [Entry: [Kinerja]] = [:]
        var order: [Entry] = []
        for node in context.nodes {
            guard let nomenclature = node.nomenclature else { continue }
            let entry = Entry(kind: nomenclature.kind, name: TextKey(nomenclature.name))
            if owners[entry] == nil { order.append(entry) }
            owners[entry, default: []].append(node)
        }
        return order.compactMap { entry in
            guard let nodes = owners[entry], nodes.count > 1, let nomenclature = nodes[0].nomenclature else { return nil }
            let texts = nodes.map { Terms.quote(context.text($0, .cascading)) }
            let cells = nodes.compactMap { context.cell($0, preferring: [.cascading, .tahap5]) }
            return Finding(RuleCatalog.nomenclatureShared, Localized(
                id: "\(kindName(entry.kind).capitalizedFirst) \(Terms.quote(nomenclature.name)) dipakai bersama oleh \(nodes.count) node: \(Terms.list(texts, .id)).",
                en: "The \(kindName(entry.kind)) \(Terms.quote(nomenclature.name)) is shared by \(nodes.count) nodes: \(Terms.list(texts, .en))."),
                at: cells.first, related: cells, node: nodes[1].id, stage: nodes[0].stages[.cascading] != nil ? .cascading : nil)
        }
    }

    private static func noCode(_ context: CheckContext) -> [Finding] {
        var entries: [Entry] = []
        var names: [String] = []
        var first: Kinerja?
        var total = Set<Entry>()
        for node in context.nodes {
            guard let nomenclature = node.nomenclature else { continue }
            let entry = Entry(kind: nomenclature.kind, name: TextKey(nomenclature.name))
            total.insert(entry)
            guard (nomenclature.code ?? "").allSatisfy(\.isWhitespace), !entries.contains(entry) else { continue }
            entries.append(entry)
            names.append(Terms.quote(nomenclature.name))
            if first == nil { first = node }
        }
        guard let first, !entries.isEmpty else { return [] }
        let shown = Array(names.prefix(3))
        let moreID = names.count > 3 ? " dan \(names.count - 3) lainnya" : ""
        let moreEN = names.count > 3 ? " and \(names.count - 3) more" : ""
        return [Finding(RuleCatalog.nomenclatureNoCode, Localized(
            id: "\(entries.count) dari \(total.count) nomenklatur (program, kegiatan, sub kegiatan) hanya ditulis namanya, tanpa kode: \(shown.joined(separator: ", "))\(moreID).",
            en: "\(entries.count) of \(total.count) nomenclature entries (program, kegiatan, sub kegiatan) are named without a code: \(shown.joined(separator: ", "))\(moreEN)."),
            at: context.cell(first, preferring: [.cascading, .tahap5]), node: first.id,
            stage: first.stages[.cascading] != nil ? .cascading : nil)]
    }

    private static func secondSasaran(_ context: CheckContext) -> [Finding] {
        context.nodes.compactMap { node in
            guard let nomenclature = node.nomenclature else { return nil }
            let texts = Set(node.stages.values.compactMap(\.text).map { TextKey($0) } + [TextKey(node.statement)])
            let indicators = Set(node.stages.values.flatMap { $0.indicators ?? [] }.map { TextKey($0) } + node.indicators.map { TextKey($0.name) })
            let statement = nomenclature.statement.flatMap { TextKey($0) != TextKey(nomenclature.name) && !texts.contains(TextKey($0)) ? $0 : nil }
            let extra = nomenclature.indicators.filter { !indicators.contains(TextKey($0)) }
            guard statement != nil || !extra.isEmpty else { return nil }
            let text = Terms.quote(context.text(node, .cascading))
            let tree = IndicatorRules.names(node).map(Terms.quote)
            let extraList = extra.map(Terms.quote)
            let inBox = node.stages[.cascading] != nil
            var id = inBox ? "Kotak cascading \(text) memuat" : "Nomenklatur \(text) memuat"
            var en = inBox ? "The cascading box of \(text) holds" : "The nomenclature of \(text) holds"
            if let statement {
                id += " sasaran nomenklatur \(Terms.quote(statement))"
                en += " the nomenclature sasaran \(Terms.quote(statement))"
                if !extra.isEmpty { id += " dengan"; en += " with" }
            }
            if !extra.isEmpty {
                id += " indikator \(Terms.list(extraList, .id))"
                en += " the indicator \(Terms.list(extraList, .en))"
            }
            id += " di samping indikator pohon \(Terms.list(tree, .id)); Tahap 4 dan 5 hanya memuat milik pohon."
            en += " beside the tree's indicator \(Terms.list(tree, .en)); Tahap 4 and 5 have only the tree's."
            return Finding(RuleCatalog.nomenclatureSecondSasaran, Localized(id: id, en: en),
                           at: context.cell(node, preferring: [.cascading]), node: node.id,
                           stage: node.stages[.cascading] != nil ? .cascading : nil)
        }
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}

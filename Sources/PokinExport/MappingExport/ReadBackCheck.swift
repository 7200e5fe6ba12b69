import PokinCore
import PokinMapping
import PokinModel

/// Reads the built sheets back with the mapping and warns about nodes that would come back
/// under another parent or at another level: a layout without a parent column places a node
/// under the last node one level up, and one that matches rows by wording merges nodes worded
/// almost alike. Drawings are not checked here (they have no cells).
enum ReadBackCheck {
    static func report(sheets: [MappingSheet], context: MappingExportContext) {
        let model = context.model
        guard !model.nodes.isEmpty, !context.mapping.sheets.contains(where: { $0.layout == .drawing }) else { return }
        guard let back = try? WorkbookImporter(mapping: context.mapping).importTree(from: MappingSheetsWorkbook(sheets), file: nil) else {
            context.warn("layout-unreadable", "the written sheets do not read back with the mapping \"\(context.mapping.name)\"")
            return
        }
        func key(_ text: String) -> String { TextKey(text).value }
        func placements(_ tree: PohonKinerja) -> [String: [(parent: String?, level: Level)]] {
            let byID = Dictionary(tree.nodes.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            var result: [String: [(parent: String?, level: Level)]] = [:]
            for node in tree.nodes {
                result[key(node.statement), default: []].append((node.parent.flatMap { byID[$0] }.map { key($0.statement) }, node.level))
            }
            return result
        }
        let readBack = placements(back)
        let byID = Dictionary(model.nodes.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var moved: [Kinerja] = []
        for node in model.nodes where context.wasCarried(.node, of: node.id) {
            let parent = node.parent.flatMap { byID[$0] }.map { key($0.statement) }
            let found = readBack[key(node.statement)] ?? []
            if !found.contains(where: { $0.parent == parent && $0.level == node.level }) { moved.append(node) }
        }
        guard !moved.isEmpty else { return }
        let ids = moved.prefix(8).map(\.id).joined(separator: ", ") + (moved.count > 8 ? ", …" : "")
        context.warn("dropped-structure",
                     "read back with the mapping \"\(context.mapping.name)\", \(moved.count) nodes (\(ids)) come back under another parent or at another level: the layout places a node by its level under the row above it and finds nodes by their wording, which cannot say where these belong")
    }
}

import PokinModel

/// The parent each stage's own sheet gives a node — by its row order and its own level words, as
/// a reader of that sheet alone would build the tree — against the tree's parent.
///
/// A node's expected parent on a stage is its nearest ancestor that the stage shows (a stage
/// that leaves out a kegiatan puts its sub kegiatan straight under the program). In the
/// cascading matrix, sasaran written one under the other in the same column share a box; any of
/// them counts as the parent of what follows.
enum ParentRules {
    static let stages: [StageRole] = [.tahap3, .tahap4, .tahap5, .cascading]

    static func run(_ context: CheckContext) -> [Finding] {
        var findings: [Finding] = []
        for role in stages where context.presentStages.contains(role) {
            findings += check(role, context)
        }
        return findings
    }

    private struct Slot {
        var nodes: [Kinerja]
        var cell: StageCell
    }

    private static func check(_ role: StageRole, _ context: CheckContext) -> [Finding] {
        let rows = context.rows(of: role)
        var ladder: [Slot?] = Array(repeating: nil, count: Level.allCases.count)
        var findings: [Finding] = []
        for (node, cell) in rows {
            let level = context.ladderLevel(node, role)
            let depth = level.depth
            // A box shared with the row just above (cascading: same column, next row, same level).
            if role == .cascading, var slot = ladder[depth], let last = slot.nodes.last,
               slot.cell.cell.column == cell.cell.column, cell.cell.row == slot.cell.cell.row + 1,
               context.ladderLevel(last, role) == level {
                slot.nodes.append(node)
                slot.cell = cell
                ladder[depth] = slot
                continue
            }
            let stageParent = (0..<depth).reversed().lazy.compactMap { ladder[$0] }.first
            let expected = context.ancestors(of: node).first { $0.stages[role] != nil }
            let agrees: Bool
            if let expected {
                agrees = stageParent?.nodes.contains { $0.id == expected.id } ?? false
            } else {
                agrees = stageParent == nil
            }
            if !agrees, level != .outcome || expected != nil {
                findings.append(finding(node, role, stageParent: stageParent?.nodes.first, expected: expected, context))
            }
            ladder[depth] = Slot(nodes: [node], cell: cell)
            for deeper in (depth + 1)..<ladder.count { ladder[deeper] = nil }
        }
        return findings
    }

    private static func finding(_ node: Kinerja, _ role: StageRole, stageParent: Kinerja?, expected: Kinerja?,
                                _ context: CheckContext) -> Finding {
        let stage = Terms.stage(role)
        let text = Terms.quote(context.text(node, role))
        let said = stageParent.map { Terms.quote(context.text($0, role)) }
        let tree = expected.map { Terms.quote(context.text($0, role)) }
        let id = "Menurut urutan baris dan kata levelnya, \(stage) menempatkan \(text) "
            + (said.map { "di bawah \($0)" } ?? "sebagai akar (tanpa induk)")
            + "; pohon kinerja (model) menempatkannya " + (tree.map { "di bawah \($0)." } ?? "sebagai akar.")
        let en = "By its row order and level words, \(stage) puts \(text) "
            + (said.map { "under \($0)" } ?? "at the top (no parent)")
            + "; the tree (the model) puts it " + (tree.map { "under \($0)." } ?? "at the top.")
        var related: [String] = []
        if let stageParent, let at = context.cell(stageParent, role) { related.append(at) }
        if let expected, let at = context.cell(expected, role) ?? context.cell(expected, preferring: [.tahap3]) { related.append(at) }
        return Finding(RuleCatalog.parentDiffers, Localized(id: id, en: en), at: context.cell(node, role),
                       related: related, node: node.id, stage: role)
    }
}

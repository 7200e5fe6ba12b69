import PokinMapping
import PokinModel

/// What every rule needs to know about the model, computed once: nodes by id, children, the
/// stages the document has, and how each stage's own words place a node on the level ladder.
struct CheckContext {
    let model: PohonKinerja
    let vocabulary: LevelVocabulary
    /// The vocabulary's answers, remembered.
    let words: VocabularyMemo
    let nodes: [Kinerja]
    private let indexByID: [String: Int]
    let childrenByID: [String: [String]]
    /// The stages at least one node has a record on.
    let presentStages: Set<StageRole>
    private let rowsByRole: [StageRole: [(node: Kinerja, cell: StageCell)]]

    init(model: PohonKinerja, vocabulary: LevelVocabulary) {
        self.model = model
        self.vocabulary = vocabulary
        words = VocabularyMemo(vocabulary)
        nodes = model.nodes
        var index: [String: Int] = [:]
        for (offset, node) in model.nodes.enumerated() where index[node.id] == nil { index[node.id] = offset }
        indexByID = index
        var children: [String: [String]] = [:]
        for node in model.nodes { if let parent = node.parent { children[parent, default: []].append(node.id) } }
        childrenByID = children
        presentStages = Set(model.nodes.flatMap { $0.stages.keys })
        var rows: [StageRole: [(node: Kinerja, cell: StageCell)]] = [:]
        for node in model.nodes {
            for (role, record) in node.stages {
                if let cell = record.at.flatMap(StageCell.init) { rows[role, default: []].append((node, cell)) }
            }
        }
        rowsByRole = rows.mapValues { $0.enumerated().sorted { ($0.element.cell.cell, $0.offset) < ($1.element.cell.cell, $1.offset) }.map(\.element) }
    }

    func node(_ id: String?) -> Kinerja? {
        guard let id, let index = indexByID[id] else { return nil }
        return nodes[index]
    }

    func children(of id: String) -> [Kinerja] {
        (childrenByID[id] ?? []).compactMap { node($0) }
    }

    /// The chain of ancestors, nearest first (stops on a cycle or a missing parent).
    func ancestors(of node: Kinerja) -> [Kinerja] {
        var result: [Kinerja] = []
        var seen: Set<String> = [node.id]
        var current = self.node(node.parent)
        while let ancestor = current, seen.insert(ancestor.id).inserted {
            result.append(ancestor)
            current = self.node(ancestor.parent)
        }
        return result
    }

    /// A crosscutting CSF: handed to a partner, no indicator expected.
    func isCrosscutting(_ node: Kinerja) -> Bool { !node.crosscutting.isEmpty && node.level == .csf }

    // MARK: Cells

    /// The cell of the node on `role`, if it has one there.
    func cell(_ node: Kinerja, _ role: StageRole) -> String? { node.stages[role]?.at }

    /// The node's cell on the first of `roles` it has one on, else on any stage (method order).
    func cell(_ node: Kinerja, preferring roles: [StageRole] = []) -> String? {
        for role in roles { if let at = node.stages[role]?.at { return at } }
        return node.stages.sorted { $0.key < $1.key }.lazy.compactMap(\.value.at).first
    }

    /// The node's own text on `role`, else its statement.
    func text(_ node: Kinerja, _ role: StageRole? = nil) -> String {
        role.flatMap { node.stages[$0]?.text } ?? node.statement
    }

    // MARK: Levels as each stage states them

    /// The level the stage's own words give the node on this record (nil when the record states
    /// none): Tahap 1 rows are outcomes and Tahap 2 rows CSFs; Tahap 3 has the level word;
    /// Tahap 4 the performance class; Tahap 5 and the cascading sheet the planning component
    /// (the more reliable column there), else the class. By the level table of domain.md (c).
    func stageLevel(_ record: StageRecord, _ role: StageRole) -> Level? {
        switch role {
        case .tahap1: return .outcome
        case .tahap2: return levelWord(record.levelLabel) ?? .csf
        case .tahap3: return levelWord(record.levelLabel)
        case .tahap4: return performanceWord(record.levelLabel) ?? levelWord(record.levelLabel)
        case .tahap5, .cascading, .pohon:
            return planningWord(record.planningLabel) ?? performanceWord(record.levelLabel) ?? levelWord(record.levelLabel)
        }
    }

    /// The words a stage record states for the level, for messages: `"Kondisi antara"`.
    func stageLevelWords(_ record: StageRecord, _ role: StageRole) -> String? {
        switch role {
        case .tahap1, .tahap2: return nil
        case .tahap3, .tahap4: return record.levelLabel
        case .tahap5, .cascading, .pohon:
            return planningWord(record.planningLabel) != nil ? record.planningLabel : record.levelLabel
        }
    }

    private func levelWord(_ label: String?) -> Level? {
        guard let label else { return nil }
        return words.level(label) ?? words.performance(label).map(LevelTable.level(for:))
    }

    private func performanceWord(_ label: String?) -> Level? {
        label.flatMap { words.performance($0) }.map(LevelTable.level(for:))
    }

    private func planningWord(_ label: String?) -> Level? {
        label.flatMap { words.planning($0) }.map(LevelTable.level(for:))
    }

    /// The level used to place the record on the stage's own ladder: what the stage states,
    /// else the node's level.
    func ladderLevel(_ node: Kinerja, _ role: StageRole) -> Level {
        node.stages[role].flatMap { stageLevel($0, role) } ?? node.level
    }

    /// The records of `role` in sheet order (row, then column), with their cells.
    func rows(of role: StageRole) -> [(node: Kinerja, cell: StageCell)] {
        rowsByRole[role] ?? []
    }
}

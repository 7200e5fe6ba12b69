import PokinModel

/// The model's nodes as a forest of indices, robust to any input: a parent id that names no
/// node makes a root, a cycle is broken at the first node of it in document order, and a
/// duplicate id resolves to its first node. Every node is reached exactly once.
///
/// Crosscutting CSFs without children ("satellites") are taken out of their parent's children:
/// the diagrams draw them beside the node they serve rather than below it.
struct Forest {
    let nodes: [Kinerja]
    /// The effective parent of each node (nil for a root).
    private(set) var parent: [Int?]
    /// Children in document order, satellites excluded.
    private(set) var children: [[Int]]
    /// Crosscutting partners drawn beside each node, in document order.
    private(set) var satellites: [[Int]]
    /// Roots in document order.
    private(set) var roots: [Int] = []
    /// Nodes parents first (depth-first pre-order from the roots), satellites excluded.
    private(set) var preorder: [Int] = []

    init(_ nodes: [Kinerja]) {
        self.nodes = nodes
        let count = nodes.count
        var firstIndex: [String: Int] = [:]
        for (index, node) in nodes.enumerated() where firstIndex[node.id] == nil {
            firstIndex[node.id] = index
        }
        var declared: [Int?] = nodes.enumerated().map { index, node in
            guard let id = node.parent, let parent = firstIndex[id], parent != index else { return nil }
            return parent
        }
        var allChildren = Array(repeating: [Int](), count: count)
        for index in 0..<count { if let parent = declared[index] { allChildren[parent].append(index) } }

        // Walk from the declared roots; whatever stays unvisited sits on a cycle (or under one):
        // its first node in document order becomes a root.
        var visited = Array(repeating: false, count: count)
        var order: [Int] = []
        var rootList: [Int] = []
        func walk(from root: Int) {
            var stack = [root]
            while let index = stack.popLast() {
                guard !visited[index] else { continue }
                visited[index] = true
                order.append(index)
                for child in allChildren[index].reversed() where !visited[child] { stack.append(child) }
            }
        }
        for index in 0..<count where declared[index] == nil {
            rootList.append(index)
            walk(from: index)
        }
        for index in 0..<count where !visited[index] {
            declared[index] = nil
            rootList.append(index)
            walk(from: index)
        }
        // Children lists again from the effective parents (a broken cycle loses one edge).
        allChildren = Array(repeating: [Int](), count: count)
        for index in 0..<count { if let parent = declared[index] { allChildren[parent].append(index) } }

        parent = declared
        children = allChildren
        satellites = Array(repeating: [], count: count)
        for index in 0..<count {
            guard let parent = declared[index], nodes[index].isCrosscuttingCSF, allChildren[index].isEmpty else { continue }
            satellites[parent].append(index)
        }
        for index in 0..<count where !satellites[index].isEmpty {
            let beside = Set(satellites[index])
            children[index].removeAll { beside.contains($0) }
        }
        roots = rootList.sorted()
        let satelliteSet = Set(satellites.joined())
        preorder = order.filter { !satelliteSet.contains($0) }
    }

    func isSatellite(_ index: Int) -> Bool {
        guard let parent = parent[index] else { return false }
        return satellites[parent].contains(index)
    }

    /// Rows (pohon) or columns (cascading): a node's planning component where it is deeper than
    /// its parent's row, else the row below its parent; then empty rows are closed up.
    /// Satellites share their parent's rank.
    func ranks() -> [Int] {
        var raw = Array(repeating: 0, count: nodes.count)
        for index in preorder {
            let planned = nodes[index].planning?.rank
            if let parent = parent[index] {
                raw[index] = max(raw[parent] + 1, planned ?? 0)
            } else {
                raw[index] = planned ?? 0
            }
        }
        let used = Set(preorder.map { raw[$0] }).sorted()
        var compact: [Int: Int] = [:]
        for (position, rank) in used.enumerated() { compact[rank] = position }
        var result = raw.map { compact[$0] ?? 0 }
        for index in 0..<nodes.count where isSatellite(index) {
            result[index] = result[parent[index]!]
        }
        return result
    }

    /// What each rank holds, in words: the most common planning component of its nodes, else
    /// the most common level (ties go to the earlier one of the ladder).
    func rankLabels(_ ranks: [Int]) -> [String] {
        let count = (preorder.map { ranks[$0] }.max() ?? -1) + 1
        var labels: [String] = []
        for rank in 0..<count {
            let members = preorder.filter { ranks[$0] == rank }.map { nodes[$0] }
            let planning = KomponenPerencanaan.allCases.map { kind in (kind, members.filter { $0.planning == kind }.count) }
            if let best = planning.max(by: { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0.rank > $1.0.rank) }), best.1 > 0 {
                labels.append(best.0.label)
                continue
            }
            let levels = Level.allCases.map { level in (level, members.filter { $0.level == level }.count) }
            let best = levels.max(by: { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0.depth > $1.0.depth) })!
            labels.append(best.0.label)
        }
        return labels
    }
}

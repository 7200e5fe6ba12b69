import PokinCore

extension PohonKinerja {
    /// Checks the tree's structure: unique ids, parents that exist, no cycles, parents listed
    /// before their children. Returns every problem found (empty when the tree is sound).
    public func validate() -> [ModelProblem] {
        var problems: [ModelProblem] = []
        var indexByID: [String: Int] = [:]
        for (index, node) in nodes.enumerated() {
            if let first = indexByID[node.id] {
                problems.append(ModelProblem(.duplicateID, "node \"\(node.id)\" (nodes[\(index)]) has the same id as nodes[\(first)]; every node needs its own id", path: "nodes[\(index)]"))
            } else {
                indexByID[node.id] = index
            }
        }
        for (index, node) in nodes.enumerated() {
            guard let parent = node.parent else { continue }
            let name = "node \"\(node.id)\" (nodes[\(index)])"
            guard let parentIndex = indexByID[parent] else {
                problems.append(ModelProblem(.danglingParent, "\(name) names parent \"\(parent)\", but no node has that id", path: name))
                continue
            }
            if parent == node.id {
                problems.append(ModelProblem(.parentCycle, "\(name) is its own parent", path: name))
                continue
            }
            if let cycle = cycle(from: index, indexByID: indexByID) {
                // Report each cycle once, at its first member in document order.
                if cycle.min() == index {
                    let ids = cycle.map { "\"\(nodes[$0].id)\"" }.joined(separator: " → ")
                    problems.append(ModelProblem(.parentCycle, "\(name) is its own ancestor: \(ids) → \"\(node.id)\"", path: name))
                }
                continue
            }
            if parentIndex > index {
                problems.append(ModelProblem(.parentAfterChild, "\(name) is listed before its parent \"\(parent)\" (nodes[\(parentIndex)]); list parents first", path: name))
            }
        }
        return problems
    }

    /// The indices on the parent chain that leads back to `start`, or nil when it reaches a root.
    private func cycle(from start: Int, indexByID: [String: Int]) -> [Int]? {
        var chain: [Int] = [start]
        var visited: Set<Int> = [start]
        var current = start
        while let parent = nodes[current].parent, let next = indexByID[parent] {
            if next == start { return chain }
            if !visited.insert(next).inserted { return nil }  // a cycle not through start
            chain.append(next)
            current = next
        }
        return nil
    }
}

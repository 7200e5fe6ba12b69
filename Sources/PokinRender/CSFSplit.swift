import PokinModel

/// Cuts the tree into one part per CSF (a child of an outcome), for `--split csf`.
enum CSFSplit {
    struct Part {
        var title: String
        var model: PohonKinerja
    }

    static func parts(of model: PohonKinerja) -> [Part] {
        let forest = Forest(model.nodes)
        var parts: [Part] = []
        for (rootNumber, root) in forest.roots.enumerated() {
            let outcome = model.nodes[root]
            let number = rootNumber + 1
            for (childNumber, child) in forest.children[root].enumerated() {
                let members = [root] + subtree(of: child, in: forest)
                parts.append(Part(title: "CSF \(number).\(childNumber + 1): \(model.nodes[child].statement)",
                                  model: submodel(model, forest, members)))
            }
            if !forest.satellites[root].isEmpty {
                parts.append(Part(title: "CSF crosscutting \(number): \(outcome.statement)",
                                  model: submodel(model, forest, [root] + forest.satellites[root])))
            }
            if forest.children[root].isEmpty && forest.satellites[root].isEmpty {
                parts.append(Part(title: "Outcome \(number): \(outcome.statement)", model: submodel(model, forest, [root])))
            }
        }
        return parts
    }

    /// The node and everything below it, satellites included.
    private static func subtree(of index: Int, in forest: Forest) -> [Int] {
        var result: [Int] = []
        var stack = [index]
        while let next = stack.popLast() {
            result.append(next)
            stack += forest.children[next] + forest.satellites[next]
        }
        return result
    }

    /// A model of the members only, in document order, each pointing at its effective parent
    /// (so a cycle broken in the whole stays broken in the part).
    private static func submodel(_ model: PohonKinerja, _ forest: Forest, _ members: [Int]) -> PohonKinerja {
        let nodes = members.sorted().map { index -> Kinerja in
            var node = model.nodes[index]
            node.parent = forest.parent[index].map { model.nodes[$0].id }
            return node
        }
        return PohonKinerja(agency: model.agency, nodes: nodes)
    }
}

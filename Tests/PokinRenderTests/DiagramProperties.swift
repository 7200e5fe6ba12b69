import PokinModel
import PokinRender

/// The geometric promises of the layouts, checked on any diagram: each returns the broken ones
/// as readable lines (empty when all hold).
enum DiagramProperties {
    /// Children of each node in document order, and the crosscutting partners drawn beside it.
    static func structure(_ model: PohonKinerja) -> (children: [String: [String]], satellites: [String: [String]]) {
        var children: [String: [String]] = [:]
        var satellites: [String: [String]] = [:]
        let parents = Set(model.nodes.compactMap(\.parent))
        for node in model.nodes {
            guard let parent = node.parent else { continue }
            if node.isCrosscuttingCSF && !parents.contains(node.id) {
                satellites[parent, default: []].append(node.id)
            } else {
                children[parent, default: []].append(node.id)
            }
        }
        return (children, satellites)
    }

    static func boxes(_ diagram: Diagram) -> [String: DiagramRect] {
        Dictionary(diagram.boxes.map { ($0.nodeID, $0.frame) }, uniquingKeysWith: { first, _ in first })
    }

    /// Every node exactly once.
    static func everyNodeOnce(_ diagram: Diagram, _ model: PohonKinerja) -> [String] {
        var problems: [String] = []
        var counts: [String: Int] = [:]
        for box in diagram.boxes { counts[box.nodeID, default: 0] += 1 }
        for node in model.nodes where counts[node.id] != 1 { problems.append("node \(node.id) drawn \(counts[node.id] ?? 0) times") }
        if diagram.boxes.count != model.nodes.count { problems.append("\(diagram.boxes.count) boxes for \(model.nodes.count) nodes") }
        return problems
    }

    /// No two boxes share area, and all lie inside the picture.
    static func noOverlaps(_ diagram: Diagram) -> [String] {
        var problems: [String] = []
        let sorted = diagram.boxes.sorted { $0.frame.x < $1.frame.x }
        for (index, box) in sorted.enumerated() {
            for other in sorted[(index + 1)...] {
                if other.frame.x >= box.frame.maxX { break }
                if box.frame.overlaps(other.frame) { problems.append("\(box.nodeID) overlaps \(other.nodeID)") }
            }
            let f = box.frame
            if f.x < 0 || f.y < 0 || f.maxX > diagram.width || f.maxY > diagram.height {
                problems.append("\(box.nodeID) lies outside the picture")
            }
        }
        return problems
    }

    /// Pohon: parents centred over their children's span, children below and in order, partners
    /// beside their node; connectors from a parent's bottom to a child's top (partners: right
    /// side to left side), axis-aligned, crossing no other box.
    static func pohon(_ diagram: Diagram, _ model: PohonKinerja) -> [String] {
        var problems: [String] = []
        let frames = boxes(diagram)
        let (children, satellites) = structure(model)
        for (parent, kids) in children {
            guard let p = frames[parent] else { continue }
            let centres = kids.compactMap { frames[$0]?.midX }
            if centres != centres.sorted() { problems.append("children of \(parent) out of order") }
            let left = kids.compactMap { frames[$0]?.x }.min()!, right = kids.compactMap { frames[$0]?.maxX }.max()!
            if abs(p.midX - (left + right) / 2) > 0.01 { problems.append("\(parent) not centred over its children") }
            for kid in kids where frames[kid]!.y < p.maxY + 1 { problems.append("\(kid) not below \(parent)") }
        }
        for (parent, partners) in satellites {
            let p = frames[parent]!
            for partner in partners where frames[partner]!.x <= p.maxX { problems.append("partner \(partner) not beside \(parent)") }
        }
        problems += connectors(diagram, model, parentSide: .bottom, childSide: .top)
        return problems
    }

    /// Cascading: the same promises turned a quarter: children right of parents, parents
    /// centred on their children's vertical span, connectors from right side to left side.
    static func cascading(_ diagram: Diagram, _ model: PohonKinerja) -> [String] {
        var problems: [String] = []
        let frames = boxes(diagram)
        let (children, _) = structure(model)
        for (parent, kids) in children {
            let p = frames[parent]!
            let centres = kids.map { frames[$0]!.midY }
            if centres != centres.sorted() { problems.append("children of \(parent) out of order") }
            let first = frames[kids.first!]!.midY, last = frames[kids.last!]!.midY
            if abs(p.midY - (first + last) / 2) > 0.01 { problems.append("\(parent) not centred on its children") }
            for kid in kids where frames[kid]!.x < p.maxX + 1 { problems.append("\(kid) not right of \(parent)") }
        }
        problems += connectors(diagram, model, parentSide: .right, childSide: .left, withSatellites: false)
        return problems
    }

    private static func connectors(_ diagram: Diagram, _ model: PohonKinerja, parentSide: DiagramSide,
                                   childSide: DiagramSide, withSatellites: Bool = true) -> [String] {
        var problems: [String] = []
        let (children, satellites) = structure(model)
        var expected = Set<String>()
        for (parent, kids) in children { for kid in kids { expected.insert(parent + " > " + kid) } }
        if withSatellites { for (parent, partners) in satellites { for partner in partners { expected.insert(parent + " > " + partner) } } }
        var seen = Set<String>()
        let partnerSet = Set(satellites.values.joined())
        for connector in diagram.connectors {
            let from = diagram.boxes[connector.from], to = diagram.boxes[connector.to]
            let key = from.nodeID + " > " + to.nodeID
            if !seen.insert(key).inserted { problems.append("two connectors \(key)") }
            let partner = partnerSet.contains(to.nodeID)
            let (startSide, endSide) = partner ? (DiagramSide.right, DiagramSide.left) : (parentSide, childSide)
            if connector.points.first != from.frame.point(on: startSide) { problems.append("\(key) does not start on the parent's \(startSide)") }
            if connector.points.last != to.frame.point(on: endSide) { problems.append("\(key) does not end on the child's \(endSide)") }
            if connector.fromSide != startSide || connector.toSide != endSide { problems.append("\(key) names the wrong sides") }
            for (a, b) in zip(connector.points, connector.points.dropFirst()) where a.x != b.x && a.y != b.y {
                problems.append("\(key) has a slanted segment")
            }
            // Crosses no box but its own two ends.
            for box in diagram.boxes where box.nodeID != from.nodeID && box.nodeID != to.nodeID {
                for (a, b) in zip(connector.points, connector.points.dropFirst()) where segment(a, b, crosses: box.frame) {
                    problems.append("\(key) crosses \(box.nodeID)")
                }
            }
        }
        for missing in expected.subtracting(seen).sorted() { problems.append("no connector \(missing)") }
        return problems
    }

    private static func segment(_ a: DiagramPoint, _ b: DiagramPoint, crosses frame: DiagramRect) -> Bool {
        let minX = min(a.x, b.x), maxX = max(a.x, b.x), minY = min(a.y, b.y), maxY = max(a.y, b.y)
        return minX < frame.maxX && maxX > frame.x && minY < frame.maxY && maxY > frame.y
    }

    /// Every wrapped line fits the box's text width; the box is tall enough for its text.
    static func textFits(_ diagram: Diagram, textWidth: Double) -> [String] {
        var problems: [String] = []
        for box in diagram.boxes {
            var needed = box.headerHeight
            for paragraph in [box.header] + box.body {
                for (index, line) in paragraph.lines.enumerated() {
                    let indent = index == 0 ? 0 : paragraph.hangingIndent
                    let width = TextMetrics.width(line, size: paragraph.style.size, bold: paragraph.style.bold)
                    if indent + width > textWidth + 0.001 && line.count > 1 {
                        problems.append("\(box.nodeID): line \"\(line)\" is \(width) px wide")
                    }
                }
            }
            needed += box.body.map(\.height).reduce(0, +)
            if box.frame.height < needed { problems.append("\(box.nodeID): box \(box.frame.height) px for \(needed) px of text") }
        }
        return problems
    }
}

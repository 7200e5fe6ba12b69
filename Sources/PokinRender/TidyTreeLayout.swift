/// A tidy tree layout (Reingold–Tilford with contours per rank), for boxes of any breadth.
///
/// "Rank" is the axis the tree grows along (rows of the pohon, columns of the cascading view);
/// "breadth" is the other one. Subtrees are packed as close as their contours allow with `gap`
/// between any two boxes of a rank, every parent is centred over the span of its first and last
/// child, and siblings keep their order. A node may carry a side stack (crosscutting partners
/// drawn beside it): it is placed on the node's far side, clear of the node's own subtree, and
/// reserved in the node's contour over the ranks it spans. The trees of different roots stand
/// side by side without interleaving. Runs in O(nodes × ranks).
struct TidyTreeLayout {
    struct Item {
        var children: [Int]
        var rank: Int
        var breadth: Double
        var side: SideStack?
    }

    /// Boxes stacked beside an item, spanning `ranks`, `breadth` wide.
    struct SideStack {
        var breadth: Double
        var ranks: ClosedRange<Int>
    }

    struct Result {
        /// Centre of each item along the breadth axis (smallest box edge at 0).
        var centres: [Double]
        /// Near edge of each item's side stack (nil without one).
        var sideEdges: [Double?]
        /// Total extent along the breadth axis.
        var extent: Double
    }

    var gap: Double
    var rootGap: Double
    var sideGap: Double

    func layout(_ items: [Item], roots: [Int]) -> Result {
        var offsets = Array(repeating: 0.0, count: items.count)  // centre relative to the parent's centre
        var sideOffsets: [Double?] = Array(repeating: nil, count: items.count)  // relative to own centre
        var contours: [Contour?] = Array(repeating: nil, count: items.count)

        // Children before parents: reverse of a pre-order walk.
        var order: [Int] = []
        var stack = roots.reversed().map { $0 }
        while let index = stack.popLast() {
            order.append(index)
            stack.append(contentsOf: items[index].children.reversed())
        }
        for index in order.reversed() {
            let item = items[index]
            var own = Contour(rank: item.rank, lo: -item.breadth / 2, hi: item.breadth / 2)
            if !item.children.isEmpty {
                var positions: [Double] = []
                var accumulated = Contour.empty
                for child in item.children {
                    var contour = contours[child]!
                    contours[child] = nil
                    // A child more than one rank below: its connector passes the ranks between.
                    if items[child].rank > item.rank + 1 {
                        for rank in (item.rank + 1)..<items[child].rank { contour.include(rank: rank, lo: -1, hi: 1) }
                    }
                    let position: Double
                    if positions.isEmpty {
                        position = 0
                    } else {
                        let needed = accumulated.separation(toPlace: contour, gap: gap) ?? -Double.infinity
                        position = max(needed, positions.last!)
                    }
                    positions.append(position)
                    accumulated.merge(contour, shiftedBy: position)
                }
                let centre = (positions.first! + positions.last!) / 2
                for (child, position) in zip(item.children, positions) { offsets[child] = position - centre }
                own.merge(accumulated, shiftedBy: -centre)
            }
            if let side = item.side {
                var edge = item.breadth / 2 + sideGap
                for rank in side.ranks { if let hi = own.hi(at: rank) { edge = max(edge, hi + sideGap) } }
                sideOffsets[index] = edge
                for rank in side.ranks { own.include(rank: rank, lo: edge, hi: edge + side.breadth) }
            }
            contours[index] = own
        }

        // Roots side by side.
        var rootPositions: [Double] = []
        var forest = Contour.empty
        for root in roots {
            let contour = contours[root]!
            // Trees of different roots do not interleave: each starts beyond the whole of the last.
            let position = rootPositions.isEmpty ? 0
                : max((forest.maximum ?? 0) + rootGap - (contour.minimum ?? 0), rootPositions.last!)
            rootPositions.append(position)
            forest.merge(contour, shiftedBy: position)
        }
        let shift = -(forest.minimum ?? 0)
        var centres = Array(repeating: 0.0, count: items.count)
        for (root, position) in zip(roots, rootPositions) { centres[root] = position + shift }
        for index in order {
            for child in items[index].children { centres[child] = centres[index] + offsets[child] }
        }
        let sideEdges = sideOffsets.enumerated().map { index, offset in offset.map { centres[index] + $0 } }
        return Result(centres: centres, sideEdges: sideEdges, extent: (forest.maximum ?? 0) + shift)
    }
}

/// The extent of a subtree at each rank, relative to its root's centre.
struct Contour {
    private(set) var base = 0
    private(set) var los: [Double] = []
    private(set) var his: [Double] = []

    static let empty = Contour()

    init() {}

    init(rank: Int, lo: Double, hi: Double) {
        base = rank
        los = [lo]
        his = [hi]
    }

    func hi(at rank: Int) -> Double? {
        let index = rank - base
        guard index >= 0, index < his.count, his[index] > -Double.infinity else { return nil }
        return his[index]
    }

    var minimum: Double? { los.filter { $0 < .infinity }.min() }
    var maximum: Double? { his.filter { $0 > -.infinity }.max() }

    /// Widens the extent at `rank` to include `lo…hi`.
    mutating func include(rank: Int, lo: Double, hi: Double) {
        grow(to: rank)
        let index = rank - base
        los[index] = min(los[index], lo)
        his[index] = max(his[index], hi)
    }

    /// Adds another contour moved by `shift`.
    mutating func merge(_ other: Contour, shiftedBy shift: Double) {
        for (offset, (lo, hi)) in zip(other.los, other.his).enumerated() where lo < .infinity {
            include(rank: other.base + offset, lo: lo + shift, hi: hi + shift)
        }
    }

    /// The smallest shift that puts `other` right of this contour with `gap` at every shared
    /// rank; nil when they share no rank.
    func separation(toPlace other: Contour, gap: Double) -> Double? {
        var needed: Double?
        for (offset, lo) in other.los.enumerated() where lo < .infinity {
            guard let hi = hi(at: other.base + offset) else { continue }
            let shift = hi + gap - lo
            needed = max(needed ?? shift, shift)
        }
        return needed
    }

    private mutating func grow(to rank: Int) {
        if los.isEmpty {
            base = rank
            los = [.infinity]
            his = [-.infinity]
            return
        }
        if rank < base {
            let extra = base - rank
            los.insert(contentsOf: Array(repeating: .infinity, count: extra), at: 0)
            his.insert(contentsOf: Array(repeating: -.infinity, count: extra), at: 0)
            base = rank
        }
        while rank - base >= los.count {
            los.append(.infinity)
            his.append(-.infinity)
        }
    }
}

/// A point of a diagram, in pixels (CSS px: 96 per inch), y downwards.
public struct DiagramPoint: Hashable, Sendable {
    public var x: Double
    public var y: Double

    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }
}

/// An axis-aligned rectangle of a diagram, in pixels, y downwards.
public struct DiagramRect: Hashable, Sendable {
    public var x: Double
    public var y: Double
    public var width: Double
    public var height: Double

    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    public var maxX: Double { x + width }
    public var maxY: Double { y + height }
    public var midX: Double { x + width / 2 }
    public var midY: Double { y + height / 2 }

    /// True when the two rectangles share interior area (touching edges do not count).
    public func overlaps(_ other: DiagramRect) -> Bool {
        x < other.maxX && other.x < maxX && y < other.maxY && other.y < maxY
    }

    /// The middle of one side.
    public func point(on side: DiagramSide) -> DiagramPoint {
        switch side {
        case .top: return DiagramPoint(x: midX, y: y)
        case .left: return DiagramPoint(x: x, y: midY)
        case .bottom: return DiagramPoint(x: midX, y: maxY)
        case .right: return DiagramPoint(x: maxX, y: midY)
        }
    }
}

/// A side of a box, where a connector meets it (DrawingML's rectangle connection sites 0–3 are
/// top, left, bottom, right, in this order).
public enum DiagramSide: Int, CaseIterable, Hashable, Sendable {
    case top = 0, left, bottom, right
}

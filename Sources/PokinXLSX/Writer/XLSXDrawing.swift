import PokinCore

/// Shapes and connectors drawn over one worksheet: the sheet's DrawingML part
/// (`xl/drawings/drawingN.xml`), written as `xdr:twoCellAnchor`s so that Excel and LibreOffice
/// open, move and edit them like shapes drawn by hand. Connectors are bound to their shapes at
/// both ends (`a:stCxn` / `a:endCxn`): moving a shape in the application drags its connectors.
///
/// Positions are in points from the sheet's top-left corner; the `grid` says how wide the
/// columns and how tall the rows are, so that each anchor names the right cell. Attach the
/// drawing with `XLSXSheetWriter.setDrawing(_:)`, which also gives the columns the grid's width.
///
/// ```swift
/// var drawing = XLSXDrawing()
/// let a = drawing.add(XLSXShape(name: "Tujuan", frame: XLSXDrawingRect(x: 20, y: 20, width: 180, height: 60),
///                                paragraphs: [XLSXTextParagraph("Meningkatnya …")]))
/// let b = drawing.add(XLSXShape(name: "Sasaran", frame: XLSXDrawingRect(x: 20, y: 140, width: 180, height: 60)))
/// try drawing.connect(a, .bottom, to: b, .top)
/// try sheet.setDrawing(drawing)
/// ```
public struct XLSXDrawing: Hashable, Sendable {
    public var grid: XLSXDrawingGrid
    /// The shapes in drawing order (later ones on top).
    public private(set) var shapes: [XLSXShape] = []
    /// The connectors, drawn after (above) every shape.
    public private(set) var connectors: [XLSXConnector] = []

    public init(grid: XLSXDrawingGrid = XLSXDrawingGrid()) {
        self.grid = grid
    }

    /// The id the next shape or connector gets (`cNvPr id`; 1 is left to the drawing itself, as
    /// Excel does).
    private var nextID: Int { 2 + shapes.count + connectors.count }

    /// Adds a shape; returns its id for connectors.
    @discardableResult
    public mutating func add(_ shape: XLSXShape) -> XLSXShapeID {
        var shape = shape
        shape.id = XLSXShapeID(nextID)
        shapes.append(shape)
        return shape.id
    }

    /// Adds a connector from a side of one shape to a side of another.
    /// - Parameters:
    ///   - bend: where the middle segment of the elbow sits, as a fraction of the way from the
    ///     start to the end (0.5: half-way).
    /// - Throws: `invalid-drawing` when either id is not a shape of this drawing.
    @discardableResult
    public mutating func connect(_ start: XLSXShapeID, _ startSite: XLSXConnectionSite, to end: XLSXShapeID,
                                 _ endSite: XLSXConnectionSite, line: XLSXLine = XLSXLine(), bend: Double = 0.5,
                                 name: String? = nil) throws -> XLSXShapeID {
        for id in [start, end] where shape(id) == nil {
            throw PokinError(.invalidDrawing, "a connector refers to shape \(id.value), which this drawing does not hold; add the shape first")
        }
        guard bend.isFinite else {
            throw PokinError(.invalidDrawing, "a connector's bend must be a finite fraction, not \(bend)")
        }
        let id = XLSXShapeID(nextID)
        connectors.append(XLSXConnector(id: id, name: name ?? "Penghubung \(id.value)", start: start, startSite: startSite,
                                        end: end, endSite: endSite, line: line, bend: bend))
        return id
    }

    /// The shape with `id`.
    public func shape(_ id: XLSXShapeID) -> XLSXShape? {
        shapes.first { $0.id == id }
    }

    /// The smallest rectangle holding every shape (nil for an empty drawing).
    public var bounds: XLSXDrawingRect? {
        guard let first = shapes.first else { return nil }
        var minX = first.frame.x, minY = first.frame.y, maxX = first.frame.maxX, maxY = first.frame.maxY
        for shape in shapes.dropFirst() {
            minX = min(minX, shape.frame.x)
            minY = min(minY, shape.frame.y)
            maxX = max(maxX, shape.frame.maxX)
            maxY = max(maxY, shape.frame.maxY)
        }
        return XLSXDrawingRect(x: minX, y: minY, width: maxX - minX, height: maxY - minY)
    }
}

/// The id of a shape or connector in its drawing (`cNvPr id`).
public struct XLSXShapeID: Hashable, Sendable, Comparable {
    public let value: Int
    public init(_ value: Int) { self.value = value }
    public static func < (lhs: XLSXShapeID, rhs: XLSXShapeID) -> Bool { lhs.value < rhs.value }
}

/// A rectangle in points from the sheet's top-left corner.
public struct XLSXDrawingRect: Hashable, Sendable {
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

    /// The middle of a side: where a connector bound to that site meets the rectangle.
    public func point(at site: XLSXConnectionSite) -> (x: Double, y: Double) {
        switch site {
        case .top: return (x + width / 2, y)
        case .left: return (x, y + height / 2)
        case .bottom: return (x + width / 2, maxY)
        case .right: return (maxX, y + height / 2)
        }
    }
}

/// Where a connector meets a rectangle: DrawingML's connection sites 0–3 of `rect` and
/// `roundRect`, in that order.
public enum XLSXConnectionSite: Int, CaseIterable, Hashable, Sendable {
    case top = 0, left = 1, bottom = 2, right = 3

    var isVertical: Bool { self == .top || self == .bottom }
}

import Foundation

/// Shapes and connectors drawn over a sheet, as a workbook reader finds them: what a diagram
/// drawn by hand (boxes and arrows) leaves in the file. Positions are in EMU (1/914,400 inch)
/// from the sheet's top-left corner, in the file's own coordinate space.
public struct SheetDrawing: Hashable, Sendable {
    public var shapes: [DrawnShape]
    public var connectors: [DrawnConnector]

    public init(shapes: [DrawnShape] = [], connectors: [DrawnConnector] = []) {
        self.shapes = shapes
        self.connectors = connectors
    }
}

/// A box of a drawing (`xdr:sp`) with its text.
public struct DrawnShape: Hashable, Sendable {
    /// The drawing's id for it (`cNvPr id`); not always unique in files other tools wrote.
    public var id: Int
    /// Its name in the application's selection pane.
    public var name: String
    /// Alternative text (`descr`).
    public var altText: String?
    /// The text, one entry a paragraph; a line break inside a paragraph is `\n`.
    public var paragraphs: [String]
    /// Where it is, when the file says.
    public var frame: DrawnFrame?
    /// The cell its anchor starts in (row and column 0-based), when anchored to cells.
    public var anchorRow: Int?
    public var anchorColumn: Int?

    public init(id: Int, name: String, altText: String? = nil, paragraphs: [String] = [], frame: DrawnFrame? = nil,
                anchorRow: Int? = nil, anchorColumn: Int? = nil) {
        self.id = id
        self.name = name
        self.altText = altText
        self.paragraphs = paragraphs
        self.frame = frame
        self.anchorRow = anchorRow
        self.anchorColumn = anchorColumn
    }
}

/// A line or elbow between shapes (`xdr:cxnSp`).
public struct DrawnConnector: Hashable, Sendable {
    public var id: Int
    public var name: String
    /// The shape and connection site it is bound to at its start and end, where it is bound
    /// (many tools write connectors that merely touch the shapes).
    public var start: DrawnConnection?
    public var end: DrawnConnection?
    /// Its bounding frame before rotation, with its turn (60,000ths of a degree) and flips:
    /// enough to find where its two ends are.
    public var frame: DrawnFrame?
    public var rotation: Int
    public var flipH: Bool
    public var flipV: Bool
    /// Drawn with a dashed line.
    public var dashed: Bool

    public init(id: Int, name: String, start: DrawnConnection? = nil, end: DrawnConnection? = nil, frame: DrawnFrame? = nil,
                rotation: Int = 0, flipH: Bool = false, flipV: Bool = false, dashed: Bool = false) {
        self.id = id
        self.name = name
        self.start = start
        self.end = end
        self.frame = frame
        self.rotation = rotation
        self.flipH = flipH
        self.flipV = flipV
        self.dashed = dashed
    }

    /// Where the line starts and ends: the frame's top-left and bottom-right corners, flipped,
    /// then turned about the frame's centre. Nil without a frame.
    public var endpoints: (start: (x: Double, y: Double), end: (x: Double, y: Double))? {
        guard let frame else { return nil }
        let w = Double(frame.width), h = Double(frame.height)
        let angle = Double(rotation) / 60_000 * .pi / 180
        let (cosine, sine) = (cos(angle), sin(angle))
        func place(_ x: Double, _ y: Double) -> (x: Double, y: Double) {
            let u = (flipH ? w - x : x) - w / 2, v = (flipV ? h - y : y) - h / 2
            return (Double(frame.x) + w / 2 + u * cosine - v * sine, Double(frame.y) + h / 2 + u * sine + v * cosine)
        }
        return (place(0, 0), place(w, h))
    }
}

/// A connector's binding to a shape: the shape's id and the connection site (for rectangles
/// 0 top, 1 left, 2 bottom, 3 right).
public struct DrawnConnection: Hashable, Sendable {
    public var shapeID: Int
    public var site: Int

    public init(shapeID: Int, site: Int) {
        self.shapeID = shapeID
        self.site = site
    }
}

/// A rectangle in EMU.
public struct DrawnFrame: Hashable, Sendable {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    public var maxX: Int { x + width }
    public var maxY: Int { y + height }
}

/// A workbook that can give the drawing over a sheet.
public protocol DrawingWorkbook {
    /// The shapes and connectors over the sheet `name`; nil when it has no drawing.
    func drawing(ofSheet name: String) throws -> SheetDrawing?
}

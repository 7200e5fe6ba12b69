/// A laid-out picture of the tree: positioned boxes with wrapped text, elbow connectors between
/// them, labels and a legend. Format-neutral: `SVGWriter` draws it as SVG, and a workbook writer
/// can draw the same boxes and connectors as DrawingML shapes.
public struct Diagram: Hashable, Sendable {
    /// The picture's title ("Pohon Kinerja — Dinas …").
    public var title: String
    /// Width and height in pixels, margins included.
    public var width: Double
    public var height: Double
    /// One box per node, in the model's order (parents first).
    public var boxes: [DiagramBox]
    /// Parent-to-child (and served-node-to-crosscutting-partner) connectors.
    public var connectors: [DiagramConnector]
    /// Row labels (pohon: the planning level of each row) or column headings (cascading).
    public var labels: [DiagramLabel]
    /// The colour legend.
    public var legend: [DiagramLegendEntry]
    /// Where the title is drawn.
    public var titleFrame: DiagramRect
    /// The title wrapped to lines.
    public var heading: DiagramParagraph

    public init(title: String, width: Double, height: Double, boxes: [DiagramBox], connectors: [DiagramConnector],
                labels: [DiagramLabel], legend: [DiagramLegendEntry], titleFrame: DiagramRect, heading: DiagramParagraph) {
        self.title = title
        self.width = width
        self.height = height
        self.boxes = boxes
        self.connectors = connectors
        self.labels = labels
        self.legend = legend
        self.titleFrame = titleFrame
        self.heading = heading
    }

    /// The index of the box drawn for node `id`.
    public func boxIndex(of id: String) -> Int? {
        boxes.firstIndex { $0.nodeID == id }
    }
}

/// One node drawn as a box: a coloured header band, then the statement and indicators.
public struct DiagramBox: Hashable, Sendable {
    /// The model node's id.
    public var nodeID: String
    public var frame: DiagramRect
    /// The colour class (strategis red, taktikal blue, operasional green).
    public var tier: KinerjaTier
    /// A crosscutting node: drawn with a dashed outline.
    public var crosscutting: Bool
    /// The text on the coloured band at the top (level, position, partner).
    public var header: DiagramParagraph
    /// The band's height in pixels.
    public var headerHeight: Double
    /// Statement, indicators, notes, in order, below the band.
    public var body: [DiagramParagraph]

    public init(nodeID: String, frame: DiagramRect, tier: KinerjaTier, crosscutting: Bool, header: DiagramParagraph,
                headerHeight: Double, body: [DiagramParagraph]) {
        self.nodeID = nodeID
        self.frame = frame
        self.tier = tier
        self.crosscutting = crosscutting
        self.header = header
        self.headerHeight = headerHeight
        self.body = body
    }

    /// Every text of the box, header first, one paragraph a line (for tooltips and searches).
    public var plainText: String {
        ([header] + body).map(\.text).joined(separator: "\n")
    }
}

/// A paragraph of a box: its whole text (what a workbook shape holds, wrapped by the application)
/// and the lines it wraps to at the box's width (what SVG draws).
public struct DiagramParagraph: Hashable, Sendable {
    public var text: String
    public var style: DiagramTextStyle
    public var lines: [String]
    /// Continuation lines start this far right of the first (hanging indent under a bullet).
    public var hangingIndent: Double

    public init(text: String, style: DiagramTextStyle, lines: [String], hangingIndent: Double = 0) {
        self.text = text
        self.style = style
        self.lines = lines
        self.hangingIndent = hangingIndent
    }

    /// Height of the wrapped lines in pixels.
    public var height: Double { Double(lines.count) * style.lineHeight }
}

/// Font size (pixels), weight and slant of a paragraph.
public struct DiagramTextStyle: Hashable, Sendable {
    public var size: Double
    public var bold: Bool
    public var italic: Bool
    /// The colour as six hex digits (`1B2631`).
    public var color: String

    public init(size: Double, bold: Bool = false, italic: Bool = false, color: String = "1B2631") {
        self.size = size
        self.bold = bold
        self.italic = italic
        self.color = color
    }

    /// Distance between baselines: 1.25 em.
    public var lineHeight: Double { (size * 1.25).rounded(.up) }
}

/// A connector from one box to another through the points of an elbow path.
public struct DiagramConnector: Hashable, Sendable {
    /// Index in `Diagram.boxes` of the box it starts at (the parent, or the served node).
    public var from: Int
    /// Index of the box it ends at (the child, or the crosscutting partner).
    public var to: Int
    public var fromSide: DiagramSide
    public var toSide: DiagramSide
    /// The path: first point on `fromSide` of `from`, last on `toSide` of `to`, each segment
    /// horizontal or vertical.
    public var points: [DiagramPoint]
    /// Dashed: the link to a crosscutting partner.
    public var dashed: Bool

    public init(from: Int, to: Int, fromSide: DiagramSide, toSide: DiagramSide, points: [DiagramPoint], dashed: Bool) {
        self.from = from
        self.to = to
        self.fromSide = fromSide
        self.toSide = toSide
        self.points = points
        self.dashed = dashed
    }
}

/// A text that is not a node: the planning level of a row, or a column heading.
public struct DiagramLabel: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable { case row, column, section }
    public var kind: Kind
    public var frame: DiagramRect
    public var paragraphs: [DiagramParagraph]

    public init(kind: Kind, frame: DiagramRect, paragraphs: [DiagramParagraph]) {
        self.kind = kind
        self.frame = frame
        self.paragraphs = paragraphs
    }
}

/// One entry of the legend: a swatch in a tier's colours and its meaning.
public struct DiagramLegendEntry: Hashable, Sendable {
    public var swatch: DiagramRect
    public var tier: KinerjaTier
    public var dashed: Bool
    public var text: String
    /// Where the text starts (left end of its baseline's line box).
    public var textFrame: DiagramRect

    public init(swatch: DiagramRect, tier: KinerjaTier, dashed: Bool, text: String, textFrame: DiagramRect) {
        self.swatch = swatch
        self.tier = tier
        self.dashed = dashed
        self.text = text
        self.textFrame = textFrame
    }
}

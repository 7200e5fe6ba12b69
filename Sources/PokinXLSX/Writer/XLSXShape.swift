/// A rectangle with text, drawn over a sheet (`xdr:sp`).
public struct XLSXShape: Hashable, Sendable {
    public enum Geometry: String, Hashable, Sendable {
        case rectangle = "rect"
        case roundedRectangle = "roundRect"
    }

    public enum VerticalAnchor: String, Hashable, Sendable {
        case top = "t", middle = "ctr", bottom = "b"
    }

    /// Set by `XLSXDrawing.add(_:)`.
    public internal(set) var id = XLSXShapeID(0)
    /// The name the application's selection pane shows (`cNvPr name`).
    public var name: String
    /// Alternative text (`cNvPr descr`): what a screen reader says; pokin keeps the node id here.
    public var altText: String?
    public var frame: XLSXDrawingRect
    public var geometry: Geometry
    /// Fill colour; nil for none (transparent).
    public var fill: XLSXColor?
    /// Outline; nil for none.
    public var line: XLSXLine?
    public var paragraphs: [XLSXTextParagraph]
    /// Space between the outline and the text, in points.
    public var textInset: Double
    public var verticalAnchor: VerticalAnchor

    public init(name: String, altText: String? = nil, frame: XLSXDrawingRect, geometry: Geometry = .rectangle,
                fill: XLSXColor? = .white, line: XLSXLine? = XLSXLine(), paragraphs: [XLSXTextParagraph] = [],
                textInset: Double = 4, verticalAnchor: VerticalAnchor = .top) {
        self.name = name
        self.altText = altText
        self.frame = frame
        self.geometry = geometry
        self.fill = fill
        self.line = line
        self.paragraphs = paragraphs
        self.textInset = textInset
        self.verticalAnchor = verticalAnchor
    }
}

/// An outline or connector line.
public struct XLSXLine: Hashable, Sendable {
    public enum Dash: String, Hashable, Sendable {
        case solid, dash, sysDash
    }

    public var color: XLSXColor
    /// Width in points.
    public var width: Double
    public var dash: Dash

    public init(color: XLSXColor = .black, width: Double = 1, dash: Dash = .solid) {
        self.color = color
        self.width = width
        self.dash = dash
    }
}

/// A paragraph of a shape's text; the application wraps it to the shape's width.
public struct XLSXTextParagraph: Hashable, Sendable {
    public enum Alignment: String, Hashable, Sendable {
        case left = "l", center = "ctr", right = "r"
    }

    public var runs: [XLSXTextRun]
    public var alignment: Alignment
    /// Space above the paragraph, in points.
    public var spaceBefore: Double

    public init(runs: [XLSXTextRun], alignment: Alignment = .left, spaceBefore: Double = 0) {
        self.runs = runs
        self.alignment = alignment
        self.spaceBefore = spaceBefore
    }

    /// One run of text in one style.
    public init(_ text: String, size: Double = 9, bold: Bool = false, italic: Bool = false, color: XLSXColor? = nil,
                alignment: Alignment = .left, spaceBefore: Double = 0) {
        self.init(runs: [XLSXTextRun(text, size: size, bold: bold, italic: italic, color: color)],
                  alignment: alignment, spaceBefore: spaceBefore)
    }

    /// The paragraph's text (runs joined).
    public var text: String { runs.map(\.text).joined() }
}

/// Text in one style. A line break in the text becomes a line break in the shape.
public struct XLSXTextRun: Hashable, Sendable {
    public var text: String
    /// Size in points.
    public var size: Double
    public var bold: Bool
    public var italic: Bool
    public var color: XLSXColor?
    /// The typeface; nil for the theme's.
    public var font: String?

    public init(_ text: String, size: Double = 9, bold: Bool = false, italic: Bool = false, color: XLSXColor? = nil,
                font: String? = "Arial") {
        self.text = text
        self.size = size
        self.bold = bold
        self.italic = italic
        self.color = color
        self.font = font
    }
}

/// A connector between two shapes of a drawing (`xdr:cxnSp`), an elbow (`bentConnector3`), or a
/// straight line where both ends line up.
public struct XLSXConnector: Hashable, Sendable {
    public let id: XLSXShapeID
    public var name: String
    public var start: XLSXShapeID
    public var startSite: XLSXConnectionSite
    public var end: XLSXShapeID
    public var endSite: XLSXConnectionSite
    public var line: XLSXLine
    /// Where the elbow's middle segment sits, from start (0) to end (1).
    public var bend: Double
}

/// The four edges of a cell's border; nil edges are not drawn.
public struct XLSXBorder: Hashable, Sendable {
    public var left: XLSXBorderLine?
    public var right: XLSXBorderLine?
    public var top: XLSXBorderLine?
    public var bottom: XLSXBorderLine?

    public init(left: XLSXBorderLine? = nil, right: XLSXBorderLine? = nil, top: XLSXBorderLine? = nil,
                bottom: XLSXBorderLine? = nil) {
        self.left = left
        self.right = right
        self.top = top
        self.bottom = bottom
    }

    /// The same line on all four edges.
    public static func all(_ line: XLSXBorderLine) -> XLSXBorder {
        XLSXBorder(left: line, right: line, top: line, bottom: line)
    }

    /// No border.
    public static let none = XLSXBorder()
}

/// One edge of a border.
public struct XLSXBorderLine: Hashable, Sendable {
    /// The line styles of `ST_BorderStyle` most used.
    public enum Style: String, Sendable {
        case thin, medium, thick, dashed, dotted, double, hair
    }

    public var style: Style
    public var color: XLSXColor?

    public init(_ style: Style = .thin, color: XLSXColor? = nil) {
        self.style = style
        self.color = color
    }

    public static let thin = XLSXBorderLine(.thin)
}

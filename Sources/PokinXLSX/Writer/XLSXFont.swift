/// A cell font. The default is Calibri 11, as Excel's own.
public struct XLSXFont: Hashable, Sendable {
    public var name: String
    public var size: Double
    public var bold: Bool
    public var italic: Bool
    public var underline: Bool
    public var color: XLSXColor?

    public init(name: String = "Calibri", size: Double = 11, bold: Bool = false, italic: Bool = false,
                underline: Bool = false, color: XLSXColor? = nil) {
        self.name = name
        self.size = size
        self.bold = bold
        self.italic = italic
        self.underline = underline
        self.color = color
    }
}

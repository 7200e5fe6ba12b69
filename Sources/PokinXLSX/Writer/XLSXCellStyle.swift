/// Everything a cell's look is made of. Styles are registered once with
/// `XLSXWriter.register(_:)`, which returns an `XLSXStyleID` to write cells with; equal styles
/// share one entry of `styles.xml`.
public struct XLSXCellStyle: Hashable, Sendable {
    public var font: XLSXFont
    /// A solid background colour, or nil for none.
    public var fill: XLSXColor?
    public var border: XLSXBorder
    public var alignment: XLSXAlignment
    public var numberFormat: XLSXNumberFormat

    public init(font: XLSXFont = XLSXFont(), fill: XLSXColor? = nil, border: XLSXBorder = .none,
                alignment: XLSXAlignment = XLSXAlignment(), numberFormat: XLSXNumberFormat = .general) {
        self.font = font
        self.fill = fill
        self.border = border
        self.alignment = alignment
        self.numberFormat = numberFormat
    }

    /// Excel's default look (Calibri 11, no fill, no border, General).
    public static let standard = XLSXCellStyle()
}

/// A registered cell style of one workbook (the index of its `cellXfs` entry).
public struct XLSXStyleID: Hashable, Sendable {
    public let index: Int
    init(index: Int) { self.index = index }
    /// The workbook's default style, index 0.
    public static let standard = XLSXStyleID(index: 0)
}

/// How a sheet prints.
public struct XLSXPageSetup: Hashable, Sendable {
    public enum Orientation: String, Sendable { case portrait, landscape }
    public enum PaperSize: Int, Sendable {
        case letter = 1, legal = 5, a3 = 8, a4 = 9, f4 = 41
    }

    public var orientation: Orientation
    public var paperSize: PaperSize
    /// Pages across (1: fit all columns on one page width); nil to print at 100 %.
    public var fitToWidth: Int?
    /// Pages down when fitting; 0 means as many as needed.
    public var fitToHeight: Int
    /// Rows repeated at the top of every printed page (1-based), e.g. `1...2`.
    public var repeatRows: ClosedRange<Int>?
    /// Columns repeated at the left of every printed page (1-based).
    public var repeatColumns: ClosedRange<Int>?
    /// Margins in inches: left, right, top, bottom, header, footer.
    public var margins: (left: Double, right: Double, top: Double, bottom: Double, header: Double, footer: Double)
    /// Centre the printout horizontally on the page.
    public var centerHorizontally: Bool
    /// Footer text centred on every printed page; `&P` is the page number and `&N` the number of
    /// pages (`Halaman &P dari &N`). A literal `&` is written `&&`. Nil for none.
    public var footer: String?

    public init(orientation: Orientation = .landscape, paperSize: PaperSize = .a4, fitToWidth: Int? = 1,
                fitToHeight: Int = 0, repeatRows: ClosedRange<Int>? = nil, repeatColumns: ClosedRange<Int>? = nil,
                margins: (left: Double, right: Double, top: Double, bottom: Double, header: Double, footer: Double) =
                    (0.5, 0.5, 0.75, 0.75, 0.3, 0.3),
                centerHorizontally: Bool = false, footer: String? = nil) {
        self.orientation = orientation
        self.paperSize = paperSize
        self.fitToWidth = fitToWidth
        self.fitToHeight = fitToHeight
        self.repeatRows = repeatRows
        self.repeatColumns = repeatColumns
        self.margins = margins
        self.centerHorizontally = centerHorizontally
        self.footer = footer
    }

    /// A4 landscape, all columns on one page width.
    public static let a4Landscape = XLSXPageSetup()

    public static func == (lhs: XLSXPageSetup, rhs: XLSXPageSetup) -> Bool {
        lhs.orientation == rhs.orientation && lhs.paperSize == rhs.paperSize && lhs.fitToWidth == rhs.fitToWidth
            && lhs.fitToHeight == rhs.fitToHeight && lhs.repeatRows == rhs.repeatRows
            && lhs.repeatColumns == rhs.repeatColumns && lhs.margins == rhs.margins
            && lhs.centerHorizontally == rhs.centerHorizontally && lhs.footer == rhs.footer
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(orientation)
        hasher.combine(paperSize)
        hasher.combine(fitToWidth)
        hasher.combine(repeatRows)
    }
}

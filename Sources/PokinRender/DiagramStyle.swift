/// Sizes of a diagram, in pixels. The defaults give boxes about 6 cm wide on paper at 100 %.
public struct DiagramStyle: Hashable, Sendable {
    /// Width of a node's box (pohon) or of a column (cascading).
    public var boxWidth: Double = 240
    /// Inner margin of a box.
    public var padding: Double = 8
    /// Space between two boxes of a row (pohon) or of a column (cascading).
    public var gap: Double = 24
    /// Space between the subtrees of two roots.
    public var rootGap: Double = 48
    /// Space between rows (pohon) or columns (cascading); the elbow's bend sits in its middle.
    public var rankGap: Double = 56
    /// Space between a node and the crosscutting partners beside it, and between those partners.
    public var sideGap: Double = 40
    /// Outer margin of the picture.
    public var margin: Double = 24
    /// Width of the row labels at the left of the pohon.
    public var labelWidth: Double = 132

    public var titleText = DiagramTextStyle(size: 18, bold: true)
    public var headerText = DiagramTextStyle(size: 10, bold: true, color: "FFFFFF")
    public var statementText = DiagramTextStyle(size: 12, bold: true)
    public var indicatorText = DiagramTextStyle(size: 11)
    public var noteText = DiagramTextStyle(size: 10, italic: true, color: "4D5656")
    public var nomenclatureText = DiagramTextStyle(size: 10, bold: true, color: "34495E")
    public var labelText = DiagramTextStyle(size: 11, bold: true, color: "4D5656")
    public var legendText = DiagramTextStyle(size: 11)

    public init() {}

    /// Width available to text inside a box.
    var textWidth: Double { boxWidth - 2 * padding }
}

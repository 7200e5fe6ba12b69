/// The title and legend at the top of every diagram.
struct DiagramChrome {
    let style: DiagramStyle

    /// Title frame, legend entries, and the y where the drawing starts below them.
    /// Titles wrap at this width (a long page title must not widen the picture).
    static let titleWidth = 1100.0

    func make(title: String) -> (titleFrame: DiagramRect, heading: DiagramParagraph, legend: [DiagramLegendEntry], contentTop: Double) {
        let clean = BoxText.clean(title)
        let lines = TextMetrics.wrap(clean, width: DiagramChrome.titleWidth, size: style.titleText.size, bold: style.titleText.bold)
        let heading = DiagramParagraph(text: clean, style: style.titleText, lines: lines)
        let widest = lines.map { TextMetrics.width($0, size: style.titleText.size, bold: style.titleText.bold) }.max() ?? 0
        let titleFrame = DiagramRect(x: style.margin, y: style.margin, width: widest, height: heading.height)
        var x = style.margin
        let y = titleFrame.maxY + 10
        var legend: [DiagramLegendEntry] = []
        let entries: [(KinerjaTier, Bool, String)] = KinerjaTier.allCases.map { ($0, false, $0.label) }
            + [(.strategis, true, "Crosscutting (garis putus-putus: mitra di luar perangkat daerah)")]
        for (tier, dashed, text) in entries {
            let swatch = DiagramRect(x: x, y: y, width: 28, height: 16)
            let textWidth = TextMetrics.width(text, size: style.legendText.size, bold: false)
            let textFrame = DiagramRect(x: swatch.maxX + 6, y: y, width: textWidth, height: 16)
            legend.append(DiagramLegendEntry(swatch: swatch, tier: tier, dashed: dashed, text: text, textFrame: textFrame))
            x = textFrame.maxX + 20
        }
        return (titleFrame, heading, legend, y + 16 + 24)
    }

    /// The widest point the chrome reaches (the picture is at least this wide).
    static func rightEdge(titleFrame: DiagramRect, legend: [DiagramLegendEntry]) -> Double {
        max(titleFrame.maxX, legend.map(\.textFrame.maxX).max() ?? 0)
    }
}

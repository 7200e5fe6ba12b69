/// Draws a `Diagram` as a standalone SVG 1.1 document (or as an `<svg>` element for HTML).
/// Deterministic: the same diagram gives the same bytes. Every text is escaped.
public enum SVGWriter {
    /// The font stack the text estimate of `TextMetrics` is measured for.
    public static let fontFamily = "'Liberation Sans', Arial, Helvetica, 'DejaVu Sans', sans-serif"

    /// A complete SVG file: XML declaration, then the `<svg>` element.
    public static func document(_ diagram: Diagram) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + element(diagram)
    }

    /// The `<svg>` element alone (for inline use in HTML).
    public static func element(_ diagram: Diagram) -> String {
        var out = ""
        let n = Markup.number
        out += "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"\(n(diagram.width))\" height=\"\(n(diagram.height))\""
        out += " viewBox=\"0 0 \(n(diagram.width)) \(n(diagram.height))\" font-family=\"\(Markup.escape(fontFamily))\">\n"
        out += "<title>\(Markup.escape(diagram.title))</title>\n"
        out += "<rect x=\"0\" y=\"0\" width=\"\(n(diagram.width))\" height=\"\(n(diagram.height))\" fill=\"#FFFFFF\"/>\n"
        bands(diagram, into: &out)
        paragraph(diagram.heading, x: diagram.titleFrame.x, top: diagram.titleFrame.y, into: &out)
        legend(diagram, into: &out)
        labels(diagram, into: &out)
        out += "<g class=\"connectors\" fill=\"none\" stroke=\"#566573\" stroke-width=\"1.5\">\n"
        for connector in diagram.connectors {
            let path = connector.points.enumerated().map { index, point in
                (index == 0 ? "M" : "L") + "\(n(point.x)) \(n(point.y))"
            }.joined(separator: " ")
            out += "<path d=\"\(path)\" data-from=\"\(Markup.escape(diagram.boxes[connector.from].nodeID))\" data-to=\"\(Markup.escape(diagram.boxes[connector.to].nodeID))\""
            if connector.dashed { out += " stroke-dasharray=\"6 4\"" }
            out += "/>\n"
        }
        out += "</g>\n<g class=\"nodes\">\n"
        for box in diagram.boxes { self.box(box, into: &out) }
        out += "</g>\n</svg>\n"
        return out
    }

    private static func box(_ box: DiagramBox, into out: inout String) {
        let n = Markup.number
        let frame = box.frame
        out += "<g class=\"kinerja\" data-node=\"\(Markup.escape(box.nodeID))\" data-tier=\"\(box.tier.rawValue)\">"
        out += "<title>\(Markup.escape(box.plainText))</title>\n"
        out += "<rect x=\"\(n(frame.x))\" y=\"\(n(frame.y))\" width=\"\(n(frame.width))\" height=\"\(n(frame.height))\" rx=\"6\""
        out += " fill=\"#\(box.tier.fillColor)\" stroke=\"#\(box.tier.strokeColor)\" stroke-width=\"1.5\""
        if box.crosscutting { out += " stroke-dasharray=\"6 4\"" }
        out += "/>\n"
        // The band: rounded at the top like the box, square at the bottom.
        let r = 6.0
        let bandBottom = frame.y + box.headerHeight
        out += "<path d=\"M\(n(frame.x)) \(n(bandBottom)) L\(n(frame.x)) \(n(frame.y + r)) Q\(n(frame.x)) \(n(frame.y)) \(n(frame.x + r)) \(n(frame.y))"
        out += " L\(n(frame.maxX - r)) \(n(frame.y)) Q\(n(frame.maxX)) \(n(frame.y)) \(n(frame.maxX)) \(n(frame.y + r)) L\(n(frame.maxX)) \(n(bandBottom)) Z\""
        out += " fill=\"#\(box.tier.strokeColor)\"/>\n"
        let left = frame.x + 8
        paragraph(box.header, x: left, top: frame.y + 4, into: &out)
        var top = bandBottom + 6
        for paragraph in box.body {
            self.paragraph(paragraph, x: left, top: top, into: &out)
            top += paragraph.height + 4
        }
        out += "</g>\n"
    }

    /// One `<text>` with a `<tspan>` a line; `top` is the top of the first line box.
    static func paragraph(_ paragraph: DiagramParagraph, x: Double, top: Double, anchor: String? = nil,
                          into out: inout String) {
        let n = Markup.number
        let style = paragraph.style
        out += "<text font-size=\"\(n(style.size))\" fill=\"#\(style.color)\""
        if style.bold { out += " font-weight=\"bold\"" }
        if style.italic { out += " font-style=\"italic\"" }
        if let anchor { out += " text-anchor=\"\(anchor)\"" }
        out += ">"
        for (index, line) in paragraph.lines.enumerated() {
            let lineX = index == 0 ? x : x + paragraph.hangingIndent
            let baseline = top + Double(index) * style.lineHeight + style.lineHeight / 2 + style.size * 0.35
            out += "<tspan x=\"\(n(lineX))\" y=\"\(n(baseline))\">\(Markup.escape(line))</tspan>"
        }
        out += "</text>\n"
    }

    /// Pale bands behind each row (pohon) or column (cascading), so that levels read at a glance.
    private static func bands(_ diagram: Diagram, into out: inout String) {
        let n = Markup.number
        var index = 0
        for label in diagram.labels where label.kind != .section {
            let fill = index % 2 == 0 ? "#F4F6F7" : "#FBFCFC"
            index += 1
            let frame: DiagramRect
            if label.kind == .row {
                frame = DiagramRect(x: label.frame.x - 8, y: label.frame.y - 12,
                                    width: diagram.width - label.frame.x - 16, height: label.frame.height + 24)
            } else {
                frame = DiagramRect(x: label.frame.x - 12, y: label.frame.y - 8,
                                    width: label.frame.width + 24, height: diagram.height - label.frame.y - 16)
            }
            out += "<rect class=\"band\" x=\"\(n(frame.x))\" y=\"\(n(frame.y))\" width=\"\(n(frame.width))\" height=\"\(n(frame.height))\" fill=\"\(fill)\"/>\n"
        }
    }

    private static func labels(_ diagram: Diagram, into out: inout String) {
        out += "<g class=\"labels\">\n"
        for label in diagram.labels {
            let height = label.paragraphs.map(\.height).reduce(0, +)
            var top: Double
            switch label.kind {
            case .row: top = label.frame.y + max((label.frame.height - height) / 2, 0)
            case .column, .section: top = label.frame.y
            }
            for paragraph in label.paragraphs {
                self.paragraph(paragraph, x: label.frame.x, top: top, into: &out)
                top += paragraph.height
            }
        }
        out += "</g>\n"
    }

    private static func legend(_ diagram: Diagram, into out: inout String) {
        let n = Markup.number
        out += "<g class=\"legend\">\n"
        for entry in diagram.legend {
            let swatch = entry.swatch
            out += "<rect x=\"\(n(swatch.x))\" y=\"\(n(swatch.y))\" width=\"\(n(swatch.width))\" height=\"\(n(swatch.height))\" rx=\"3\""
            out += " fill=\"#\(entry.dashed ? "FFFFFF" : entry.tier.fillColor)\" stroke=\"#\(entry.dashed ? "566573" : entry.tier.strokeColor)\" stroke-width=\"1.5\""
            if entry.dashed { out += " stroke-dasharray=\"6 4\"" }
            out += "/>\n"
            out += "<text x=\"\(n(entry.textFrame.x))\" y=\"\(n(entry.textFrame.y + 12))\" font-size=\"11\" fill=\"#1B2631\">\(Markup.escape(entry.text))</text>\n"
        }
        out += "</g>\n"
    }
}

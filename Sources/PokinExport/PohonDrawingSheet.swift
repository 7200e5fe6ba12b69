import PokinCore
import PokinModel
import PokinRender
import PokinXLSX

/// The "Pohon Kinerja" sheet of a workbook: the tree laid out as `pokin render` draws it, but as
/// real DrawingML shapes (one rounded rectangle with text per node) and connectors bound to the
/// shapes at both ends, so that Excel and LibreOffice move and edit them like hand-drawn ones.
///
/// The standard-template builder calls `add(to:model:)` on its open `XLSXWriter` (before `close()`):
///
/// ```swift
/// let book = try XLSXWriter(path: "pokin.xlsx")
/// // … the tahap sheets …
/// try PohonDrawingSheet.add(to: book, model: model)
/// try book.close()
/// ```
///
/// Shape names say what each shape is: `Kinerja <node id>` for a node (its alternative text is
/// the node's statement), `Judul`, `Legenda …` and `Label …` for the rest.
public enum PohonDrawingSheet {
    /// "Pohon Kinerja".
    public static let defaultName = StageRole.pohon.title

    /// CSS pixels to points.
    public static let pointsPerPixel = 0.75

    /// Adds the sheet at the end of the tab bar and returns it (no cells, just the drawing).
    @discardableResult
    public static func add(to book: XLSXWriter, model: PohonKinerja, name: String = defaultName,
                    style: DiagramStyle = DiagramStyle()) throws -> XLSXSheetWriter {
        let diagram = PohonRenderer.diagram(of: model, view: .pohon, style: style)
        let sheet = try book.addSheet(named: name)
        sheet.showGridLines = false
        sheet.tabColor = XLSXColor(hex: KinerjaTier.strategis.strokeColor)
        sheet.pageSetup = XLSXPageSetup(orientation: .landscape, paperSize: .a3, fitToWidth: 1, fitToHeight: 1)
        try sheet.setDrawing(try drawing(of: diagram))
        return sheet
    }

    /// A workbook holding only the "Pohon Kinerja" sheet (`pokin render IN out.xlsx`).
    /// - Parameter created: stamped into the document properties; nil keeps the bytes reproducible.
    public static func writeWorkbook(_ model: PohonKinerja, to path: String, created: CivilDateTime? = nil) throws {
        let title = "Pohon Kinerja" + ((model.agency.shortName ?? model.agency.name).map { " \($0)" } ?? "")
        let book = try XLSXWriter(path: path, properties: XLSXDocumentProperties(
            title: title, creator: "pokin", company: model.agency.name, created: created, modified: created))
        try add(to: book, model: model)
        try book.close()
    }

    /// The diagram as shapes and connectors: one shape per box (in the diagram's order, so shape
    /// `i` is `diagram.boxes[i]`), then the title, legend and row labels, then the connectors.
    public static func drawing(of diagram: Diagram) throws -> XLSXDrawing {
        var drawing = XLSXDrawing(grid: XLSXDrawingGrid())
        var ids: [XLSXShapeID] = []
        for box in diagram.boxes {
            ids.append(drawing.add(shape(for: box)))
        }
        drawing.add(XLSXShape(name: "Judul", frame: rect(diagram.titleFrame, grow: 40), fill: nil, line: nil,
                              paragraphs: [paragraph(diagram.heading)], textInset: 0))
        for entry in diagram.legend {
            drawing.add(XLSXShape(name: "Legenda \(entry.text)", frame: rect(entry.swatch), geometry: .roundedRectangle,
                                  fill: entry.dashed ? .white : color(entry.tier.fillColor),
                                  line: XLSXLine(color: color(entry.dashed ? "566573" : entry.tier.strokeColor), width: 1.25,
                                                 dash: entry.dashed ? .dash : .solid)))
            drawing.add(XLSXShape(name: "Legenda teks \(entry.text)", frame: rect(entry.textFrame, grow: 24), fill: nil, line: nil,
                                  paragraphs: [XLSXTextParagraph(entry.text, size: 11 * pointsPerPixel, color: color("1B2631"))],
                                  textInset: 0, verticalAnchor: .middle))
        }
        for label in diagram.labels {
            drawing.add(XLSXShape(name: "Label \(label.paragraphs.map(\.text).joined(separator: " "))", frame: rect(label.frame),
                                  fill: nil, line: nil, paragraphs: label.paragraphs.map(paragraph), textInset: 0,
                                  verticalAnchor: label.kind == .row ? .middle : .top))
        }
        for connector in diagram.connectors {
            let bend = bendFraction(connector)
            try drawing.connect(ids[connector.from], site(connector.fromSide), to: ids[connector.to], site(connector.toSide),
                                line: XLSXLine(color: color("566573"), width: 1.25, dash: connector.dashed ? .dash : .solid),
                                bend: bend, name: "Penghubung \(diagram.boxes[connector.from].nodeID) ke \(diagram.boxes[connector.to].nodeID)")
        }
        return drawing
    }

    /// A node's box: the header words in the level's colour, then statement, indicators, notes.
    private static func shape(for box: DiagramBox) -> XLSXShape {
        var paragraphs = [XLSXTextParagraph(box.header.text, size: box.header.style.size * pointsPerPixel, bold: true,
                                            color: color(box.tier.strokeColor))]
        for (index, part) in box.body.enumerated() {
            var converted = paragraph(part)
            converted.spaceBefore = index == 0 ? 4 : 2
            paragraphs.append(converted)
        }
        return XLSXShape(name: "Kinerja \(box.nodeID)", altText: box.body.first?.text, frame: rect(box.frame),
                         geometry: .roundedRectangle, fill: color(box.tier.fillColor),
                         line: XLSXLine(color: color(box.tier.strokeColor), width: 1.25, dash: box.crosscutting ? .dash : .solid),
                         paragraphs: paragraphs, textInset: 5)
    }

    private static func paragraph(_ paragraph: DiagramParagraph) -> XLSXTextParagraph {
        XLSXTextParagraph(paragraph.text, size: paragraph.style.size * pointsPerPixel, bold: paragraph.style.bold,
                          italic: paragraph.style.italic, color: color(paragraph.style.color))
    }

    /// Where the elbow's middle segment sits, as a fraction of the way from start to end.
    private static func bendFraction(_ connector: DiagramConnector) -> Double {
        guard connector.points.count == 4, let first = connector.points.first, let last = connector.points.last else { return 0.5 }
        let bend = connector.points[1]
        switch connector.fromSide {
        case .top, .bottom: return last.y == first.y ? 0.5 : (bend.y - first.y) / (last.y - first.y)
        case .left, .right: return last.x == first.x ? 0.5 : (bend.x - first.x) / (last.x - first.x)
        }
    }

    private static func rect(_ frame: DiagramRect, grow: Double = 0) -> XLSXDrawingRect {
        XLSXDrawingRect(x: frame.x * pointsPerPixel, y: frame.y * pointsPerPixel,
                        width: (frame.width + grow) * pointsPerPixel, height: frame.height * pointsPerPixel)
    }

    private static func site(_ side: DiagramSide) -> XLSXConnectionSite {
        switch side {
        case .top: return .top
        case .left: return .left
        case .bottom: return .bottom
        case .right: return .right
        }
    }

    private static func color(_ hex: String) -> XLSXColor {
        XLSXColor(hex: hex) ?? .black
    }
}

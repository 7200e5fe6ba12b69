import PokinCore

/// Reads a DrawingML drawing part (`xl/drawings/drawingN.xml`): every shape with its text and
/// position, every connector with the shapes it is bound to and its geometry. Shapes inside
/// groups are placed through the groups' transforms. Pictures, charts and other frames are skipped.
final class DrawingPartReader: SAXEventSink {
    private(set) var shapes: [DrawnShape] = []
    private(set) var connectors: [DrawnConnector] = []
    /// Whether the root was a spreadsheet drawing (`wsDr`).
    private(set) var sawRoot = false

    private let maxTextBytes: Int
    private var path: [String] = []
    private var anchorRow: Int?
    private var anchorColumn: Int?
    private var markerField: String?
    private var markerText = ""
    private var inFrom = false

    /// The shape or connector being read.
    private enum Kind { case shape, connector }
    private var kind: Kind?
    private var depthOfObject = 0
    private var id = 0
    private var name_ = ""
    private var altText: String?
    private var paragraphs: [String] = []
    private var paragraph = ""
    private var inText = false
    private var textBytes = 0
    private var frame: DrawnFrame?
    private var rotation = 0
    private var flipH = false
    private var flipV = false
    private var start: DrawnConnection?
    private var end: DrawnConnection?
    private var dashed = false
    /// Group transforms, outermost first: offset and extent, child offset and extent.
    private var groups: [(off: (Double, Double), ext: (Double, Double), chOff: (Double, Double), chExt: (Double, Double))] = []
    private var pendingGroup: (off: (Double, Double), ext: (Double, Double), chOff: (Double, Double), chExt: (Double, Double))?

    init(maxTextBytes: Int) {
        self.maxTextBytes = maxTextBytes
    }

    private static func isDrawingNamespace(_ name: SAXName) -> Bool {
        guard let uri = name.uri else { return true }
        let text = String(cString: uri)
        return text.hasSuffix("/spreadsheetDrawing") || text.hasSuffix("/drawingml/2006/main") || text.hasSuffix("/drawingml/main")
    }

    override func startElement(_ name: SAXName, _ attributes: SAXAttributes) {
        guard DrawingPartReader.isDrawingNamespace(name) else {
            path.append("")
            return
        }
        let local = name.localString
        let parent = path.last ?? ""
        path.append(local)
        switch local {
        case "wsDr": sawRoot = true
        case "twoCellAnchor", "oneCellAnchor", "absoluteAnchor":
            anchorRow = nil
            anchorColumn = nil
        case "from" where parent.hasSuffix("Anchor"): inFrom = true
        case "row", "col":
            if inFrom {
                markerField = local
                markerText = ""
            }
        case "sp", "cxnSp":
            guard kind == nil else { break }
            kind = local == "sp" ? .shape : .connector
            depthOfObject = path.count
            id = 0; name_ = ""; altText = nil; paragraphs = []; frame = nil; rotation = 0
            flipH = false; flipV = false; start = nil; end = nil; dashed = false; textBytes = 0
        case "grpSp": break
        case "cNvPr" where kind != nil && path.count == depthOfObject + 2:
            id = attributes.string("id").flatMap { Int($0) } ?? 0
            name_ = attributes.string("name") ?? ""
            altText = attributes.string("descr")
        case "stCxn", "endCxn":
            guard kind == .connector else { break }
            let connection = DrawnConnection(shapeID: attributes.string("id").flatMap { Int($0) } ?? -1,
                                             site: attributes.string("idx").flatMap { Int($0) } ?? -1)
            if local == "stCxn" { start = connection } else { end = connection }
        case "xfrm":
            if kind != nil && (parent == "spPr") {
                rotation = attributes.string("rot").flatMap { Int($0) } ?? 0
                flipH = DrawingPartReader.flag(attributes.string("flipH"))
                flipV = DrawingPartReader.flag(attributes.string("flipV"))
            } else if kind == nil && parent == "grpSpPr" {
                pendingGroup = ((0, 0), (0, 0), (0, 0), (0, 0))
            }
        case "off", "ext", "chOff", "chExt":
            let x = DrawingPartReader.coordinate(attributes.string(local == "ext" || local == "chExt" ? "cx" : "x"))
            let y = DrawingPartReader.coordinate(attributes.string(local == "ext" || local == "chExt" ? "cy" : "y"))
            if kind != nil && parent == "xfrm" && path.dropLast(2).last == "spPr" {
                var current = frame ?? DrawnFrame(x: 0, y: 0, width: 0, height: 0)
                if local == "off" { current.x = DrawingPartReader.whole(x); current.y = DrawingPartReader.whole(y) }
                if local == "ext" { current.width = DrawingPartReader.whole(x); current.height = DrawingPartReader.whole(y) }
                frame = current
            } else if kind == nil, pendingGroup != nil, parent == "xfrm" {
                switch local {
                case "off": pendingGroup!.off = (x, y)
                case "ext": pendingGroup!.ext = (x, y)
                case "chOff": pendingGroup!.chOff = (x, y)
                default: pendingGroup!.chExt = (x, y)
                }
            }
        case "prstDash" where kind == .connector:
            dashed = (attributes.string("val") ?? "solid") != "solid"
        case "p" where kind == .shape && parent == "txBody":
            paragraph = ""
        case "t" where kind == .shape:
            inText = true
        case "br" where kind == .shape:
            paragraph += "\n"
        default: break
        }
    }

    override func endElement(_ name: SAXName) {
        let local = path.popLast() ?? ""
        switch local {
        case "row", "col":
            guard inFrom, markerField == local else { break }
            let value = Int(markerText.filter { !$0.isWhitespace })
            if local == "row" { anchorRow = value } else { anchorColumn = value }
            markerField = nil
        case "from": inFrom = false
        case "t": inText = false
        case "p" where kind == .shape && path.last == "txBody":
            paragraphs.append(paragraph)
        case "grpSpPr":
            if let pendingGroup { groups.append(pendingGroup) }
            pendingGroup = nil
        case "grpSp":
            if kind == nil, !groups.isEmpty { groups.removeLast() }
        case "sp", "cxnSp":
            guard kind != nil, path.count + 1 == depthOfObject else { break }
            let placed = frame.map(place)
            if kind == .shape {
                shapes.append(DrawnShape(id: id, name: name_, altText: altText, paragraphs: paragraphs, frame: placed,
                                         anchorRow: anchorRow, anchorColumn: anchorColumn))
            } else {
                connectors.append(DrawnConnector(id: id, name: name_, start: start, end: end, frame: placed, rotation: rotation,
                                                 flipH: flipH, flipV: flipV, dashed: dashed))
            }
            kind = nil
        default: break
        }
    }

    override func characters(_ text: UnsafeBufferPointer<UInt8>) {
        if markerField != nil {
            markerText += String(decoding: text, as: UTF8.self)
        } else if inText {
            textBytes += text.count
            guard textBytes <= maxTextBytes else {
                fail(PokinError(.textTooLong, "a shape's text is longer than \(maxTextBytes) bytes; refusing it",
                                at: Location(line: currentLine)))
                return
            }
            paragraph += String(decoding: text, as: UTF8.self)
        }
    }

    /// A frame in a group's child space, placed in sheet space through every enclosing group.
    private func place(_ frame: DrawnFrame) -> DrawnFrame {
        var x = Double(frame.x), y = Double(frame.y), w = Double(frame.width), h = Double(frame.height)
        for group in groups.reversed() {
            let sx = group.chExt.0 == 0 ? 1 : group.ext.0 / group.chExt.0
            let sy = group.chExt.1 == 0 ? 1 : group.ext.1 / group.chExt.1
            x = group.off.0 + (x - group.chOff.0) * sx
            y = group.off.1 + (y - group.chOff.1) * sy
            w *= sx
            h *= sy
        }
        return DrawnFrame(x: Self.whole(x), y: Self.whole(y), width: Self.whole(w), height: Self.whole(h))
    }

    /// The largest coordinate kept, in EMU (about 28 km; a sheet's whole width is about 1e10).
    static let coordinateLimit = 1e12

    /// A coordinate attribute (EMU) as a finite number within ±`coordinateLimit`: "1e999",
    /// "nan" and the like in a damaged drawing count as 0 or the limit instead of trapping later.
    static func coordinate(_ text: String?) -> Double {
        guard let value = text.flatMap({ Double($0) }), value.isFinite else { return 0 }
        return min(max(value, -coordinateLimit), coordinateLimit)
    }

    /// A computed coordinate as a whole number, within the same bounds (a group's scale can
    /// push a child's frame to infinity or NaN).
    static func whole(_ value: Double) -> Int {
        guard value.isFinite else { return 0 }
        return Int(min(max(value, -coordinateLimit), coordinateLimit).rounded())
    }

    private static func flag(_ value: String?) -> Bool { value == "1" || value == "true" }
}

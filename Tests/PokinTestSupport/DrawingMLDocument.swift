import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A DrawingML drawing part (`xl/drawings/drawingN.xml`) as an XML parser reads it: its anchors,
/// shapes and connectors. For tests that check what the writer wrote, independently of it.
public final class DrawingMLDocument: NSObject, XMLParserDelegate {
    public struct Marker: Equatable, Sendable {
        public var column = 0, columnOffset = 0, row = 0, rowOffset = 0
    }

    public struct Anchor: Sendable {
        public var from = Marker()
        public var to = Marker()
        /// `sp` or `cxnSp`.
        public var kind = ""
        public var id = 0
        public var name = ""
        public var altText: String?
        public var offset = (x: 0, y: 0)
        public var extent = (width: 0, height: 0)
        public var rotation = 0
        public var flipH = false
        public var flipV = false
        public var preset = ""
        public var adjust: Int?
        /// Connectors: the shape id and site of each end.
        public var start: (id: Int, site: Int)?
        public var end: (id: Int, site: Int)?
        /// Shapes: each paragraph's text.
        public var paragraphs: [String] = []
        public var dashed = false
    }

    public private(set) var anchors: [Anchor] = []
    public private(set) var wellFormed = false
    public private(set) var error: String?
    public private(set) var rootName: String?

    private var current: Anchor?
    private var marker: String?
    private var field: String?
    private var text = ""
    private var paragraph = ""
    private var inText = false

    public init(_ bytes: [UInt8]) {
        super.init()
        let parser = XMLParser(data: Data(bytes))
        parser.delegate = self
        parser.shouldProcessNamespaces = false
        wellFormed = parser.parse()
        if !wellFormed { error = parser.parserError.map { "\($0)" } }
    }

    public var shapes: [Anchor] { anchors.filter { $0.kind == "sp" } }
    public var connectors: [Anchor] { anchors.filter { $0.kind == "cxnSp" } }

    public func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                       attributes: [String: String] = [:]) {
        if rootName == nil { rootName = name }
        switch name {
        case "xdr:twoCellAnchor": current = Anchor()
        case "xdr:from", "xdr:to": marker = name
        case "xdr:col", "xdr:colOff", "xdr:row", "xdr:rowOff": field = name; text = ""
        case "xdr:sp": current?.kind = "sp"
        case "xdr:cxnSp": current?.kind = "cxnSp"
        case "xdr:cNvPr":
            current?.id = Int(attributes["id"] ?? "") ?? -1
            current?.name = attributes["name"] ?? ""
            current?.altText = attributes["descr"]
        case "a:stCxn": current?.start = (Int(attributes["id"] ?? "") ?? -1, Int(attributes["idx"] ?? "") ?? -1)
        case "a:endCxn": current?.end = (Int(attributes["id"] ?? "") ?? -1, Int(attributes["idx"] ?? "") ?? -1)
        case "a:xfrm":
            current?.rotation = Int(attributes["rot"] ?? "0") ?? 0
            current?.flipH = attributes["flipH"] == "1"
            current?.flipV = attributes["flipV"] == "1"
        case "a:off": current?.offset = (Int(attributes["x"] ?? "") ?? 0, Int(attributes["y"] ?? "") ?? 0)
        case "a:ext": current?.extent = (Int(attributes["cx"] ?? "") ?? 0, Int(attributes["cy"] ?? "") ?? 0)
        case "a:prstGeom": current?.preset = attributes["prst"] ?? ""
        case "a:gd":
            if attributes["name"] == "adj1", let formula = attributes["fmla"], formula.hasPrefix("val ") {
                current?.adjust = Int(formula.dropFirst(4))
            }
        case "a:prstDash": current?.dashed = attributes["val"] != "solid"
        case "a:p": paragraph = ""
        case "a:t": inText = true; text = ""
        case "a:br": paragraph += "\n"
        default: break
        }
    }

    public func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

    public func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch name {
        case "xdr:col", "xdr:colOff", "xdr:row", "xdr:rowOff":
            let value = Int(text.trimmingCharacters(in: .whitespaces)) ?? -1
            var point = marker == "xdr:from" ? current?.from : current?.to
            switch name {
            case "xdr:col": point?.column = value
            case "xdr:colOff": point?.columnOffset = value
            case "xdr:row": point?.row = value
            default: point?.rowOffset = value
            }
            if let point { if marker == "xdr:from" { current?.from = point } else { current?.to = point } }
        case "a:t":
            paragraph += text
            inText = false
        case "a:p": current?.paragraphs.append(paragraph)
        case "xdr:twoCellAnchor":
            if let current { anchors.append(current) }
            current = nil
        default: break
        }
    }
}

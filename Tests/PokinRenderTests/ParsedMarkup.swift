import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// What an XML parser makes of a rendered SVG or HTML: whether it is well-formed, the nodes drawn
/// (`data-node` of each `<g>`), and the text of each node's `<tspan>`s.
final class ParsedMarkup: NSObject, XMLParserDelegate {
    private(set) var wellFormed = false
    private(set) var error: String?
    private(set) var nodeIDs: [String] = []
    private(set) var nodeTexts: [String: [String]] = [:]
    private(set) var elementCounts: [String: Int] = [:]
    private(set) var titles: [String] = []
    private var currentNode: String?
    private var depthInNode = 0
    private var text = ""
    private var inTitle = false

    init(_ markup: String) {
        super.init()
        let parser = XMLParser(data: Data(markup.utf8))
        parser.delegate = self
        wellFormed = parser.parse()
        if !wellFormed { error = parser.parserError.map { "\($0)" } ?? "unknown" }
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        elementCounts[name, default: 0] += 1
        if currentNode != nil { depthInNode += 1 }
        if name == "g", let id = attributes["data-node"] {
            nodeIDs.append(id)
            currentNode = id
            depthInNode = 0
        }
        if name == "tspan" || name == "title" { text = "" }
        inTitle = name == "title"
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "tspan", let node = currentNode { nodeTexts[node, default: []].append(text) }
        if name == "title" { titles.append(text) }
        if currentNode != nil {
            if depthInNode == 0 { currentNode = nil } else { depthInNode -= 1 }
        }
    }
}

/// Reads `styles.xml` into one `NumberFormatKind` per cell style (`cellXfs`), the index a cell's
/// `s` attribute points at.
final class StylesReader: SAXEventSink {
    private var customFormats: [Int: String] = [:]
    private var styleFormatIDs: [Int] = []
    private var inCellXfs = false
    private var inNumFmts = false

    override func startElement(_ name: SAXName, _ attributes: SAXAttributes) {
        guard name.isSpreadsheetML else { return }
        if name.isLocal("numFmts") {
            inNumFmts = true
        } else if name.isLocal("cellXfs") {
            inCellXfs = true
        } else if inNumFmts, name.isLocal("numFmt") {
            if let id = attributes.string("numFmtId").flatMap({ Int($0) }), let code = attributes.string("formatCode") {
                customFormats[id] = code
            }
        } else if inCellXfs, name.isLocal("xf") {
            styleFormatIDs.append(attributes.string("numFmtId").flatMap { Int($0) } ?? 0)
        }
    }

    override func endElement(_ name: SAXName) {
        guard name.isSpreadsheetML else { return }
        if name.isLocal("numFmts") { inNumFmts = false }
        if name.isLocal("cellXfs") { inCellXfs = false }
    }

    /// The kind of every cell style, in `cellXfs` order. A `<numFmt>` in the file wins over the
    /// built-in table for the same id.
    var styleKinds: [NumberFormatKind] {
        var cache: [Int: NumberFormatKind] = [:]
        return styleFormatIDs.map { id in
            if let known = cache[id] { return known }
            let kind = customFormats[id].map(NumberFormatKind.classify) ?? NumberFormatKind.builtIn(id)
            cache[id] = kind
            return kind
        }
    }
}

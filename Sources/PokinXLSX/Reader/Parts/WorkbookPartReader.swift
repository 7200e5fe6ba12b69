/// Reads `xl/workbook.xml` (or wherever the package puts it): the sheets in tab order and the
/// date system.
final class WorkbookPartReader: SAXEventSink {
    struct SheetRecord {
        var name: String
        var state: String?
        var relationshipID: String?
    }

    private(set) var sheets: [SheetRecord] = []
    private(set) var date1904 = false
    private(set) var sawWorkbook = false

    override func startElement(_ name: SAXName, _ attributes: SAXAttributes) {
        guard name.isSpreadsheetML else { return }
        if name.isLocal("workbook") {
            sawWorkbook = true
        } else if name.isLocal("workbookPr") {
            // Excel writes "1", LibreOffice "true".
            if let flag = attributes.string("date1904")?.lowercased() { date1904 = flag == "1" || flag == "true" }
        } else if name.isLocal("sheet") {
            let id = attributes.value("id", namespace: Namespace.relationshipsTransitional, or: Namespace.relationshipsStrict)
                .map(SAXAttributes.text)
            sheets.append(SheetRecord(name: attributes.string("name") ?? "", state: attributes.string("state"), relationshipID: id))
        }
    }
}

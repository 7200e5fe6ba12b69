import Foundation
import PokinCore
import PokinTestSupport
@testable import PokinXLSX

/// Builds small XLSX packages from XML text, so that each reader test states the exact bytes
/// of the quirk it exercises. Written with the project's own `ZipWriter`.
struct SyntheticWorkbook {
    /// Zip entries in order: name (as stored, backslashes and case kept) and content.
    var entries: [(name: String, content: [UInt8])] = []

    static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationshipsNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let relationshipType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    mutating func add(_ name: String, _ text: String) {
        entries.append((name, Array(text.utf8)))
    }

    /// A conventional package (Excel's layout) with the given sheets (name, `<sheetData>` and
    /// whatever follows it), optional shared strings (`<si>` items), styles and `workbookPr`.
    static func standard(sheets: [(name: String, body: String)], sharedStrings: [String]? = nil,
                         styles: String? = nil, workbookPr: String? = nil, states: [String?] = []) -> SyntheticWorkbook {
        var book = SyntheticWorkbook()
        book.add("[Content_Types].xml", """
            <?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>
            """)
        book.add("_rels/.rels", """
            <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="\(relationshipType)/officeDocument" Target="xl/workbook.xml"/></Relationships>
            """)
        var sheetList = ""
        var rels = ""
        for (index, sheet) in sheets.enumerated() {
            let state = index < states.count ? states[index].map { " state=\"\($0)\"" } ?? "" : ""
            sheetList += "<sheet name=\"\(sheet.name)\" sheetId=\"\(index + 1)\"\(state) r:id=\"rId\(index + 1)\"/>"
            rels += "<Relationship Id=\"rId\(index + 1)\" Type=\"\(relationshipType)/worksheet\" Target=\"worksheets/sheet\(index + 1).xml\"/>"
        }
        if sharedStrings != nil {
            rels += "<Relationship Id=\"rIdS\" Type=\"\(relationshipType)/sharedStrings\" Target=\"sharedStrings.xml\"/>"
        }
        if styles != nil {
            rels += "<Relationship Id=\"rIdT\" Type=\"\(relationshipType)/styles\" Target=\"styles.xml\"/>"
        }
        book.add("xl/workbook.xml", """
            <?xml version="1.0" encoding="UTF-8"?><workbook xmlns="\(mainNamespace)" xmlns:r="\(relationshipsNamespace)">\
            \(workbookPr ?? "")<sheets>\(sheetList)</sheets></workbook>
            """)
        book.add("xl/_rels/workbook.xml.rels", """
            <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\(rels)</Relationships>
            """)
        for (index, sheet) in sheets.enumerated() {
            book.add("xl/worksheets/sheet\(index + 1).xml", worksheet(sheet.body))
        }
        if let sharedStrings {
            book.add("xl/sharedStrings.xml", """
                <?xml version="1.0" encoding="UTF-8"?><sst xmlns="\(mainNamespace)" count="\(sharedStrings.count)">\(sharedStrings.joined())</sst>
                """)
        }
        if let styles {
            book.add("xl/styles.xml", """
                <?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="\(mainNamespace)">\(styles)</styleSheet>
                """)
        }
        return book
    }

    /// A worksheet part around `body` (which holds `<sheetData>` and what follows).
    static func worksheet(_ body: String) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"\(mainNamespace)\" xmlns:r=\"\(relationshipsNamespace)\">\(body)</worksheet>"
    }

    /// `<cellXfs>` with one `xf` per number-format id, plus optional custom `<numFmt>`s.
    static func styles(formatIDs: [Int], custom: [Int: String] = [:]) -> String {
        var text = ""
        if !custom.isEmpty {
            text += "<numFmts count=\"\(custom.count)\">"
            for (id, code) in custom.sorted(by: { $0.key < $1.key }) {
                text += "<numFmt numFmtId=\"\(id)\" formatCode=\"\(code.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "\"", with: "&quot;"))\"/>"
            }
            text += "</numFmts>"
        }
        text += "<cellXfs count=\"\(formatIDs.count)\">"
        for id in formatIDs { text += "<xf numFmtId=\"\(id)\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>" }
        return text + "</cellXfs>"
    }

    /// Writes the package to a new temporary file and returns its path.
    func write(name: String = "book.xlsx") throws -> String {
        let folder = try Fixtures.temporaryDirectory("xlsx")
        let path = folder.appendingPathComponent(name).path
        let writer = try ZipWriter(path: path)
        for entry in entries { try writer.add(name: entry.name, bytes: entry.content) }
        try writer.close()
        return path
    }

    /// Opens the package as a workbook.
    func open(limits: XLSXReadLimits = .default) throws -> XLSXWorkbook {
        try XLSXWorkbook(path: try write(), limits: limits)
    }
}

extension XLSXWorkbook {
    /// Every non-empty cell of a sheet keyed by reference (`B2`), for compact assertions.
    func cells(of sheet: String) throws -> [String: CellValue] {
        var source = try sheetReader(named: sheet)
        var result: [String: CellValue] = [:]
        for row in try source.readAll() {
            for cell in row.cells { result[cell.address.description] = cell.value }
        }
        return result
    }

    /// The rows of a sheet as read.
    func rowsRead(of sheet: String) throws -> [Row] {
        var source = try sheetReader(named: sheet)
        return try source.readAll()
    }
}

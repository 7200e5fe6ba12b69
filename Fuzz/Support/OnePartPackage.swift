import PokinXLSX

/// A conventional one-sheet package (Excel's layout: content types, package and workbook
/// relationships, workbook, styles with date formats, shared strings, `xl/worksheets/sheet1.xml`)
/// in which one part's bytes are the fuzzer's input. The same skeleton is rebuilt by
/// `Tests/PokinXLSXTests/FuzzRegressionTests.swift` to replay the committed inputs.
public enum OnePartPackage {
    public static let sheetPart = "xl/worksheets/sheet1.xml"
    public static let sharedStringsPart = "xl/sharedStrings.xml"

    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let officeRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let packageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships"

    /// The parts around the fuzzed one, in zip order.
    public static let skeleton: [(name: String, text: String)] = [
        ("[Content_Types].xml", """
            <?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>
            """),
        ("_rels/.rels", """
            <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="\(packageRelationships)">\
            <Relationship Id="rId1" Type="\(officeRelationships)/officeDocument" Target="xl/workbook.xml"/></Relationships>
            """),
        ("xl/workbook.xml", """
            <?xml version="1.0" encoding="UTF-8"?><workbook xmlns="\(main)" xmlns:r="\(officeRelationships)">\
            <sheets><sheet name="Tahap 1" sheetId="1" r:id="rId1"/></sheets></workbook>
            """),
        ("xl/_rels/workbook.xml.rels", """
            <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="\(packageRelationships)">\
            <Relationship Id="rId1" Type="\(officeRelationships)/worksheet" Target="worksheets/sheet1.xml"/>\
            <Relationship Id="rId2" Type="\(officeRelationships)/sharedStrings" Target="sharedStrings.xml"/>\
            <Relationship Id="rId3" Type="\(officeRelationships)/styles" Target="styles.xml"/></Relationships>
            """),
        ("xl/styles.xml", """
            <?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="\(main)"><numFmts count="1">\
            <numFmt numFmtId="164" formatCode="dd/mm/yyyy hh:mm"/></numFmts><cellXfs count="5">\
            <xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="10"/><xf numFmtId="49"/></cellXfs></styleSheet>
            """),
    ]

    /// Shared strings used when the sheet is fuzzed.
    public static let defaultSharedStrings = """
        <?xml version="1.0" encoding="UTF-8"?><sst xmlns="\(main)" count="3" uniqueCount="3">\
        <si><t>Tujuan</t></si><si><t xml:space="preserve"> Sasaran </t></si><si><r><t>Kinerja</t></r><r><rPr><b/></rPr><t> Utama</t></r></si></sst>
        """

    /// The sheet used when the shared strings are fuzzed: it refers to the first strings and
    /// to some that may be missing.
    public static let defaultSheet = """
        <?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="\(main)" xmlns:r="\(officeRelationships)"><sheetData>\
        <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>\
        <row r="2"><c r="A2" t="s"><v>3</v></c><c r="B2" t="s"><v>7</v></c><c r="C2" t="s"><v>100</v></c></row>\
        </sheetData></worksheet>
        """

    /// Writes the package with `sheet` and `sharedStrings` as the two variable parts.
    public static func write(sheet: [UInt8], sharedStrings: [UInt8], to path: String) throws {
        let writer = try ZipWriter(path: path, compressionLevel: 1)
        for part in skeleton { try writer.add(name: part.name, bytes: Array(part.text.utf8)) }
        try writer.add(name: sharedStringsPart, bytes: sharedStrings)
        try writer.add(name: sheetPart, bytes: sheet)
        try writer.close()
    }
}

import PokinCore

/// The small package parts of a written workbook: content types, relationships, document
/// properties and `workbook.xml`. Part names and relationship ids are consistent by construction:
/// sheet N is `xl/worksheets/sheetN.xml` with relationship `rIdN`.
struct XLSXParts {
    static let declaration: StaticString = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

    let properties: XLSXDocumentProperties
    let sheets: [XLSXSheetWriter]
    let activeSheet: Int

    func contentTypes() throws -> [UInt8] {
        let out = XMLSpool()
        try out.append(XLSXParts.declaration)
        try out.append(#"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#)
        try out.append(#"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#)
        try out.append(#"<Default Extension="xml" ContentType="application/xml"/>"#)
        try out.append(#"<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#)
        for sheet in sheets {
            try out.append(#"<Override PartName="/xl/worksheets/sheet"#)
            try out.appendDecimal(sheet.partNumber)
            try out.append(#".xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#)
        }
        try out.append(#"<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#)
        try out.append(#"<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>"#)
        try out.append(#"<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>"#)
        try out.append(#"<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>"#)
        try XLSXDrawingPart.appendContentTypes(sheets, to: out)
        try out.append("</Types>")
        return out.bytes
    }

    func rootRelationships() throws -> [UInt8] {
        let out = XMLSpool()
        try out.append(XLSXParts.declaration)
        try out.append(#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#)
        try out.append(#"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>"#)
        try out.append(#"<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>"#)
        try out.append(#"<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>"#)
        try out.append("</Relationships>")
        return out.bytes
    }

    func workbookRelationships() throws -> [UInt8] {
        let out = XMLSpool()
        try out.append(XLSXParts.declaration)
        try out.append(#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#)
        for sheet in sheets {
            try out.append(#"<Relationship Id="rId"#)
            try out.appendDecimal(sheet.partNumber)
            try out.append(#"" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet"#)
            try out.appendDecimal(sheet.partNumber)
            try out.append(#".xml"/>"#)
        }
        try out.append(#"<Relationship Id="rId"#)
        try out.appendDecimal(sheets.count + 1)
        try out.append(#"" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>"#)
        try out.append(#"<Relationship Id="rId"#)
        try out.appendDecimal(sheets.count + 2)
        try out.append(#"" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>"#)
        try out.append("</Relationships>")
        return out.bytes
    }

    func workbook() throws -> [UInt8] {
        let out = XMLSpool()
        try out.append(XLSXParts.declaration)
        try out.append(#"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#)
        try out.append(#"<workbookPr/><bookViews><workbookView activeTab=""#)
        try out.appendDecimal(min(max(activeSheet, 0), max(sheets.count - 1, 0)))
        try out.append(#""/></bookViews><sheets>"#)
        for sheet in sheets {
            try out.append(#"<sheet name=""#)
            try out.appendAttributeText(sheet.name)
            try out.append(#"" sheetId=""#)
            try out.appendDecimal(sheet.partNumber)
            try out.append(#"""#)
            switch sheet.visibility {
            case .visible: break
            case .hidden: try out.append(#" state="hidden""#)
            case .veryHidden: try out.append(#" state="veryHidden""#)
            }
            try out.append(#" r:id="rId"#)
            try out.appendDecimal(sheet.partNumber)
            try out.append(#""/>"#)
        }
        try out.append("</sheets>")
        let names = sheets.enumerated().flatMap { index, sheet in
            sheet.definedNames(sheetIndex: index).map { (index, $0) }
        }
        if !names.isEmpty {
            try out.append("<definedNames>")
            // Excel lists defined names sorted by name.
            for (index, name) in names.sorted(by: { ($0.1.name, $0.0) < ($1.1.name, $1.0) }) {
                try out.append(#"<definedName name=""#)
                try out.appendAttributeText(name.name)
                try out.append(#"" localSheetId=""#)
                try out.appendDecimal(index)
                try out.append(#"""#)
                if name.hidden { try out.append(#" hidden="1""#) }
                try out.append(">")
                try out.appendElementText(name.value)
                try out.append("</definedName>")
            }
            try out.append("</definedNames>")
        }
        if sheets.contains(where: \.usesFormulas) {
            try out.append(#"<calcPr calcId="191029" fullCalcOnLoad="1"/>"#)
        } else {
            try out.append(#"<calcPr calcId="191029"/>"#)
        }
        try out.append("</workbook>")
        return out.bytes
    }

    func coreProperties() throws -> [UInt8] {
        let out = XMLSpool()
        try out.append(XLSXParts.declaration)
        try out.append(#"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#)
        try element("dc:title", properties.title, out)
        try element("dc:subject", properties.subject, out)
        try element("dc:creator", properties.creator, out)
        try element("cp:keywords", properties.keywords, out)
        try element("dc:description", properties.description, out)
        try element("cp:lastModifiedBy", properties.creator, out)
        for (tag, moment) in [("dcterms:created", properties.created), ("dcterms:modified", properties.modified ?? properties.created)] {
            guard let moment else { continue }
            var utc = moment
            utc.microsecond = 0
            utc.timeOnly = false
            try out.appendRaw("<\(tag) xsi:type=\"dcterms:W3CDTF\">\(utc.iso8601)Z</\(tag)>")
        }
        try out.append("</cp:coreProperties>")
        return out.bytes
    }

    func appProperties() throws -> [UInt8] {
        let out = XMLSpool()
        try out.append(XLSXParts.declaration)
        try out.append(#"<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">"#)
        try out.append("<Application>pokin</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>")
        try out.append(#"<HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>"#)
        try out.appendDecimal(sheets.count)
        try out.append(#"</vt:i4></vt:variant></vt:vector></HeadingPairs><TitlesOfParts><vt:vector size=""#)
        try out.appendDecimal(sheets.count)
        try out.append(#"" baseType="lpstr">"#)
        for sheet in sheets {
            try out.append("<vt:lpstr>")
            try out.appendElementText(sheet.name)
            try out.append("</vt:lpstr>")
        }
        try out.append("</vt:vector></TitlesOfParts>")
        try element("Company", properties.company, out)
        try out.append("<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged></Properties>")
        return out.bytes
    }

    private func element(_ tag: String, _ value: String?, _ out: XMLSpool) throws {
        guard let value else { return }
        try out.appendRaw("<\(tag)>")
        try out.appendElementText(value)
        try out.appendRaw("</\(tag)>")
    }
}

import PokinCore

/// Writes a sheet's drawing as DrawingML: the drawing part, the sheet's relationship to it, and
/// its content type. Sheet N's drawing is `xl/drawings/drawingN.xml`, related as `rId1` from
/// `xl/worksheets/_rels/sheetN.xml.rels`.
enum XLSXDrawingPart {
    static let contentType = "application/vnd.openxmlformats-officedocument.drawing+xml"
    static let relationshipType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing"

    /// Adds the drawing part and the sheet's relationships for every sheet that has a drawing.
    static func add(_ sheets: [XLSXSheetWriter], to zip: ZipWriter, file: String) throws {
        for sheet in sheets {
            guard let drawing = sheet.drawing else { continue }
            try zip.add(name: "xl/drawings/drawing\(sheet.partNumber).xml",
                        segments: [.bytes(xml(drawing, file: file, sheet: sheet.name))])
            try zip.add(name: "xl/worksheets/_rels/sheet\(sheet.partNumber).xml.rels",
                        segments: [.bytes(sheetRelationships(sheet.partNumber))])
        }
    }

    /// The `<Override>`s of `[Content_Types].xml` for the sheets' drawings.
    static func appendContentTypes(_ sheets: [XLSXSheetWriter], to out: XMLSpool) throws {
        for sheet in sheets where sheet.drawing != nil {
            try out.appendRaw("<Override PartName=\"/xl/drawings/drawing\(sheet.partNumber).xml\" ContentType=\"\(contentType)\"/>")
        }
    }

    static func sheetRelationships(_ part: Int) throws -> [UInt8] {
        let out = XMLSpool()
        try out.append(XLSXParts.declaration)
        try out.append(#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#)
        try out.appendRaw("<Relationship Id=\"rId1\" Type=\"\(relationshipType)\" Target=\"../drawings/drawing\(part).xml\"/>")
        try out.append("</Relationships>")
        return out.bytes
    }

    /// `xdr:wsDr` with one `xdr:twoCellAnchor` per shape, then one per connector.
    static func xml(_ drawing: XLSXDrawing, file: String, sheet: String) throws -> [UInt8] {
        let out = XMLSpool()
        try out.append(XLSXParts.declaration)
        try out.append(#"<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">"#)
        var frames: [XLSXShapeID: XLSXDrawingRect] = [:]
        for shape in drawing.shapes {
            try check(shape.frame, what: "shape \"\(shape.name)\"", file: file, sheet: sheet)
            frames[shape.id] = shape.frame
            try anchor(x: XLSXDrawingGrid.emu(shape.frame.x), y: XLSXDrawingGrid.emu(shape.frame.y),
                       width: XLSXDrawingGrid.emu(shape.frame.width), height: XLSXDrawingGrid.emu(shape.frame.height),
                       grid: drawing.grid, out: out)
            try self.shape(shape, out: out)
            try out.append("<xdr:clientData/></xdr:twoCellAnchor>")
        }
        for connector in drawing.connectors {
            guard let start = frames[connector.start], let end = frames[connector.end] else {
                throw PokinError(.invalidDrawing, "connector \"\(connector.name)\" refers to a shape the drawing does not hold",
                                 at: Location(file: file, sheet: sheet))
            }
            let route = ConnectorRoute(from: start.point(at: connector.startSite), to: end.point(at: connector.endSite),
                                       startSite: connector.startSite, bend: connector.bend)
            try anchor(x: route.box.x, y: route.box.y, width: route.box.width, height: route.box.height,
                       grid: drawing.grid, out: out)
            try self.connector(connector, route: route, out: out)
            try out.append("<xdr:clientData/></xdr:twoCellAnchor>")
        }
        try out.append("</xdr:wsDr>")
        return out.bytes
    }

    private static func check(_ frame: XLSXDrawingRect, what: String, file: String, sheet: String) throws {
        let values = [frame.x, frame.y, frame.width, frame.height]
        guard values.allSatisfy(\.isFinite), frame.x >= 0, frame.y >= 0, frame.width >= 0, frame.height >= 0,
              frame.maxX < 1e7, frame.maxY < 1e8 else {
            throw PokinError(.invalidDrawing,
                             "\(what) has the frame \(frame); a shape needs finite, non-negative points inside the sheet",
                             at: Location(file: file, sheet: sheet))
        }
    }

    /// `<xdr:twoCellAnchor><xdr:from>…</xdr:from><xdr:to>…</xdr:to>` for a box in EMU.
    private static func anchor(x: Int, y: Int, width: Int, height: Int, grid: XLSXDrawingGrid, out: XMLSpool) throws {
        try out.append("<xdr:twoCellAnchor>")
        for (tag, point) in [("from", grid.marker(x: x, y: y)), ("to", grid.marker(x: x + width, y: y + height))] {
            try out.appendRaw("<xdr:\(tag)><xdr:col>\(point.column)</xdr:col><xdr:colOff>\(point.columnOffset)</xdr:colOff>")
            try out.appendRaw("<xdr:row>\(point.row)</xdr:row><xdr:rowOff>\(point.rowOffset)</xdr:rowOff></xdr:\(tag)>")
        }
    }

    private static func shape(_ shape: XLSXShape, out: XMLSpool) throws {
        try out.append(#"<xdr:sp macro="" textlink=""><xdr:nvSpPr><xdr:cNvPr id=""#)
        try out.appendDecimal(shape.id.value)
        try out.append(#"" name=""#)
        try out.appendAttributeText(shape.name)
        try out.append(#"""#)
        if let altText = shape.altText {
            try out.append(#" descr=""#)
            try out.appendAttributeText(altText)
            try out.append(#"""#)
        }
        try out.append("/><xdr:cNvSpPr/></xdr:nvSpPr><xdr:spPr>")
        try out.appendRaw("<a:xfrm><a:off x=\"\(XLSXDrawingGrid.emu(shape.frame.x))\" y=\"\(XLSXDrawingGrid.emu(shape.frame.y))\"/>")
        try out.appendRaw("<a:ext cx=\"\(XLSXDrawingGrid.emu(shape.frame.width))\" cy=\"\(XLSXDrawingGrid.emu(shape.frame.height))\"/></a:xfrm>")
        try out.appendRaw("<a:prstGeom prst=\"\(shape.geometry.rawValue)\">")
        if shape.geometry == .roundedRectangle {
            try out.append(#"<a:avLst><a:gd name="adj" fmla="val 6000"/></a:avLst>"#)
        } else {
            try out.append("<a:avLst/>")
        }
        try out.append("</a:prstGeom>")
        if let fill = shape.fill { try solidFill(fill, out: out) } else { try out.append("<a:noFill/>") }
        try line(shape.line, arrow: false, out: out)
        try out.append("</xdr:spPr><xdr:txBody>")
        let inset = XLSXDrawingGrid.emu(shape.textInset)
        try out.appendRaw("<a:bodyPr vertOverflow=\"overflow\" horzOverflow=\"overflow\" wrap=\"square\" lIns=\"\(inset)\" tIns=\"\(inset)\" rIns=\"\(inset)\" bIns=\"\(inset)\" rtlCol=\"0\" anchor=\"\(shape.verticalAnchor.rawValue)\"><a:noAutofit/></a:bodyPr><a:lstStyle/>")
        if shape.paragraphs.isEmpty {
            try out.append(#"<a:p><a:endParaRPr lang="id-ID"/></a:p>"#)
        }
        for paragraph in shape.paragraphs { try self.paragraph(paragraph, out: out) }
        try out.append("</xdr:txBody></xdr:sp>")
    }

    private static func paragraph(_ paragraph: XLSXTextParagraph, out: XMLSpool) throws {
        try out.appendRaw("<a:p><a:pPr algn=\"\(paragraph.alignment.rawValue)\"")
        if paragraph.spaceBefore > 0 {
            try out.appendRaw("><a:spcBef><a:spcPts val=\"\(Int((paragraph.spaceBefore * 100).rounded()))\"/></a:spcBef></a:pPr>")
        } else {
            try out.append("/>")
        }
        for run in paragraph.runs {
            for (index, piece) in run.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                if index > 0 {
                    try out.append("<a:br>")
                    try runProperties(run, out: out)
                    try out.append("</a:br>")
                }
                guard !piece.isEmpty else { continue }
                try out.append("<a:r>")
                try runProperties(run, out: out)
                try out.append("<a:t>")
                try out.appendElementText(String(piece))
                try out.append("</a:t></a:r>")
            }
        }
        if let last = paragraph.runs.last {
            try out.appendRaw("<a:endParaRPr lang=\"id-ID\" sz=\"\(fontSize(last.size))\"/>")
        }
        try out.append("</a:p>")
    }

    private static func runProperties(_ run: XLSXTextRun, out: XMLSpool) throws {
        try out.appendRaw("<a:rPr lang=\"id-ID\" sz=\"\(fontSize(run.size))\" b=\"\(run.bold ? 1 : 0)\" i=\"\(run.italic ? 1 : 0)\">")
        if let color = run.color { try solidFill(color, out: out) }
        if let font = run.font {
            try out.append(#"<a:latin typeface=""#)
            try out.appendAttributeText(font)
            try out.append(#""/><a:cs typeface=""#)
            try out.appendAttributeText(font)
            try out.append(#""/>"#)
        }
        try out.append("</a:rPr>")
    }

    /// Hundredths of a point, within DrawingML's 1–4000 pt.
    private static func fontSize(_ points: Double) -> Int {
        Int((min(max(points.isFinite ? points : 9, 1), 4000) * 100).rounded())
    }

    private static func connector(_ connector: XLSXConnector, route: ConnectorRoute, out: XMLSpool) throws {
        try out.append(#"<xdr:cxnSp macro=""><xdr:nvCxnSpPr><xdr:cNvPr id=""#)
        try out.appendDecimal(connector.id.value)
        try out.append(#"" name=""#)
        try out.appendAttributeText(connector.name)
        try out.appendRaw("\"/><xdr:cNvCxnSpPr><a:stCxn id=\"\(connector.start.value)\" idx=\"\(connector.startSite.rawValue)\"/>")
        try out.appendRaw("<a:endCxn id=\"\(connector.end.value)\" idx=\"\(connector.endSite.rawValue)\"/></xdr:cNvCxnSpPr></xdr:nvCxnSpPr><xdr:spPr>")
        try out.append("<a:xfrm")
        if route.rotation != 0 { try out.appendRaw(" rot=\"\(route.rotation)\"") }
        if route.flipH { try out.append(#" flipH="1""#) }
        if route.flipV { try out.append(#" flipV="1""#) }
        try out.appendRaw("><a:off x=\"\(route.frame.x)\" y=\"\(route.frame.y)\"/><a:ext cx=\"\(route.frame.width)\" cy=\"\(route.frame.height)\"/></a:xfrm>")
        if route.straight {
            try out.append(#"<a:prstGeom prst="straightConnector1"><a:avLst/></a:prstGeom>"#)
        } else {
            try out.appendRaw("<a:prstGeom prst=\"bentConnector3\"><a:avLst><a:gd name=\"adj1\" fmla=\"val \(route.adjust)\"/></a:avLst></a:prstGeom>")
        }
        try line(connector.line, arrow: false, out: out)
        try out.append("</xdr:spPr></xdr:cxnSp>")
    }

    private static func solidFill(_ color: XLSXColor, out: XMLSpool) throws {
        try out.appendRaw("<a:solidFill><a:srgbClr val=\"\(color.argb.suffix(6))\"/></a:solidFill>")
    }

    private static func line(_ line: XLSXLine?, arrow: Bool, out: XMLSpool) throws {
        guard let line else {
            try out.append("<a:ln><a:noFill/></a:ln>")
            return
        }
        try out.appendRaw("<a:ln w=\"\(XLSXDrawingGrid.emu(line.width.isFinite ? max(line.width, 0) : 1))\">")
        try solidFill(line.color, out: out)
        if line.dash != .solid { try out.appendRaw("<a:prstDash val=\"\(line.dash.rawValue)\"/>") }
        if arrow { try out.append(#"<a:tailEnd type="triangle"/>"#) }
        try out.append("</a:ln>")
    }
}

/// The geometry of an elbow connector between two points, as DrawingML states it: the visible
/// box (the anchor), and the preset's own frame with rotation and flips. A connector leaving a
/// top or bottom site runs vertical-horizontal-vertical: `bentConnector3` turned a quarter
/// (rot 5400000), whose unturned frame has width and height swapped about the same centre.
struct ConnectorRoute {
    struct Box { var x: Int, y: Int, width: Int, height: Int }

    /// The visible bounding box in EMU.
    let box: Box
    /// `a:off` / `a:ext` in EMU (the unrotated frame).
    let frame: Box
    let rotation: Int
    let flipH: Bool
    let flipV: Bool
    let straight: Bool
    /// `adj1` in 1/100000 of the frame's width.
    let adjust: Int

    init(from start: (x: Double, y: Double), to end: (x: Double, y: Double), startSite: XLSXConnectionSite, bend: Double) {
        let sx = XLSXDrawingGrid.emu(start.x), sy = XLSXDrawingGrid.emu(start.y)
        let ex = XLSXDrawingGrid.emu(end.x), ey = XLSXDrawingGrid.emu(end.y)
        let width = abs(ex - sx), height = abs(ey - sy)
        box = Box(x: min(sx, ex), y: min(sy, ey), width: width, height: height)
        adjust = Int((min(max(bend, -10), 10) * 100_000).rounded())
        if sx == ex || sy == ey {
            // Lined up: a straight line from start to end.
            straight = true
            rotation = 0
            flipH = ex < sx
            flipV = ey < sy
            frame = box
        } else if startSite.isVertical {
            // Turned a quarter clockwise: unturned, it runs from top-left to bottom-right of a
            // frame `height` wide and `width` tall; turned, from top-right to bottom-left.
            straight = false
            rotation = 5_400_000
            flipV = ex > sx
            flipH = ey < sy
            let centreX = box.x * 2 + width, centreY = box.y * 2 + height  // doubled, to stay in integers
            frame = Box(x: (centreX - height) / 2, y: (centreY - width) / 2, width: height, height: width)
        } else {
            straight = false
            rotation = 0
            flipH = ex < sx
            flipV = ey < sy
            frame = box
        }
    }
}

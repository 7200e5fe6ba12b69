import Foundation
import PokinCore
import PokinTestSupport
@testable import PokinXLSX
import Testing

@Suite("XLSX drawings: shapes and bound connectors")
struct DrawingWriterTests {
    /// A centre box and eight boxes around it, each joined to the centre by a connector leaving
    /// the side that faces it: down-left, down, down-right, up-left, up-right, right-up,
    /// right-down, left (lined up). Texts that need escaping and a line break.
    static func sample() throws -> XLSXDrawing {
        var drawing = XLSXDrawing()
        func box(_ name: String, _ x: Double, _ y: Double) -> XLSXShape {
            XLSXShape(name: name, altText: "alt \(name) <&>", frame: XLSXDrawingRect(x: x, y: y, width: 80, height: 40),
                      geometry: .roundedRectangle, fill: XLSXColor(hex: "EAF2FB"),
                      line: XLSXLine(color: XLSXColor(hex: "1F5FAD")!, width: 1.25),
                      paragraphs: [XLSXTextParagraph("Judul \(name)", bold: true),
                                   XLSXTextParagraph("a < b & \"c\"\nbaris dua", size: 8, italic: true)])
        }
        let centre = drawing.add(box("pusat", 300, 300))
        let cases: [(String, Double, Double, XLSXConnectionSite, XLSXConnectionSite)] = [
            ("bawah-kiri", 120, 420, .bottom, .top), ("bawah", 300, 430, .bottom, .top),
            ("bawah-kanan", 470, 440, .bottom, .top), ("atas-kiri", 130, 150, .top, .bottom),
            ("atas-kanan", 480, 140, .top, .bottom), ("kanan-atas", 520, 260, .right, .left),
            ("kanan-bawah", 530, 360, .right, .left), ("kiri", 60, 300, .left, .right),
        ]
        for (name, x, y, from, to) in cases {
            let target = drawing.add(box(name, x, y))
            try drawing.connect(centre, from, to: target, to, line: XLSXLine(dash: name == "kiri" ? .dash : .solid),
                                bend: name == "bawah-kanan" ? 0.25 : 0.5, name: "ke \(name)")
        }
        return drawing
    }

    static func write(_ drawing: XLSXDrawing, sheets: Int = 2) throws -> String {
        let path = try Fixtures.temporaryDirectory("drawing").appendingPathComponent("gambar.xlsx").path
        let book = try XLSXWriter(path: path)
        let first = try book.addSheet(named: "Data")
        try first.writeRow([.text("nilai"), .number(1)])
        if sheets > 1 {
            let sheet = try book.addSheet(named: "Pohon Kinerja")
            try sheet.setDrawing(drawing)
        }
        try book.close()
        return path
    }

    static func entry(_ path: String, _ name: String) throws -> [UInt8]? {
        let archive = try ZipArchive(path: path)
        guard let index = archive.index(of: name) else { return nil }
        return try archive.readEntry(at: index)
    }

    @Test("the drawing is xl/drawings/drawingN.xml, related from its sheet as rId1, with its content type; other sheets have none")
    func packageParts() throws {
        let path = try Self.write(try Self.sample())
        let archive = try ZipArchive(path: path)
        #expect(archive.entryNames.contains("xl/drawings/drawing2.xml"))
        #expect(!archive.entryNames.contains("xl/drawings/drawing1.xml"))
        #expect(!archive.entryNames.contains("xl/worksheets/_rels/sheet1.xml.rels"))
        let rels = String(decoding: try #require(try Self.entry(path, "xl/worksheets/_rels/sheet2.xml.rels")), as: UTF8.self)
        #expect(rels.contains(#"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/drawing2.xml"/>"#))
        let types = String(decoding: try #require(try Self.entry(path, "[Content_Types].xml")), as: UTF8.self)
        #expect(types.contains(#"<Override PartName="/xl/drawings/drawing2.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>"#))
        let sheet = String(decoding: try #require(try Self.entry(path, "xl/worksheets/sheet2.xml")), as: UTF8.self)
        #expect(sheet.hasSuffix(#"<drawing r:id="rId1"/></worksheet>"#))
        #expect(sheet.contains(#"<col min="1" max="#) && sheet.contains(#"width="9.140625" customWidth="1"/>"#))
        let data = String(decoding: try #require(try Self.entry(path, "xl/worksheets/sheet1.xml")), as: UTF8.self)
        #expect(!data.contains("<drawing"))
    }

    @Test("the drawing XML parses; ids are unique; every connector is bound to existing shapes; anchors enclose each frame")
    func structure() throws {
        let drawing = try Self.sample()
        let path = try Self.write(drawing)
        let document = DrawingMLDocument(try #require(try Self.entry(path, "xl/drawings/drawing2.xml")))
        #expect(document.wellFormed, "\(document.error ?? "")")
        #expect(document.rootName == "xdr:wsDr")
        #expect(document.shapes.count == 9 && document.connectors.count == 8)
        let ids = document.anchors.map(\.id)
        #expect(Set(ids).count == ids.count && !ids.contains(1))
        let shapeIDs = Set(document.shapes.map(\.id))
        for connector in document.connectors {
            let start = try #require(connector.start), end = try #require(connector.end)
            #expect(shapeIDs.contains(start.id) && shapeIDs.contains(end.id))
            #expect((0...3).contains(start.site) && (0...3).contains(end.site))
        }
        let grid = drawing.grid
        for (shape, written) in zip(drawing.shapes, document.shapes) {
            #expect(written.name == shape.name && written.altText == shape.altText)
            #expect(written.offset == (XLSXDrawingGrid.emu(shape.frame.x), XLSXDrawingGrid.emu(shape.frame.y)))
            #expect(written.extent == (XLSXDrawingGrid.emu(shape.frame.width), XLSXDrawingGrid.emu(shape.frame.height)))
            // The anchor's cells and offsets add up to the frame's corners.
            let left = written.from.column * grid.columnEMU + written.from.columnOffset
            let top = written.from.row * grid.rowEMU + written.from.rowOffset
            let right = written.to.column * grid.columnEMU + written.to.columnOffset
            let bottom = written.to.row * grid.rowEMU + written.to.rowOffset
            #expect(left == written.offset.x && top == written.offset.y)
            #expect(right == written.offset.x + written.extent.width && bottom == written.offset.y + written.extent.height)
            #expect(written.from.columnOffset < grid.columnEMU && written.from.rowOffset < grid.rowEMU)
        }
        #expect(document.connectors.filter(\.dashed).map(\.name) == ["ke kiri"])
    }

    @Test("each connector's preset path, flipped and turned as written, runs from its start site to its end site")
    func connectorGeometry() throws {
        let drawing = try Self.sample()
        let path = try Self.write(drawing)
        let document = DrawingMLDocument(try #require(try Self.entry(path, "xl/drawings/drawing2.xml")))
        let frames = Dictionary(uniqueKeysWithValues: drawing.shapes.map { ($0.id.value, $0.frame) })
        for (connector, written) in zip(drawing.connectors, document.connectors) {
            let points = Self.path(of: written)
            let start = frames[connector.start.value]!.point(at: connector.startSite)
            let end = frames[connector.end.value]!.point(at: connector.endSite)
            let first = points.first!, last = points.last!
            #expect(abs(first.x - Double(XLSXDrawingGrid.emu(start.x))) <= 2 && abs(first.y - Double(XLSXDrawingGrid.emu(start.y))) <= 2,
                    "\(connector.name) starts at \(first), not at \(start)")
            #expect(abs(last.x - Double(XLSXDrawingGrid.emu(end.x))) <= 2 && abs(last.y - Double(XLSXDrawingGrid.emu(end.y))) <= 2,
                    "\(connector.name) ends at \(last), not at \(end)")
            for (a, b) in zip(points, points.dropFirst()) {
                #expect(abs(a.x - b.x) <= 2 || abs(a.y - b.y) <= 2, "\(connector.name) has a slanted segment")
            }
            if points.count == 4 {
                // Leaves its site across the site's side, and bends where asked.
                if connector.startSite.isVertical {
                    #expect(abs(points[1].x - first.x) <= 2)
                    let fraction = (points[1].y - first.y) / (last.y - first.y)
                    #expect(abs(fraction - connector.bend) < 0.001, "\(connector.name)")
                } else {
                    #expect(abs(points[1].y - first.y) <= 2)
                    #expect(abs((points[1].x - first.x) / (last.x - first.x) - connector.bend) < 0.001)
                }
            } else {
                #expect(written.preset == "straightConnector1")
            }
            // The anchor is the drawn path's bounding box.
            let grid = drawing.grid
            let left = written.from.column * grid.columnEMU + written.from.columnOffset
            let top = written.from.row * grid.rowEMU + written.from.rowOffset
            #expect(abs(Double(left) - points.map(\.x).min()!) <= 2 && abs(Double(top) - points.map(\.y).min()!) <= 2)
        }
    }

    /// The connector's path as DrawingML draws it: the preset's points in its own frame, flipped,
    /// then turned about the frame's centre, then placed at the offset (all in EMU).
    static func path(of connector: DrawingMLDocument.Anchor) -> [(x: Double, y: Double)] {
        let w = Double(connector.extent.width), h = Double(connector.extent.height)
        var local: [(x: Double, y: Double)]
        if connector.preset == "bentConnector3" {
            let a = Double(connector.adjust ?? 50_000) / 100_000
            local = [(0, 0), (a * w, 0), (a * w, h), (w, h)]
        } else {
            local = [(0, 0), (w, h)]
        }
        local = local.map { (connector.flipH ? w - $0.x : $0.x, connector.flipV ? h - $0.y : $0.y) }
        let angle = Double(connector.rotation) / 60_000 * .pi / 180
        let (cosine, sine) = (cos(angle).rounded(), sin(angle).rounded())  // quarter turns only
        return local.map { point in
            let (u, v) = (point.x - w / 2, point.y - h / 2)
            return (Double(connector.offset.x) + w / 2 + u * cosine - v * sine,
                    Double(connector.offset.y) + h / 2 + u * sine + v * cosine)
        }
    }

    @Test("a connector to a shape the drawing does not hold is refused with invalid-drawing")
    func unknownShape() throws {
        var drawing = XLSXDrawing()
        let a = drawing.add(XLSXShape(name: "a", frame: XLSXDrawingRect(x: 0, y: 0, width: 10, height: 10)))
        #expect(throws: PokinError.self) { try drawing.connect(a, .bottom, to: XLSXShapeID(99), .top) }
        do {
            try drawing.connect(a, .bottom, to: XLSXShapeID(99), .top)
        } catch let error as PokinError {
            #expect(error.code == .invalidDrawing)
        }
        #expect(drawing.connectors.isEmpty)
    }

    @Test("a shape with a frame that is not finite or lies left of the sheet fails the write with invalid-drawing")
    func badFrame() throws {
        var drawing = XLSXDrawing()
        drawing.add(XLSXShape(name: "buruk", frame: XLSXDrawingRect(x: -5, y: 0, width: .infinity, height: 10)))
        let path = try Fixtures.temporaryDirectory("drawing").appendingPathComponent("buruk.xlsx").path
        let book = try XLSXWriter(path: path)
        let sheet = try book.addSheet(named: "Gambar")
        sheet.drawing = drawing
        #expect {
            try book.close()
        } throws: { error in
            (error as? PokinError)?.code == .invalidDrawing
        }
    }

    @Test("shape text is escaped, a line break becomes a:br, and the text reads back")
    func text() throws {
        let path = try Self.write(try Self.sample())
        let bytes = try #require(try Self.entry(path, "xl/drawings/drawing2.xml"))
        let xml = String(decoding: bytes, as: UTF8.self)
        #expect(xml.contains("<a:t>a &lt; b &amp; \"c\"</a:t></a:r><a:br>"))
        #expect(xml.contains(#"descr="alt pusat &lt;&amp;&gt;""#))
        let document = DrawingMLDocument(bytes)
        #expect(document.shapes[0].paragraphs == ["Judul pusat", "a < b & \"c\"\nbaris dua"])
    }

    @Test("the reader still reads a workbook whose sheet carries a drawing")
    func readerUnaffected() throws {
        let path = try Self.write(try Self.sample())
        let book = try XLSXWorkbook(path: path)
        #expect(book.sheets.map(\.name) == ["Data", "Pohon Kinerja"])
        var rows = try book.rows(ofSheet: "Data")
        var row = Row(number: 0)
        #expect(try rows.read(into: &row))
        #expect(row.cells.map(\.value) == [.text("nilai"), .number(1)])
        #expect(try !rows.read(into: &row))
    }

    @Test("the same drawing gives the same bytes")
    func deterministic() throws {
        let a = try #require(try Self.entry(try Self.write(try Self.sample()), "xl/drawings/drawing2.xml"))
        let b = try #require(try Self.entry(try Self.write(try Self.sample()), "xl/drawings/drawing2.xml"))
        #expect(a == b)
    }

    @Test("LibreOffice opens the workbook and prints the shapes' text", .enabled(if: LibreOfficeRender.enabled))
    func libreOffice() throws {
        try LibreOfficeRender.require()
        let path = try Self.write(try Self.sample(), sheets: 2)
        let folder = try Fixtures.temporaryDirectory("drawing-pdf")
        let pdf = try LibreOfficeRender.pdf(of: URL(fileURLWithPath: path), in: folder)
        let text = try LibreOfficeRender.text(of: pdf)
        for name in ["pusat", "bawah-kiri", "atas-kanan", "kiri"] { #expect(text.contains("Judul \(name)")) }
    }
}

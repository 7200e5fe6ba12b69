import Foundation
import PokinCore
import PokinTestSupport
@testable import PokinXLSX
import Testing

@Suite("XLSX drawings read back")
struct DrawingReaderTests {
    @Test("the reader gives back the shapes, texts, frames and bound connectors the writer drew")
    func readsOwnDrawing() throws {
        let drawing = try DrawingWriterTests.sample()
        let path = try DrawingWriterTests.write(drawing)
        let read = try #require(try XLSXWorkbook(path: path).drawing(ofSheet: "Pohon Kinerja"))
        #expect(read.shapes.count == drawing.shapes.count && read.connectors.count == drawing.connectors.count)
        for (written, shape) in zip(drawing.shapes, read.shapes) {
            #expect(shape.id == written.id.value && shape.name == written.name && shape.altText == written.altText)
            #expect(shape.paragraphs == written.paragraphs.map(\.text))
            #expect(shape.frame == DrawnFrame(x: XLSXDrawingGrid.emu(written.frame.x), y: XLSXDrawingGrid.emu(written.frame.y),
                                              width: XLSXDrawingGrid.emu(written.frame.width), height: XLSXDrawingGrid.emu(written.frame.height)))
            #expect(shape.anchorColumn == XLSXDrawingGrid.emu(written.frame.x) / drawing.grid.columnEMU)
        }
        let frames = Dictionary(uniqueKeysWithValues: drawing.shapes.map { ($0.id.value, $0.frame) })
        for (written, connector) in zip(drawing.connectors, read.connectors) {
            #expect(connector.start == DrawnConnection(shapeID: written.start.value, site: written.startSite.rawValue))
            #expect(connector.end == DrawnConnection(shapeID: written.end.value, site: written.endSite.rawValue))
            #expect(connector.dashed == (written.line.dash != .solid))
            let ends = try #require(connector.endpoints)
            let start = frames[written.start.value]!.point(at: written.startSite)
            let end = frames[written.end.value]!.point(at: written.endSite)
            #expect(abs(ends.start.x - Double(XLSXDrawingGrid.emu(start.x))) <= 2 && abs(ends.start.y - Double(XLSXDrawingGrid.emu(start.y))) <= 2)
            #expect(abs(ends.end.x - Double(XLSXDrawingGrid.emu(end.x))) <= 2 && abs(ends.end.y - Double(XLSXDrawingGrid.emu(end.y))) <= 2)
        }
    }

    @Test("coordinates a damaged drawing gives as 10e6917, nan or far beyond any sheet are bounded, never a trap (fuzz finding, target convert)")
    func damagedCoordinates() {
        #expect(DrawingPartReader.coordinate("914400") == 914_400)
        #expect(DrawingPartReader.coordinate("10e6917") == 0)
        #expect(DrawingPartReader.coordinate("nan") == 0)
        #expect(DrawingPartReader.coordinate("-inf") == 0)
        #expect(DrawingPartReader.coordinate("1e15") == DrawingPartReader.coordinateLimit)
        #expect(DrawingPartReader.coordinate("-1e15") == -DrawingPartReader.coordinateLimit)
        #expect(DrawingPartReader.coordinate(nil) == 0)
        #expect(DrawingPartReader.whole(.infinity) == 0)
        #expect(DrawingPartReader.whole(.nan) == 0)
        #expect(DrawingPartReader.whole(5e13) == Int(DrawingPartReader.coordinateLimit))
        #expect(DrawingPartReader.whole(1234.6) == 1235)
    }

    @Test("a sheet without a drawing gives nil; an unknown sheet is missing-sheet")
    func noDrawing() throws {
        let path = try DrawingWriterTests.write(try DrawingWriterTests.sample())
        let book = try XLSXWorkbook(path: path)
        #expect(try book.drawing(ofSheet: "Data") == nil)
        #expect(throws: PokinError.self) { try book.drawing(ofSheet: "Tidak Ada") }
    }

    @Test("LibreOffice's re-saved drawing: connectors no longer bound, yet each one's ends touch the two boxes pokin joined")
    func libreOfficeDrawing() throws {
        let path = Fixtures.url("drawings/pohon-seed-libreoffice.xlsx").path
        let drawing = try #require(try XLSXWorkbook(path: path).drawing(ofSheet: "Pohon Kinerja"))
        let boxes = drawing.shapes.filter { $0.name.hasPrefix("Kinerja ") }
        #expect(boxes.count == 27)
        #expect(drawing.connectors.count == 25 && drawing.connectors.allSatisfy { $0.start == nil && $0.end == nil })
        let byName = Dictionary(uniqueKeysWithValues: boxes.map { ($0.name.dropFirst("Kinerja ".count).description, $0.frame!) })
        func distance(_ point: (x: Double, y: Double), _ frame: DrawnFrame) -> Double {
            let dx = max(Double(frame.x) - point.x, 0, point.x - Double(frame.maxX))
            let dy = max(Double(frame.y) - point.y, 0, point.y - Double(frame.maxY))
            return (dx * dx + dy * dy).squareRoot()
        }
        for connector in drawing.connectors {
            // "Penghubung 1.1 ke 1.1.2": pokin's names survive.
            let words = connector.name.split(separator: " ")
            #expect(words.count == 4 && words[0] == "Penghubung" && words[2] == "ke")
            let (from, to) = (byName[String(words[1])]!, byName[String(words[3])]!)
            let ends = try #require(connector.endpoints)
            #expect(distance(ends.start, from) < 20_000 && distance(ends.end, to) < 20_000, "\(connector.name)")
        }
    }
}

import Foundation
import PokinCore
import PokinExport
import PokinMapping
import PokinModel
import PokinTestSupport
import PokinXLSX
import Testing

@Suite("Pohon Kinerja drawing sheet")
struct PohonDrawingSheetTests {
    static func write(_ model: PohonKinerja, label: String = "pohon") throws -> String {
        let path = try Fixtures.temporaryDirectory(label).appendingPathComponent("pohon-kinerja.xlsx").path
        try PohonDrawingSheet.writeWorkbook(model, to: path)
        return path
    }

    static func drawing(_ path: String) throws -> DrawingMLDocument {
        let archive = try ZipArchive(path: path)
        let index = try #require(archive.index(of: "xl/drawings/drawing1.xml"))
        return DrawingMLDocument(try archive.readEntry(at: index))
    }

    /// The node id of a shape named `Kinerja <id>`.
    static func nodeID(_ shape: DrawingMLDocument.Anchor) -> String? {
        shape.name.hasPrefix("Kinerja ") ? String(shape.name.dropFirst("Kinerja ".count)) : nil
    }

    @Test("the seed's sheet holds one shape per node and a bound connector for every parent-child and partner link")
    func seedShapesAndConnectors() throws {
        let model = try ModelFixtures.seedGolden()
        let document = try Self.drawing(try Self.write(model))
        #expect(document.wellFormed, "\(document.error ?? "")")
        let nodeShapes = document.shapes.filter { Self.nodeID($0) != nil }
        #expect(nodeShapes.map { Self.nodeID($0)! } == model.nodes.map(\.id))
        // Each node's shape says what the node says.
        for (shape, node) in zip(nodeShapes, model.nodes) {
            #expect(shape.altText == node.statement)
            #expect(shape.paragraphs.contains(node.statement))
            for indicator in node.indicators { #expect(shape.paragraphs.contains("• " + indicator.name)) }
        }
        let byShapeID = Dictionary(uniqueKeysWithValues: nodeShapes.map { ($0.id, Self.nodeID($0)!) })
        var links: [String] = []
        for connector in document.connectors {
            let start = try #require(connector.start), end = try #require(connector.end)
            let parent = try #require(byShapeID[start.id], "connector starts at a shape that is not a node")
            let child = try #require(byShapeID[end.id], "connector ends at a shape that is not a node")
            links.append("\(parent)>\(child)")
            let partner = model.node(id: child)!.isCrosscuttingCSF
            #expect(start.site == (partner ? 3 : 2) && end.site == (partner ? 1 : 0))
            #expect(connector.dashed == partner)
        }
        let expected = model.nodes.compactMap { node in node.parent.map { "\($0)>\(node.id)" } }
        #expect(links.sorted() == expected.sorted())
        #expect(document.shapes.contains { $0.name == "Judul" && $0.paragraphs.first?.contains("DKUKMPP") == true })
        #expect(document.shapes.filter { $0.name.hasPrefix("Label ") }.count == 5)
    }

    @Test("the drawing imports back to the same tree (seed and a generated 160-node model): parents, statements, indicators, planning, position, partners")
    func drawingImportsBack() throws {
        for model in [try ModelFixtures.seedGolden(), ModelFixtures.generated(outcomes: 2, branching: 3)] {
            let path = try Self.write(model, label: "kembali")
            let drawing = try #require(try XLSXWorkbook(path: path).drawing(ofSheet: PohonDrawingSheet.defaultName))
            let tree = DrawnTreeReader().tree(from: drawing, file: "pohon-kinerja.xlsx", sheet: PohonDrawingSheet.defaultName)
            func carried(_ node: Kinerja) -> String {
                "\(node.id)<\(node.parent ?? "-")|\(node.statement.replacingOccurrences(of: "\u{A0}", with: " "))|\(node.indicators.map { $0.name.replacingOccurrences(of: "\u{A0}", with: " ") })|\(node.planning?.rawValue ?? "-")|\(node.position?.rawValue ?? "-")|\(node.crosscutting.map(\.partner))"
            }
            // Partners drawn beside a node come after its children: compare as sets of nodes.
            #expect(tree.nodes.map(carried).sorted() == model.nodes.map(carried).sorted())
            #expect(tree.nodes.count == model.nodes.count)
            #expect(tree.diagnostics.filter { $0.severity != .info } == [])
        }
    }

    @Test("the sheet is named Pohon Kinerja, shows no grid lines and prints on one A3 landscape page")
    func sheetSettings() throws {
        let path = try Self.write(try ModelFixtures.seedGolden())
        let book = try XLSXWorkbook(path: path)
        #expect(book.sheets.map(\.name) == ["Pohon Kinerja"])
        let archive = try ZipArchive(path: path)
        let sheet = String(decoding: try archive.readEntry(at: try #require(archive.index(of: "xl/worksheets/sheet1.xml"))), as: UTF8.self)
        #expect(sheet.contains(#"showGridLines="0""#))
        #expect(sheet.contains(#"<pageSetup paperSize="8" orientation="landscape" fitToWidth="1" fitToHeight="1"/>"#))
        #expect(sheet.hasSuffix(#"<drawing r:id="rId1"/></worksheet>"#))
    }

    @Test("the same model gives the same workbook bytes")
    func deterministic() throws {
        let model = try ModelFixtures.seedGolden()
        let a = try Data(contentsOf: URL(fileURLWithPath: try Self.write(model, label: "a")))
        let b = try Data(contentsOf: URL(fileURLWithPath: try Self.write(model, label: "b")))
        #expect(a == b)
    }

    @Test("a generated tree of 1,000+ nodes draws with every connector bound to two node shapes")
    func largeTree() throws {
        let model = ModelFixtures.generated(outcomes: 3, branching: 4)
        #expect(model.nodes.count >= 300)
        let document = try Self.drawing(try Self.write(model))
        #expect(document.wellFormed)
        let nodeShapeIDs = Set(document.shapes.filter { Self.nodeID($0) != nil }.map(\.id))
        #expect(nodeShapeIDs.count == model.nodes.count)
        #expect(document.connectors.count == model.nodes.filter { $0.parent != nil }.count)
        for connector in document.connectors {
            #expect(nodeShapeIDs.contains(connector.start?.id ?? -1) && nodeShapeIDs.contains(connector.end?.id ?? -1))
        }
    }

    @Test("LibreOffice renders the seed's drawing sheet: every statement printed, the three level colours and the connectors drawn",
          .enabled(if: LibreOfficeRender.enabled))
    func libreOfficeRendersSeed() throws {
        try LibreOfficeRender.require()
        let model = try ModelFixtures.seedGolden()
        let path = try Self.write(model, label: "pohon-lo")
        let folder = try Fixtures.temporaryDirectory("pohon-pdf")
        let pdf = try LibreOfficeRender.pdf(of: URL(fileURLWithPath: path), in: folder)
        // Text wraps inside the boxes, so compare with all white space removed.
        let printed = try LibreOfficeRender.text(of: pdf).filter { !$0.isWhitespace }
        for node in model.nodes {
            let words = node.statement.split(separator: " ").prefix(3).joined()
            #expect(printed.contains(words), "\(node.id): \(node.statement)")
        }
        let raster = try LibreOfficeRender.raster(of: pdf, dpi: 150)
        #expect(raster.width > raster.height, "A3 landscape")
        // Fills (large areas, exact colours) and outlines/connectors (thin, so a wider tolerance).
        let colours: [(String, Int, Int, String)] = [
            ("FDEDEC", 3, 5_000, "strategis fill"), ("EAF2FB", 3, 5_000, "taktikal fill"), ("E9F7EF", 3, 5_000, "operasional fill"),
            ("B03A2E", 40, 300, "strategis outline"), ("1F5FAD", 40, 300, "taktikal outline"), ("1E8449", 40, 300, "operasional outline"),
            ("566573", 40, 300, "connectors"),
        ]
        for (colour, tolerance, minimum, what) in colours {
            let count = raster.count(near: colour, tolerance: tolerance)
            #expect(count > minimum, "\(what) (#\(colour)): \(count) pixels")
        }
    }
}

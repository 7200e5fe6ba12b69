import Foundation
import PokinCore
import PokinMapping
import PokinModel
import PokinTestSupport
import PokinXLSX
import Testing

@Suite("A pohon kinerja read from a drawing")
struct DrawnTreeReaderTests {
    static func golden() throws -> PohonKinerja {
        try PohonKinerja.decode(try Fixtures.bytes("agencies/dkukmpp-seed/expected.json"))
    }

    static func drawing(_ fixture: String) throws -> SheetDrawing {
        try #require(try XLSXWorkbook(path: Fixtures.url(fixture).path).drawing(ofSheet: "Pohon Kinerja"))
    }

    /// What a drawing carries of a node: parent, statement, indicators, planning, position, partners.
    static func drawn(_ node: Kinerja) -> String {
        "\(node.id) < \(node.parent ?? "-") | \(node.statement) | \(node.indicators.map(\.name)) | \(node.planning?.rawValue ?? "-") | \(node.position?.rawValue ?? "-") | \(node.crosscutting.map(\.partner))"
    }

    @Test("pokin's own drawing of the seed reads back to the golden tree", arguments: ["drawings/pohon-seed-pokin.xlsx", "drawings/pohon-seed-libreoffice.xlsx"])
    func seedDrawing(fixture: String) throws {
        let golden = try Self.golden()
        let tree = DrawnTreeReader().tree(from: try Self.drawing(fixture), file: "pohon.xlsx", sheet: "Pohon Kinerja")
        #expect(tree.nodes.map(Self.drawn) == golden.nodes.map(Self.drawn))
        #expect(tree.agency.name == golden.agency.name && tree.agency.shortName == golden.agency.shortName)
        #expect(tree.validate() == [])
        // Levels follow from the planning level drawn (crosscutting partners are CSFs by their band).
        for (read, expected) in zip(tree.nodes, golden.nodes) {
            #expect(read.level == (expected.planning.map(LevelTable.level(for:)) ?? .csf), "\(read.id)")
            #expect(read.performance == nil)
            #expect(read.stages[.pohon]?.at == "pohon.xlsx!'Pohon Kinerja'!Kinerja \(read.id)")
        }
        #expect(tree.diagnostics.filter { $0.severity != .info }.isEmpty)
        #expect(tree.diagnostics.filter { $0.code == "drawing-level-from-planning" }.count == golden.nodes.filter { $0.planning != nil }.count)
    }

    @Test("a drawing with neither pokin's names nor level headers: boxes joined by lines make the tree, levels by depth")
    func handDrawn() throws {
        var drawing = try Self.drawing("drawings/pohon-seed-libreoffice.xlsx")
        // Plain boxes: generic names, no header line, indicators as "Indikator:" lines.
        for index in drawing.shapes.indices {
            drawing.shapes[index].name = "Persegi \(index + 1)"
            var paragraphs = drawing.shapes[index].paragraphs
            if paragraphs.count > 1, paragraphs[0] == paragraphs[0].uppercased() || paragraphs[0].hasPrefix("CSF crosscutting") {
                paragraphs.removeFirst()
            }
            drawing.shapes[index].paragraphs = paragraphs.map { $0.hasPrefix("• ") ? "Indikator: " + $0.dropFirst(2) : $0 }
        }
        let golden = try Self.golden()
        let tree = DrawnTreeReader().tree(from: drawing, file: "tangan.xlsx", sheet: "Pohon Kinerja")
        // The outcome nobody connected to anything reads as a label, not a node.
        let connected = golden.nodes.filter { node in node.parent != nil || golden.nodes.contains { $0.parent == node.id } }
        #expect(tree.nodes.count == connected.count)
        let byStatement = Dictionary(uniqueKeysWithValues: tree.nodes.map { ($0.id, $0.statement) })
        let goldenByID = Dictionary(uniqueKeysWithValues: golden.nodes.map { ($0.id, $0) })
        for node in tree.nodes {
            let match = try #require(connected.first { $0.statement == node.statement }, "\(node.statement)")
            #expect(node.parent.flatMap { byStatement[$0] } == match.parent.flatMap { goldenByID[$0]?.statement })
            #expect(node.indicators.map(\.name) == match.indicators.map(\.name))
        }
        #expect(tree.nodes.map(\.id).prefix(3) == ["g1", "g2", "g3"])
        #expect(tree.nodes.first?.level == .outcome)
        #expect(tree.diagnostics.contains { $0.code == "drawing-level-from-depth" })
        // Partners beside the outcome are crosscutting CSFs of it.
        let partners = tree.nodes.filter { $0.parent == "g1" && $0.level == .csf }
        #expect(partners.count == 7, "two CSFs below and five partners beside the outcome")
    }

    @Test("loose connectors, a box under two parents and a circle of connectors give warnings, not a broken tree")
    func brokenDrawings() {
        func box(_ id: Int, _ text: String, x: Int, y: Int) -> DrawnShape {
            DrawnShape(id: id, name: "Kotak \(id)", paragraphs: [text], frame: DrawnFrame(x: x, y: y, width: 1_000_000, height: 400_000))
        }
        func line(_ id: Int, _ from: Int, _ to: Int) -> DrawnConnector {
            DrawnConnector(id: id, name: "Garis \(id)", start: DrawnConnection(shapeID: from, site: 2), end: DrawnConnection(shapeID: to, site: 0))
        }
        let drawing = SheetDrawing(
            shapes: [box(1, "Atas", x: 1_000_000, y: 0), box(2, "Kiri", x: 0, y: 1_000_000), box(3, "Kanan", x: 2_000_000, y: 1_000_000),
                     box(4, "Bawah", x: 1_000_000, y: 2_000_000)],
            connectors: [line(10, 1, 2), line(11, 1, 3), line(12, 2, 4), line(13, 3, 4),
                         DrawnConnector(id: 14, name: "Lepas", frame: DrawnFrame(x: 9_000_000, y: 9_000_000, width: 10, height: 10))])
        let tree = DrawnTreeReader().tree(from: drawing, file: "f.xlsx", sheet: "S")
        #expect(tree.nodes.map(\.statement) == ["Atas", "Kiri", "Bawah", "Kanan"])
        #expect(tree.nodes.map(\.parent) == [nil, "g1", "g2", "g1"])
        #expect(tree.validate() == [])
        #expect(tree.diagnostics.map(\.code).filter { $0.hasPrefix("drawing-") && $0 != "drawing-level-from-depth" }.sorted()
            == ["drawing-loose-connector", "drawing-two-parents"])
    }
}

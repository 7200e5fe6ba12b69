import PokinModel
@testable import PokinRender
import Testing

@Suite("Pohon kinerja layout")
struct PohonLayoutTests {
    @Test("the seed draws every node once, no boxes overlap, parents centred, connectors bottom to top")
    func seedProperties() throws {
        let model = try RenderFixtures.seed()
        let diagram = PohonRenderer.diagram(of: model)
        #expect(DiagramProperties.everyNodeOnce(diagram, model) == [])
        #expect(DiagramProperties.noOverlaps(diagram) == [])
        #expect(DiagramProperties.pohon(diagram, model) == [])
        #expect(DiagramProperties.textFits(diagram, textWidth: DiagramStyle().textWidth) == [])
        #expect(diagram.connectors.count == model.nodes.filter { $0.parent != nil }.count)
    }

    @Test("the seed's rows follow the planning levels: tujuan on top, sasaran sub kegiatan at the bottom")
    func seedRowsFollowPlanning() throws {
        let model = try RenderFixtures.seed()
        let diagram = PohonRenderer.diagram(of: model)
        let frames = DiagramProperties.boxes(diagram)
        var rowTop: [KomponenPerencanaan: Set<Double>] = [:]
        for node in model.nodes { if let planning = node.planning { rowTop[planning, default: []].insert(frames[node.id]!.y) } }
        #expect(rowTop.values.allSatisfy { $0.count == 1 })
        let tops = KomponenPerencanaan.allCases.map { rowTop[$0]!.first! }
        #expect(tops == tops.sorted() && Set(tops).count == 5)
        #expect(diagram.labels.filter { $0.kind == .row }.map { $0.paragraphs[0].text }
            == ["TUJUAN", "SASARAN SKPD", "SASARAN PROGRAM", "SASARAN KEGIATAN", "SASARAN SUB KEGIATAN"])
    }

    @Test("the seed's five crosscutting CSFs stand beside the outcome they serve, linked by dashed connectors")
    func seedCrosscuttingBesideOutcome() throws {
        let model = try RenderFixtures.seed()
        let diagram = PohonRenderer.diagram(of: model)
        let frames = DiagramProperties.boxes(diagram)
        let partners = model.nodes.filter(\.isCrosscuttingCSF)
        #expect(partners.count == 5)
        let outcome = frames["1"]!
        for partner in partners {
            let frame = frames[partner.id]!
            #expect(frame.x > outcome.maxX)
            let box = diagram.boxes[diagram.boxIndex(of: partner.id)!]
            #expect(box.crosscutting)
            #expect(box.header.text.contains(partner.crosscutting[0].partner))
            let link = diagram.connectors.filter { diagram.boxes[$0.to].nodeID == partner.id }
            #expect(link.count == 1 && link[0].dashed && diagram.boxes[link[0].from].nodeID == "1")
        }
        // Stacked top-down in document order, the first level with the outcome's top.
        let tops = partners.map { frames[$0.id]!.y }
        #expect(tops == tops.sorted())
        #expect(tops[0] == outcome.y)
    }

    @Test("boxes are coloured by performance class: strategis red, taktikal blue, operasional green")
    func seedColours() throws {
        let model = try RenderFixtures.seed()
        let diagram = PohonRenderer.diagram(of: model)
        for node in model.nodes {
            let tier = diagram.boxes[diagram.boxIndex(of: node.id)!].tier
            switch node.performance {
            case .strategisSKPD?, .strategis?: #expect(tier == .strategis)
            case .taktikalIntermediate?, .taktikalImmediate?: #expect(tier == .taktikal)
            case .operasional?: #expect(tier == .operasional)
            case nil: #expect(tier == .strategis, "crosscutting CSFs are strategic by their level")
            }
        }
        #expect(Set(KinerjaTier.allCases.map(\.strokeColor)).count == 3)
        #expect(diagram.legend.map(\.text).prefix(3) == ["Kinerja strategis", "Kinerja taktikal", "Kinerja operasional"])
    }

    @Test("generated trees of 300 to 700 nodes keep every layout promise", arguments: [1, 2, 3, 4, 5, 6] as [UInt64])
    func generatedTrees(seed: UInt64) {
        let model = RenderFixtures.generated(minimum: 300 + Int(seed) * 70, seed: seed)
        #expect(model.nodes.count >= 300)
        #expect(model.validate() == [])
        let diagram = PohonRenderer.diagram(of: model)
        #expect(DiagramProperties.everyNodeOnce(diagram, model) == [])
        #expect(DiagramProperties.noOverlaps(diagram) == [])
        #expect(DiagramProperties.pohon(diagram, model) == [])
        #expect(DiagramProperties.textFits(diagram, textWidth: DiagramStyle().textWidth) == [])
    }

    @Test("a model with a cycle, a dangling parent and a duplicate id still draws each node once")
    func brokenModelsDraw() {
        let model = PohonKinerja(nodes: [
            Kinerja(id: "a", parent: "c", statement: "A", level: .csf),
            Kinerja(id: "b", parent: "a", statement: "B", level: .kondisiAntara),
            Kinerja(id: "c", parent: "b", statement: "C", level: .kondisiAntara),
            Kinerja(id: "d", parent: "tidak-ada", statement: "D", level: .outcome),
            Kinerja(id: "e", parent: "d", statement: "E", level: .csf),
            Kinerja(id: "e", parent: "d", statement: "E kedua", level: .csf),
        ])
        let diagram = PohonRenderer.diagram(of: model)
        #expect(diagram.boxes.map(\.nodeID) == ["a", "b", "c", "d", "e", "e"])
        #expect(DiagramProperties.noOverlaps(diagram) == [])
        #expect(diagram.connectors.count == 4, "a>b, b>c (the cycle is broken at a), d>e, d>e")
    }

    @Test("an empty model draws an empty picture with its title and legend")
    func emptyModel() {
        let diagram = PohonRenderer.diagram(of: PohonKinerja())
        #expect(diagram.boxes.isEmpty && diagram.connectors.isEmpty)
        #expect(diagram.title == "Pohon Kinerja")
        #expect(diagram.width > 0 && diagram.height > 0)
    }
}

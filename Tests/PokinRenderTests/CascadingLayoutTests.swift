import PokinModel
@testable import PokinRender
import Testing

@Suite("Cascading layout")
struct CascadingLayoutTests {
    @Test("the seed's cascading view: planning levels as columns, parents centred, no overlaps")
    func seedColumns() throws {
        let model = try RenderFixtures.seed()
        let diagram = PohonRenderer.diagram(of: model, view: .cascading)
        #expect(DiagramProperties.everyNodeOnce(diagram, model) == [])
        #expect(DiagramProperties.noOverlaps(diagram) == [])
        #expect(DiagramProperties.cascading(diagram, model) == [])
        let frames = DiagramProperties.boxes(diagram)
        var columnX: [KomponenPerencanaan: Set<Double>] = [:]
        for node in model.nodes { if let planning = node.planning { columnX[planning, default: []].insert(frames[node.id]!.x) } }
        let xs = KomponenPerencanaan.allCases.map { columnX[$0]! }
        #expect(xs.allSatisfy { $0.count == 1 })
        #expect(xs.map { $0.first! } == xs.map { $0.first! }.sorted())
        let headings = diagram.labels.filter { $0.kind == .column }.map { $0.paragraphs.map(\.text) }
        #expect(headings == [["TUJUAN"], ["SASARAN SKPD", "PK/SKP JPT"], ["SASARAN PROGRAM", "PK/SKP KABID"],
                             ["SASARAN KEGIATAN", "PK/SKP JF"], ["SASARAN SUB KEGIATAN", "PK/SKP JF/JP"]])
    }

    @Test("cascading boxes name the program, kegiatan or sub kegiatan and the responsible position")
    func seedNomenclatureAndPosition() throws {
        let model = try RenderFixtures.seed()
        let diagram = PohonRenderer.diagram(of: model, view: .cascading)
        let box = diagram.boxes[diagram.boxIndex(of: "1.1.1")!]
        let texts = box.body.map(\.text)
        #expect(texts.contains("Program: PROGRAM PENDIDIKAN DAN LATIHAN PERKOPERASIAN"))
        #expect(texts.contains("Jabatan: PK Administrator"))
        let sub = diagram.boxes[diagram.boxIndex(of: "1.2.2.1.1")!].body.map(\.text)
        #expect(sub.contains("Sub kegiatan: Penyusunan Basis Data Usaha Mikro"))
        #expect(sub.contains("Sasaran nomenklatur: Terfasilitasinya Penyusunan Basis Data Usaha Mikro"))
    }

    @Test("crosscutting CSFs are listed in their own block below the cascading tree")
    func seedCrosscuttingBlock() throws {
        let model = try RenderFixtures.seed()
        let diagram = PohonRenderer.diagram(of: model, view: .cascading)
        let frames = DiagramProperties.boxes(diagram)
        let treeBottom = model.nodes.filter { !$0.isCrosscuttingCSF }.map { frames[$0.id]!.maxY }.max()!
        for partner in model.nodes.filter(\.isCrosscuttingCSF) {
            #expect(frames[partner.id]!.y > treeBottom)
            #expect(diagram.boxes[diagram.boxIndex(of: partner.id)!].body.last?.text
                == "Mendukung: Meningkatnya Produktifitas Koperasi dan Usaha Mikro")
        }
        #expect(diagram.labels.contains { $0.kind == .section })
    }

    @Test("generated trees of 300+ nodes keep the cascading promises", arguments: [11, 12, 13] as [UInt64])
    func generatedTrees(seed: UInt64) {
        let model = RenderFixtures.generated(minimum: 320, seed: seed)
        let diagram = PohonRenderer.diagram(of: model, view: .cascading)
        #expect(DiagramProperties.everyNodeOnce(diagram, model) == [])
        #expect(DiagramProperties.noOverlaps(diagram) == [])
        #expect(DiagramProperties.cascading(diagram, model) == [])
        #expect(DiagramProperties.textFits(diagram, textWidth: DiagramStyle().textWidth) == [])
    }
}

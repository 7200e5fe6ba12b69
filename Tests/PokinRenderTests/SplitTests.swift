import PokinModel
@testable import PokinRender
import Testing

@Suite("Split by CSF")
struct SplitTests {
    @Test("the seed splits into one page per CSF, one for the crosscutting CSFs and one for the lone outcome")
    func seedPages() throws {
        let model = try RenderFixtures.seed()
        let pages = PohonRenderer.pages(of: model, splitByCSF: true)
        #expect(pages.map(\.title) == [
            "CSF 1.1: Meningkatnya Koperasi yang Berkualitas",
            "CSF 1.2: Meningkatnya Laba Usaha Mikro",
            "CSF crosscutting 1: Meningkatnya Produktifitas Koperasi dan Usaha Mikro",
            "Outcome 2: Meningkatkan produktifitas usaha mikro",
        ])
        #expect(pages[0].diagram.boxes.map(\.nodeID) == ["1", "1.1", "1.1.1", "1.1.1.1", "1.1.1.1.1", "1.1.2", "1.1.2.1", "1.1.2.1.1", "1.1.2.1.2"])
        #expect(pages[2].diagram.boxes.map(\.nodeID) == ["1", "1.3", "1.4", "1.5", "1.6", "1.7"])
        for page in pages {
            #expect(DiagramProperties.noOverlaps(page.diagram) == [])
            #expect(page.diagram.title.hasSuffix(page.title))
        }
    }

    @Test("across the pages every node below an outcome appears exactly once, outcomes on each of their pages",
          arguments: [21, 22] as [UInt64])
    func everyNodeOnceAcrossPages(seed: UInt64) {
        let model = RenderFixtures.generated(minimum: 320, seed: seed)
        for view in DiagramView.allCases {
            let pages = PohonRenderer.pages(of: model, view: view, splitByCSF: true)
            var counts: [String: Int] = [:]
            for page in pages { for box in page.diagram.boxes { counts[box.nodeID, default: 0] += 1 } }
            for node in model.nodes {
                if node.parent == nil {
                    #expect((counts[node.id] ?? 0) >= 1)
                } else {
                    #expect(counts[node.id] == 1, "\(node.id)")
                }
            }
            for page in pages { #expect(DiagramProperties.noOverlaps(page.diagram) == []) }
        }
    }

    @Test("without a split there is one page holding the whole tree")
    func onePage() throws {
        let model = try RenderFixtures.seed()
        let pages = PohonRenderer.pages(of: model, splitByCSF: false)
        #expect(pages.count == 1)
        #expect(pages[0].diagram == PohonRenderer.diagram(of: model))
    }
}

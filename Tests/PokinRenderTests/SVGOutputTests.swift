import Foundation
import PokinModel
@testable import PokinRender
import Testing

@Suite("SVG and HTML output")
struct SVGOutputTests {
    @Test("the seed's SVG is well-formed XML and draws every node exactly once")
    func seedSVGWellFormed() throws {
        let model = try RenderFixtures.seed()
        let svg = SVGWriter.document(PohonRenderer.diagram(of: model))
        #expect(svg.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\""))
        let parsed = ParsedMarkup(svg)
        #expect(parsed.wellFormed, "\(parsed.error ?? "")")
        #expect(parsed.nodeIDs.sorted() == model.nodes.map(\.id).sorted())
        #expect(parsed.elementCounts["path", default: 0] >= model.nodes.count - 2 + model.nodes.count,
                "a connector for each of the 25 children, a header band for each of the 27 boxes")
        // The statement is in the node's own group.
        let lines = parsed.nodeTexts["1.1.1"]!.joined(separator: " ")
        #expect(lines.contains("Meningkatnya Kompetensi SDM Koperasi"))
        #expect(lines.contains("Persentase Koperasi dengan SDM yang kompeten"))
    }

    @Test("the cascading SVG and the split HTML are well-formed too")
    func otherOutputsWellFormed() throws {
        let model = try RenderFixtures.seed()
        let cascading = ParsedMarkup(SVGWriter.document(PohonRenderer.diagram(of: model, view: .cascading)))
        #expect(cascading.wellFormed, "\(cascading.error ?? "")")
        #expect(cascading.nodeIDs.count == model.nodes.count)
        for view in DiagramView.allCases {
            let pages = PohonRenderer.pages(of: model, view: view, splitByCSF: true)
            let html = HTMLWriter.document(pages, title: PohonRenderer.title(of: model, view: view))
            #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"id\">"))
            let parsed = ParsedMarkup(html)
            #expect(parsed.wellFormed, "\(parsed.error ?? "")")
            #expect(parsed.elementCounts["section"] == pages.count)
            #expect(parsed.elementCounts["svg"] == pages.count)
        }
    }

    @Test("the same model gives the same bytes, also after a JSON round trip")
    func deterministic() throws {
        let model = try RenderFixtures.seed()
        let again = try PohonKinerja.decode(Array(model.canonicalJSON().utf8), file: "again.json")
        for view in DiagramView.allCases {
            let first = SVGWriter.document(PohonRenderer.diagram(of: model, view: view))
            #expect(first == SVGWriter.document(PohonRenderer.diagram(of: model, view: view)))
            #expect(first == SVGWriter.document(PohonRenderer.diagram(of: again, view: view)))
            let pages = PohonRenderer.pages(of: model, view: view, splitByCSF: true)
            #expect(HTMLWriter.document(pages, title: "x") == HTMLWriter.document(PohonRenderer.pages(of: again, view: view, splitByCSF: true), title: "x"))
        }
        let big = RenderFixtures.generated(minimum: 400, seed: 9)
        #expect(SVGWriter.document(PohonRenderer.diagram(of: big)) == SVGWriter.document(PohonRenderer.diagram(of: big)))
    }

    @Test("markup characters, quotes, control characters and emoji in any text are escaped and read back")
    func escaping() {
        let nasty = "<script>alert(\"x\") & 'y'</script> \u{01}\u{0B}tab\there 🎯 ]]> --> &amp;"
        let model = PohonKinerja(
            agency: PerangkatDaerah(name: "Dinas <B> & \"C\"", shortName: "D&C"),
            nodes: [
                Kinerja(id: "n\"1<>&", statement: nasty, level: .outcome, indicators: [Indikator(name: "IK <1> & \"2\"")]),
                Kinerja(id: "n2", parent: "n\"1<>&", statement: "anak", level: .csf,
                        crosscutting: [Crosscutting(partner: "MITRA <&>")]),
            ])
        for view in DiagramView.allCases {
            let svg = SVGWriter.document(PohonRenderer.diagram(of: model, view: view))
            #expect(!svg.contains("<script>") && !svg.contains("\u{01}") && !svg.contains("\u{0B}"))
            let parsed = ParsedMarkup(svg)
            #expect(parsed.wellFormed, "\(parsed.error ?? "")")
            #expect(parsed.nodeIDs.contains("n\"1<>&"))
            let text = parsed.nodeTexts["n\"1<>&"]!.joined(separator: " ")
            #expect(text.contains("<script>alert(\"x\") & 'y'</script>"))
            #expect(text.contains("🎯 ]]> --> &amp;"))
            #expect(text.contains("IK <1> & \"2\""))
            #expect(parsed.titles.first == "\(view == .pohon ? "Pohon" : "Cascading") Kinerja — Dinas <B> & \"C\" (D&C)")
            let html = HTMLWriter.document(PohonRenderer.pages(of: model, view: view, splitByCSF: true), title: nasty)
            let page = ParsedMarkup(html)
            #expect(page.wellFormed, "\(page.error ?? "")")
            #expect(!html.contains("<script>"))
        }
    }

    @Test("coordinates are written with at most one decimal and never as -0")
    func numberFormat() {
        #expect(Markup.number(0) == "0")
        #expect(Markup.number(-0.01) == "0")
        #expect(Markup.number(12.25) == "12.3" || Markup.number(12.25) == "12.2")
        #expect(Markup.number(1200) == "1200")
        #expect(Markup.number(-3.5) == "-3.5")
        #expect(Markup.number(.nan) == "0")
    }
}

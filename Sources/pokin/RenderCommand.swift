import ArgumentParser
import Foundation
import PokinCore
import PokinExport
import PokinModel
import PokinRender

struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Draw the pohon kinerja (or the cascading view) as SVG, HTML or a workbook sheet.",
        discussion: """
            OUT by extension: .svg (one picture), .html (a page with the picture inline), or .xlsx \
            (a workbook with a "Pohon Kinerja" sheet holding the tree as shapes and connectors that \
            Excel and LibreOffice move and edit like hand-drawn ones).
            --split csf draws one page per CSF (the outcome above the CSF's subtree; crosscutting CSFs \
            on a page of their own): one <section> per CSF in HTML; for SVG the pictures are written \
            as OUT-1.svg, OUT-2.svg, … beside OUT (OUT itself is not written).
            """
    )

    enum View: String, ExpressibleByArgument, CaseIterable { case pohon, cascading }
    enum Split: String, ExpressibleByArgument, CaseIterable { case csf }

    @Argument(help: "Anything convert reads: a workbook, CSV folder or canonical JSON.")
    var input: String

    @Argument(help: "The picture to write: .svg, .html or .xlsx.")
    var output: String

    @Option(help: "Which view to draw: pohon (the tree) or cascading (planning levels as columns).")
    var view: View = .pohon

    @Option(help: "Draw one page per CSF: --split csf.")
    var split: Split?

    @Option(help: "Mapping of the input's layout: a name from Mappings/ or a path.")
    var mapping: String?

    func run() throws {
        try reportingErrors {
            let outputKind = FileKind(path: output)
            switch outputKind {
            case .svg, .html, .xlsx: break
            default:
                throw PokinError(.usage, "pokin render writes .svg, .html or .xlsx; \(output) is \(outputKind)")
            }
            if outputKind == .xlsx && (split != nil || view != .pohon) {
                throw PokinError(.usage, "the workbook sheet holds the whole pohon kinerja; --split and --view cascading apply to .svg and .html")
            }
            let model: PohonKinerja
            switch FileKind(path: input) {
            case .json: model = try PohonKinerja.read(path: input)
            case .xlsx, .csv, .folder: model = try ModelImport.read(input, mapping: mapping)
            case let other:
                throw PokinError(.usage, "pokin reads .xlsx/.xlsm workbooks, .csv files, folders of CSV files and canonical .json; \(input) is \(other)")
            }
            let diagramView: DiagramView = view == .pohon ? .pohon : .cascading
            switch outputKind {
            case .xlsx:
                try PohonDrawingSheet.writeWorkbook(model, to: output)
                printError("pokin: wrote \(output) (sheet \"\(PohonDrawingSheet.defaultName)\", \(model.nodes.count) nodes)")
            case .html:
                let pages = PohonRenderer.pages(of: model, view: diagramView, splitByCSF: split == .csf)
                let html = HTMLWriter.document(pages, title: PohonRenderer.title(of: model, view: diagramView))
                try FileOutput.writeAtomically(Array(html.utf8), to: output)
                printError("pokin: wrote \(output) (\(pages.count) \(pages.count == 1 ? "page" : "pages"), \(model.nodes.count) nodes)")
            default:
                if split == .csf {
                    let pages = PohonRenderer.pages(of: model, view: diagramView, splitByCSF: true)
                    let stem = (output as NSString).deletingPathExtension
                    for (index, page) in pages.enumerated() {
                        let path = "\(stem)-\(index + 1).svg"
                        try FileOutput.writeAtomically(Array(SVGWriter.document(page.diagram).utf8), to: path)
                        printError("pokin: wrote \(path): \(page.title)")
                    }
                } else {
                    let diagram = PohonRenderer.diagram(of: model, view: diagramView)
                    try FileOutput.writeAtomically(Array(SVGWriter.document(diagram).utf8), to: output)
                    printError("pokin: wrote \(output) (\(model.nodes.count) nodes)")
                }
            }
        }
    }
}

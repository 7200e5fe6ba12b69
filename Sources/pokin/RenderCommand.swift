import ArgumentParser

struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Draw the pohon kinerja (or the cascading view) as SVG or HTML."
    )

    enum View: String, ExpressibleByArgument, CaseIterable { case pohon, cascading }

    @Argument(help: "Anything convert reads: a workbook, CSV folder or canonical JSON.")
    var input: String

    @Argument(help: "The picture to write: .svg or .html.")
    var output: String

    @Option(help: "Which view to draw: pohon (the tree) or cascading (planning levels as columns).")
    var view: View = .pohon

    @Option(help: "Draw one page per CSF: --split csf.")
    var split: String?

    func run() throws {
        try notBuiltYet("pokin render", issue: 9)
    }
}

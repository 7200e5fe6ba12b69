import ArgumentParser

struct DumpCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dump",
        abstract: "Print the raw cells of a workbook or CSV, with no mapping."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case json, csv }

    @Argument(help: "The workbook or CSV file.")
    var input: String

    @Option(help: "Only this sheet.")
    var sheet: String?

    @Option(help: "json (the reference corpus format) or csv.")
    var format: Format = .json

    func run() throws {
        try notBuiltYet("pokin dump", issue: 3)
    }
}

import ArgumentParser

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Find cross-stage inconsistencies in an agency's tahap sheets, with cell references.",
        discussion: "Exit status 1 when there are errors."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, xlsx }
    enum Language: String, ExpressibleByArgument, CaseIterable { case id, en }

    @Argument(help: "The workbook, CSV folder or canonical JSON to check.")
    var input: String

    @Option(help: "text (grouped by sheet), json (for tools) or xlsx (a report for evaluators).")
    var format: Format = .text

    @Option(help: "Language of the messages: id (Bahasa Indonesia) or en.")
    var lang: Language = .id

    @Option(name: .shortAndLong, help: "Where to write the report (default: standard output; required for xlsx).")
    var output: String?

    @Option(help: "Mapping of the input's layout: a name from Mappings/ or a path.")
    var mapping: String?

    func run() throws {
        try notBuiltYet("pokin check", issue: 8)
    }
}

import ArgumentParser

struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Show a workbook's sheets, visibility, used range, merged ranges, row and cell counts."
    )

    @Argument(help: "The workbook or CSV file.")
    var input: String

    func run() throws {
        try notBuiltYet("pokin inspect", issue: 3)
    }
}

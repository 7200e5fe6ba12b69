import ArgumentParser

struct MappingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mapping",
        abstract: "Work with mapping files: draft one for an unknown layout, validate one, list the built-in ones.",
        subcommands: [Infer.self, Check.self, List.self]
    )

    struct Infer: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Draft a mapping file for a workbook of unknown layout.")
        @Argument(help: "The workbook or CSV to look at.") var input: String
        func run() throws { try notBuiltYet("pokin mapping infer", issue: 6) }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Validate a mapping file and report every problem with its line.")
        @Argument(help: "The mapping file (YAML).") var input: String
        func run() throws { try notBuiltYet("pokin mapping check", issue: 6) }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the built-in mappings of Mappings/.")
        func run() throws { try notBuiltYet("pokin mapping list", issue: 6) }
    }
}

import ArgumentParser

struct BatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Convert many workbooks at once, with a report that accounts for every input.",
        discussion: "Keeps going past bad files, never writes over an input; exit 1 when any input failed."
    )

    enum Target: String, ExpressibleByArgument, CaseIterable { case xlsx, json, csv }

    @Argument(help: "Files, folders (recursive), globs, or a manifest file (one path per line).")
    var inputs: [String]

    @Option(help: "Folder for the outputs; inputs' relative paths are kept under it.")
    var out: String

    @Option(help: "Output form: xlsx, json or csv.")
    var to: Target

    @Option(help: "Mapping of the inputs' layout: a name from Mappings/ or a path.")
    var mapping: String?

    @Option(help: "How many files to convert at once (default: the number of cores).")
    var jobs: Int?

    @Option(help: "Where to write the JSON report.")
    var report: String?

    @Option(help: "Convert only shard K of N (K/N, 1-based), to spread one batch over machines.")
    var shard: String?

    @Flag(help: "Skip inputs whose output is complete and newer than the input.")
    var resume = false

    @Flag(help: "No progress output.")
    var quiet = false

    func run() throws {
        try notBuiltYet("pokin batch", issue: 7)
    }
}

import ArgumentParser
import Foundation
import PokinCore
import PokinMapping

struct BatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Convert many workbooks at once, with a report that accounts for every input.",
        discussion: """
            Inputs are files, folders (walked recursively for .xlsx, .xlsm, .csv and, unless \
            --to json, .json files), patterns such as 'data/**/*.xlsx', or @FILE, a manifest \
            with one of these per line (@- reads it from standard input). Each output keeps its \
            input's path below the deepest folder the inputs share. Outputs are written under a \
            temporary name and renamed; inputs are only read, and a batch whose outputs would \
            land on an input is refused before anything is read. The report (JSON) lists every \
            input: converted, converted with warnings, failed (with the error code) or skipped \
            (--resume). Exit status: 0 all converted, 1 some input failed, 2 usage error, \
            3 the output folder or the report could not be written.
            """
    )

    enum Target: String, ExpressibleByArgument, CaseIterable { case xlsx, json, csv }

    @Argument(help: "Files, folders (recursive), globs, or @FILE, a manifest (one path per line).")
    var inputs: [String]

    @Option(help: "Folder for the outputs; inputs' relative paths are kept under it.")
    var out: String

    @Option(help: "Output form: xlsx, json or csv.")
    var to: Target

    @Option(help: "Mapping of the inputs' layout: a name from Mappings/ or a path (default: recognised per input).")
    var mapping: String?

    @Option(help: "How many files to convert at once (default: the number of cores).")
    var jobs: Int?

    @Option(help: "Where to write the JSON report, or - for standard output (default: OUT/pokin-batch-report.json).")
    var report: String?

    @Option(help: "Convert only shard K of N (K/N, 1-based), to spread one batch over machines.")
    var shard: String?

    @Flag(help: "Skip inputs whose output is complete and newer than the input.")
    var resume = false

    @Flag(help: "No progress output (the summary is still printed).")
    var quiet = false

    func run() throws {
        do {
            try runBatch()
        } catch let error as PokinError {
            // As reportingErrors, except that a refused plan is a usage error (exit 2).
            printError("pokin: \(error)")
            throw ExitCode(error.code == .outputWouldOverwriteInput ? 2 : error.exitStatus)
        }
    }

    private func runBatch() throws {
        let started = DispatchTime.now().uptimeNanoseconds
        let directory = FileManager.default.currentDirectoryPath
        let form: ModelExport.Form = switch to {
        case .json: .json
        case .xlsx: .xlsx
        case .csv: .csvFolder
        }
        let shard = try shard.map(Shard.init(parsing:))
        let jobs = jobs ?? ProcessInfo.processInfo.activeProcessorCount
        guard jobs >= 1 else { throw PokinError(.usage, "--jobs must be at least 1") }

        let outFolder = BatchPath.components(out, from: directory)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: BatchPath.text(outFolder), isDirectory: &isDirectory), !isDirectory.boolValue {
            throw PokinError(.usage, "--out must be a folder; \(out) is a file", at: Location(file: out))
        }
        let reportPath: [String]? = report == "-" ? nil
            : report.map { BatchPath.components($0, from: directory) }
            ?? outFolder + [shard.map { "pokin-batch-report-shard-\($0.index)-of-\($0.count).json" } ?? "pokin-batch-report.json"]

        // Walks skip the outputs' folder and the report; with --to json they skip .json files
        // so that re-running into the inputs' own folder does not take earlier outputs as inputs.
        var walked: Set<String> = ["xlsx", "xlsm", "csv"]
        if form != .json { walked.insert("json") }
        let lister = InputLister(currentDirectory: directory, walkedExtensions: walked,
                                 excluded: [outFolder] + (reportPath.map { [$0] } ?? []))
        let listed = try lister.list(inputs)
        guard !listed.isEmpty else {
            throw PokinError(.usage, "found no inputs in \(inputs.joined(separator: " ")): name .xlsx, .xlsm, .csv or .json files, folders holding them, or a manifest (@FILE)")
        }
        let catalog = MappingCatalog()
        let named = try mapping.map { try catalog.mapping(named: $0) }
        // Recognition loads every built-in mapping for every input: a broken one would fail
        // them all alike, so it stops the batch here, before anything is read.
        let builtIn = named == nil ? try catalog.all() : []
        let outputs = try OutputPlanner(outFolder: outFolder, form: form).plan(listed, report: reportPath)

        let chosen = listed.indices.filter { shard?.contains(listed[$0].relativePath) ?? true }
        let inputs = chosen.map { listed[$0] }
        let targets = chosen.map { outputs[$0] }

        try BatchTask.createFolder(of: BatchPath.text(outFolder + ["-"]))
        let swept = TemporaryFileSweeper.sweep(outputs: targets)

        let progress = BatchProgress(style: BatchProgress.style(quiet: quiet))
        if progress.style != .none {
            var line = "pokin batch: \(inputs.count) input\(inputs.count == 1 ? "" : "s")"
            if let shard { line += " (shard \(shard) of \(listed.count) listed)" }
            line += " to \(to.rawValue) in \(BatchPath.text(outFolder)), \(jobs) at a time"
            if !swept.isEmpty { line += "; removed \(swept.count) temporary file(s) an interrupted run left" }
            printError(line)
        }
        let task = BatchTask(form: form, mapping: named, mappingsFolder: catalog.folder, builtIn: builtIn, resume: resume)
        let runner = BatchRunner(task: task, inputs: inputs, outputs: targets, jobs: jobs)
        // Every output is renamed into place only once complete; flushing the output file system
        // as the batch goes and once at its end makes them durable before the report says so (a
        // flush per file cost more than writing the JSON itself).
        let flush = OutputFlush(folder: BatchPath.text(outFolder))
        flush.startFlushing(every: OutputFlush.interval)
        let entries = runner.run(every: progress.refreshInterval) { progress.show($0) }
        progress.finish()
        flush.finish()

        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        let result = BatchReport(form: to.rawValue, out: BatchPath.text(outFolder), shard: shard, listed: listed.count,
                                 entries: entries, seconds: seconds)
        let reportText = result.json.serialized()
        var reportProblem: PokinError?
        do {
            if let reportPath {
                try BatchTask.createFolder(of: BatchPath.text(reportPath))
                try FileOutput.writeAtomically(Array(reportText.utf8), to: BatchPath.text(reportPath))
            } else {
                try FileOutput.writeAtomically(Array(reportText.utf8), to: "-")
            }
        } catch let error as PokinError {
            reportProblem = error
        }
        for line in result.summaryLines(reportPath: reportPath.map(BatchPath.text)) { printError(line) }
        if let reportProblem { throw reportProblem }
        if result.counts.failed > 0 { throw ExitCode(1) }
    }
}

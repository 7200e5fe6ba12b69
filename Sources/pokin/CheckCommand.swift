import ArgumentParser
import Foundation
import PokinCheck
import PokinCore
import PokinModel

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Find cross-stage inconsistencies in an agency's tahap sheets, with cell references.",
        discussion: """
            IN: anything convert reads (.xlsx/.xlsm, .csv, a folder of CSVs, canonical .json).
            The report lists every finding with its rule code, severity and cell ('TAHAP 5'!B12), \
            grouped by sheet, then a summary per level. The rules are in Docs/check-rules.md.
            Messages are in Bahasa Indonesia unless --lang en.
            Exit status: 0 no errors (warnings and info only); 1 errors found; 2 usage; 3 a file \
            could not be read or written.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, xlsx }

    @Argument(help: "The workbook, CSV folder or canonical JSON to check.")
    var input: String

    @Option(help: "text (grouped by sheet), json (for tools) or xlsx (a report for evaluators).")
    var format: Format = .text

    @Option(help: "Language of the messages: id (Bahasa Indonesia) or en.")
    var lang: CheckLanguage = .id

    @Option(name: .shortAndLong, help: "Where to write the report (default: standard output; required for xlsx).")
    var output: String?

    @Option(help: "Mapping of the input's layout: a name from Mappings/ or a path.")
    var mapping: String?

    func run() throws {
        var hasErrors = false
        try reportingErrors {
            if format == .xlsx, output == nil || output == "-" {
                throw PokinError(.usage, "an .xlsx report cannot go to standard output; name the file with -o report.xlsx")
            }
            let checked = try CheckInput.read(input, mapping: mapping)
            let report = ConsistencyChecker(vocabulary: checked.vocabulary).check(checked.model, input: checked.name)
            switch format {
            case .text:
                try write(Array(report.text(lang).utf8))
            case .json:
                try write(Array(report.json(lang).serialized().utf8))
            case .xlsx:
                try CheckWorkbook.write(report, language: lang, to: output!, workbookFolder: checked.workbookFolder)
            }
            if output != nil, output != "-" {
                printError("pokin: \(checked.name): \(report.countsLine(lang)) → \(output!)")
            }
            hasErrors = report.hasErrors
        }
        if hasErrors { throw ExitCode(1) }
    }

    private func write(_ bytes: [UInt8]) throws {
        if let output, output != "-" {
            try FileOutput.writeAtomically(bytes, to: output)
        } else {
            FileHandle.standardOutput.write(Data(bytes))
        }
    }
}

extension CheckLanguage: ExpressibleByArgument {}

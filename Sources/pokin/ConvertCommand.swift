import ArgumentParser
import Foundation
import PokinCore
import PokinModel

struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert a workbook, CSV folder or canonical JSON into another form.",
        discussion: """
            IN: .xlsx/.xlsm, .csv, a folder of CSVs, or canonical .json.
            OUT by extension: .json canonical model, .xlsx standard template (or the --to-mapping \
            layout), or a folder of CSVs (one file per sheet).
            Without --mapping the layout is recognised automatically and the chosen mapping is reported.
            """
    )

    @Argument(help: "The file or folder to read.")
    var input: String

    @Argument(help: "The file or folder to write.")
    var output: String

    @Option(help: "Mapping of the input's layout: a name from Mappings/ or a path.")
    var mapping: String?

    @Option(name: .customLong("to-mapping"), help: "Write the output in this mapping's layout instead of the standard template.")
    var toMapping: String?

    @Flag(help: "Cell-for-cell XLSX <-> CSV with no mapping, types kept.")
    var raw = false

    @Option(help: "With --raw: the one sheet to convert (XLSX input), or the sheet's name (CSV input).")
    var sheet: String?

    func run() throws {
        try reportingErrors {
            let inputKind = FileKind(path: input)
            let outputKind = FileKind(path: output)
            if raw {
                printError("pokin: " + (try RawConverter(input: input, output: output, sheet: sheet).run()))
                return
            }
            switch (inputKind, outputKind) {
            case (.json, .json):
                try convertJSONToJSON()
            case (.json, _):
                try notBuiltYet("writing \(outputKind) from the model", issue: outputKind == .xlsx ? 4 : 5)
            case (.xlsx, .json), (.csv, .json), (.folder, .json):
                try ModelExport.write(try ModelImport.read(input, mapping: mapping), as: .json, to: output)
            case (_, .json):
                throw PokinError(.usage, "pokin reads .xlsx/.xlsm workbooks, .csv files, folders of CSV files and canonical .json; \(input) is \(inputKind)")
            default:
                try notBuiltYet("writing \(outputKind) from a workbook (the standard template and CSV export)", issue: outputKind == .xlsx ? 4 : 5)
            }
        }
    }

    /// Validates canonical JSON and writes it back in canonical form (same model, same bytes).
    private func convertJSONToJSON() throws {
        let document = try PohonKinerja.read(path: input)
        try FileOutput.writeAtomically(Array(document.canonicalJSON().utf8), to: output)
    }
}

import ArgumentParser
import Foundation
import PokinCore
import PokinMapping
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
            With --to-mapping the output is written in that mapping's layout, so that reading it \
            with the same mapping gives the same model; what the layout has no place for is \
            named in a warning.
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
            let form: ModelExport.Form
            switch outputKind {
            case .json: form = .json
            case .xlsx: form = .xlsx
            case .folder, .other(""): form = .csvFolder
            default:
                throw PokinError(.usage, "pokin writes .json (the canonical model), .xlsx (the standard template) or a folder of CSV files; \(output) is \(outputKind)")
            }
            if toMapping != nil, form == .json {
                throw PokinError(.usage, "--to-mapping writes a workbook (.xlsx) or a folder of CSV files; the canonical JSON has no layout (leave out --to-mapping)")
            }
            let model: PohonKinerja
            switch inputKind {
            case .json: model = try PohonKinerja.read(path: input)
            case .xlsx, .csv, .folder: model = try ModelImport.read(input, mapping: mapping)
            default:
                throw PokinError(.usage, "pokin reads .xlsx/.xlsm workbooks, .csv files, folders of CSV files and canonical .json; \(input) is \(inputKind)")
            }
            if let toMapping {
                let target = try MappingCatalog().mapping(named: toMapping)
                try ModelExport.write(model, as: form, to: output, mapping: target)
            } else {
                try ModelExport.write(model, as: form, to: output)
            }
        }
    }
}

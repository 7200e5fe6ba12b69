import ArgumentParser
import Foundation
import PokinCore
import PokinMapping

struct MappingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mapping",
        abstract: "Work with mapping files: draft one for an unknown layout, validate one, list the built-in ones.",
        subcommands: [Infer.self, Check.self, List.self]
    )

    struct Infer: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Draft a mapping file for a workbook of unknown layout.",
            discussion: "The draft names each sheet's role, its header row and the columns it recognised; review it, then check it with `pokin mapping check`.")
        @Argument(help: "The workbook or CSV to look at.") var input: String
        @Option(name: .shortAndLong, help: "Write the draft here instead of standard output.") var output: String?

        func run() throws {
            try reportingErrors {
                let workbook = try InputOpener.open(input)
                let name = URL(fileURLWithPath: input).deletingPathExtension().lastPathComponent
                let draft = try MappingInference(workbook: workbook).draft(name: name)
                if let output {
                    try FileOutput.writeAtomically(Array(draft.utf8), to: output)
                    printError("pokin: wrote a draft mapping to \(output); review it, then run: pokin mapping check \(output)")
                } else {
                    print(draft, terminator: "")
                }
            }
        }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate a mapping file and report every problem with its line.",
            discussion: "Exit status 0 when the file is sound, 1 when it has problems, 3 when it cannot be read.")
        @Argument(help: "The mapping file (YAML), or the name of a built-in one.") var input: String

        func run() throws {
            try reportingErrors {
                let path = input.contains("/") || input.hasSuffix(".yaml") || input.hasSuffix(".yml")
                    ? input : (MappingCatalog().paths.first { URL(fileURLWithPath: $0).deletingPathExtension().lastPathComponent == input } ?? input)
                guard let data = FileManager.default.contents(atPath: path) else {
                    throw PokinError(.fileNotFound, "the mapping file does not exist or cannot be read", at: Location(file: path))
                }
                let (mapping, problems) = MappingLoader.check(yaml: String(decoding: data, as: UTF8.self), file: path)
                if problems.isEmpty, let mapping {
                    print("\(path): ok — mapping \"\(mapping.name)\" with sheets \(mapping.sheets.map(\.role.rawValue).joined(separator: ", "))")
                    return
                }
                for problem in problems { print(problem.description) }
                printError("pokin: \(problems.count) problem\(problems.count == 1 ? "" : "s") in \(path)")
                throw ExitCode(1)
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the built-in mappings of Mappings/.")

        func run() throws {
            try reportingErrors {
                let catalog = MappingCatalog()
                guard let folder = catalog.folder else {
                    throw PokinError(.fileNotFound, "the Mappings folder was not found beside pokin; set POKIN_MAPPINGS to its path")
                }
                print("Built-in mappings (\(folder.path)):")
                for mapping in try catalog.all() {
                    print("  \(mapping.name)  \(mapping.title)")
                    print("      sheets: \(mapping.sheets.map(\.role.rawValue).joined(separator: ", "))")
                }
            }
        }
    }
}

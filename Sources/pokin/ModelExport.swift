import Foundation
import PokinCore
import PokinExport
import PokinMapping
import PokinModel

/// Writes the canonical model in the form an output path asks for: canonical JSON, the
/// standard template workbook (.xlsx), or a folder of CSVs (one per sheet role) — or, with a
/// mapping, an agency's own layout as a workbook or a CSV folder.
enum ModelExport {
    enum Form: Equatable { case json, xlsx, csvFolder }

    /// Writes `model` to `path` atomically (a temporary name, then a rename). `syncing: false`
    /// leaves flushing the JSON to disk to the caller (see `FileOutput`).
    static func write(_ model: PohonKinerja, as form: Form, to path: String, syncing: Bool = true) throws {
        switch form {
        case .json:
            try model.withCanonicalJSONBytes { try FileOutput.writeAtomically($0, to: path, syncing: syncing) }
        case .xlsx:
            try TemplateWorkbookWriter(model: model).write(to: path)
        case .csvFolder:
            try TahapCSVWriter(model: model).write(toFolder: path)
        }
    }

    /// Writes `model` in the layout `mapping` describes (an .xlsx workbook or a CSV folder) and
    /// prints on stderr what the layout had no place for.
    static func write(_ model: PohonKinerja, as form: Form, to path: String, mapping: MappingFile) throws {
        let writer = MappingWorkbookWriter(model: model, mapping: mapping)
        let warnings: [Diagnostic]
        switch form {
        case .xlsx: warnings = try writer.write(to: path)
        case .csvFolder: warnings = try writer.writeCSVFolder(to: path)
        case .json:
            throw PokinError(.usage, "--to-mapping writes a workbook (.xlsx) or a folder of CSV files; the canonical JSON has no layout (leave out --to-mapping)",
                             at: Location(file: path))
        }
        for warning in warnings {
            printError("pokin: warning[\(warning.code)]: \(warning.at.map { "\($0): " } ?? "")\(warning.message)")
        }
        printError("pokin: wrote \(path) in the layout of the mapping \"\(mapping.name)\"\(warnings.isEmpty ? "" : " (\(warnings.count) warnings)")")
    }
}

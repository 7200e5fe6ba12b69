import Foundation
import PokinCore
import PokinExport
import PokinModel

/// Writes the canonical model in the form an output path asks for: canonical JSON, the
/// standard template workbook (.xlsx), or a folder of CSVs (one per sheet role).
enum ModelExport {
    enum Form: Equatable { case json, xlsx, csvFolder }

    /// Writes `model` to `path` atomically (a temporary name, then a rename).
    static func write(_ model: PohonKinerja, as form: Form, to path: String) throws {
        switch form {
        case .json:
            try FileOutput.writeAtomically(Array(model.canonicalJSON().utf8), to: path)
        case .xlsx:
            try TemplateWorkbookWriter(model: model).write(to: path)
        case .csvFolder:
            try TahapCSVWriter(model: model).write(toFolder: path)
        }
    }
}

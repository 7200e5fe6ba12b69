import Foundation
import PokinCore
import PokinMapping
import PokinModel

/// Reads an agency's workbook, CSV or CSV folder into the canonical model through a mapping
/// (named, a path, or recognised automatically), and says on stderr which mapping it used.
enum ModelImport {
    static func read(_ input: String, mapping name: String?) throws -> PohonKinerja {
        let workbook = try InputOpener.open(input)
        let catalog = MappingCatalog()
        let mapping: MappingFile
        if let name {
            mapping = try catalog.mapping(named: name)
        } else if let recognised = try catalog.recognise(workbook) {
            mapping = recognised
        } else {
            throw PokinError(.invalidMapping,
                             "no built-in mapping recognises this layout (sheets: \(workbook.sheets.map { "\"\($0.name)\"" }.joined(separator: ", "))); name one with --mapping (pokin mapping list shows them) or write one for this layout (Mappings/README.md)",
                             at: Location(file: input))
        }
        let file = URL(fileURLWithPath: input).lastPathComponent
        let model = try WorkbookImporter(mapping: mapping).importTree(from: workbook, file: file)
        let warnings = model.diagnostics.filter { $0.severity != .info }.count
        printError("pokin: read \(file) with the mapping \"\(mapping.name)\"\(name == nil ? " (recognised)" : ""): \(model.nodes.count) nodes, \(warnings) warnings")
        return model
    }
}

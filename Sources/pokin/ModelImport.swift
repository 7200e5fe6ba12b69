import Foundation
import PokinCore
import PokinMapping
import PokinModel

/// Reads an agency's workbook, CSV or CSV folder into the canonical model through a mapping
/// (named, a path, or recognised automatically), and says on stderr which mapping it used.
enum ModelImport {
    static func read(_ input: String, mapping name: String?) throws -> PohonKinerja {
        let workbook = try InputOpener.open(input, forModel: true)
        let catalog = MappingCatalog()
        let imported = try importModel(from: workbook, input: input, mapping: try name.map { try catalog.mapping(named: $0) },
                                       catalog: catalog)
        let model = imported.model
        let warnings = model.diagnostics.filter { $0.severity != .info }.count
        printError("pokin: read \(imported.file) with the mapping \"\(imported.mappingName)\"\(imported.recognised ? " (recognised)" : ""): \(model.nodes.count) nodes, \(warnings) warnings")
        return model
    }

    /// A model read from a workbook, and how.
    struct ImportedModel {
        var model: PohonKinerja
        /// The mapping's name, and whether it was recognised (true) or named (false).
        var mappingName: String
        var recognised: Bool
        /// The input's file name, as cell references in diagnostics name it.
        var file: String
    }

    /// The import without the line on stderr (for `pokin batch`, which reports the mapping
    /// per input): reads an open workbook with `mapping`, or with the built-in mapping of
    /// `catalog` that recognises it.
    static func importModel(from workbook: any TableWorkbook, input: String, mapping named: MappingFile?,
                            catalog: MappingCatalog, candidates: [MappingFile]? = nil) throws -> ImportedModel {
        // Recognition reads every sheet once per built-in mapping: parse each sheet once.
        let workbook = RowCachingWorkbook(workbook)
        let mapping: MappingFile
        if let named {
            mapping = named
        } else if let recognised = try MappingCatalog.recognise(workbook, among: candidates ?? catalog.all()) {
            mapping = recognised
        } else {
            throw PokinError(.invalidMapping,
                             "no built-in mapping recognises this layout (sheets: \(workbook.sheets.map { "\"\($0.name)\"" }.joined(separator: ", "))); name one with --mapping (pokin mapping list shows them) or write one for this layout (Mappings/README.md)",
                             at: Location(file: input))
        }
        // The last path component, without Foundation's URL (which looks at the disk).
        let file = input.split(separator: "/").last.map(String.init) ?? input
        let model = try WorkbookImporter(mapping: mapping).importTree(from: workbook, file: file)
        return ImportedModel(model: model, mappingName: mapping.name, recognised: named == nil, file: file)
    }
}

import Foundation
import FuzzSupport
import PokinCore
import PokinExport
import PokinMapping
import PokinModel
import PokinXLSX

/// `pokin convert` end to end on workbook bytes, as `ModelImport` and `ModelExport` do it:
/// open the workbook, recognise its layout among the built-in mappings (`Mappings/`), import
/// the model, write canonical JSON (and read it back: it must decode) and the standard
/// template workbook.
nonisolated(unsafe) let catalog = MappingCatalog(folder: repositoryRoot.appendingPathComponent("Mappings"))

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzConvert(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let path = FuzzInput.file(FuzzInput.bytes(data, size), named: "input.xlsx")
    endsWithValueOrPokinError {
        let workbook = try XLSXWorkbook(path: path)
        guard let mapping = try catalog.recognise(workbook) else { return }
        let model = try WorkbookImporter(mapping: mapping).importTree(from: workbook, file: "input.xlsx")
        let json = model.canonicalJSON()
        do {
            _ = try PohonKinerja.decode(Array(json.utf8), file: "model.json")
        } catch {
            fatalError("the canonical JSON of an imported model does not decode: \(error)")
        }
        try TemplateWorkbookWriter(model: model).write(to: "\(FuzzInput.folder)/output.xlsx")
    }
    return 0
}

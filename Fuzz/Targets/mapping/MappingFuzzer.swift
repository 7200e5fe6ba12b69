import Foundation
import FuzzSupport
import PokinCore
import PokinMapping
import PokinXLSX

/// The mapping-file loader on YAML text. A mapping that loads without problems is then used:
/// its recognition score over, and an import of, the seed agency workbook
/// (`Fixtures/agencies/dkukmpp-seed`), which must end with a model or a `PokinError`.
nonisolated(unsafe) let seedWorkbook: XLSXWorkbook? = try? XLSXWorkbook(
    path: repositoryRoot.appendingPathComponent("Fixtures/agencies/dkukmpp-seed/pohon-kinerja-dkukmpp.xlsx").path)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMapping(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let (mapping, problems) = MappingLoader.check(yaml: text, file: "fuzz.yaml")
    for problem in problems { _ = problem.description }
    guard let mapping, problems.isEmpty, let workbook = seedWorkbook else { return 0 }
    _ = MappingCatalog.recognitionScore(of: mapping, in: workbook)
    endsWithValueOrPokinError {
        let model = try WorkbookImporter(mapping: mapping).importTree(from: workbook, file: "seed.xlsx")
        _ = model.canonicalJSON()
    }
    return 0
}

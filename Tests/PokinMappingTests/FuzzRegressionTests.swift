import Foundation
import PokinCore
import PokinMapping
import PokinModel
import PokinTestSupport
import PokinXLSX
import Testing

/// The inputs the fuzz campaign of `Fuzz/Targets/mapping` kept (`Fixtures/fuzz-regressions/mapping/`,
/// see `Fuzz/RESULTS.md`), replayed through the target's entry point: YAML text into
/// `MappingLoader.check`; a mapping that loads is scored against and imports the seed workbook.
/// Each must end with a mapping, problems with lines, a model or a `PokinError`.
@Suite("Fuzz regressions: mapping-file loader")
struct FuzzRegressionTests {
    static let inputs: [String] = {
        let folder = Fixtures.url("fuzz-regressions/mapping").path
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }()

    static let seed = Fixtures.url("agencies/dkukmpp-seed/pohon-kinerja-dkukmpp.xlsx").path

    @Test("every kept mapping input loads, or is refused with its problems, and a loaded one imports the seed or throws a PokinError",
          arguments: inputs)
    func replay(name: String) throws {
        let text = String(decoding: try Fixtures.bytes("fuzz-regressions/mapping/\(name)"), as: UTF8.self)
        let (mapping, problems) = MappingLoader.check(yaml: text, file: name)
        #expect(mapping != nil || !problems.isEmpty, "a refused mapping says why")
        for problem in problems { #expect(!problem.message.isEmpty) }
        // The name states the outcome: `value--…` loads without problems, `invalid-mapping--…` has some.
        if name.hasPrefix("value--") { #expect(mapping != nil && problems.isEmpty, "\(name): \(problems)") }
        if name.hasPrefix("invalid-mapping--") { #expect(!problems.isEmpty, "\(name) loaded without problems") }
        guard let mapping, problems.isEmpty else { return }
        let workbook = try XLSXWorkbook(path: Self.seed)
        let score = MappingCatalog.recognitionScore(of: mapping, in: workbook)
        #expect(score >= 0 && score <= 1)
        do {
            let model = try WorkbookImporter(mapping: mapping).importTree(from: workbook, file: "seed.xlsx")
            #expect(!model.canonicalJSON().isEmpty)
        } catch is PokinError {
            // A mapping that does not fit the workbook is refused with a stable code.
        }
    }
}

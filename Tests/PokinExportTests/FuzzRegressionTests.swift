import Foundation
import PokinCore
import PokinExport
import PokinMapping
import PokinModel
import PokinTestSupport
import PokinXLSX
import Testing

/// The inputs the fuzz campaign of `Fuzz/Targets/convert` kept (`Fixtures/fuzz-regressions/convert/`,
/// see `Fuzz/RESULTS.md`), replayed through `pokin convert`'s steps: open the workbook,
/// recognise its layout among `Mappings/`, import, write canonical JSON (which must decode)
/// and the standard template. Each must end with the outputs or a `PokinError`.
@Suite("Fuzz regressions: convert end to end")
struct FuzzRegressionTests {
    static let inputs: [String] = {
        let folder = Fixtures.url("fuzz-regressions/convert").path
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }()

    /// The model imported from `path`, or nil when no built-in mapping recognises it.
    static func convert(_ path: String) throws -> PohonKinerja? {
        let catalog = MappingCatalog(folder: Fixtures.repositoryFile("Mappings"))
        let workbook = try XLSXWorkbook(path: path)
        guard let mapping = try catalog.recognise(workbook) else { return nil }
        let model = try WorkbookImporter(mapping: mapping).importTree(from: workbook, file: "input.xlsx")
        let decoded = try PohonKinerja.decode(Array(model.canonicalJSON().utf8), file: "model.json")
        #expect(decoded.canonicalJSON() == model.canonicalJSON(), "the canonical JSON reads back to the same model")
        let output = try Fixtures.temporaryDirectory("fuzz-convert").appendingPathComponent("out.xlsx").path
        try TemplateWorkbookWriter(model: model).write(to: output)
        #expect(FileManager.default.fileExists(atPath: output))
        return model
    }

    @Test("every kept workbook is converted to JSON and the standard template, or refused with a PokinError",
          arguments: inputs)
    func replay(name: String) throws {
        // The name states the outcome: `value--…` converts, `unrecognised--…` is recognised by no
        // built-in mapping, `<error-code>--…` is refused with that code.
        let stated = name.range(of: "--").map { String(name[..<$0.lowerBound]) }
        do {
            let model = try Self.convert(Fixtures.url("fuzz-regressions/convert/\(name)").path)
            if stated == "value" { #expect(model != nil, "\(name) was recognised by no mapping") }
            if stated == "unrecognised" { #expect(model == nil, "\(name) was recognised") }
            #expect(stated == nil || stated == "value" || stated == "unrecognised", "\(name) was converted, but its name says it is refused")
        } catch let error as PokinError {
            #expect(stated != "value" && stated != "unrecognised", "\(name) was refused: \(error)")
            if let stated, stated != "value", stated != "unrecognised" { #expect(error.code.rawValue == stated, "\(name): \(error)") }
        }
    }
}

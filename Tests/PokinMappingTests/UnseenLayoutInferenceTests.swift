import Foundation
import PokinCore
import PokinMapping
import PokinModel
import PokinTestSupport
import PokinXLSX
import Testing

/// A workbook in a layout no built-in mapping describes (Fixtures/agencies/unseen-matriks-renstra):
/// its headers come from the synonym tables of domain.md (b), and `pokin mapping infer` must
/// draft a mapping that imports it to its golden model.
@Suite("An unseen layout imports correctly through mapping infer")
struct UnseenLayoutInferenceTests {
    static let folder = "agencies/unseen-matriks-renstra"
    static let workbookName = "matriks-renstra-dinsos.xlsx"

    static func golden() throws -> PohonKinerja {
        try PohonKinerja.decode(try Fixtures.bytes("\(folder)/expected.json"))
    }

    @Test("no built-in mapping recognises it")
    func notRecognised() throws {
        let workbook = try XLSXWorkbook(path: Fixtures.url("\(Self.folder)/\(Self.workbookName)").path)
        #expect(try MappingCatalog(folder: Fixtures.repositoryFile("Mappings")).recognise(workbook) == nil)
    }

    @Test("the draft is a levels layout (Tujuan → outcome, Sasaran Strategis → csf, Sasaran Program → kondisi antara utama) and imports to the golden model")
    func draftImportsToGolden() throws {
        let workbook = try XLSXWorkbook(path: Fixtures.url("\(Self.folder)/\(Self.workbookName)").path)
        let draft = try MappingInference(workbook: workbook).draft(name: "matriks-renstra-dinsos")
        let (mapping, problems) = MappingLoader.check(yaml: draft, file: "draft.yaml")
        #expect(problems.isEmpty, "\(problems)\n\(draft)")
        let sheet = try #require(mapping?.sheet(.cascading), "\(draft)")
        #expect(sheet.layout == .levels)
        #expect(sheet.levels.map(\.level) == [.outcome, .csf, .kondisiAntaraUtama])
        let model = try WorkbookImporter(mapping: try #require(mapping)).importTree(from: workbook, file: Self.workbookName)
        #expect(model.canonicalJSON() == String(decoding: try Fixtures.bytes("\(Self.folder)/expected.json"), as: UTF8.self))
    }

    @Test("on the command line: pokin mapping infer -o draft.yaml, then pokin convert --mapping draft.yaml gives the golden JSON")
    func throughTheCommandLine() throws {
        let work = try Fixtures.temporaryDirectory("unseen")
        let input = work.appendingPathComponent(Self.workbookName)
        try FileManager.default.copyItem(at: Fixtures.url("\(Self.folder)/\(Self.workbookName)"), to: input)
        let infer = try PokinBinary.run(["mapping", "infer", Self.workbookName, "-o", "draft.yaml"], currentDirectory: work)
        #expect(infer.status == 0, "\(infer.stderr)")
        let convert = try PokinBinary.run(["convert", Self.workbookName, "model.json", "--mapping", "draft.yaml"], currentDirectory: work)
        #expect(convert.status == 0, "\(convert.stderr)")
        let written = try PohonKinerja.read(path: work.appendingPathComponent("model.json").path)
        #expect(written == (try Self.golden()))
    }
}

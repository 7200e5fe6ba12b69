import Foundation
import PokinCore
@testable import PokinMapping
import PokinTestSupport
import PokinXLSX
import Testing

/// Recognition stops scoring a mapping once it cannot win; the mapping chosen must be the one
/// the rule picks from every mapping's full score (score + 0.001 per sheet, above 0.34, the
/// earlier mapping on a tie), whatever the mappings' order.
@Suite("Recognition that leaves hopeless mappings early chooses as the full scores do")
struct RecognitionShortcutTests {
    /// The rule applied to full scores.
    static func chosenByFullScores(_ workbook: TableWorkbook, among mappings: [MappingFile]) -> MappingFile? {
        var best: (mapping: MappingFile, score: Double)?
        for mapping in mappings {
            let score = MappingCatalog.recognitionScore(of: mapping, in: workbook)
            let ranked = score + 0.001 * Double(mapping.sheets.count)
            if score > 0.34, best == nil || ranked > best!.score { best = (mapping, ranked) }
        }
        return best?.mapping
    }

    @Test("every fixture workbook, the built-in mappings in several orders (and with copies that tie): the same choice",
          arguments: GridTests.fixtures + ["drawings/pohon-seed-pokin.xlsx", "drawings/pohon-seed-libreoffice.xlsx"])
    func sameChoice(_ fixture: String) throws {
        let url = Fixtures.url(fixture)
        let builtIn = try MappingCatalog(folder: Fixtures.repositoryFile("Mappings")).all()
        // Copies under other names tie with their originals: the earlier one must win.
        let copies = builtIn.map { mapping -> MappingFile in
            var copy = mapping
            copy.name = mapping.name + "-copy"
            return copy
        }
        var random = SeededGenerator(seed: 13)
        var orders = [builtIn, builtIn.reversed(), builtIn + copies, copies + builtIn]
        for _ in 0..<6 { orders.append((builtIn + copies).shuffled(using: &random)) }
        var chosen = 0
        for mappings in orders {
            let workbook = RowCachingWorkbook(try XLSXWorkbook(path: url.path))
            let expected = Self.chosenByFullScores(workbook, among: mappings)?.name
            #expect(MappingCatalog.recognise(workbook, among: mappings)?.name == expected, "\(mappings.map(\.name))")
            // And on a fresh workbook, where the shortcut decides which sheets are read at all.
            let fresh = RowCachingWorkbook(try XLSXWorkbook(path: url.path))
            #expect(MappingCatalog.recognise(fresh, among: mappings)?.name == expected)
            if expected != nil { chosen += 1 }
        }
        if fixture.hasPrefix("agencies/dkukmpp") { #expect(chosen == orders.count) }
    }
}

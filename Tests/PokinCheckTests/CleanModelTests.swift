import PokinCheck
import PokinCore
import PokinModel
import Testing

@Suite("A consistent tree gives no errors or warnings")
struct CleanModelTests {
    @Test("the clean tree built in code has no error and no warning (no false positives)")
    func cleanTreeIsClean() throws {
        let report = TestTree.check(TestTree.model())
        #expect(report.problems.isEmpty, "\(report.problems.map { "\($0.code) \($0.at ?? "-") \($0.message.en)" })")
        #expect(!report.hasErrors)
        #expect(TestTree.model().validate().isEmpty)
    }

    @Test("the clean tree gives the same findings after a canonical JSON round trip")
    func jsonRoundTrip() throws {
        let model = TestTree.model { $0.edit("1.1.1", .tahap5) { $0.text = "Meningkatnya Akreditasi" } }
        let decoded = try PohonKinerja.decode(Array(model.canonicalJSON().utf8))
        #expect(TestTree.check(decoded).findings == TestTree.check(model).findings)
    }

    @Test("the summary counts nodes, indicators, planning components and crosscutting per level")
    func summary() throws {
        let report = TestTree.check(TestTree.model())
        let byLevel = Dictionary(uniqueKeysWithValues: report.summary.compactMap { row in row.level.map { ($0, row) } })
        #expect(byLevel[.outcome]?.nodes == 1)
        #expect(byLevel[.csf]?.nodes == 3)
        #expect(byLevel[.csf]?.withIndicators == 2)
        #expect(byLevel[.csf]?.withoutIndicators == 1)
        #expect(byLevel[.csf]?.withPlanning == 2)
        #expect(byLevel[.csf]?.crosscutting == 1)
        #expect(byLevel[.kondisiOperasional]?.nodes == 3)
        let total = try #require(report.summary.last)
        #expect(total.level == nil)
        #expect(total.nodes == 11)
        #expect(total.withIndicators == 10)
        #expect(total.crosscutting == 1)
    }
}

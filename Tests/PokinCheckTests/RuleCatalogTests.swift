import Foundation
import PokinCheck
import PokinModel
import PokinTestSupport
import Testing

@Suite("Rule catalogue")
struct RuleCatalogTests {
    @Test("codes are unique kebab-case, every rule has a title and a fix hint in both languages")
    func wellFormed() {
        let codes = RuleCatalog.all.map(\.code)
        #expect(Set(codes).count == codes.count)
        for rule in RuleCatalog.all {
            #expect(rule.code.allSatisfy { $0.isLowercase || $0 == "-" }, "\(rule.code)")
            #expect(RuleCatalog.rule(rule.code) == rule)
            for text in [rule.title.id, rule.title.en, rule.hint.id, rule.hint.en] {
                #expect(!text.isEmpty && !text.contains("\n"), "\(rule.code): \(text)")
            }
            #expect(rule.title.id != rule.title.en, "\(rule.code) is not translated")
        }
        #expect(RuleCatalog.rule("no-such-rule") == nil)
    }

    @Test("the catalogue covers what issue 8 asks for")
    func coversTheIssue() {
        let codes = Set(RuleCatalog.all.map(\.code))
        let asked = ["missing-in-stage", "parent-differs", "level-differs", "level-skipped", "child-of-operational",
                     "position-mismatch", "no-indicator", "crosscutting-no-partner", "crosscutting-lost", "text-typo",
                     "verb-changed", "text-truncated", "indicator-subject-changed", "duplicate-node",
                     "percentage-on-operational", "count-on-strategic"]
        #expect(Set(asked).subtracting(codes).isEmpty)
        #expect(RuleCatalog.percentageOnOperational.severity == .info && RuleCatalog.countOnStrategic.severity == .info)
    }

    @Test("Docs/check-rules.md holds the catalogue's table exactly (codes, severities, titles and hints in both languages)")
    func documented() throws {
        let document = try String(contentsOf: Fixtures.repositoryFile("Docs/check-rules.md"), encoding: .utf8)
        let table = RuleCatalog.markdownTable()
        if !document.contains(table) {
            try? table.write(toFile: NSTemporaryDirectory() + "check-rules-table.md", atomically: true, encoding: .utf8)
        }
        #expect(document.contains(table), "regenerate the table: see \(NSTemporaryDirectory())check-rules-table.md")
    }
}

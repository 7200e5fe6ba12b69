import PokinMapping
import PokinModel

/// `pokin check`: finds where an agency's stages (Tahap 1–5, the cascading matrix) disagree with
/// each other, from the canonical model with its per-stage records.
///
/// Every rule reads the model only: each node's record per stage (its text, indicators and
/// labels as written, and the cell they came from). The importer's own diagnostics are kept too,
/// as findings of source `import`, unless a rule reports the same code at the same cell.
public struct ConsistencyChecker: Sendable {
    /// The words that mean each level, class, planning component and job (the mapping's
    /// vocabulary when the model came from a workbook through one).
    public var vocabulary: LevelVocabulary

    public init(vocabulary: LevelVocabulary = .standard) {
        self.vocabulary = vocabulary
    }

    public func check(_ model: PohonKinerja, input: String? = nil) -> CheckReport {
        let context = CheckContext(model: model, vocabulary: vocabulary)
        var findings: [Finding] = []
        findings += AgencyRules.run(context)
        findings += PresenceRules.run(context)
        findings += ParentRules.run(context)
        findings += LevelRules.run(context)
        findings += IndicatorRules.run(context)
        findings += CrosscuttingRules.run(context)
        findings += WordingRules.run(context)
        findings += DuplicateRules.run(context)
        findings += LabelRules.run(context)
        findings += NomenclatureRules.run(context)
        findings += importNotes(model.diagnostics, besides: findings)
        let order = sheetOrder(model)
        return CheckReport(input: input, findings: sorted(findings, order), summary: LevelSummary.table(model), sheetOrder: order)
    }

    /// Codes the importer also uses whose question the rules answer in full from the model: the
    /// importer's diagnostics of these codes are left out (the rules' own findings replace them).
    static let codesTheRulesOwn: Set<String> = [RuleCatalog.parentDiffers.code, RuleCatalog.levelDiffers.code, RuleCatalog.extraNode.code]

    /// The importer's diagnostics that no rule already reports: a finding of the same code on the
    /// same sheet row (its own cell or a related one) covers a diagnostic.
    private func importNotes(_ diagnostics: [Diagnostic], besides findings: [Finding]) -> [Finding] {
        func row(_ reference: String?) -> (String, Int)? {
            reference.flatMap(StageCell.init).map { ($0.sheet, $0.cell.row) }
        }
        return diagnostics.compactMap { diagnostic in
            guard !Self.codesTheRulesOwn.contains(diagnostic.code) else { return nil }
            let place = row(diagnostic.at)
            let covered = findings.contains { finding in
                guard finding.code == diagnostic.code else { return false }
                if finding.at == diagnostic.at { return true }
                guard let place else { return false }
                return ([finding.at] + finding.related.map(Optional.some)).contains { row($0).map { $0 == place } ?? false }
            }
            guard !covered else { return nil }
            return Finding(code: diagnostic.code, severity: diagnostic.severity, message: Localized(both: diagnostic.message),
                           at: diagnostic.at, source: .imported)
        }
    }

    /// The sheet names of the model's records, in method order.
    private func sheetOrder(_ model: PohonKinerja) -> [String] {
        var result: [String] = []
        for role in StageRole.allCases {
            for node in model.nodes {
                if let sheet = node.stages[role]?.at.flatMap(StageCell.init)?.sheet, !result.contains(sheet) { result.append(sheet) }
            }
        }
        return result
    }

    private func sorted(_ findings: [Finding], _ order: [String]) -> [Finding] {
        let rank = Dictionary(order.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let catalogue = Dictionary(RuleCatalog.all.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { first, _ in first })
        let keyed = findings.enumerated().map { offset, finding -> (key: (Int, Int, Int, String, Int, Int), finding: Finding) in
            let cell = finding.cell
            let sheetRank = cell.map { rank[$0.sheet] ?? order.count } ?? -1
            return ((sheetRank, cell?.cell.row ?? 0, cell?.cell.column ?? 0, cell?.sheet ?? "", catalogue[finding.code] ?? Int.max, offset), finding)
        }
        return keyed.sorted { $0.key < $1.key }.map(\.finding)
    }
}

import PokinModel

/// The report as tables for a workbook (one row per finding), independent of the file format:
/// the command writes them with the XLSX writer, turning `.cell` values into hyperlinks.
public struct ReportTable: Sendable {
    public enum Value: Sendable, Hashable {
        case text(String)
        case number(Int)
        /// A reference to a cell of the checked workbook, shown as `'TAHAP 3'!B12`.
        case cell(StageCell)
        case empty
    }

    public var name: String
    public var header: [String]
    public var rows: [[Value]]
    /// The severity of each row (for colouring), nil where it does not apply.
    public var severities: [Severity?]
    /// Suggested column widths, in characters.
    public var widths: [Double]
}

extension CheckReport {
    /// The findings table, then the summary and the rule catalogue.
    public func tables(_ language: CheckLanguage) -> [ReportTable] {
        [findingsTable(language), summaryTable(language), RuleCatalog.table(language)]
    }

    public func findingsTable(_ language: CheckLanguage) -> ReportTable {
        let header = language == .id
            ? ["No", "Tingkat", "Kode", "Lembar", "Sel", "Node", "Temuan", "Keterangan", "Saran perbaikan", "Sel terkait", "Sumber"]
            : ["No", "Severity", "Code", "Sheet", "Cell", "Node", "Finding", "Details", "How to fix", "Related cells", "Source"]
        var rows: [[ReportTable.Value]] = []
        for (index, finding) in findings.enumerated() {
            let cell = finding.cell
            let related = finding.related.compactMap { StageCell($0)?.sheetReference }.joined(separator: ", ")
            rows.append([
                .number(index + 1),
                .text(Self.severityName(finding.severity, language)),
                .text(finding.code),
                cell.map { .text($0.sheet) } ?? .text(language == .id ? "(dokumen)" : "(document)"),
                cell.map { .cell($0) } ?? .empty,
                finding.node.map { .text($0) } ?? .empty,
                .text(finding.title(language)),
                .text(finding.message.text(language)),
                .text(finding.hint(language)),
                related.isEmpty ? .empty : .text(related),
                .text(finding.source == .check ? (language == .id ? "pemeriksaan" : "check") : (language == .id ? "impor" : "import")),
            ])
        }
        return ReportTable(name: language == .id ? "Temuan" : "Findings", header: header, rows: rows,
                           severities: findings.map(\.severity), widths: [5, 11, 24, 12, 16, 10, 36, 80, 50, 24, 11])
    }

    public func summaryTable(_ language: CheckLanguage) -> ReportTable {
        let rows: [[ReportTable.Value]] = summary.map { row in
            [.text(row.name(language)), .number(row.nodes), .number(row.withIndicators), .number(row.withoutIndicators),
             .number(row.withPlanning), .number(row.crosscutting)]
        }
        return ReportTable(name: language == .id ? "Ringkasan" : "Summary", header: Self.summaryHeader(language), rows: rows,
                           severities: rows.map { _ in nil }, widths: [24, 8, 14, 16, 24, 13])
    }
}

extension RuleCatalog {
    /// The catalogue as a table: code, severity, title, fix hint.
    public static func table(_ language: CheckLanguage) -> ReportTable {
        let header = language == .id ? ["Kode", "Tingkat", "Aturan", "Saran perbaikan"] : ["Code", "Severity", "Rule", "How to fix"]
        let rows: [[ReportTable.Value]] = all.map { rule in
            [.text(rule.code), .text(CheckReport.severityName(rule.severity, language)), .text(rule.title.text(language)), .text(rule.hint.text(language))]
        }
        return ReportTable(name: language == .id ? "Aturan" : "Rules", header: header, rows: rows,
                           severities: all.map(\.severity), widths: [26, 11, 50, 90])
    }
}

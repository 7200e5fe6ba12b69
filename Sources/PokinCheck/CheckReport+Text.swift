extension CheckReport {
    /// The report for a terminal or a text file: findings grouped by sheet with `'TAHAP 5'!B12`
    /// references, then the summary per level.
    public func text(_ language: CheckLanguage) -> String {
        var lines: [String] = []
        lines.append("pokin check" + (input.map { ": \($0)" } ?? ""))
        lines.append(countsLine(language))
        for group in groups {
            lines.append("")
            lines.append("== " + (group.sheet ?? (language == .id ? "Dokumen (seluruh lembar kerja)" : "Document (the whole workbook)")) + " ==")
            for finding in group.findings {
                let place = finding.cell?.sheetReference ?? "-"
                let source = finding.source == .imported ? (language == .id ? " (impor)" : " (import)") : ""
                lines.append("  \(place)  \(Self.severityName(finding.severity, language))  \(finding.code)\(source): \(finding.title(language))")
                lines.append("      " + finding.message.text(language))
                let related = finding.related.compactMap { StageCell($0)?.sheetReference }
                if !related.isEmpty {
                    lines.append("      " + (language == .id ? "Sel terkait: " : "See also: ") + related.joined(separator: ", "))
                }
                lines.append("      " + (language == .id ? "Saran: " : "Fix: ") + finding.hint(language))
            }
        }
        lines.append("")
        lines.append(language == .id ? "Ringkasan per level" : "Summary per level")
        lines += summaryText(language)
        return lines.joined(separator: "\n") + "\n"
    }

    /// Column titles of the summary table.
    public static func summaryHeader(_ language: CheckLanguage) -> [String] {
        language == .id
            ? ["Level", "Node", "Berindikator", "Tanpa indikator", "Berkomponen perencanaan", "Crosscutting"]
            : ["Level", "Nodes", "With indicators", "Without indicators", "With planning component", "Crosscutting"]
    }

    private func summaryText(_ language: CheckLanguage) -> [String] {
        let header = Self.summaryHeader(language)
        let rows = summary.map { row in
            [row.name(language), "\(row.nodes)", "\(row.withIndicators)", "\(row.withoutIndicators)", "\(row.withPlanning)", "\(row.crosscutting)"]
        }
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max()! }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { column, cell in
                let pad = String(repeating: " ", count: widths[column] - cell.count)
                return column == 0 ? cell + pad : pad + cell
            }.joined(separator: "  ")
        }
        return ["  " + line(header)] + rows.map { "  " + line($0) }
    }
}

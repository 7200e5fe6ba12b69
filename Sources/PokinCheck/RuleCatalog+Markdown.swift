extension RuleCatalog {
    /// The catalogue as the Markdown table of `Docs/check-rules.md` (a test keeps the two equal).
    public static func markdownTable() -> String {
        func cell(_ text: String) -> String { text.replacingOccurrences(of: "|", with: "\\|") }
        var lines = [
            "| Code | Severity | Title (Bahasa Indonesia) | Title (English) | Fix hint (Bahasa Indonesia) | Fix hint (English) |",
            "|---|---|---|---|---|---|",
        ]
        for rule in all {
            lines.append("| `\(rule.code)` | \(rule.severity.rawValue) | \(cell(rule.title.id)) | \(cell(rule.title.en)) | \(cell(rule.hint.id)) | \(cell(rule.hint.en)) |")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

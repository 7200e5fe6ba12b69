import PokinModel

/// What `pokin check` found in one model: the findings in sheet order and the summary per level.
public struct CheckReport: Sendable {
    /// The input's name as the report shows it (`pohon-kinerja-dkukmpp.xlsx`).
    public var input: String?
    public var findings: [Finding]
    public var summary: [LevelSummary]
    /// The sheets in method order (Tahap 1 … 5, cascading), for grouping.
    public var sheetOrder: [String]

    public init(input: String?, findings: [Finding], summary: [LevelSummary], sheetOrder: [String]) {
        self.input = input
        self.findings = findings
        self.summary = summary
        self.sheetOrder = sheetOrder
    }

    public func count(_ severity: Severity) -> Int { findings.filter { $0.severity == severity }.count }

    /// True when some finding is an error: the command then exits with status 1.
    public var hasErrors: Bool { findings.contains { $0.severity == .error } }

    /// The findings grouped by sheet: the whole-document group (sheet nil) first, then the sheets
    /// in method order, then any other sheet by name.
    public var groups: [(sheet: String?, findings: [Finding])] {
        var bySheet: [String?: [Finding]] = [:]
        for finding in findings { bySheet[finding.cell?.sheet, default: []].append(finding) }
        var keys: [String?] = []
        if bySheet[nil] != nil { keys.append(nil) }
        keys += sheetOrder.filter { bySheet[$0] != nil }.map { Optional($0) }
        keys += bySheet.keys.compactMap { $0 }.filter { !sheetOrder.contains($0) }.sorted().map { Optional($0) }
        return keys.map { ($0, bySheet[$0]!) }
    }

    /// "3 galat, 12 peringatan, 7 info" / "3 errors, 12 warnings, 7 info".
    public func countsLine(_ language: CheckLanguage) -> String {
        let errors = count(.error), warnings = count(.warning), infos = count(.info)
        switch language {
        case .id: return "\(findings.count) temuan: \(errors) galat, \(warnings) peringatan, \(infos) info"
        case .en:
            return "\(findings.count) finding\(findings.count == 1 ? "" : "s"): \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s"), \(infos) info"
        }
    }

    /// The severity as the report writes it.
    public static func severityName(_ severity: Severity, _ language: CheckLanguage) -> String {
        switch (severity, language) {
        case (.error, .id): return "galat"
        case (.warning, .id): return "peringatan"
        case (.info, .id): return "info"
        case (.error, .en): return "error"
        case (.warning, .en): return "warning"
        case (.info, .en): return "info"
        }
    }
}

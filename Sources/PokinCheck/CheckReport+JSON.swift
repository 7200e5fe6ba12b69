import PokinCore
import PokinModel

extension CheckReport {
    /// The report for tools. Shape (format version 1, documented in `Docs/check-rules.md`):
    /// `{"pokinCheck": 1, "input", "language", "counts": {"error","warning","info"},
    ///   "summary": [{"level","nodes","withIndicators","withoutIndicators","withPlanning","crosscutting"}],
    ///   "findings": [{"code","severity","source","title","message","hint","at","sheet","cell","related","node","stage"}]}`.
    public func json(_ language: CheckLanguage) -> JSONValue {
        .object([
            ("pokinCheck", .number(1)),
            ("input", input.map { .string($0) } ?? .null),
            ("language", .string(language.rawValue)),
            ("counts", .object([
                ("error", .number(Double(count(.error)))),
                ("warning", .number(Double(count(.warning)))),
                ("info", .number(Double(count(.info)))),
            ])),
            ("summary", .array(summary.map { row in
                .object([
                    ("level", row.level.map { .string($0.rawValue) } ?? .string("total")),
                    ("nodes", .number(Double(row.nodes))),
                    ("withIndicators", .number(Double(row.withIndicators))),
                    ("withoutIndicators", .number(Double(row.withoutIndicators))),
                    ("withPlanning", .number(Double(row.withPlanning))),
                    ("crosscutting", .number(Double(row.crosscutting))),
                ])
            })),
            ("findings", .array(findings.map { finding in
                let cell = finding.cell
                return .object([
                    ("code", .string(finding.code)),
                    ("severity", .string(finding.severity.rawValue)),
                    ("source", .string(finding.source.rawValue)),
                    ("title", .string(finding.title(language))),
                    ("message", .string(finding.message.text(language))),
                    ("hint", .string(finding.hint(language))),
                    ("at", finding.at.map { .string($0) } ?? .null),
                    ("sheet", cell.map { .string($0.sheet) } ?? .null),
                    ("cell", cell.map { .string($0.cell.description) } ?? .null),
                    ("related", .array(finding.related.map { .string($0) })),
                    ("node", finding.node.map { .string($0) } ?? .null),
                    ("stage", finding.stage.map { .string($0.rawValue) } ?? .null),
                ])
            })),
        ])
    }
}

import Foundation
import PokinCore

/// The batch's account of every input: a JSON document (`--report`) and a summary for people.
///
/// JSON (format `pokin-batch` version 1):
/// ```json
/// {"pokinBatch": 1, "to": "json", "out": "/data/out", "shard": "2/8", "listed": 1000,
///  "inputs": 125, "summary": {"converted": 100, "convertedWithWarnings": 20, "failed": 5, "skipped": 0},
///  "mappings": {"permenpan-lembar-kerja": 120}, "seconds": 4.1,
///  "entries": [{"input": "/data/in/kab-a/dinas.xlsx", "relativePath": "kab-a/dinas.xlsx",
///               "output": "/data/out/kab-a/dinas.json", "status": "converted-with-warnings",
///               "mapping": "permenpan-lembar-kerja", "mappingRecognised": true, "nodes": 27,
///               "diagnostics": {"error": 0, "warning": 9, "info": 2}, "error": null, "seconds": 0.03}]}
/// ```
/// Entries are sorted by relative path. A failed entry's `error` is
/// `{"code": "encrypted-workbook", "message": "…", "at": "…"}` and its `mapping`/`nodes` are
/// null unless the failure came after reading (writing the output).
struct BatchReport {
    var form: String
    var out: String
    var shard: Shard?
    var listed: Int
    var entries: [BatchEntry]
    var seconds: Double

    var counts: BatchCounts {
        var counts = BatchCounts(total: entries.count)
        for entry in entries { counts.add(entry.status) }
        return counts
    }

    /// Inputs per mapping used, by name.
    var mappingUse: [(String, Int)] {
        var use: [String: Int] = [:]
        for entry in entries where entry.status != .failed && entry.status != .skipped {
            use[entry.mapping ?? "(canonical JSON)", default: 0] += 1
        }
        return use.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    var json: JSONValue {
        let counts = counts
        return .object([
            ("pokinBatch", .number(1)),
            ("to", .string(form)),
            ("out", .string(out)),
            ("shard", shard.map { .string($0.description) } ?? .null),
            ("listed", .number(Double(listed))),
            ("inputs", .number(Double(entries.count))),
            ("summary", .object([
                ("converted", .number(Double(counts.converted))),
                ("convertedWithWarnings", .number(Double(counts.convertedWithWarnings))),
                ("failed", .number(Double(counts.failed))),
                ("skipped", .number(Double(counts.skipped))),
            ])),
            ("mappings", .object(mappingUse.map { ($0.0, .number(Double($0.1))) })),
            ("seconds", .number((seconds * 1000).rounded() / 1000)),
            ("entries", .array(entries.map(BatchReport.json))),
        ])
    }

    static func json(_ entry: BatchEntry) -> JSONValue {
        let read = entry.nodes != nil
        return .object([
            ("input", .string(entry.input.path)),
            ("relativePath", .string(entry.input.relativePath)),
            ("output", .string(entry.output)),
            ("status", .string(entry.status.rawValue)),
            ("mapping", entry.mapping.map { .string($0) } ?? .null),
            ("mappingRecognised", entry.mapping == nil ? .null : .bool(entry.mappingRecognised)),
            ("nodes", entry.nodes.map { .number(Double($0)) } ?? .null),
            ("diagnostics", read ? .object([("error", .number(Double(entry.errors))), ("warning", .number(Double(entry.warnings))),
                                            ("info", .number(Double(entry.infos)))]) : .null),
            ("error", entry.failure.map { failure in
                .object([("code", .string(failure.code.rawValue)), ("message", .string(failure.message)),
                         ("at", failure.location.map { .string($0.description) } ?? .null)])
            } ?? .null),
            ("seconds", .number((entry.seconds * 10000).rounded() / 10000)),
        ])
    }

    /// The lines printed on standard error at the end.
    func summaryLines(reportPath: String?, maxFailuresListed: Int = 20) -> [String] {
        let counts = counts
        var lines: [String] = []
        var head = "pokin batch: \(entries.count) input\(entries.count == 1 ? "" : "s")"
        if let shard { head += " (shard \(shard) of \(listed) listed)" }
        head += ": \(counts.converted) converted, \(counts.convertedWithWarnings) converted with warnings, \(counts.failed) failed"
        if counts.skipped > 0 { head += ", \(counts.skipped) skipped (output up to date)" }
        head += String(format: " in %.1f s", seconds)
        lines.append(head)
        let use = mappingUse
        if !use.isEmpty {
            lines.append("  mappings: " + use.map { "\($0.0) \($0.1)" }.joined(separator: ", "))
        }
        let failures = entries.filter { $0.status == .failed }
        if !failures.isEmpty {
            lines.append("  failed:")
            for entry in failures.prefix(maxFailuresListed) {
                let failure = entry.failure
                lines.append("    \(entry.input.relativePath): error[\(failure?.code.rawValue ?? "?")]: \(failure?.message ?? "")")
            }
            if failures.count > maxFailuresListed {
                lines.append("    … and \(failures.count - maxFailuresListed) more\(reportPath.map { " (all in \($0))" } ?? "")")
            }
        }
        if let reportPath { lines.append("  report: \(reportPath)") }
        return lines
    }
}

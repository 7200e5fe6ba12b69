import Foundation
import PokinCheck
import PokinCore
import PokinModel
import PokinTestSupport
import PokinXLSX
import Testing

/// `pokin check` on the command line: formats, languages, exit statuses, the xlsx report.
@Suite("pokin check command")
struct CheckCommandTests {
    static let seedWorkbook = Fixtures.url("agencies/dkukmpp-seed/pohon-kinerja-dkukmpp.xlsx").path
    static let seedJSON = Fixtures.url("agencies/dkukmpp-seed/expected.json").path

    /// Writes a model as canonical JSON into a fresh folder.
    static func writeModel(_ model: PohonKinerja, _ name: String = "model.json") throws -> URL {
        let url = try Fixtures.temporaryDirectory("check").appendingPathComponent(name)
        try Data(model.canonicalJSON().utf8).write(to: url)
        return url
    }

    @Test("text report on the seed workbook: Indonesian by default, grouped by sheet, 'TAHAP 5'!B12 references, exit 1")
    func textIndonesian() throws {
        let result = try PokinBinary.run(["check", Self.seedWorkbook])
        #expect(result.status == 1)
        #expect(result.stdout.contains("temuan:"))
        #expect(result.stdout.contains("galat"))
        #expect(result.stdout.contains("== TAHAP 3 =="))
        #expect(result.stdout.contains("== CASCADING =="))
        #expect(result.stdout.contains("'TAHAP 5'!B12  peringatan  text-truncated: Rumusan terpotong"))
        #expect(result.stdout.contains("Ringkasan per level"))
        #expect(result.stdout.contains("Saran: "))
        // Groups follow the method's order of the sheets.
        let t3 = try #require(result.stdout.range(of: "== TAHAP 3 ==")), t5 = try #require(result.stdout.range(of: "== TAHAP 5 =="))
        #expect(t3.lowerBound < t5.lowerBound)
        #expect(result.stderr.contains("permenpan-lembar-kerja"))
    }

    @Test("--lang en: the same findings in English")
    func textEnglish() throws {
        let indonesian = try PokinBinary.run(["check", Self.seedJSON])
        let english = try PokinBinary.run(["check", Self.seedJSON, "--lang", "en"])
        #expect(english.status == 1)
        #expect(english.stdout.contains("Summary per level"))
        #expect(english.stdout.contains("'TAHAP 5'!B12  warning  text-truncated: Wording truncated"))
        #expect(!english.stdout.contains("Rumusan terpotong"))
        // One line per finding with its cell in both languages: the same cells and codes.
        func heads(_ text: String) -> [String] {
            // "  'TAHAP 3'!B31  galat  parent-differs: Induk …" → "'TAHAP 3'!B31 parent-differs"
            text.split(separator: "\n").map { $0.components(separatedBy: "  ") }
                .filter { $0.count >= 4 && $0[0].isEmpty && !$0[1].isEmpty && $0[3].contains(": ") }
                .map { "\($0[1]) \($0[3].prefix { $0 != ":" && $0 != " " })" }
        }
        #expect(heads(indonesian.stdout) == heads(english.stdout))
        #expect(!heads(english.stdout).isEmpty)
    }

    @Test("json report: the documented shape, counts that add up, every finding with code, severity, message and cell")
    func json() throws {
        let result = try PokinBinary.run(["check", Self.seedJSON, "--format", "json", "--lang", "en"])
        #expect(result.status == 1)
        let value = try JSONParser.parse(result.stdoutBytes)
        #expect(value["pokinCheck"] == .number(1))
        #expect(value["language"] == .string("en"))
        #expect(value["input"] == .string("expected.json"))
        let findings = try #require(value["findings"]?.arrayValue)
        let counts = try #require(value["counts"])
        var tally: [String: Double] = [:]
        for finding in findings {
            let members = try #require(finding.objectMembers).map(\.0)
            #expect(members == ["code", "severity", "source", "title", "message", "hint", "at", "sheet", "cell", "related", "node", "stage"])
            tally[finding["severity"]?.stringValue ?? "?", default: 0] += 1
        }
        #expect(counts["error"] == .number(tally["error"] ?? 0))
        #expect(counts["warning"] == .number(tally["warning"] ?? 0))
        #expect(counts["info"] == .number(tally["info"] ?? 0))
        let truncated = try #require(findings.first { $0["code"] == .string("text-truncated") })
        #expect(truncated["sheet"] == .string("TAHAP 5"))
        #expect(truncated["cell"] == .string("B12"))
        #expect(truncated["at"] == .string("pohon-kinerja-dkukmpp.xlsx!'TAHAP 5'!B12"))
        #expect(truncated["title"] == .string("Wording truncated"))
        #expect(truncated["node"] == .string("1.1.2.1.2"))
        #expect(truncated["stage"] == .string("tahap-5"))
        let summary = try #require(value["summary"]?.arrayValue)
        #expect(summary.count == 6)
        #expect(summary.last?["level"] == .string("total"))
        #expect(summary.last?["nodes"] == .number(27))
    }

    @Test("exit 0 for a clean model and for one with warnings only; exit 1 once there is an error")
    func exitStatuses() throws {
        let clean = try PokinBinary.run(["check", try Self.writeModel(TestTree.model()).path])
        #expect(clean.status == 0)
        #expect(clean.stdout.contains("0 temuan"))
        let warningOnly = TestTree.model { $0.edit("1.2.1.1.1", .tahap5) { $0.text = "Terlaksananya Distribusi Vaksin ke" } }
        let warned = try PokinBinary.run(["check", try Self.writeModel(warningOnly).path, "--format", "json"])
        #expect(warned.status == 0)
        #expect(try JSONParser.parse(warned.stdoutBytes)["counts"]?["warning"] == .number(1))
        let broken = TestTree.model { $0.edit("1.1.1.1.2") { $0.parent = "1.1.1.1.1" } }
        let failed = try PokinBinary.run(["check", try Self.writeModel(broken).path])
        #expect(failed.status == 1)
        #expect(failed.stdout.contains("child-of-operational"))
    }

    @Test("usage errors exit 2 (an xlsx report without -o, an unknown format or language); a missing file exits 3")
    func usageAndFileErrors() throws {
        let noOutput = try PokinBinary.run(["check", Self.seedJSON, "--format", "xlsx"])
        #expect(noOutput.status == 2)
        #expect(noOutput.stderr.contains("-o"))
        #expect(try PokinBinary.run(["check", Self.seedJSON, "--format", "pdf"]).status == 2)
        #expect(try PokinBinary.run(["check", Self.seedJSON, "--lang", "fr"]).status == 2)
        let missing = try PokinBinary.run(["check", "/nonexistent/pokin/none.xlsx"])
        #expect(missing.status == 3)
        #expect(missing.stderr.contains("none.xlsx"))
    }

    @Test("-o writes the text or JSON report to a file (and says so on stderr), standard output stays empty")
    func outputFile() throws {
        let folder = try Fixtures.temporaryDirectory("check-out")
        let path = folder.appendingPathComponent("report.json").path
        let result = try PokinBinary.run(["check", Self.seedJSON, "--format", "json", "-o", path])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("report.json"))
        let value = try JSONParser.parse(Array(try Data(contentsOf: URL(fileURLWithPath: path))))
        #expect(value["findings"]?.arrayValue?.isEmpty == false)
    }

    @Test("xlsx report: reads back with XLSXWorkbook, one row per finding, hyperlinks to the cells of the checked workbook")
    func xlsxReport() throws {
        let folder = try Fixtures.temporaryDirectory("check-xlsx")
        // The workbook beside the report, so the links are plain file names.
        let workbook = folder.appendingPathComponent("pohon-kinerja-dkukmpp.xlsx")
        try FileManager.default.copyItem(atPath: Self.seedWorkbook, toPath: workbook.path)
        let report = folder.appendingPathComponent("hasil-pemeriksaan.xlsx").path
        let result = try PokinBinary.run(["check", workbook.path, "--format", "xlsx", "-o", report])
        #expect(result.status == 1)
        let json = try JSONParser.parse(try PokinBinary.run(["check", workbook.path, "--format", "json"]).stdoutBytes)
        let findings = try #require(json["findings"]?.arrayValue)

        let book = try XLSXWorkbook(path: report)
        #expect(book.sheets.map(\.name) == ["Temuan", "Ringkasan", "Aturan"])
        var source = try book.rows(ofSheet: "Temuan")
        let rows = try source.readAll()
        #expect(rows.count == findings.count + 1)
        #expect(rows[0][4].displayText == "Lembar" && rows[0][5].displayText == "Sel")
        for (row, finding) in zip(rows.dropFirst(), findings) {
            #expect(row[3].displayText == finding["code"]?.stringValue)
            if let sheet = finding["sheet"]?.stringValue, let cell = finding["cell"]?.stringValue {
                #expect(row[5].displayText == CellAddress.quotedSheetName(sheet) + "!" + cell)
            }
            #expect(row[8].displayText == finding["message"]?.stringValue)
        }
        var summary = try book.rows(ofSheet: "Ringkasan")
        #expect(try summary.readAll().count == 7)

        // The cell column holds HYPERLINK formulas to the checked workbook's cells.
        let archive = try ZipArchive(path: report)
        let sheetXML = String(decoding: try archive.readEntry(at: try #require(archive.index(of: "xl/worksheets/sheet1.xml"))), as: UTF8.self)
        #expect(sheetXML.contains("<f>HYPERLINK(\"pohon-kinerja-dkukmpp.xlsx#'TAHAP 5'!B12\",\"'TAHAP 5'!B12\")</f>"))
        let links = sheetXML.components(separatedBy: "<f>HYPERLINK(").count - 1
        #expect(links == findings.filter { $0["cell"]?.stringValue != nil }.count)
    }

    @Test("xlsx report in English names its sheets and columns in English; links climb to a workbook in another folder")
    func xlsxEnglishRelativeLinks() throws {
        let folder = try Fixtures.temporaryDirectory("check-xlsx-en")
        let reports = folder.appendingPathComponent("reports")
        try FileManager.default.createDirectory(at: reports, withIntermediateDirectories: true)
        let workbook = folder.appendingPathComponent("pohon-kinerja-dkukmpp.xlsx")
        try FileManager.default.copyItem(atPath: Self.seedWorkbook, toPath: workbook.path)
        let report = reports.appendingPathComponent("check.xlsx").path
        #expect(try PokinBinary.run(["check", workbook.path, "--format", "xlsx", "--lang", "en", "-o", report]).status == 1)
        let book = try XLSXWorkbook(path: report)
        #expect(book.sheets.map(\.name) == ["Findings", "Summary", "Rules"])
        var rules = try book.rows(ofSheet: "Rules")
        #expect(try rules.readAll().count == RuleCatalog.all.count + 1)
        let archive = try ZipArchive(path: report)
        let sheetXML = String(decoding: try archive.readEntry(at: try #require(archive.index(of: "xl/worksheets/sheet1.xml"))), as: UTF8.self)
        #expect(sheetXML.contains("HYPERLINK(\"../pohon-kinerja-dkukmpp.xlsx#'TAHAP 3'!B31\""))
    }

    @Test("the standard template pokin writes from the clean tree reads back through pokin-standar with no finding (exit 0)")
    func standardTemplateIsClean() throws {
        let json = try Self.writeModel(TestTree.model())
        let workbook = json.deletingLastPathComponent().appendingPathComponent("dinkes-template.xlsx").path
        #expect(try PokinBinary.run(["convert", json.path, workbook]).status == 0)
        let result = try PokinBinary.run(["check", workbook, "--mapping", "pokin-standar", "--format", "json"])
        #expect(result.status == 0)
        let value = try JSONParser.parse(result.stdoutBytes)
        #expect(value["counts"]?["error"] == .number(0))
        #expect(value["counts"]?["warning"] == .number(0))
        #expect(value["summary"]?.arrayValue?.last?["nodes"] == .number(11))
    }

    @Test("a workbook built with one planted inconsistency: convert's reading path finds it at its cell")
    func plantedWorkbookThroughTheCommand() throws {
        let folder = try Fixtures.temporaryDirectory("check-planted")
        let path = folder.appendingPathComponent("dinkes.xlsx").path
        try PlantedWorkbook.write(PlantedWorkbook.clean { $0.tahap5[4][1] = "Terlaksananya Pelatihan Tim Mutu" }, to: path)
        let result = try PokinBinary.run(["check", path, "--format", "json", "--mapping", "permenpan-lembar-kerja"])
        let findings = try #require(try JSONParser.parse(result.stdoutBytes)["findings"]?.arrayValue)
        let truncated = findings.filter { $0["code"] == .string("text-truncated") }
        #expect(truncated.map { $0["cell"]?.stringValue } == ["B8"])
        #expect(result.status == 0)  // a truncation is a warning
    }
}

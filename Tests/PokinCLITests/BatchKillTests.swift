import Foundation
import PokinTestSupport
import PokinXLSX
import Testing

@Suite("pokin batch killed midway leaves only complete outputs, and --resume finishes the job", .serialized)
struct BatchKillTests {
    @Test("SIGKILL midway (JSON and workbook outputs): every output present is complete, temporary files are hidden, --resume completes", arguments: ["json", "xlsx"])
    func killedBatch(form: String) throws {
        let count = 120
        let root = try BatchCommandTests.inputs((1...count).map { String(format: "in/kab-%d/dinas-%02d.xlsx", $0 % 4, $0) }, label: "batch-kill")
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("out")
        let arguments = ["batch", root.appendingPathComponent("in").path, "--out", out.path, "--to", form, "--jobs", "2"]
            + BatchCommandTests.mapping

        let process = Process()
        process.executableURL = PokinBinary.url
        process.arguments = arguments + ["--quiet"]
        process.standardError = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        // Kill once a few outputs are there: the batch is then between, or in the middle of, writes.
        var present = 0
        for _ in 0..<6000 where process.isRunning {
            present = (try? BatchScaleTests.files(under: out).count) ?? 0
            if present >= 10 { break }
            usleep(5_000)
        }
        try #require(process.isRunning, "the batch ended before it could be killed (\(present) outputs)")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)

        let files = try BatchScaleTests.files(under: out, includingHidden: true)
        var complete = 0
        for file in files {
            let name = (file as NSString).lastPathComponent
            if name.hasPrefix(".") {
                #expect(name.contains(".pokin-") && name.contains(".tmp"), "an unexpected hidden file: \(file)")
                continue
            }
            #expect(file.hasSuffix("." + form), "only outputs under final names: \(file)")
            try Self.expectComplete(out.appendingPathComponent(file), form: form)
            complete += 1
        }
        #expect(complete >= 10 && complete < count)
        #expect(!files.contains("pokin-batch-report.json"))

        let resumed = try PokinBinary.run(arguments + ["--resume"])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        let report = try BatchRun.report(out.appendingPathComponent("pokin-batch-report.json"))
        let summary = report["summary"] as? [String: Any]
        #expect(summary?["skipped"] as? Int == complete)
        let converted = (summary?["converted"] as? Int ?? 0) + (summary?["convertedWithWarnings"] as? Int ?? 0)
        #expect(converted == count - complete)
        #expect(summary?["failed"] as? Int == 0)
        let after = try BatchScaleTests.files(under: out, includingHidden: true)
        #expect(after.count == count + 1, "no temporary file is left: \(after.filter { $0.contains("/.") || $0.hasPrefix(".") })")
        for file in after where file != "pokin-batch-report.json" {
            try Self.expectComplete(out.appendingPathComponent(file), form: form)
        }
    }

    static func expectComplete(_ url: URL, form: String) throws {
        if form == "json" {
            #expect((try BatchRun.report(url)["nodes"] as? [Any])?.count == 27, "\(url.path)")
        } else {
            let archive = try ZipArchive(path: url.path)
            for name in ["[Content_Types].xml", "xl/workbook.xml"] {
                let index = try #require(archive.index(of: name), "\(url.path) lacks \(name)")
                #expect(!(try archive.readEntry(at: index)).isEmpty)
            }
        }
    }
}

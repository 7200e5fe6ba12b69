import Foundation
import PokinTestSupport
import Testing

/// A batch the size of a province: agency workbooks spread over regency folders, with 25
/// broken or hostile files among them.
///
/// The number of inputs is 1,000, or `POKIN_BATCH_TEST_COUNT` (at least 26). A debug build
/// runs the 1,000 in about 35 s on 2 cores.
@Suite("pokin batch at scale: agency workbooks with 25 bad ones mixed in", .serialized)
struct BatchScaleTests {
    static var count: Int {
        if let text = ProcessInfo.processInfo.environment["POKIN_BATCH_TEST_COUNT"], let count = Int(text), count > 25 { return count }
        return 1000
    }

    @Test("the good inputs all convert, the 25 bad are reported with their codes, nothing partial is left, no input changes")
    func largeBatchWithBadInputs() throws {
        let root = try Fixtures.temporaryDirectory("batch-scale")
        defer { try? FileManager.default.removeItem(at: root) }
        let inputFolder = root.appendingPathComponent("masukan")
        let outputFolder = root.appendingPathComponent("keluaran")
        try FileManager.default.createDirectory(at: outputFolder, withIntermediateDirectories: true)
        // The batch may run as `nobody` (below), which must be able to write the outputs.
        try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: outputFolder.path)

        // Good inputs: kab-00 … kab-NN, 40 agencies each; bad ones spread over the same folders.
        let bad = BatchWorkbooks.badInputs()
        let goodCount = Self.count - bad.count
        var expectedGood: [String: Int] = [:]  // relative path → variant number
        for number in 1...goodCount {
            let relative = String(format: "kab-%02d/dinas-%04d.xlsx", number / 40, number)
            let url = inputFolder.appendingPathComponent(relative)
            if number % 40 == 0 || number == 1 {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            }
            try BatchWorkbooks.writeVariant(number, to: url)
            expectedGood[relative] = number
        }
        var expectedBad: [String: String] = [:]  // relative path → error code
        for (index, input) in bad.enumerated() {
            let relative = String(format: "kab-%02d/", (index * 40 % goodCount) / 40) + input.name
            try input.make(inputFolder.appendingPathComponent(relative))
            expectedBad[relative] = input.code
        }
        let inputFiles = try Self.files(under: inputFolder)
        #expect(inputFiles.count == Self.count)
        let before = inputFiles.map { BatchWorkbooks.fingerprint(inputFolder.appendingPathComponent($0)) }

        let result = try BatchRun.asUnprivilegedUser(["batch", inputFolder.path, "--out", outputFolder.path, "--to", "json", "--jobs", "2"])
        #expect(result.status == 1, "a batch with failed inputs exits 1; stderr: \(result.stderr.suffix(2000))")
        let reference = try BatchWorkbooks.reference()
        #expect(result.stderr.contains(reference.summary(good: goodCount, failed: 25)), "\(result.stderr.suffix(3000))")

        // The report accounts for every input, each with the right outcome.
        let report = try BatchRun.report(outputFolder.appendingPathComponent("pokin-batch-report.json"))
        let entries = try #require(report["entries"] as? [[String: Any]])
        #expect(entries.count == Self.count)
        var seen = Set<String>()
        for entry in entries {
            let relative = try #require(entry["relativePath"] as? String)
            seen.insert(relative)
            if let number = expectedGood[relative] {
                #expect(entry["status"] as? String == reference.status, "\(relative): \(entry)")
                #expect(entry["mapping"] as? String == "permenpan-lembar-kerja")
                #expect(entry["mappingRecognised"] as? Bool == true)
                #expect(entry["nodes"] as? Int == 27)
                let diagnostics = entry["diagnostics"] as? [String: Any]
                #expect(diagnostics?["error"] as? Int == reference.errors)
                #expect(diagnostics?["warning"] as? Int == reference.warnings)
                #expect(diagnostics?["info"] as? Int == reference.infos)
                // The output is complete and is this input's own model (its agency name).
                let output = try #require(entry["output"] as? String)
                let model = try BatchRun.report(URL(fileURLWithPath: output))
                #expect((model["nodes"] as? [Any])?.count == 27, "\(output)")
                #expect((model["agency"] as? [String: Any])?["name"] as? String == BatchWorkbooks.agencyName(number) + " USAHA KECIL MENENGAH DAN TENAGA KERJA")
            } else if let code = expectedBad[relative] {
                #expect(entry["status"] as? String == "failed", "\(relative): \(entry)")
                let error = entry["error"] as? [String: Any]
                #expect(error?["code"] as? String == code, "\(relative): \(error ?? [:])")
                #expect((error?["message"] as? String)?.isEmpty == false)
            } else {
                Issue.record("the report lists an input that is not one: \(relative)")
            }
        }
        #expect(seen.count == Self.count)

        // Only complete outputs, one per good input: no temporary files, nothing for bad inputs.
        let outputs = Set(try Self.files(under: outputFolder, includingHidden: true))
        let expectedOutputs = Set(expectedGood.keys.map { ($0 as NSString).deletingPathExtension + ".json" } + ["pokin-batch-report.json"])
        #expect(outputs == expectedOutputs, "unexpected: \(outputs.subtracting(expectedOutputs).sorted().prefix(10)), missing: \(expectedOutputs.subtracting(outputs).sorted().prefix(10))")

        // Inputs are exactly as they were (bytes, size, times, permissions).
        let after = inputFiles.map { BatchWorkbooks.fingerprint(inputFolder.appendingPathComponent($0)) }
        #expect(before == after)
    }

    /// Relative paths of the files below `folder`, sorted.
    static func files(under folder: URL, includingHidden: Bool = false) throws -> [String] {
        var found: [String] = []
        let base = folder.standardizedFileURL.path
        let enumerator = FileManager.default.enumerator(atPath: base)
        while let relative = enumerator?.nextObject() as? String {
            var info = stat()
            guard lstat(base + "/" + relative, &info) == 0, (info.st_mode & S_IFMT) != S_IFDIR else { continue }
            let name = (relative as NSString).lastPathComponent
            if includingHidden || !name.hasPrefix(".") { found.append(relative) }
        }
        return found.sorted()
    }
}

import Foundation
import PokinTestSupport
import Testing

@Suite("pokin batch: listing inputs, placing outputs, protecting inputs, resuming")
struct BatchCommandTests {
    static let mapping = ["--mapping", "permenpan-lembar-kerja"]

    /// Writes seed variants at the relative paths given, under a fresh folder.
    static func inputs(_ relatives: [String], label: String) throws -> URL {
        let root = try Fixtures.temporaryDirectory(label)
        for (number, relative) in relatives.enumerated() {
            let url = root.appendingPathComponent(relative)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try BatchWorkbooks.writeVariant(number + 1, to: url)
        }
        return root
    }

    /// The report's entries by relative path.
    static func entries(_ report: URL) throws -> [String: [String: Any]] {
        let object = try BatchRun.report(report)
        var byPath: [String: [String: Any]] = [:]
        for entry in object["entries"] as? [[String: Any]] ?? [] {
            byPath[entry["relativePath"] as? String ?? "?"] = entry
        }
        return byPath
    }

    @Test("outputs keep the inputs' paths below the folder named; hidden files, Office lock files and other extensions are not inputs")
    func relativePathsFromAFolder() throws {
        let root = try Self.inputs(["data/kab-a/dinas-1.xlsx", "data/kab-b/bidang/dinas-2.xlsx"], label: "batch-folder")
        let data = root.appendingPathComponent("data")
        try Data("x".utf8).write(to: data.appendingPathComponent("kab-a/.tersembunyi.xlsx"))
        try Data("x".utf8).write(to: data.appendingPathComponent("kab-a/~$dinas-1.xlsx"))
        try Data("catatan".utf8).write(to: data.appendingPathComponent("kab-a/catatan.txt"))
        let out = root.appendingPathComponent("hasil")
        let result = try PokinBinary.run(["batch", data.path, "--out", out.path, "--to", "json"] + Self.mapping)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try BatchScaleTests.files(under: out, includingHidden: true)
            == ["kab-a/dinas-1.json", "kab-b/bidang/dinas-2.json", "pokin-batch-report.json"])
        let entries = try Self.entries(out.appendingPathComponent("pokin-batch-report.json"))
        #expect(Set(entries.keys) == ["kab-a/dinas-1.xlsx", "kab-b/bidang/dinas-2.xlsx"])
        #expect(entries["kab-a/dinas-1.xlsx"]?["output"] as? String == out.appendingPathComponent("kab-a/dinas-1.json").path)
    }

    @Test("a folder, a quoted pattern expanded by pokin, and the files the shell would list give the same outputs")
    func patternsAndFileListsAgreeWithFolders() throws {
        let relatives = ["data/kab-a/dinas-1.xlsx", "data/kab-a/dinas-2.xlsx", "data/kab-b/dinas-3.xlsx"]
        let root = try Self.inputs(relatives, label: "batch-glob")
        let data = root.appendingPathComponent("data")
        let runs: [(String, [String])] = [
            ("folder", [data.path]),
            ("pattern", [data.path + "/*/*.xlsx"]),
            ("recursive-pattern", [data.path + "/**/dinas-*.xlsx"]),
            ("files", relatives.map { root.appendingPathComponent($0).path }),
        ]
        var outputs: [String: [String]] = [:]
        for (label, arguments) in runs {
            let out = root.appendingPathComponent("out-" + label)
            let result = try PokinBinary.run(["batch"] + arguments + ["--out", out.path, "--to", "json"] + Self.mapping)
            #expect(result.status == 0, "\(label): \(result.stderr)")
            outputs[label] = try BatchScaleTests.files(under: out)
        }
        let expected = ["kab-a/dinas-1.json", "kab-a/dinas-2.json", "kab-b/dinas-3.json", "pokin-batch-report.json"]
        for (label, files) in outputs { #expect(files == expected, "\(label)") }
    }

    @Test("a manifest (a file or standard input) names inputs one per line; comments and blank lines are skipped; a missing file is reported and the rest convert")
    func manifests() throws {
        let root = try Self.inputs(["data/kab-a/dinas-1.xlsx", "data/kab-b/dinas-2.xlsx"], label: "batch-manifest")
        let list = """
            # masukan untuk batch
            data/kab-a/dinas-1.xlsx

              data/kab-b/*.xlsx
            data/kab-c/hilang.xlsx
            """
        try Data(list.utf8).write(to: root.appendingPathComponent("daftar.txt"))
        let reference = try BatchWorkbooks.reference()
        for source in ["@daftar.txt", "@-"] {
            let out = root.appendingPathComponent("out" + (source == "@-" ? "-stdin" : ""))
            let result = try PokinBinary.run(["batch", source, "--out", out.path, "--to", "json"] + Self.mapping,
                                             input: source == "@-" ? Array(list.utf8) : [], currentDirectory: root)
            #expect(result.status == 1, "\(source): \(result.stderr)")
            let entries = try Self.entries(out.appendingPathComponent("pokin-batch-report.json"))
            #expect(Set(entries.keys) == ["kab-a/dinas-1.xlsx", "kab-b/dinas-2.xlsx", "kab-c/hilang.xlsx"], "\(source)")
            #expect((entries["kab-c/hilang.xlsx"]?["error"] as? [String: Any])?["code"] as? String == "file-not-found")
            #expect(entries["kab-a/dinas-1.xlsx"]?["status"] as? String == reference.status)
            #expect(entries["kab-b/dinas-2.xlsx"]?["status"] as? String == reference.status)
        }
        let missing = try PokinBinary.run(["batch", "@tidak-ada.txt", "--out", "o", "--to", "json"], currentDirectory: root)
        #expect(missing.status == 3)
        #expect(missing.stderr.contains("file-not-found"))
    }

    @Test("--out at the inputs' own folder: workbook outputs are refused before anything is written (exit 2); JSON goes beside the inputs, and a second run does not take it as input")
    func outputFolderIsTheInputFolder() throws {
        let root = try Self.inputs(["kab-a/dinas-1.xlsx", "kab-a/dinas-2.xlsx"], label: "batch-inplace")
        let before = try BatchScaleTests.files(under: root, includingHidden: true)
        let fingerprints = before.map { BatchWorkbooks.fingerprint(root.appendingPathComponent($0)) }
        let refused = try PokinBinary.run(["batch", root.path, "--out", root.path, "--to", "xlsx"] + Self.mapping)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("error[output-would-overwrite-input]"))
        #expect(try BatchScaleTests.files(under: root, includingHidden: true) == before)
        #expect(before.map { BatchWorkbooks.fingerprint(root.appendingPathComponent($0)) } == fingerprints)

        for run in 1...2 {
            let result = try PokinBinary.run(["batch", root.path, "--out", root.path, "--to", "json"] + Self.mapping)
            #expect(result.status == 0, "run \(run): \(result.stderr)")
            let entries = try Self.entries(root.appendingPathComponent("pokin-batch-report.json"))
            #expect(Set(entries.keys) == ["kab-a/dinas-1.xlsx", "kab-a/dinas-2.xlsx"], "run \(run)")
        }
        #expect(try BatchScaleTests.files(under: root, includingHidden: true)
            == ["kab-a/dinas-1.json", "kab-a/dinas-1.xlsx", "kab-a/dinas-2.json", "kab-a/dinas-2.xlsx", "pokin-batch-report.json"])
        #expect(before.map { BatchWorkbooks.fingerprint(root.appendingPathComponent($0)) } == fingerprints)
    }

    @Test("an output that is the input under another name (a hard link) is refused, and the input keeps its bytes")
    func linkedOutputIsRefused() throws {
        let root = try Fixtures.temporaryDirectory("batch-link")
        let input = root.appendingPathComponent("in/model.json")
        try FileManager.default.createDirectory(at: input.deletingLastPathComponent(), withIntermediateDirectories: true)
        let original = try PokinBinary.run(["convert", BatchWorkbooks.seed.path, input.path] + Self.mapping)
        #expect(original.status == 0, "\(original.stderr)")
        let out = root.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try FileManager.default.linkItem(at: input, to: out.appendingPathComponent("model.json"))
        let bytes = try Data(contentsOf: input)
        let result = try PokinBinary.run(["batch", input.path, "--out", out.path, "--to", "json"])
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains("output-would-overwrite-input"))
        #expect(try Data(contentsOf: input) == bytes)
    }

    @Test("two inputs that would share an output name keep their extension in it; a canonical JSON input converts too")
    func sharedOutputNames() throws {
        let root = try Self.inputs(["in/dinas.xlsx"], label: "batch-names")
        let json = root.appendingPathComponent("in/dinas.json")
        let converted = try PokinBinary.run(["convert", root.appendingPathComponent("in/dinas.xlsx").path, json.path] + Self.mapping)
        #expect(converted.status == 0)
        let out = root.appendingPathComponent("out")
        let result = try PokinBinary.run(["batch", root.appendingPathComponent("in/dinas.xlsx").path, json.path,
                                          "--out", out.path, "--to", "json"] + Self.mapping)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try BatchScaleTests.files(under: out) == ["dinas-json.json", "dinas-xlsx.json", "pokin-batch-report.json"])
        let entries = try Self.entries(out.appendingPathComponent("pokin-batch-report.json"))
        #expect(entries["dinas.json"]?["mapping"] is NSNull)
        #expect(entries["dinas.json"]?["nodes"] as? Int == 27)
        #expect(try Data(contentsOf: out.appendingPathComponent("dinas-json.json")) == Data(contentsOf: out.appendingPathComponent("dinas-xlsx.json")))
    }

    @Test("--resume skips outputs that are complete and newer, and redoes missing, damaged and outdated ones")
    func resume() throws {
        let relatives = ["a.xlsx", "b.xlsx", "c.xlsx", "d.xlsx"]
        let root = try Self.inputs(relatives.map { "in/" + $0 }, label: "batch-resume")
        let out = root.appendingPathComponent("out")
        let first = try PokinBinary.run(["batch", root.appendingPathComponent("in").path, "--out", out.path, "--to", "json"] + Self.mapping)
        #expect(first.status == 0, "\(first.stderr)")
        func output(_ name: String) -> URL { out.appendingPathComponent(name + ".json") }
        func input(_ name: String) -> URL { root.appendingPathComponent("in/\(name).xlsx") }
        let manager = FileManager.default
        try manager.removeItem(at: output("a"))                                         // missing
        let text = try Data(contentsOf: output("b"))
        try text.prefix(text.count / 2).write(to: output("b"))                          // cut short
        let outputTime = try #require(try manager.attributesOfItem(atPath: output("c").path)[.modificationDate] as? Date)
        try manager.setAttributes([.modificationDate: outputTime.addingTimeInterval(60)], ofItemAtPath: input("c").path)  // input edited since
        try manager.setAttributes([.modificationDate: outputTime.addingTimeInterval(-60)], ofItemAtPath: input("d").path) // up to date
        try manager.setAttributes([.modificationDate: outputTime], ofItemAtPath: output("d").path)

        let second = try PokinBinary.run(["batch", root.appendingPathComponent("in").path, "--out", out.path, "--to", "json", "--resume"] + Self.mapping)
        #expect(second.status == 0, "\(second.stderr)")
        let entries = try Self.entries(out.appendingPathComponent("pokin-batch-report.json"))
        let reference = try BatchWorkbooks.reference()
        #expect(entries["a.xlsx"]?["status"] as? String == reference.status)
        #expect(entries["b.xlsx"]?["status"] as? String == reference.status)
        #expect(entries["c.xlsx"]?["status"] as? String == reference.status)
        #expect(entries["d.xlsx"]?["status"] as? String == "skipped")
        #expect(second.stderr.contains("1 skipped (output up to date)"))
        for name in ["a", "b", "c", "d"] {
            #expect((try BatchRun.report(output(name))["nodes"] as? [Any])?.count == 27, "\(name)")
        }
    }

    @Test("a temporary file an interrupted run left is removed; one of a process still running is kept; an earlier output is replaced")
    func staleTemporaryFiles() throws {
        let root = try Self.inputs(["in/a.xlsx", "in/b.xlsx"], label: "batch-sweep")
        let out = root.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let finished = try ProcessRunner.run("/bin/sh", ["-c", "echo $$"])  // a process id that has ended
        let dead = finished.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let stale = out.appendingPathComponent(".a.json.pokin-\(dead).tmp")
        let staleZip = out.appendingPathComponent(".b.json.pokin-\(dead).tmp.Ab12Cd")
        let live = out.appendingPathComponent(".b.json.pokin-\(getpid()).tmp")
        let unrelated = out.appendingPathComponent(".catatan.pokin-\(dead).tmp")
        for url in [stale, staleZip, live, unrelated] { try Data("{\"pokin\": 1, \"nod".utf8).write(to: url) }
        try Data("lama".utf8).write(to: out.appendingPathComponent("b.json"))
        let result = try PokinBinary.run(["batch", root.appendingPathComponent("in").path, "--out", out.path, "--to", "json"] + Self.mapping)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("removed 2 temporary file(s)"))
        let manager = FileManager.default
        #expect(!manager.fileExists(atPath: stale.path))
        #expect(!manager.fileExists(atPath: staleZip.path))
        #expect(manager.fileExists(atPath: live.path))
        #expect(manager.fileExists(atPath: unrelated.path))  // not the temporary file of an output of this batch
        #expect((try BatchRun.report(out.appendingPathComponent("b.json"))["nodes"] as? [Any])?.count == 27)
    }

    @Test("usage errors exit 2 before anything is written: a malformed --shard, --jobs 0, --out naming a file, no inputs, an unknown mapping")
    func usageErrors() throws {
        let root = try Self.inputs(["in/a.xlsx"], label: "batch-usage")
        let input = root.appendingPathComponent("in").path
        let out = root.appendingPathComponent("out").path
        let file = root.appendingPathComponent("in/a.xlsx").path
        let empty = root.appendingPathComponent("kosong")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        let cases: [[String]] = [
            ["batch", input, "--out", out, "--to", "json", "--shard", "0/4"],
            ["batch", input, "--out", out, "--to", "json", "--shard", "5/4"],
            ["batch", input, "--out", out, "--to", "json", "--shard", "2"],
            ["batch", input, "--out", out, "--to", "json", "--jobs", "0"],
            ["batch", input, "--out", file, "--to", "json"],
            ["batch", empty.path, "--out", out, "--to", "json"],
            ["batch", input, "--out", out, "--to", "json", "--mapping", "tidak-ada"],
            ["batch", input, "--out", out, "--to", "pdf"],
        ]
        for arguments in cases {
            let result = try PokinBinary.run(arguments)
            #expect(result.status == 2, "\(arguments): \(result.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test("a broken built-in mapping stops a batch that recognises layouts before anything is read or written, instead of failing every input alike")
    func brokenBuiltInMapping() throws {
        let root = try Self.inputs(["in/a.xlsx", "in/b.xlsx"], label: "batch-broken-mapping")
        let mappings = root.appendingPathComponent("Mappings")
        try FileManager.default.createDirectory(at: mappings, withIntermediateDirectories: true)
        try Data("# Mappings\n".utf8).write(to: mappings.appendingPathComponent("README.md"))
        try FileManager.default.copyItem(at: Fixtures.repositoryFile("Mappings/permenpan-lembar-kerja.yaml"),
                                         to: mappings.appendingPathComponent("permenpan-lembar-kerja.yaml"))
        try Data("pokin-mapping: 1\nname: rusak\nsheets:\n  tahap-7:\n    sheet: [X]\n".utf8).write(to: mappings.appendingPathComponent("rusak.yaml"))
        let out = root.appendingPathComponent("out")
        let arguments = ["batch", root.appendingPathComponent("in").path, "--out", out.path, "--to", "json"]
        let environment = ["POKIN_MAPPINGS": mappings.path]
        let result = try ProcessRunner.run(PokinBinary.url.path, arguments, environment: environment)
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("error[invalid-mapping]") && result.stderr.contains("rusak.yaml"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
        // Naming a good mapping does not need the others.
        let named = try ProcessRunner.run(PokinBinary.url.path, arguments + Self.mapping, environment: environment)
        #expect(named.status == 0, "\(named.stderr)")
    }

    @Test("progress: a bar with counts and rate on a terminal, plain lines without control characters otherwise, none with --quiet")
    func progress() throws {
        let root = try Self.inputs(["in/a.xlsx", "in/b.xlsx", "in/c.xlsx"], label: "batch-progress")
        let input = root.appendingPathComponent("in").path
        let piped = try PokinBinary.run(["batch", input, "--out", root.appendingPathComponent("o1").path, "--to", "json"] + Self.mapping)
        #expect(piped.status == 0)
        #expect(piped.stderr.hasPrefix("pokin batch: 3 inputs to json in "))
        #expect(!piped.stderr.contains("\r") && !piped.stderr.contains("\u{1B}"))
        let reference = try BatchWorkbooks.reference()
        #expect(piped.stderr.contains("pokin batch: 3 inputs: \(reference.summary(good: 3, failed: 0)) in "))

        let quiet = try PokinBinary.run(["batch", input, "--out", root.appendingPathComponent("o2").path, "--to", "json", "--quiet"] + Self.mapping)
        #expect(quiet.status == 0)
        #expect(quiet.stderr.hasPrefix("pokin batch: 3 inputs: \(reference.summary(good: 3, failed: 0))"), "\(quiet.stderr)")

        // A terminal, through script(1): the bar is redrawn in place and ends with the counts.
        if TestEnvironment.hasExecutable("script") {
            let command = ([PokinBinary.url.path, "batch", input, "--out", root.appendingPathComponent("o3").path, "--to", "json"] + Self.mapping)
                .map { "'\($0)'" }.joined(separator: " ")
            let terminal = try ProcessRunner.run("/usr/bin/env", ["script", "-qec", command, "/dev/null"])
            #expect(terminal.status == 0, "\(terminal.stdout)")
            #expect(terminal.stdout.contains("\r"))
            #expect(terminal.stdout.contains("] 3/3 100% | \(reference.bar(good: 3, failed: 0)) | "), "\(terminal.stdout)")
            #expect(terminal.stdout.contains("/s, 0:00 left"))
        }
    }
}

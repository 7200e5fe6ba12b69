import Foundation
import PokinTestSupport
import Testing

@Suite("pokin batch --shard: N machines share one batch")
struct BatchShardTests {
    @Test("the N shards together convert every input exactly once, into one output folder, each with its own report")
    func shardsCoverEveryInputOnce() throws {
        let relatives = (1...24).map { String(format: "kab-%d/dinas-%02d.xlsx", $0 % 3, $0) }
        let root = try BatchCommandTests.inputs(relatives.map { "in/" + $0 }, label: "batch-shards")
        let out = root.appendingPathComponent("out")
        let reference = try BatchWorkbooks.reference()
        var converted: [String: Int] = [:]
        for k in 1...4 {
            let result = try PokinBinary.run(["batch", root.appendingPathComponent("in").path, "--out", out.path, "--to", "json",
                                              "--shard", "\(k)/4"] + BatchCommandTests.mapping)
            #expect(result.status == 0, "\(result.stderr)")
            let report = try BatchRun.report(out.appendingPathComponent("pokin-batch-report-shard-\(k)-of-4.json"))
            #expect(report["shard"] as? String == "\(k)/4")
            #expect(report["listed"] as? Int == 24)
            for entry in report["entries"] as? [[String: Any]] ?? [] {
                #expect(entry["status"] as? String == reference.status)
                converted[entry["relativePath"] as? String ?? "?", default: 0] += 1
            }
        }
        #expect(Set(converted.keys) == Set(relatives))
        #expect(converted.values.allSatisfy { $0 == 1 })
        let outputs = try BatchScaleTests.files(under: out).filter { !$0.hasPrefix("pokin-batch-report") }
        #expect(outputs == relatives.map { ($0 as NSString).deletingPathExtension + ".json" }.sorted())
    }

    @Test("an input's shard does not change when the inputs are listed in another order, from a manifest, or with more inputs beside them")
    func shardsAreStableUnderRelisting() throws {
        // Inputs that fail fast (a layout no mapping knows): the report still places each in its shard.
        let root = try Fixtures.temporaryDirectory("batch-shard-stable")
        let names = (0..<120).map { String(format: "wilayah-%d/opd-%03d.csv", $0 % 5, $0) }
        for name in names + (0..<40).map({ String(format: "wilayah-%d/tambahan-%03d.csv", $0 % 7, $0) }) {
            let url = root.appendingPathComponent("data/" + name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("Nama;Alamat\nBudi;Jl. Merdeka\n".utf8).write(to: url)
        }
        try Data(names.reversed().map { "data/" + $0 }.joined(separator: "\n").utf8).write(to: root.appendingPathComponent("terbalik.txt"))
        try Data(names.map { "data/" + $0 }.joined(separator: "\n").utf8).write(to: root.appendingPathComponent("urut.txt"))

        func membership(_ inputs: [String], label: String) throws -> [String: Int] {
            var shardOf: [String: Int] = [:]
            for k in 1...3 {
                let result = try PokinBinary.run(["batch"] + inputs + ["--out", "out-" + label, "--to", "json", "--shard", "\(k)/3", "--quiet"],
                                                 currentDirectory: root)
                #expect(result.status != 2 && result.status != 3, "\(result.stderr)")
                let report = try BatchRun.report(root.appendingPathComponent("out-\(label)/pokin-batch-report-shard-\(k)-of-3.json"))
                for entry in report["entries"] as? [[String: Any]] ?? [] {
                    let relative = entry["relativePath"] as? String ?? "?"
                    #expect(shardOf[relative] == nil, "\(relative) is in two shards")
                    shardOf[relative] = k
                }
            }
            return shardOf
        }
        let sorted = try membership(["@urut.txt"], label: "urut")
        let reversed = try membership(["@terbalik.txt"], label: "terbalik")
        let withMore = try membership(["data"], label: "semua")
        #expect(sorted.count == 120)
        #expect(withMore.count == 160)
        #expect(sorted == reversed)
        for (relative, shard) in sorted { #expect(withMore[relative] == shard, "\(relative)") }
        #expect(Set(sorted.values) == [1, 2, 3])
        // The documented rule, so that other tools can tell which shard holds an input.
        for (relative, shard) in withMore {
            #expect(Int(Self.fnv1a64(relative) % 3) + 1 == shard, "\(relative)")
        }
    }

    /// FNV-1a, 64 bits, over UTF-8 (written here independently of pokin's own).
    static func fnv1a64(_ text: String) -> UInt64 {
        text.utf8.reduce(14_695_981_039_346_656_037 as UInt64) { ($0 ^ UInt64($1)) &* 1_099_511_628_211 }
    }
}

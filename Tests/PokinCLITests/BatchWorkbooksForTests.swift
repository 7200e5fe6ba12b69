import Foundation
import PokinTestSupport
import PokinXLSX

/// Builds batch inputs for the batch tests: variants of the seed agency workbook (each with its
/// own agency name, so an output can be traced back to its input), and hostile or broken files
/// of every kind a batch must survive, each with the error code it must be reported with.
enum BatchWorkbooks {
    static let seed = Fixtures.url("agencies/dkukmpp-seed/pohon-kinerja-dkukmpp.xlsx")

    /// The seed's parts, read once.
    static let seedParts: [(name: String, bytes: [UInt8])] = {
        let archive = try! ZipArchive(path: seed.path)
        return archive.entryNames.enumerated().map { index, name in (name, try! archive.readEntry(at: index)) }
    }()

    /// The agency name written into variant `number` (the seed's own name with a number).
    static func agencyName(_ number: Int) -> String { "DINAS KOPERASI NOMOR \(number)" }

    /// Writes the seed workbook with its agency cells renamed (`agencyName(number)`), and the
    /// parts changed by `edit` (name, bytes) → bytes.
    static func writeVariant(_ number: Int, to url: URL, compressionLevel: UInt32 = 1,
                             edit: (String, [UInt8]) -> [UInt8] = { $1 }) throws {
        let writer = try ZipWriter(path: url.path, compressionLevel: compressionLevel)
        for (name, bytes) in seedParts {
            var part = bytes
            if name.hasPrefix("xl/worksheets/") {
                let text = String(decoding: bytes, as: UTF8.self)
                part = Array(text.replacingOccurrences(of: "DINAS KOPERASI", with: agencyName(number)).utf8)
            }
            try writer.add(name: name, bytes: edit(name, part))
        }
        try writer.close()
    }

    /// What `pokin convert` makes of a seed variant: the counts every batch entry of a good
    /// input must repeat (the seed's warnings are the mapping layer's business, not the batch's).
    struct Reference {
        var nodes: Int
        var errors: Int
        var warnings: Int
        var infos: Int
        var status: String { errors + warnings > 0 ? "converted-with-warnings" : "converted" }

        /// The summary's counts for `good` converted inputs and `failed` failed ones.
        func summary(good: Int, failed: Int) -> String {
            let plain = status == "converted" ? good : 0
            return "\(plain) converted, \(good - plain) converted with warnings, \(failed) failed"
        }

        /// The progress bar's counts.
        func bar(good: Int, failed: Int) -> String {
            let plain = status == "converted" ? good : 0
            return "\(plain) ok, \(good - plain) warn, \(failed) failed"
        }
    }

    static func reference() throws -> Reference {
        let folder = try Fixtures.temporaryDirectory("batch-reference")
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("dinas.xlsx"), output = folder.appendingPathComponent("dinas.json")
        try writeVariant(1, to: input)
        let result = try PokinBinary.run(["convert", input.path, output.path, "--mapping", "permenpan-lembar-kerja"])
        guard result.status == 0 else { throw MissingRequirement(description: "pokin convert failed: \(result.stderr)") }
        let model = try BatchRun.report(output)
        let severities = (model["diagnostics"] as? [[String: Any]] ?? []).compactMap { $0["severity"] as? String }
        return Reference(nodes: (model["nodes"] as? [Any])?.count ?? -1, errors: severities.filter { $0 == "error" }.count,
                         warnings: severities.filter { $0 == "warning" }.count, infos: severities.filter { $0 == "info" }.count)
    }

    /// A broken input: its file name, how to make it, and the code the report must give it.
    struct BadInput {
        var name: String
        var code: String
        var make: (URL) throws -> Void
    }

    /// Whether the peer corpus's encrypted workbook is at hand (else an OLE2 header is crafted).
    static var encryptedSample: URL? {
        let url = TestEnvironment.sharedRoot.appendingPathComponent("corpus/peers/excelize/encryptAES.xlsx")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }

    /// Twenty-five broken inputs of thirteen kinds. `unreadable` needs the batch to run as a
    /// user the file's permissions apply to (the tests run it as `nobody` when they are root).
    static func badInputs() -> [BadInput] {
        var kinds: [BadInput] = []
        if let sample = encryptedSample {
            kinds.append(BadInput(name: "terkunci.xlsx", code: "encrypted-workbook") { try FileManager.default.copyItem(at: sample, to: $0) })
        } else {
            // Only the OLE2 signature: a password-protected workbook or an .xls, the reader says.
            kinds.append(BadInput(name: "terkunci.xlsx", code: "unsupported-format") {
                try Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504)).write(to: $0)
            })
        }
        kinds += [
            BadInput(name: "terpotong.xlsx", code: "not-a-zip-file") { url in
                let bytes = try Data(contentsOf: seed)
                try bytes.prefix(bytes.count / 2).write(to: url)
            },
            BadInput(name: "bukan-zip.xlsx", code: "not-a-zip-file") { url in
                // Binary bytes (zeros among them) that are no format pokin knows.
                try Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7919 &+ 13) & 0x8F }).write(to: url)
            },
            BadInput(name: "bom-xml.xlsx", code: "unsafe-xml") { url in
                try writeVariant(0, to: url) { name, bytes in
                    guard name == "xl/worksheets/sheet3.xml" else { return bytes }
                    let bomb = """
                        <?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">\
                        <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>
                        """
                    return Array(bomb.utf8) + bytes
                }
            },
            BadInput(name: "bom-zip.xlsx", code: "size-limit-exceeded") { url in
                // A sheet that inflates to 40 MiB at over 1000:1: the reader stops on the ratio.
                try writeVariant(0, to: url, compressionLevel: 9) { name, bytes in
                    guard name == "xl/worksheets/sheet2.xml", let at = find(Array("<sheetData>".utf8), in: bytes) else { return bytes }
                    return Array(bytes[..<at]) + [UInt8](repeating: 0x20, count: 40 << 20) + Array(bytes[at...])
                }
            },
            BadInput(name: "kosong.xlsx", code: "not-a-zip-file") { try Data().write(to: $0) },
            BadInput(name: "csv-bernama.xlsx", code: "unsupported-format") { url in
                try Data("No;Kinerja;Indikator\n1;Meningkatnya Produktifitas;Persentase\n".utf8).write(to: url)
            },
            BatchRun.permissionsApply
                ? BadInput(name: "tak-terbaca.xlsx", code: "file-unreadable") { url in
                    try writeVariant(0, to: url)
                    try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: url.path)
                }
                // Root without setpriv reads any file: a link to nothing stands in for it.
                : BadInput(name: "tak-terbaca.xlsx", code: "file-not-found") { url in
                    try FileManager.default.createSymbolicLink(atPath: url.path, withDestinationPath: url.path + ".hilang")
                },
            BadInput(name: "halaman-web.xlsx", code: "unsupported-format") { url in
                try Data("<html><body><table><tr><td>Kinerja</td></tr></table></body></html>".utf8).write(to: url)
            },
            BadInput(name: "xml-rusak.xlsx", code: "malformed-xml") { url in
                try writeVariant(0, to: url) { name, bytes in
                    name == "xl/worksheets/sheet1.xml" ? Array(bytes.prefix(bytes.count / 2)) : bytes
                }
            },
            BadInput(name: "tanpa-workbook.xlsx", code: "missing-part") { url in
                let writer = try ZipWriter(path: url.path)
                try writer.add(name: "catatan.txt", bytes: Array("bukan workbook".utf8))
                try writer.close()
            },
            BadInput(name: "tata-letak-lain.csv", code: "invalid-mapping") { url in
                try Data("Nama;Alamat\nBudi;Jl. Merdeka\n".utf8).write(to: url)
            },
            BadInput(name: "pipa.xlsx", code: "unsupported-format") { url in
                // A named pipe: opening it for reading would wait for a writer forever.
                guard mkfifo(url.path, 0o644) == 0 else { throw CocoaError(.fileWriteUnknown) }
            },
        ]
        // 13 kinds; the first 12 twice and the last once: 25 bad inputs.
        var inputs: [BadInput] = []
        for copy in 1...2 {
            for (index, kind) in kinds.enumerated() where copy == 1 || index < 12 {
                var input = kind
                let ext = (kind.name as NSString).pathExtension
                input.name = "\((kind.name as NSString).deletingPathExtension)-\(copy).\(ext)"
                inputs.append(input)
            }
        }
        return inputs
    }

    static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard needle.count <= haystack.count else { return nil }
        for start in 0...(haystack.count - needle.count) where haystack[start..<start + needle.count].elementsEqual(needle) {
            return start
        }
        return nil
    }

    /// SHA-free fingerprint of a file's bytes and modification time, to prove inputs unchanged.
    static func fingerprint(_ url: URL) -> String {
        var info = stat()
        guard lstat(url.path, &info) == 0 else { return "missing" }
        var hasher = Hasher()
        if (info.st_mode & S_IFMT) == S_IFREG, info.st_mode & 0o444 != 0 || geteuid() == 0,
           let data = FileManager.default.contents(atPath: url.path) {
            hasher.combine(data)
        }
        return "\(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec) \(info.st_mode) \(hasher.finalize())"
    }
}

import Foundation
import PokinCore
import PokinModel
import PokinTestSupport
import Testing

/// The seed agency (DKUKMPP) as fixtures: `Fixtures/agencies/dkukmpp-seed/` holds the workbook
/// (`pohon-kinerja-dkukmpp.xlsx`, made by `make-workbook.py`) and the hand-checked golden model
/// (`expected.json`). These tests prove the golden is a valid canonical document, that it is
/// exactly what the model writes, that it says what the seed says, and that every cell it points
/// at in the workbook holds the text it claims.
@Suite("Seed golden model: Fixtures/agencies/dkukmpp-seed/expected.json against the model and the workbook")
struct SeedGoldenModelTests {
    static let folder = "agencies/dkukmpp-seed"
    static let workbookName = "pohon-kinerja-dkukmpp.xlsx"

    static func goldenBytes() throws -> [UInt8] {
        try Fixtures.bytes("\(folder)/expected.json")
    }

    static func golden() throws -> PohonKinerja {
        try PohonKinerja.decode(goldenBytes(), file: "expected.json")
    }

    // MARK: (a) decodes and validates

    @Test("the golden decodes without a problem and its tree is sound (unique ids, parents exist and come first)")
    func decodesAndValidates() throws {
        let model = try Self.golden()
        #expect(model.validate().isEmpty)
        #expect(model.nodes.count == 27)
        #expect(model.agency.name == "DINAS KOPERASI USAHA KECIL MENENGAH DAN TENAGA KERJA")
        #expect(model.agency.shortName == "DKUKMPP")
    }

    @Test("the golden is valid against Schema/pokin-1.schema.json (checked by Python's jsonschema)",
          .enabled(if: SchemaValidator.enabled))
    func schemaValid() throws {
        let text = String(decoding: try Self.goldenBytes(), as: UTF8.self)
        #expect(try SchemaValidator.problems(in: text) == [])
    }

    // MARK: (b) byte-for-byte round trip

    @Test("writing the decoded golden with the model's writer gives the file back byte for byte")
    func roundTripsByteForByte() throws {
        let bytes = try Self.goldenBytes()
        let model = try PohonKinerja.decode(bytes)
        let written = Array(model.canonicalJSON().utf8)
        #expect(written.count == bytes.count)
        #expect(written == bytes)
        #expect(try PohonKinerja.decode(written) == model)
    }

    // MARK: (c) what the seed says

    @Test("node count by level: 2 outcomes, 7 CSF, 4 kondisi antara utama, 6 kondisi antara, 8 kondisi operasional")
    func nodeCountByLevel() throws {
        let model = try Self.golden()
        var counts: [Level: Int] = [:]
        for node in model.nodes { counts[node.level, default: 0] += 1 }
        #expect(counts == [.outcome: 2, .csf: 7, .kondisiAntaraUtama: 4, .kondisiAntara: 6, .kondisiOperasional: 8])
    }

    @Test("ids are outline numbers by position and nodes come parents first, siblings in sheet order")
    func outlineIDsInPreOrder() throws {
        let model = try Self.golden()
        var seen: Set<String> = []
        var childCount: [String: Int] = [:]
        for node in model.nodes {
            let key = node.parent ?? ""
            childCount[key, default: 0] += 1
            let expected = node.parent.map { "\($0).\(childCount[key]!)" } ?? "\(childCount[key]!)"
            #expect(node.id == expected, "node \(node.id) should be \(expected)")
            if let parent = node.parent { #expect(seen.contains(parent), "\(node.id) listed before its parent") }
            seen.insert(node.id)
        }
        #expect(model.children(of: nil).map(\.id) == ["1", "2"])
    }

    @Test("the 5 crosscutting CSFs hang under the outcome with their partners as written, no indicator, and no Tahap 5 row")
    func crosscuttingCSFs() throws {
        let model = try Self.golden()
        let crosscutting = model.nodes.filter(\.isCrosscuttingCSF)
        #expect(crosscutting.map(\.id) == ["1.3", "1.4", "1.5", "1.6", "1.7"])
        #expect(crosscutting.map { $0.crosscutting.map(\.partner) } == [
            ["DINAS PMPTSP"], ["BALAI DIKLAT KOPERASI DAN UKM"], ["BANK/LEMBAGA KEUANGAN/RETAIL MODERN"], ["DESA"], ["UKPBJ"],
        ])
        #expect(crosscutting.map(\.statement) == [
            "Mudahnya Pengurusan Ijin Koperasi dan Usaha Mikro",
            "Adanya kegiatan pengembangan pelatihan perkoperasian dan UKM",
            "Mudahnya Jaringan Kemitraan",
            "Kemudahan verifikasi dan validasi data UKM",
            "Mudahnya Penyediaan Pengadaan Barang Jasa untuk hibah bantuan UKM",
        ])
        for node in crosscutting {
            #expect(node.parent == "1")
            #expect(node.indicators.isEmpty)
            #expect(node.performance == nil && node.planning == nil && node.position == nil)
            #expect(Array(node.stages.keys).sorted() == [.tahap2, .tahap3, .tahap4, .cascading])
            #expect(node.stages[.tahap4]?.indicators == [], "Tahap 4 shows \(node.id) with an empty indicator cell")
        }
        // Only crosscutting nodes have partners.
        #expect(model.nodes.filter { !$0.crosscutting.isEmpty }.count == 5)
        // The cascading sheet keeps its typo for CSF 1.4.
        #expect(model.node(id: "1.4")?.stages[.cascading]?.text == "Adanya kegiatan pengembangan pelatihan perkeroperasian dan UKM")
    }

    @Test("the outcome is Tahap 1's result with Tahap 4's indicator, strategis SKPD, Tujuan SKPD and no job")
    func outcome() throws {
        let outcome = try #require(try Self.golden().node(id: "1"))
        #expect(outcome.statement == "Meningkatnya Produktifitas Koperasi dan Usaha Mikro")
        #expect(outcome.level == .outcome)
        #expect(outcome.indicators.map(\.name) == ["Persentase Koperasi Berpredikat Sehat"])
        #expect(outcome.performance == .strategisSKPD)
        #expect(outcome.planning == .tujuan)
        #expect(outcome.position == nil)
    }

    @Test("every node except the crosscutting CSFs has an indicator")
    func everyNodeHasAnIndicator() throws {
        for node in try Self.golden().nodes where !node.isCrosscuttingCSF {
            #expect(!node.indicators.isEmpty, "node \(node.id) has no indicator")
            #expect(node.indicators.allSatisfy { !$0.name.isEmpty })
        }
    }

    @Test("every node on Tahap 5 has planning and position exactly where Tahap 5 gives a label, mapped by the level table")
    func tahap5PlanningAndPosition() throws {
        let planningWords: [String: KomponenPerencanaan] = [
            "Tujuan SKPD": .tujuan, "Sasaran Pertama SKPD": .sasaranSKPD, "Sasaran Kedua SKPD": .sasaranSKPD,
            "Sasaran Program": .sasaranProgram, "Sasaran Kegiatan": .sasaranKegiatan, "Sasaran Sub Kegiatan": .sasaranSubKegiatan,
        ]
        let positionWords: [String: Jabatan] = [
            "PK Jabatan Pimpinan Tinggi": .jpt, "PK Jabatan Pimpinan": .jpt, "PK Jabatan Administrator": .administrator, "PK/SKP JF": .jf,
        ]
        let model = try Self.golden()
        let onTahap5 = model.nodes.filter { $0.stages[.tahap5] != nil }
        #expect(onTahap5.count == 22)
        for node in onTahap5 {
            let record = try #require(node.stages[.tahap5])
            let planningLabel = try #require(record.planningLabel, "Tahap 5 gives every row a planning component")
            #expect(node.planning == planningWords[planningLabel], "node \(node.id): \(planningLabel)")
            #expect(node.planning != nil)
            if let positionLabel = record.positionLabel {
                #expect(node.position == positionWords[positionLabel], "node \(node.id): \(positionLabel)")
                #expect(node.position != nil)
            } else {
                #expect(node.position == nil, "node \(node.id) has no job on Tahap 5")
            }
        }
        // Nodes not on Tahap 5 (the crosscutting CSFs) have neither.
        for node in model.nodes where node.stages[.tahap5] == nil {
            #expect(node.planning == nil && node.position == nil)
        }
    }

    @Test("the hard cases are decided as the README says: Skala under CSF 2, Fasilitasi under Pengembangan, the Tahap 5-only root")
    func hardCases() throws {
        let model = try Self.golden()
        let skala = try #require(model.node(id: "1.2.3"))
        #expect(skala.statement == "Meningkatnya Skala Usaha Mikro")
        #expect(skala.parent == "1.2" && skala.level == .kondisiAntara && skala.planning == .sasaranProgram)
        let pengembangan = try #require(model.node(id: "1.2.3.1"))
        #expect(pengembangan.level == .kondisiOperasional && pengembangan.performance == .taktikalImmediate)
        let fasilitasi = try #require(model.node(id: "1.2.3.1.1"))
        #expect(fasilitasi.parent == "1.2.3.1" && fasilitasi.level == .kondisiOperasional)
        #expect(fasilitasi.stages[.tahap3]?.at == "pohon-kinerja-dkukmpp.xlsx!'TAHAP 3'!A33", "the shifted row: text in the CSF column")
        #expect(fasilitasi.stages[.tahap4]?.text?.contains("Fasilitas Usaha") == true)
        let extraRoot = try #require(model.node(id: "2"))
        #expect(extraRoot.statement == "Meningkatkan produktifitas usaha mikro" && extraRoot.parent == nil)
        #expect(Array(extraRoot.stages.keys) == [.tahap5])
        #expect(extraRoot.indicators.map(\.name) == ["Persentase Usaha Mikro Naik Kelas"])
        #expect(model.node(id: "1.2")?.parent == "1")
        // Each model-changing disagreement carries a warning at its cell.
        let findings = Set(model.diagnostics.map { "\($0.code) \($0.at ?? "")" })
        for expected in [
            "parent-differs pohon-kinerja-dkukmpp.xlsx!'TAHAP 3'!B31", "level-differs pohon-kinerja-dkukmpp.xlsx!'TAHAP 3'!C31",
            "level-differs pohon-kinerja-dkukmpp.xlsx!'TAHAP 3'!C32", "shifted-cell pohon-kinerja-dkukmpp.xlsx!'TAHAP 3'!A33",
            "parent-differs pohon-kinerja-dkukmpp.xlsx!'TAHAP 3'!A33", "extra-node pohon-kinerja-dkukmpp.xlsx!'TAHAP 5'!B13",
            "parent-differs pohon-kinerja-dkukmpp.xlsx!'TAHAP 5'!B14",
        ] {
            #expect(findings.contains(expected), "missing diagnostic \(expected)")
        }
        #expect(model.diagnostics.allSatisfy { $0.severity != .error })
    }

    // MARK: (d) the workbook

    /// One expectation about a workbook cell: `expected` nil means the cell must be empty.
    struct CellCheck {
        var what: String
        var sheet: String
        var cell: String
        var expected: String?
    }

    /// Splits `file.xlsx!'SHEET'!B7` into its sheet and cell.
    static func parse(_ reference: String) -> (file: String, sheet: String, cell: String)? {
        // file!'Quoted Sheet'!B7, or file!Plain!B7 when the name needs no quotes.
        if let open = reference.range(of: "!'"), let close = reference.range(of: "'!", options: .backwards),
           open.upperBound <= close.lowerBound {
            return (String(reference[..<open.lowerBound]), String(reference[open.upperBound..<close.lowerBound]),
                    String(reference[close.upperBound...]))
        }
        let parts = reference.split(separator: "!", omittingEmptySubsequences: false)
        guard parts.count == 3 else { return nil }
        return (String(parts[0]), String(parts[1]), String(parts[2]))
    }

    /// The cell `columns` to the right of `cell` (same row).
    static func shifted(_ cell: String, by columns: Int) -> String {
        let letters = cell.prefix { $0.isLetter }
        let digits = cell.dropFirst(letters.count)
        let index = letters.unicodeScalars.reduce(0) { $0 * 26 + Int($1.value) - 64 } + columns
        var name = "", rest = index
        while rest > 0 {
            name = String(UnicodeScalar(UInt8(65 + (rest - 1) % 26))) + name
            rest = (rest - 1) / 26
        }
        return name + digits
    }

    /// Runs the checks with openpyxl; returns one line per cell that does not hold what it should.
    static func mismatches(_ checks: [CellCheck], workbook: URL) throws -> [String] {
        let input = JSONValue.array(checks.map {
            .array([.string($0.what), .string($0.sheet), .string($0.cell), $0.expected.map(JSONValue.string) ?? .null])
        }).compact()
        let script = """
            import json, sys
            import openpyxl
            book = openpyxl.load_workbook(sys.argv[1])
            for what, sheet, ref, expected in json.load(sys.stdin):
                if sheet not in book.sheetnames:
                    print(f"{what}: no sheet {sheet!r}")
                    continue
                value = book[sheet][ref].value
                if value != expected:
                    print(f"{what}: '{sheet}'!{ref} holds {value!r}, expected {expected!r}")
            """
        let result = try ProcessRunner.run("/usr/bin/env", ["python3", "-c", script, workbook.path], input: Array(input.utf8))
        // A failing script is a mismatch too (its error is the line).
        guard result.status == 0 else { return ["the openpyxl check failed: \(result.stderr)"] }
        return result.stdout.split(separator: "\n").map(String.init)
    }

    @Test("every stages[*].at cell of the workbook holds exactly the stage's text (and Tahap 3-5 rows hold its labels)",
          .enabled(if: TestEnvironment.pythonEnabled("openpyxl")))
    func stageReferencesPointAtTheirText() throws {
        try TestEnvironment.requirePython("openpyxl")
        let model = try Self.golden()
        var checks: [CellCheck] = []
        for node in model.nodes {
            for (role, record) in node.stages.sorted(by: { $0.key < $1.key }) {
                let what = "node \(node.id) \(role.rawValue)"
                let at = try #require(record.at, "\(what) has no cell reference")
                let place = try #require(Self.parse(at), "\(what): \(at) is not file!'SHEET'!CELL")
                #expect(place.file == Self.workbookName)
                checks.append(CellCheck(what: what, sheet: place.sheet, cell: place.cell, expected: record.text))
                switch role {
                case .tahap3 where record.levelLabel != nil:
                    // Keterangan sits right of the condition (also on the shifted row, one cell left).
                    checks.append(CellCheck(what: "\(what) level", sheet: place.sheet, cell: Self.shifted(place.cell, by: 1),
                                            expected: record.levelLabel))
                case .tahap4, .tahap5:
                    // Kinerja | Indikator Kinerja | Keterangan | (planning) | (job), one row per node.
                    checks.append(CellCheck(what: "\(what) indicator", sheet: place.sheet, cell: Self.shifted(place.cell, by: 1),
                                            expected: record.indicators?.first))
                    #expect((record.indicators?.count ?? 0) <= 1, "one indicator per row on \(role.title)")
                    checks.append(CellCheck(what: "\(what) level", sheet: place.sheet, cell: Self.shifted(place.cell, by: 2),
                                            expected: record.levelLabel))
                    if role == .tahap5 {
                        checks.append(CellCheck(what: "\(what) planning", sheet: place.sheet, cell: Self.shifted(place.cell, by: 3),
                                                expected: record.planningLabel))
                        checks.append(CellCheck(what: "\(what) job", sheet: place.sheet, cell: Self.shifted(place.cell, by: 4),
                                                expected: record.positionLabel))
                    }
                default: break
                }
            }
        }
        #expect(checks.count > 150)
        let problems = try Self.mismatches(checks, workbook: Fixtures.url("\(Self.folder)/\(Self.workbookName)"))
        #expect(problems == [])
    }

    @Test("every diagnostic points at a filled cell of the workbook that its message quotes or concerns",
          .enabled(if: TestEnvironment.pythonEnabled("openpyxl")))
    func diagnosticsPointAtCells() throws {
        try TestEnvironment.requirePython("openpyxl")
        let model = try Self.golden()
        #expect(!model.diagnostics.isEmpty)
        var checks: [CellCheck] = []
        for diagnostic in model.diagnostics {
            let at = try #require(diagnostic.at)
            let place = try #require(Self.parse(at))
            #expect(place.file == Self.workbookName)
            // The cell's own text: the node it names (or its level word) as the golden's stage records give it.
            let owner = model.nodes.flatMap { node in node.stages.values.map { (node, $0) } }.first { $0.1.at == at }
            let levelOwner = model.nodes.compactMap { node -> String? in
                guard let record = node.stages[.tahap3], let text = record.at, let parsed = Self.parse(text),
                      Self.shifted(parsed.cell, by: 1) == place.cell, parsed.sheet == place.sheet else { return nil }
                return record.levelLabel
            }.first
            let expected = owner?.1.text ?? levelOwner
            if let expected {
                checks.append(CellCheck(what: diagnostic.code, sheet: place.sheet, cell: place.cell, expected: expected))
            } else {
                #expect(diagnostic.message.contains("CROSCUTTING"), "\(diagnostic.code) at \(at) points at no node cell")
                checks.append(CellCheck(what: diagnostic.code, sheet: place.sheet, cell: place.cell, expected: "CROSCUTTING DINAS PMPTSP"))
            }
        }
        let problems = try Self.mismatches(checks, workbook: Fixtures.url("\(Self.folder)/\(Self.workbookName)"))
        #expect(problems == [])
    }

    @Test("the workbook keeps the seed's layout traps: merged CSF column, shifted row, split crosscutting block, Tahap 5 header and tail",
          .enabled(if: TestEnvironment.pythonEnabled("openpyxl")))
    func workbookKeepsLayoutTraps() throws {
        try TestEnvironment.requirePython("openpyxl")
        let script = """
            import sys
            import openpyxl
            book = openpyxl.load_workbook(sys.argv[1])
            print(book.sheetnames)
            print(sorted(str(r) for r in book["TAHAP 3"].merged_cells.ranges))
            t5 = book["TAHAP 5"]
            print([t5.cell(3, c).value for c in range(1, 7)])
            print([t5.cell(25, c).value for c in range(1, 7)], repr(t5["A26"].value))
            print([t5.cell(28, c).value for c in range(1, 7)])
            t3 = book["TAHAP 3"]
            print([t3.cell(35, c).value for c in range(1, 4)], t3["C33"].value, [t3.cell(r, 2).value for r in (41, 42, 43)])
            print(book["TAHAP 4"]["C25"].value, book["TAHAP 4"]["D25"].value, book["CASCADING"]["A6"].value)
            """
        let url = Fixtures.url("\(Self.folder)/\(Self.workbookName)")
        let result = try ProcessRunner.run("/usr/bin/env", ["python3", "-c", script, url.path])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines == [
            "['TAHAP 1', 'TAHAP 2', 'TAHAP 3', 'TAHAP 4', 'TAHAP 5', 'POHON KINERJA', 'CASCADING']",
            "['A16:A22', 'A23:A32']",
            "['Rujukan Tahapan', 'Kinerja', 'Indikator Kinerja', 'Keterangan', None, None]",
            "[None, None, None, None, None, None] ' '",
            "['---------', '--', '--', '---------------------', '----------------------', '-----------']",
            "[None, None, None] None ['kondisi antara utama', 'kondisi antara', 'kondisi operasional']",
            "None None None",
        ])
    }

    @Test("make-workbook.py regenerates the committed workbook cell for cell (values, merged ranges, sheet order)",
          .enabled(if: TestEnvironment.pythonEnabled("openpyxl")))
    func scriptRegeneratesWorkbook() throws {
        try TestEnvironment.requirePython("openpyxl")
        let folder = try Fixtures.temporaryDirectory("seed-workbook")
        defer { try? FileManager.default.removeItem(at: folder) }
        let fresh = folder.appendingPathComponent(Self.workbookName)
        let make = try ProcessRunner.run("/usr/bin/env", ["python3", Fixtures.url("\(Self.folder)/make-workbook.py").path, fresh.path])
        #expect(make.status == 0, "\(make.stderr)")
        let script = """
            import sys
            import openpyxl
            def content(path):
                book = openpyxl.load_workbook(path)
                return [(ws.title, sorted(str(r) for r in ws.merged_cells.ranges),
                         [(c.coordinate, c.value) for row in ws.iter_rows() for c in row if c.value is not None])
                        for ws in book.worksheets]
            a, b = content(sys.argv[1]), content(sys.argv[2])
            print("same" if a == b else f"differ: {[x[0] for x, y in zip(a, b) if x != y]}")
            print(sum(len(sheet[2]) for sheet in a))
            """
        let committed = Fixtures.url("\(Self.folder)/\(Self.workbookName)")
        let result = try ProcessRunner.run("/usr/bin/env", ["python3", "-c", script, committed.path, fresh.path])
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "same", "\(result.stdout)\(result.stderr)")
        #expect((lines.last.flatMap { Int($0) } ?? 0) > 300, "the workbook holds the seed's few hundred filled cells")
    }
}

import Foundation
import PokinCore
import PokinTestSupport
@testable import PokinXLSX
import Testing

/// pokin's reading of every workbook of the shared peer corpus (`../shared/corpus/peers`)
/// against the reference values in `expected/` (python-calamine 0.9.1, error cells from
/// openpyxl 3.1.5). Where pokin deliberately differs, the difference is listed below as data:
/// file, cells, pokin's value and why it is the right one. A listed deviation that no longer
/// happens fails the test too, so the list stays true.
@Suite("Peer corpus conformance")
struct PeerCorpusConformanceTests {
    /// One deliberate difference from the reference reader.
    struct Deviation {
        var file: String
        var sheet: String
        var cells: [String]
        /// pokin's value for those cells: the type tag and the JSON value.
        var pokin: (type: String, value: JSONValue)
        var reason: String
    }

    /// Rows of LONumbers.xlsx whose style is a date/time format (rows 15-17 and 24-25 are
    /// durations, which may be negative; 26-33 and 38 are numbers).
    static let loNumbersDateRows = Array(3...14) + Array(18...23) + Array(34...37)

    static let negativeSerialReason = """
        a negative number under a date format (LibreOffice wrote -1.2 etc. with formats such as D, HH:MM, AM/PM): \
        the 1900 date system has no day before serial 0 and Excel shows ##### for such a cell; python-calamine \
        prints only the fraction as a time of day (19:12:00 for -1.2) and openpyxl counts back into December 1899. \
        pokin keeps the stored number, losing nothing
        """

    static let deviations: [Deviation] = [
        Deviation(file: "SheetJS-test_files/LONumbers.xlsx", sheet: "Sheet1", cells: loNumbersDateRows.map { "C\($0)" },
                  pokin: ("n", .number(-1.2)), reason: negativeSerialReason),
        Deviation(file: "SheetJS-test_files/LONumbers.xlsx", sheet: "Sheet1", cells: loNumbersDateRows.map { "E\($0)" },
                  pokin: ("n", .number(-12.34)), reason: negativeSerialReason),
        Deviation(file: "SheetJS-test_files/LONumbers.xlsx", sheet: "Sheet1", cells: loNumbersDateRows.map { "G\($0)" },
                  pokin: ("n", .number(-123.456)), reason: negativeSerialReason),
        Deviation(file: "SheetJS-test_files/LONumbers.xlsx", sheet: "Sheet1", cells: loNumbersDateRows.map { "I\($0)" },
                  pokin: ("n", .number(-1234.5678)), reason: negativeSerialReason),
        Deviation(file: "SheetJS-test_files/xlsx-stream-d-date-cell.xlsx", sheet: "Sheet1", cells: ["B5"],
                  pokin: ("d", .string("2014-02-14T08:27:48.765000")),
                  reason: """
                      a t="d" cell holding 2014-02-14T08:27:48.765Z: valid ISO 8601 (the Z marks UTC) that python-calamine \
                      cannot parse, so it returns the raw text; pokin reads the date-time and drops the zone, since \
                      spreadsheets hold wall-clock times
                      """),
    ]

    /// Files the reference reader refused but pokin reads, with the values pokin must give.
    struct ReadWhereReferenceFailed {
        var file: String
        var sheets: [String]
        var cells: [String: [String: CellValue]]
        var reason: String
    }

    static let readWhereReferenceFailed: [ReadWhereReferenceFailed] = [
        ReadWhereReferenceFailed(
            file: "apache-poi/xlsx-corrupted.xlsx", sheets: ["Sheet1", "Sheet2"],
            cells: [
                "Sheet1": ["A1": .text("test"), "B1": .text("DOCTYPE"), "C1": .text("XXE"), "D1": .text("injection"),
                           "A2": .text("second"), "B2": .text("row"), "C2": .text("data"), "D2": .text("foo"),
                           "A3": .text("third"), "B3": .text("row"), "C3": .text("data")],
                "Sheet2": ["A1": .text("sheet "), "B1": .number(2), "C1": .text("test"), "D1": .text("data"),
                           "A2": .text("second "), "B2": .text("row"), "C2": .text("data")],
            ],
            reason: """
                _rels/.rels was replaced by the text CORRUPTED; python-calamine stops there, but the workbook part is \
                named in [Content_Types].xml, which is how openpyxl opens it (these values are openpyxl 3.1.5's) and \
                how Excel repairs such a package; pokin falls back the same way
                """),
    ]

    /// Files pokin must refuse, with the error code and what the first bytes say the file is.
    struct Refusal {
        var file: String
        var code: PokinError.Code
        var signature: FileSignature
        var why: String
    }

    static let refusals: [Refusal] = [
        Refusal(file: "calamine/pass_protected.xlsx", code: .encryptedWorkbook, signature: .encryptedWorkbook,
                why: "agile-encrypted workbook: an OLE2 container with EncryptedPackage"),
        Refusal(file: "apache-poi/protected_passtika.xlsx", code: .encryptedWorkbook, signature: .encryptedWorkbook,
                why: "standard-encrypted workbook (password tika)"),
        Refusal(file: "excelize/encryptAES.xlsx", code: .encryptedWorkbook, signature: .encryptedWorkbook,
                why: "standard-encrypted workbook (password password)"),
        Refusal(file: "apache-poi/poc-xmlbomb.xlsx", code: .unsafeXML, signature: .zip,
                why: "billion-laughs DOCTYPE in sharedStrings.xml: refused before any entity is declared"),
        Refusal(file: "apache-poi/54764-2.xlsx", code: .unsafeXML, signature: .zip,
                why: "DOCTYPE with nested entities in sharedStrings.xml (also in [Content_Types].xml and core.xml)"),
        Refusal(file: "apache-poi/openxml4j/invalid.xlsx", code: .missingPart, signature: .zip,
                why: "a 22-byte zip with no entries"),
        Refusal(file: "calamine/date.xls", code: .unsupportedFormat, signature: .legacyExcel,
                why: """
                    a genuine Excel 97-2003 (BIFF8) workbook: python-calamine reads .xls, pokin reads .xlsx only and says \
                    to save it as .xlsx (this is the one corpus file with reference values that pokin refuses)
                    """),
    ]

    // MARK: - Tests

    @Test("every readable corpus workbook dumps to the reference cells, types, visibility and merged ranges, except the listed deviations",
          .enabled(if: TestEnvironment.sharedCorpusEnabled))
    func conformance() throws {
        let peers = try TestEnvironment.requireSharedCorpus()
        let expectedFiles = try PeerCorpusConformanceTests.expectedFiles(peers)
        #expect(expectedFiles.count >= 50, "the corpus should have its 51 reference files")
        let refused = Set(PeerCorpusConformanceTests.refusals.map(\.file))
        let alternative = Set(PeerCorpusConformanceTests.readWhereReferenceFailed.map(\.file))
        var usedDeviations = Set<String>()
        var compared = 0
        for relative in expectedFiles where !refused.contains(relative) && !alternative.contains(relative) {
            let reference = try JSONParser.parse(Array(try Data(contentsOf: peers.appendingPathComponent("expected/\(relative).json"))))
            if let error = reference["error"]?.stringValue {
                Issue.record("\(relative): the reference refused it (\(error)) but it is listed neither as a refusal nor as read")
                continue
            }
            let workbook = try XLSXWorkbook(path: peers.appendingPathComponent(relative).path)
            let dump = try WorkbookDump.json(of: workbook, file: relative)
            #expect(dump["file"]?.stringValue == relative)
            compare(relative, reference: reference, pokin: dump, usedDeviations: &usedDeviations)
            compared += 1
        }
        #expect(compared >= 42)
        for deviation in PeerCorpusConformanceTests.deviations {
            for cell in deviation.cells where !usedDeviations.contains("\(deviation.file)|\(deviation.sheet)!\(cell)") {
                Issue.record("listed deviation no longer happens: \(deviation.file) \(deviation.sheet)!\(cell)")
            }
        }
    }

    @Test("workbooks the reference could not read are read as an independent reader (openpyxl) reads them",
          .enabled(if: TestEnvironment.sharedCorpusEnabled))
    func readWhereReferenceFailed() throws {
        let peers = try TestEnvironment.requireSharedCorpus()
        for entry in PeerCorpusConformanceTests.readWhereReferenceFailed {
            let reference = try JSONParser.parse(Array(try Data(contentsOf: peers.appendingPathComponent("expected/\(entry.file).json"))))
            #expect(reference["error"] != nil, "\(entry.file): the reference did fail on it")
            let workbook = try XLSXWorkbook(path: peers.appendingPathComponent(entry.file).path)
            #expect(workbook.sheets.map(\.name) == entry.sheets)
            for (sheet, cells) in entry.cells {
                #expect(try workbook.cells(of: sheet) == cells, "\(entry.file) \(sheet)")
            }
        }
    }

    @Test("negative corpus files give their specific error (never a crash) and are recognised by their first bytes",
          .enabled(if: TestEnvironment.sharedCorpusEnabled))
    func refusals() throws {
        let peers = try TestEnvironment.requireSharedCorpus()
        for refusal in PeerCorpusConformanceTests.refusals {
            let path = peers.appendingPathComponent(refusal.file).path
            #expect(try FileSignature.detect(path: path) == refusal.signature, "\(refusal.file)")
            #expect { try PeerCorpusConformanceTests.readEverything(path) } throws: { error in
                guard let error = error as? PokinError else { return false }
                return error.code == refusal.code && error.location?.file == path
            }
        }
    }

    @Test("the legacy .xls renamed to .xlsx and a CSV renamed to .xlsx are refused for what they really are",
          .enabled(if: TestEnvironment.sharedCorpusEnabled))
    func renamedFiles() throws {
        let peers = try TestEnvironment.requireSharedCorpus()
        let folder = try Fixtures.temporaryDirectory("renamed")
        for (source, signature) in [("calamine/date.xls", FileSignature.legacyExcel), ("SheetJS-test_files/Attendance.csv", .text),
                                    ("SheetJS-test_files/ErrorTypes.csv", .text)] {
            let copy = folder.appendingPathComponent(URL(fileURLWithPath: source).deletingPathExtension().lastPathComponent + ".xlsx")
            try FileManager.default.copyItem(at: peers.appendingPathComponent(source), to: copy)
            #expect(try FileSignature.detect(path: copy.path) == signature, "\(source)")
            #expect { try XLSXWorkbook(path: copy.path) } throws: { ($0 as? PokinError)?.code == .unsupportedFormat }
        }
    }

    @Test("a truncated or damaged corpus workbook is an error with a code, not a crash",
          .enabled(if: TestEnvironment.sharedCorpusEnabled))
    func damagedArchives() throws {
        let peers = try TestEnvironment.requireSharedCorpus()
        let bytes = Array(try Data(contentsOf: peers.appendingPathComponent("calamine/merged_range.xlsx")))
        let folder = try Fixtures.temporaryDirectory("damaged")
        let acceptable: Set<PokinError.Code> = [.notAZipFile, .zipError, .malformedXML, .missingPart]
        // Cut at many places: every cut must give one of the archive/XML errors.
        for fraction in stride(from: 0.05, to: 1.0, by: 0.1) {
            let path = folder.appendingPathComponent("cut-\(Int(fraction * 100)).xlsx")
            try Data(bytes.prefix(Int(Double(bytes.count) * fraction))).write(to: path)
            #expect(throws: PokinError.self) { try PeerCorpusConformanceTests.readEverything(path.path) }
            do { try PeerCorpusConformanceTests.readEverything(path.path) } catch let error as PokinError {
                #expect(acceptable.contains(error.code), "cut at \(fraction): \(error)")
            }
        }
        // Flip bytes inside the first sheet's compressed data (just after its local header):
        // the inflater or the CRC check notices.
        let name = Array("xl/worksheets/sheet1.xml".utf8)
        let header = try #require((0..<(bytes.count - name.count)).first { bytes[$0..<($0 + name.count)].elementsEqual(name) })
        var damaged = bytes
        for offset in stride(from: header + name.count + 40, to: header + name.count + 400, by: 23) { damaged[offset] ^= 0x5A }
        let path = folder.appendingPathComponent("flipped.xlsx")
        try Data(damaged).write(to: path)
        do {
            try PeerCorpusConformanceTests.readEverything(path.path)
            Issue.record("a workbook with flipped bytes read without error")
        } catch let error as PokinError {
            #expect(acceptable.contains(error.code), "\(error)")
        }
    }

    @Test("every workbook file in the corpus is covered: compared, read where the reference failed, or refused",
          .enabled(if: TestEnvironment.sharedCorpusEnabled))
    func coverage() throws {
        let peers = try TestEnvironment.requireSharedCorpus()
        var workbooks: [String] = []
        let enumerator = FileManager.default.enumerator(atPath: peers.path)
        while let relative = enumerator?.nextObject() as? String {
            if relative.hasPrefix("expected") { continue }
            if ["xlsx", "xlsm", "xls"].contains((relative as NSString).pathExtension.lowercased()) { workbooks.append(relative) }
        }
        let expected = Set(try PeerCorpusConformanceTests.expectedFiles(peers))
        for workbook in workbooks {
            #expect(expected.contains(workbook), "\(workbook) has no reference file")
        }
        #expect(workbooks.count >= 51)
    }

    // MARK: - Helpers

    /// Every `expected/**/*.json` as the workbook's relative path.
    static func expectedFiles(_ peers: URL) throws -> [String] {
        let root = peers.appendingPathComponent("expected")
        var files: [String] = []
        let enumerator = FileManager.default.enumerator(atPath: root.path)
        while let relative = enumerator?.nextObject() as? String {
            if relative.hasSuffix(".json") { files.append(String(relative.dropLast(5))) }
        }
        return files.sorted()
    }

    /// Opens a workbook and reads every sheet to its end.
    static func readEverything(_ path: String) throws {
        let workbook = try XLSXWorkbook(path: path)
        for sheet in workbook.sheets {
            var source = try workbook.rows(ofSheet: sheet.name)
            _ = try source.readAll()
        }
    }

    private func compare(_ file: String, reference: JSONValue, pokin: JSONValue, usedDeviations: inout Set<String>) {
        let referenceSheets = reference["sheets"]?.arrayValue ?? []
        let pokinSheets = pokin["sheets"]?.arrayValue ?? []
        #expect(pokinSheets.map { $0["name"]?.stringValue } == referenceSheets.map { $0["name"]?.stringValue },
                "\(file): sheet names")
        for referenceSheet in referenceSheets {
            guard let name = referenceSheet["name"]?.stringValue, referenceSheet["cells"] != nil else { continue }
            guard let pokinSheet = pokinSheets.first(where: { $0["name"]?.stringValue == name }) else { continue }
            #expect(pokinSheet["visible"] == referenceSheet["visible"], "\(file) \(name): visibility")
            let expected = PeerCorpusConformanceTests.cellMap(referenceSheet)
            let actual = PeerCorpusConformanceTests.cellMap(pokinSheet)
            for reference in Set(expected.keys).union(actual.keys).sorted() {
                let want = expected[reference]
                let got = actual[reference]
                if let deviation = PeerCorpusConformanceTests.deviations.first(where: {
                    $0.file == file && $0.sheet == name && $0.cells.contains(reference)
                }) {
                    usedDeviations.insert("\(file)|\(name)!\(reference)")
                    #expect(got.map { PeerCorpusConformanceTests.same($0, deviation.pokin) } == true,
                            "\(file) \(name)!\(reference): pokin gives \(String(describing: got)), the deviation says \(deviation.pokin)")
                    #expect(want.map { !PeerCorpusConformanceTests.same($0, deviation.pokin) } ?? true,
                            "\(file) \(name)!\(reference): the reference now agrees; drop the deviation")
                    continue
                }
                #expect(want != nil && got != nil && PeerCorpusConformanceTests.same(want!, got!),
                        "\(file) \(name)!\(reference): reference \(String(describing: want)), pokin \(String(describing: got))")
            }
            let referenceMerged = Set((referenceSheet["merged"]?.arrayValue ?? []).compactMap(\.stringValue))
            let pokinMerged = Set((pokinSheet["merged"]?.arrayValue ?? []).compactMap(\.stringValue))
            #expect(pokinMerged == referenceMerged, "\(file) \(name): merged ranges")
        }
    }

    static func cellMap(_ sheet: JSONValue) -> [String: (type: String, value: JSONValue)] {
        var map: [String: (type: String, value: JSONValue)] = [:]
        for cell in sheet["cells"]?.arrayValue ?? [] {
            guard let items = cell.arrayValue, items.count == 3, let reference = items[0].stringValue,
                  let type = items[1].stringValue else { continue }
            map[reference] = (type, items[2])
        }
        return map
    }

    /// Same type and value; numbers within a relative 1e-12 (durations are computed in seconds).
    static func same(_ a: (type: String, value: JSONValue), _ b: (type: String, value: JSONValue)) -> Bool {
        guard a.type == b.type else { return false }
        if case .number(let x) = a.value, case .number(let y) = b.value {
            return x == y || abs(x - y) <= 1e-12 * max(abs(x), abs(y))
        }
        return a.value == b.value
    }
}

import Foundation
import PokinCore
import PokinTestSupport
@testable import PokinXLSX
import Testing

/// The inputs the fuzz campaign kept (`Fixtures/fuzz-regressions/`, see `Fuzz/RESULTS.md`),
/// replayed through the fuzz targets' entry points: each must end with a value or a
/// `PokinError`, never a trap, a hang or another error type.
@Suite("Fuzz regressions: XLSX reader, worksheet and shared-strings parts, zip layer")
struct FuzzRegressionTests {
    /// A value or a `PokinError`, and the very outcome the input's name states (`value--…`,
    /// `<code>--…`).
    private static func expectValueOrPokinError(_ outcome: FuzzHarness.Outcome, _ name: String) {
        let expected = FuzzHarness.expectedCode(of: name)
        switch outcome {
        case .other(let error):
            Issue.record("\(name) ended with \(type(of: error)), not a value or a PokinError: \(error)")
        case .value:
            #expect(expected.code == nil, "\(name) was read to the end, but its name says it is refused")
        case .refused(let error):
            #expect(!expected.value, "\(name) was refused (\(error)), but its name says it reads to the end")
            if let code = expected.code { #expect(error.code.rawValue == code, "\(name): \(error)") }
        }
    }

    @Test("every kept whole-workbook input (fuzz target xlsx) is read to the end or refused with a PokinError",
          arguments: FuzzHarness.inputs("xlsx"))
    func xlsx(name: String) throws {
        let path = try Fixtures.url("fuzz-regressions/xlsx/\(name)").path
        Self.expectValueOrPokinError(FuzzHarness.outcome { try FuzzHarness.walk(path: path) }, name)
    }

    @Test("every kept worksheet part (fuzz target sheet-xml) is read to the end or refused with a PokinError",
          arguments: FuzzHarness.inputs("sheet-xml"))
    func sheetXML(name: String) throws {
        let path = try FuzzHarness.onePartPackage(sheet: try FuzzHarness.input("sheet-xml", name))
        Self.expectValueOrPokinError(FuzzHarness.outcome { try FuzzHarness.walk(path: path) }, name)
    }

    @Test("every kept shared-strings part (fuzz target shared-strings) is read to the end or refused with a PokinError",
          arguments: FuzzHarness.inputs("shared-strings"))
    func sharedStrings(name: String) throws {
        let path = try FuzzHarness.onePartPackage(sharedStrings: try FuzzHarness.input("shared-strings", name))
        Self.expectValueOrPokinError(FuzzHarness.outcome { try FuzzHarness.walk(path: path) }, name)
    }

    @Test("every kept archive (fuzz target zip) is inflated entry by entry or refused with a PokinError",
          arguments: FuzzHarness.inputs("zip"))
    func zip(name: String) throws {
        let path = try Fixtures.url("fuzz-regressions/zip/\(name)").path
        Self.expectValueOrPokinError(FuzzHarness.outcome { try FuzzHarness.zipWalk(path: path) }, name)
    }

    @Test("the harness's one-sheet package reads as the fuzz targets expect: strings 0-2 resolve with their whitespace rules, a date style gives a date")
    func harnessPackage() throws {
        // Guards the replay itself: were the skeleton broken, every input above would end in
        // the same early PokinError and prove nothing.
        let sheet = Array("""
            <?xml version="1.0"?><worksheet xmlns="\(FuzzHarness.main)"><sheetData>\
            <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" s="1"><v>45000</v></c></row>\
            </sheetData></worksheet>
            """.utf8)
        let workbook = try XLSXWorkbook(path: try FuzzHarness.onePartPackage(sheet: sheet))
        #expect(try workbook.sharedStrings() == ["Tujuan", " Sasaran ", "KinerjaUtama"], "runs concatenated, a <t> without xml:space=\"preserve\" trimmed")
        let cells = try workbook.cells(of: "Tahap 1")
        #expect(cells["A1"] == .text("Tujuan"))
        #expect(cells["B1"] == .text(" Sasaran "))
        #expect(cells["C1"].map { $0.typeTag } == "d")
    }

    // MARK: Findings (Fuzz/RESULTS.md)

    @Test("an empty shared-strings part (the input that showed ZipWriter leaking zero-length entries) is written, read back empty and refused or read without a trap")
    func emptySharedStringsPart() throws {
        let path = try FuzzHarness.onePartPackage(sharedStrings: [])
        let archive = try ZipArchive(path: path)
        let index = try #require(archive.index(of: "xl/sharedStrings.xml"))
        #expect(try archive.readEntry(at: index).isEmpty, "a zero-length entry round-trips as zero bytes")
        let outcome = FuzzHarness.outcome { try FuzzHarness.walk(path: path) }
        if case .other(let error) = outcome { Issue.record("ended with \(error)") }
    }

    @Test("an archive whose central directory gives a local-header offset of 0xFFFFFFFF without a zip64 field is a damaged archive (zip-error), not a missing file")
    func zip64OffsetWithoutExtraField() throws {
        let path = Fixtures.url("fuzz-regressions/zip/zip-error--zip64-offset-without-zip64-field.zip").path
        #expect(FileManager.default.fileExists(atPath: path))
        #expect { _ = try ZipArchive(path: path) } throws: { error in
            (error as? PokinError)?.code == .zipError
        }
        #expect { _ = try XLSXWorkbook(path: path) } throws: { error in
            (error as? PokinError)?.code == .zipError
        }
        // A path that does not exist is still reported as such.
        #expect { _ = try ZipArchive(path: path + ".missing") } throws: { error in
            (error as? PokinError)?.code == .fileNotFound
        }
    }

    @Test("a finished ParallelDeflater is freed once its workers return (the worker closures held it in a cycle)")
    func deflaterFreedAfterFinish() throws {
        weak var weakDeflater: ParallelDeflater?
        try {
            let folder = try Fixtures.temporaryDirectory("deflater").path
            let deflater = try ParallelDeflater(directory: folder, label: "fuzz", level: 1, workers: 2)
            weakDeflater = deflater
            let bytes = [UInt8](repeating: 65, count: 100_000)
            try bytes.withUnsafeBufferPointer { try deflater.write($0) }
            _ = try deflater.finish()  // the descriptor is the deflater's own (closed in deinit)
        }()
        // The workers return right after `finish()`; wait for them (bounded) rather than guess.
        var tries = 0
        while weakDeflater != nil && tries < 500 {
            usleep(10_000)
            tries += 1
        }
        #expect(weakDeflater == nil, "the deflater is still referenced after finish(): its threads keep it alive")
    }
}

import Foundation
import PokinCore
import PokinTestSupport
@testable @_spi(SheetParsing) import PokinXLSX
import Testing

/// Every sheet of real workbooks read through the fast path and through libxml2 alone: rows,
/// every cell value, merged ranges, declared dimension, counts, used range and the error (code,
/// message, location) must be identical. Most sheets must take the fast path, or it would
/// prove little about it.
@Suite("Worksheet XML fast path: whole sheets read identically to libxml2")
struct SheetFastPathEquivalenceTests {
    /// Compares every sheet of every workbook in `paths`; returns (sheets, sheets on the fast path).
    private static func compareAll(_ paths: [String]) -> (sheets: Int, fast: Int, workbooks: Int) {
        var sheets = 0
        var fast = 0
        var workbooks = 0
        for path in paths {
            guard let readings = SheetReading.bothWays(path: path) else { continue }
            workbooks += 1
            for reading in readings {
                sheets += 1
                if reading.fast.tookFastPath {
                    fast += 1
                } else {
                    print("libxml2 read \((path as NSString).lastPathComponent) sheet '\(reading.sheet)'\(reading.fast.error.map { " (error \($0))" } ?? "")")
                }
                #expect(reading.fast == reading.libxml2,
                        "\((path as NSString).lastPathComponent) sheet '\(reading.sheet)': fast \(reading.fast.rows.count) rows, error \(reading.fast.error ?? "none"); libxml2 \(reading.libxml2.rows.count) rows, error \(reading.libxml2.error ?? "none")")
                #expect(!reading.libxml2.tookFastPath, "the libxml2 reading never takes the fast path")
            }
        }
        return (sheets, fast, workbooks)
    }

    private static func workbooks(under folder: URL) -> [String] {
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { return [] }
        return enumerator.compactMap { ($0 as? URL)?.path }.filter { $0.hasSuffix(".xlsx") || $0.hasSuffix(".xlsm") }.sorted()
    }

    @Test("every sheet of every peer-corpus workbook reads the same both ways, most of them on the fast path",
          .enabled(if: TestEnvironment.sharedCorpusEnabled))
    func peerCorpus() throws {
        let corpus = try TestEnvironment.requireSharedCorpus()
        let paths = Self.workbooks(under: corpus)
        let result = Self.compareAll(paths)
        print("peer corpus: \(result.workbooks) workbooks, \(result.sheets) sheets, \(result.fast) on the fast path")
        #expect(result.workbooks > 10, "the corpus holds workbooks")
        #expect(result.fast * 2 > result.sheets, "most sheets take the fast path (\(result.fast) of \(result.sheets))")
    }

    @Test("every sheet of every workbook under Fixtures/ reads the same both ways, most of them on the fast path")
    func fixtures() throws {
        let paths = Self.workbooks(under: Fixtures.url(""))
        let result = Self.compareAll(paths)
        print("Fixtures: \(result.workbooks) workbooks, \(result.sheets) sheets, \(result.fast) on the fast path")
        #expect(result.workbooks > 10, "Fixtures holds workbooks")
        #expect(result.fast * 2 > result.sheets, "most sheets take the fast path (\(result.fast) of \(result.sheets))")
    }

    @Test("every kept sheet-xml fuzz input gives libxml2's events when the tokenizer reads it, and reads the same both ways",
          arguments: FuzzHarness.inputs("sheet-xml"))
    func fuzzRegressions(name: String) throws {
        let xml = try FuzzHarness.input("sheet-xml", name)
        if case .different(let fast, let libxml2) = SheetXMLEquivalence.compare(xml) {
            Issue.record("\(name): events differ\nfast: \(fast)\nlibxml2: \(libxml2)")
        }
        let (fast, libxml2) = try Self.bothWays(xml)
        #expect(fast == libxml2, "\(name)")
    }

    // MARK: - Hand-made sheets through the whole reader

    private static func sheet(_ body: String) -> [UInt8] {
        Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"\(FuzzHarness.main)\">\(body)</worksheet>".utf8)
    }

    private static func bothWays(_ xml: [UInt8]) throws -> (fast: SheetReading, libxml2: SheetReading) {
        let path = try FuzzHarness.onePartPackage(sheet: xml)
        let readings = try #require(SheetReading.bothWays(path: path))
        let reading = try #require(readings.first)
        return (reading.fast, reading.libxml2)
    }

    @Test("a plain sheet takes the fast path and gives libxml2's cells: shared strings, numbers, dates, inline and formula text")
    func plainSheet() throws {
        let xml = Self.sheet("""
            <dimension ref="A1:E2"/><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>\
            <c r="C1" s="1"><v>45000</v></c><c r="D1" t="inlineStr"><is><r><t>a &amp; </t></r><r><t xml:space="preserve"> b</t></r></is></c>\
            <c r="E1" t="str"><f>"x"&amp;"y"</f><v>xy</v></c></row><row r="2"><c r="A2" t="b"><v>1</v></c><c r="B2"/></row></sheetData>\
            <mergeCells count="1"><mergeCell ref="A2:B2"/></mergeCells>
            """)
        let (fast, libxml2) = try Self.bothWays(xml)
        #expect(fast.tookFastPath)
        #expect(fast == libxml2)
        #expect(fast.cellCount == 6 && fast.mergedRanges.count == 1 && fast.declaredDimension != nil)
        #expect(fast.rows.first?.cells.map(\.value).contains(.text("a & b")) == true, "runs joined, entities decoded, the unpreserved run trimmed")
    }

    @Test("errors raised while reading cells come from libxml2's reading, line included, after the same rows",
          arguments: [
              "<sheetData><row r=\"1\"><c r=\"A1\"><v>1</v></c></row>\n<row r=\"2\"><c r=\"ZZZZ9\"><v>1</v></c></row></sheetData>",
              "<sheetData><row r=\"0\"><c r=\"A1\"><v>1</v></c></row></sheetData>",
              "<sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>99</v></c></row></sheetData>",
              "<sheetData><row r=\"1\"><c r=\"XFE1\"><v>1</v></c></row></sheetData>",
          ])
    func cellErrors(body: String) throws {
        let (fast, libxml2) = try Self.bothWays(Self.sheet(body))
        #expect(!fast.tookFastPath)
        #expect(fast.error != nil)
        #expect(fast == libxml2)
    }

    @Test("malformed XML and DOCTYPEs fall back to libxml2 and fail with its errors",
          arguments: [
              "<sheetData><row></rox></sheetData>",
              "<sheetData><row>",
              "<!DOCTYPE worksheet><worksheet/>",
              "<other xmlns=\"urn:x\"/>",
              "<worksheet xmlns=\"urn:x\"/>x",
          ])
    func malformed(xml: String) throws {
        let document = xml.hasPrefix("<sheetData") ? Self.sheet(xml) : Array(xml.utf8)
        let (fast, libxml2) = try Self.bothWays(document)
        #expect(!fast.tookFastPath)
        #expect(fast.error != nil)
        #expect(fast == libxml2)
    }

    @Test("a sheet the fast path gives up on (CDATA, CR line ends) is read by libxml2 and gives its values")
    func fallbackReadsValues() throws {
        let xml = Array("<?xml version=\"1.0\"?>\r\n<worksheet xmlns=\"\(FuzzHarness.main)\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"str\"><v><![CDATA[a<b]]></v></c><c r=\"B1\" t=\"str\"><v>x\r\ny</v></c></row></sheetData></worksheet>".utf8)
        let (fast, libxml2) = try Self.bothWays(xml)
        #expect(!fast.tookFastPath)
        #expect(fast.error == nil)
        #expect(fast == libxml2)
        #expect(fast.rows.first?.cells.map(\.value) == [.text("a<b"), .text("x\ny")])
    }

    @Test("a sheet larger than the bound (declared so) is streamed through libxml2 and reads as before")
    func largeSheetStreams() throws {
        let rows = (1...30_000).map { "<row r=\"\($0)\"><c r=\"A\($0)\"><v>\($0)</v></c></row>" }.joined()
        let xml = Self.sheet("<sheetData>\(rows)</sheetData>")
        #expect(xml.count > XLSXSheetReader.inflateAheadThreshold)
        let (fast, libxml2) = try Self.bothWays(xml)
        #expect(fast.rowCount == 30_000)
        #expect(fast == libxml2)
    }
}

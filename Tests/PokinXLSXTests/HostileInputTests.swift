import Foundation
import PokinCore
import PokinTestSupport
@testable import PokinXLSX
import Testing

@Suite("XLSX reader: hostile and broken input")
struct HostileInputTests {
    /// A workbook whose one sheet repeats `row` until the sheet XML is `megabytes` MiB.
    private func bomb(megabytes: Int, row: String = "<row r=\"7\"><c><v>1</v></c></row>") throws -> String {
        let head = Array(SyntheticWorkbook.worksheet("<sheetData>").replacingOccurrences(of: "</worksheet>", with: "").utf8)
        let unit = Array(row.utf8)
        var sheet = head
        sheet.reserveCapacity(megabytes << 20 + 64)
        while sheet.count < megabytes << 20 { sheet.append(contentsOf: unit) }
        sheet.append(contentsOf: Array("</sheetData></worksheet>".utf8))
        var book = SyntheticWorkbook.standard(sheets: [("Bomb", "<sheetData/>")])
        let index = try #require(book.entries.firstIndex { $0.name == "xl/worksheets/sheet1.xml" })
        book.entries[index].content = sheet
        return try book.write(name: "bomb.xlsx")
    }

    @Test("a generated zip bomb (64 MiB of repeated rows, ~400:1) is refused under the default limits, inflating only a bounded prefix")
    func zipBombDefaultLimits() throws {
        let path = try bomb(megabytes: 64)
        let compressed = try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        #expect(compressed < 400_000, "the bomb is small on disk")
        let reader = try XLSXWorkbook(path: path).sheetReader(named: "Bomb")
        var row = Row(number: 0)
        var rows = 0
        #expect { while try reader.read(into: &row) { rows += 1 } } throws: { error in
            guard let error = error as? PokinError else { return false }
            return error.code == .sizeLimitExceeded && error.location?.part == "xl/worksheets/sheet1.xml"
        }
        let limits = XLSXReadLimits.default
        #expect(reader.bytesInflated <= max(limits.ratioCheckThreshold, compressed * limits.maxCompressionRatio) + 6 * PackageReader.chunkSize)
        #expect(rows > 0, "rows before the limit were streamed")
    }

    @Test("pokin on the zip bomb exits 3 with size-limit-exceeded and its peak memory stays under 64 MiB",
          .enabled(if: TestEnvironment.pythonEnabled("resource")))
    func zipBombBoundedMemory() throws {
        try TestEnvironment.requirePython("resource")
        let path = try bomb(megabytes: 64)
        let run = try MeasuredChild.run(PokinBinary.url.path, ["dump", "--count-only", path])
        #expect(run.status == 3)
        #expect(run.stderr.contains("error[size-limit-exceeded]"))
        #expect(run.maxResidentKiB < 64 * 1024, "peak RSS \(run.maxResidentKiB) KiB")
    }

    @Test("the per-part limit stops a sheet that inflates past it, naming the part")
    func entryLimit() throws {
        let path = try bomb(megabytes: 3)
        let workbook = try XLSXWorkbook(path: path, limits: XLSXReadLimits(maxEntryBytes: 1 << 20))
        #expect { try workbook.rowsRead(of: "Bomb") } throws: { error in
            guard let error = error as? PokinError else { return false }
            return error.code == .sizeLimitExceeded && error.location?.part == "xl/worksheets/sheet1.xml"
        }
    }

    @Test("the total limit counts every part read from the workbook")
    func totalLimit() throws {
        let rows = (1...10_000).map { "<row r=\"\($0)\"><c r=\"A\($0)\"><v>\($0)</v></c></row>" }.joined()
        let book = SyntheticWorkbook.standard(sheets: [("One", "<sheetData>\(rows)</sheetData>"), ("Two", "<sheetData>\(rows)</sheetData>")])
        let limits = XLSXReadLimits(maxTotalBytes: 800_000)
        let workbook = try book.open(limits: limits)
        #expect(try workbook.rowsRead(of: "One").count == 10_000, "one sheet (~0.45 MB) fits")
        #expect { try workbook.rowsRead(of: "Two") } throws: { ($0 as? PokinError)?.code == .sizeLimitExceeded }
    }

    @Test("a small, highly repetitive part is never judged by ratio (no false positive on styles.xml)")
    func ratioSparesSmallParts() throws {
        let styles = String(repeating: "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/>", count: 40_000)
        let book = SyntheticWorkbook.standard(sheets: [("S", "<sheetData><row r=\"1\"><c r=\"A1\" s=\"5\"><v>1</v></c></row></sheetData>")],
                                              styles: "<cellXfs>\(styles)</cellXfs>")
        #expect(try book.open().cells(of: "S") == ["A1": .number(1)])
    }

    @Test("row and column limits refuse cells beyond them, with the position")
    func rowAndColumnLimits() throws {
        let book = SyntheticWorkbook.standard(sheets: [
            ("Rows", "<sheetData><row r=\"100\"><c r=\"A100\"><v>1</v></c></row><row r=\"101\"><c r=\"A101\"><v>1</v></c></row></sheetData>"),
            ("Columns", "<sheetData><row r=\"1\"><c r=\"J1\"><v>1</v></c><c r=\"K1\"><v>1</v></c></row></sheetData>"),
            ("Counted", "<sheetData>" + String(repeating: "<row><c><v>1</v></c></row>", count: 101) + "</sheetData>"),
        ])
        let workbook = try book.open(limits: XLSXReadLimits(maxRows: 100, maxColumns: 10))
        #expect { try workbook.rowsRead(of: "Rows") } throws: { error in
            let error = error as? PokinError
            return error?.code == .sizeLimitExceeded && error?.location?.row == 101
        }
        #expect { try workbook.rowsRead(of: "Columns") } throws: { ($0 as? PokinError)?.code == .sizeLimitExceeded }
        #expect { try workbook.rowsRead(of: "Counted") } throws: { ($0 as? PokinError)?.code == .sizeLimitExceeded }
    }

    @Test("shared-string count and string length limits")
    func stringLimits() throws {
        let sheet = "<sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row></sheetData>"
        let many = SyntheticWorkbook.standard(sheets: [("S", sheet)], sharedStrings: Array(repeating: "<si><t>a</t></si>", count: 4))
        #expect { try many.open(limits: XLSXReadLimits(maxSharedStrings: 3)).cells(of: "S") } throws: {
            ($0 as? PokinError)?.code == .sizeLimitExceeded
        }
        let long = SyntheticWorkbook.standard(sheets: [("S", sheet)], sharedStrings: ["<si><t>\(String(repeating: "x", count: 101))</t></si>"])
        #expect { try long.open(limits: XLSXReadLimits(maxStringBytes: 100)).cells(of: "S") } throws: {
            ($0 as? PokinError)?.code == .textTooLong
        }
        let inline = SyntheticWorkbook.standard(sheets: [("S", "<sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>\(String(repeating: "y", count: 200))</t></is></c></row></sheetData>")])
        #expect { try inline.open(limits: XLSXReadLimits(maxStringBytes: 100)).cells(of: "S") } throws: { error in
            let error = error as? PokinError
            return error?.code == .textTooLong && error?.location?.row == 1 && error?.location?.column == 1
        }
        #expect(try long.open().cells(of: "S").count == 1, "the defaults accept them")
    }

    @Test("a part held whole (styles) larger than its limit is refused")
    func smallPartLimit() throws {
        let styles = String(repeating: "<xf numFmtId=\"0\"/>", count: 10_000)
        let book = SyntheticWorkbook.standard(sheets: [("S", "<sheetData/>")], styles: "<cellXfs>\(styles)</cellXfs>")
        #expect { try book.open(limits: XLSXReadLimits(maxSmallPartBytes: 50_000)) } throws: { ($0 as? PokinError)?.code == .sizeLimitExceeded }
    }

    @Test("a DOCTYPE in any part is refused before expansion: billion laughs and external entities", arguments: [
        "<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\"><!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]>",
        "<!DOCTYPE x [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>",
        "<!DOCTYPE x SYSTEM \"http://example.invalid/x.dtd\">",
    ])
    func doctypeRefused(doctype: String) throws {
        for part in ["xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/workbook.xml", "xl/styles.xml", "_rels/.rels"] {
            var book = SyntheticWorkbook.standard(sheets: [("S", "<sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row></sheetData>")],
                                                  sharedStrings: ["<si><t>ok</t></si>"], styles: "<cellXfs><xf numFmtId=\"0\"/></cellXfs>")
            let index = try #require(book.entries.firstIndex { $0.name == part })
            var text = String(decoding: book.entries[index].content, as: UTF8.self)
            let declarationEnd = try #require(text.range(of: "?>"))
            text.insert(contentsOf: doctype, at: declarationEnd.upperBound)
            text = text.replacingOccurrences(of: "<t>ok</t>", with: "<t>&lol3;&xxe;</t>")
            book.entries[index].content = Array(text.utf8)
            let path = try book.write()
            #expect(throws: PokinError.self) { try PeerCorpusConformanceTests.readEverything(path) }
            do { try PeerCorpusConformanceTests.readEverything(path) } catch let error as PokinError {
                #expect(error.code == .unsafeXML, "\(part): \(error)")
                #expect(error.location?.part == part)
            }
        }
    }

    @Test("XML that is not well-formed is malformed-xml with the part and line")
    func malformedXML() throws {
        var book = SyntheticWorkbook.standard(sheets: [("S", "<sheetData><row r=\"1\"><c r=\"A1\"><v>1</v></c></row></sheetData>")])
        let index = try #require(book.entries.firstIndex { $0.name == "xl/worksheets/sheet1.xml" })
        book.entries[index].content = Array("<?xml version=\"1.0\"?>\n<worksheet xmlns=\"\(SyntheticWorkbook.mainNamespace)\">\n<sheetData><row r=\"1\"><c r=\"A1\"><v>1</c>\n</sheetData></worksheet>".utf8)
        let workbook = try book.open()
        #expect { try workbook.rowsRead(of: "S") } throws: { error in
            let error = error as? PokinError
            return error?.code == .malformedXML && error?.location?.part == "xl/worksheets/sheet1.xml" && error?.location?.line == 3
        }
    }

    @Test("an undeclared entity is malformed, never looked up anywhere")
    func undeclaredEntity() throws {
        let book = SyntheticWorkbook.standard(sheets: [("S", "<sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&nbsp;</t></is></c></row></sheetData>")])
        #expect { try book.open().cells(of: "S") } throws: { ($0 as? PokinError)?.code == .malformedXML }
    }

    @Test("a zip archive that is not a workbook, and an OpenDocument spreadsheet, are named as such")
    func otherZips() throws {
        var plain = SyntheticWorkbook()
        plain.add("readme.txt", "hello")
        #expect { try plain.open() } throws: { ($0 as? PokinError)?.code == .missingPart }
        var ods = SyntheticWorkbook()
        ods.add("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        ods.add("content.xml", "<office:document-content/>")
        #expect { try ods.open() } throws: { ($0 as? PokinError)?.code == .unsupportedFormat }
    }
}

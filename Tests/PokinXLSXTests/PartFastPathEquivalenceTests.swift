import Foundation
import PokinCore
import PokinTestSupport
@testable @_spi(SheetParsing) import PokinXLSX
import Testing

/// The parts other than worksheets (relationships, content types, workbook, styles, shared
/// strings, drawings) read through `SheetXMLTokenizer` and through libxml2 alone: everything
/// the workbook reports, and every sheet read with those shared strings and styles, must be
/// identical, errors included (code, message, location). Most parts must take the fast path,
/// or it would prove little about it.
@Suite("Parts fast path: relationships, workbook, styles, shared strings and drawings read identically to libxml2")
struct PartFastPathEquivalenceTests {
    /// Everything one opening of a workbook reports.
    struct WorkbookReading: Equatable {
        var openError: String?
        var workbookPart = ""
        var date1904 = false
        var sheets: [XLSXSheet] = []
        var sharedStrings: [String] = []
        var sharedStringsError: String?
        var drawings: [String] = []
        var sheetReadings: [SheetReading] = []
        /// Not compared: parts read in all, and those read by the tokenizer.
        var partsParsed = 0
        var partsTokenized = 0

        static func == (lhs: WorkbookReading, rhs: WorkbookReading) -> Bool {
            lhs.openError == rhs.openError && lhs.workbookPart == rhs.workbookPart && lhs.date1904 == rhs.date1904
                && lhs.sheets == rhs.sheets && lhs.sharedStrings == rhs.sharedStrings
                && lhs.sharedStringsError == rhs.sharedStringsError && lhs.drawings == rhs.drawings
                && lhs.sheetReadings == rhs.sheetReadings
        }
    }

    private static func describe(_ error: any Error) -> String {
        guard let error = error as? PokinError else { return "not a PokinError: \(error)" }
        return "\(error.code.rawValue) | \(error.message) | \(error.location.map { "\($0)" } ?? "-")"
    }

    /// Opens `path` with its parts (and sheets) parsed as `parsing` says and reads it all.
    static func read(path: String, parsing: SheetXMLParsing, limits: XLSXReadLimits = .default) -> WorkbookReading {
        var reading = WorkbookReading()
        let workbook: XLSXWorkbook
        do {
            workbook = try XLSXWorkbook(path: path, limits: limits, parsing: parsing)
        } catch {
            reading.openError = describe(error)
            return reading
        }
        reading.workbookPart = workbook.workbookPart
        reading.date1904 = workbook.date1904
        reading.sheets = workbook.xlsxSheets
        do {
            reading.sharedStrings = try workbook.sharedStrings()
        } catch {
            reading.sharedStringsError = describe(error)
        }
        for sheet in workbook.xlsxSheets {
            do {
                reading.drawings.append(String(describing: try workbook.drawing(ofSheet: sheet.name)))
            } catch {
                reading.drawings.append(describe(error))
            }
            if sheet.holdsCells, reading.sharedStringsError == nil {
                reading.sheetReadings.append(SheetReading.read(workbook, sheet: sheet.name, parsing: parsing))
            }
        }
        reading.partsParsed = workbook.package.partsParsed
        reading.partsTokenized = workbook.package.partsTokenized
        return reading
    }

    /// Compares every workbook in `paths`; returns (workbooks, parts read, parts on the fast path).
    private static func compareAll(_ paths: [String]) -> (workbooks: Int, parsed: Int, tokenized: Int) {
        var parsed = 0
        var tokenized = 0
        for path in paths {
            let fast = read(path: path, parsing: .automatic)
            let libxml2 = read(path: path, parsing: .libxml2)
            let name = (path as NSString).lastPathComponent
            #expect(fast == libxml2, "\(name): fast \(fast.openError ?? fast.sharedStringsError ?? "ok"), libxml2 \(libxml2.openError ?? libxml2.sharedStringsError ?? "ok")")
            #expect(libxml2.partsTokenized == 0, "the libxml2 reading never takes the fast path")
            parsed += fast.partsParsed
            tokenized += fast.partsTokenized
        }
        return (paths.count, parsed, tokenized)
    }

    private static func workbooks(under folder: URL) -> [String] {
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { return [] }
        return enumerator.compactMap { ($0 as? URL)?.path }.filter { $0.hasSuffix(".xlsx") || $0.hasSuffix(".xlsm") }.sorted()
    }

    @Test("every peer-corpus workbook reads the same with its parts through the tokenizer and through libxml2",
          .enabled(if: TestEnvironment.sharedCorpusEnabled))
    func peerCorpus() throws {
        let corpus = try TestEnvironment.requireSharedCorpus()
        let result = Self.compareAll(Self.workbooks(under: corpus))
        print("peer corpus: \(result.workbooks) workbooks, \(result.parsed) parts, \(result.tokenized) through the tokenizer")
        #expect(result.workbooks > 10, "the corpus holds workbooks")
        #expect(result.tokenized * 2 > result.parsed, "most parts take the fast path (\(result.tokenized) of \(result.parsed))")
    }

    @Test("every workbook under Fixtures/ reads the same with its parts through the tokenizer and through libxml2")
    func fixtures() throws {
        let result = Self.compareAll(Self.workbooks(under: Fixtures.url("")))
        print("Fixtures: \(result.workbooks) workbooks, \(result.parsed) parts, \(result.tokenized) through the tokenizer")
        #expect(result.workbooks > 10, "Fixtures holds workbooks")
        #expect(result.tokenized * 2 > result.parsed, "most parts take the fast path (\(result.tokenized) of \(result.parsed))")
    }

    @Test("every kept shared-strings fuzz input reads the same both ways", arguments: FuzzHarness.inputs("shared-strings"))
    func fuzzRegressions(name: String) throws {
        let path = try FuzzHarness.onePartPackage(sharedStrings: FuzzHarness.input("shared-strings", name))
        #expect(Self.read(path: path, parsing: .automatic) == Self.read(path: path, parsing: .libxml2), "\(name)")
    }

    // MARK: - Hand-made shared strings

    private static func sharedStrings(_ items: String) -> [UInt8] {
        Array("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<sst xmlns=\"\(FuzzHarness.main)\" count=\"9\" uniqueCount=\"9\">\(items)</sst>".utf8)
    }

    /// Both readings of the one-sheet package with these shared strings; also whether the
    /// fast reading read the shared strings through the tokenizer.
    private static func bothWays(_ sharedStrings: [UInt8], limits: XLSXReadLimits = .default) throws
        -> (fast: WorkbookReading, libxml2: WorkbookReading, stringsTokenized: Bool) {
        let path = try FuzzHarness.onePartPackage(sharedStrings: sharedStrings)
        let workbook = try XLSXWorkbook(path: path, limits: limits)
        let before = workbook.package.partsTokenized
        _ = try? workbook.sharedStrings()
        let tokenized = workbook.package.partsTokenized > before
        return (read(path: path, parsing: .automatic, limits: limits), read(path: path, parsing: .libxml2, limits: limits), tokenized)
    }

    @Test("plain and rich shared strings take the fast path and give libxml2's strings: runs, phonetic runs, xml:space, entities, _x escapes")
    func richStrings() throws {
        let xml = Self.sharedStrings("""
            <si><t>Tujuan</t></si><si><t xml:space="preserve"> Sasaran </t></si><si><t> trimmed\n</t></si>\
            <si><r><rPr><b/></rPr><t>Kinerja</t></r><r><t xml:space="preserve"> Utama</t></r></si>\
            <si><t>漢字</t><rPh sb="0" eb="2"><t>かんじ</t></rPh></si><si><t>a &amp; b &lt;c&gt; &#233;&#x1F600; &quot;&apos;</t></si>\
            <si><t>x_x000D_y</t></si><si><t/></si><si/>
            """)
        let (fast, libxml2, tokenized) = try Self.bothWays(xml)
        #expect(tokenized)
        #expect(fast == libxml2)
        #expect(fast.sharedStrings == ["Tujuan", " Sasaran ", "trimmed", "Kinerja Utama", "漢字", "a & b <c> é😀 \"'", "x\ry", "", ""])
    }

    @Test("shared strings the tokenizer gives up on (CDATA, CR in text, a DOCTYPE, malformed XML) come from libxml2, errors included",
          arguments: [
              "<si><t><![CDATA[a<b]]></t></si>",
              "<si><t>x\r\ny</t></si>",
              "<si><t>a</t></si><si><t>b</x></si>",
              "<si><t>&nbsp;</t></si>",
          ])
    func fallback(items: String) throws {
        let (fast, libxml2, tokenized) = try Self.bothWays(Self.sharedStrings(items))
        #expect(!tokenized)
        #expect(fast == libxml2)
    }

    @Test("a DOCTYPE in the shared strings is refused as unsafe XML both ways")
    func doctype() throws {
        let xml = Array("<?xml version=\"1.0\"?><!DOCTYPE sst [<!ENTITY e \"x\">]><sst xmlns=\"\(FuzzHarness.main)\"><si><t>&e;</t></si></sst>".utf8)
        let (fast, libxml2, tokenized) = try Self.bothWays(xml)
        #expect(!tokenized)
        #expect(fast == libxml2)
        #expect(fast.sharedStringsError?.hasPrefix("unsafe-xml") == true)
    }

    @Test("limits hit while the tokenizer reads (too many strings, too long a string) fail with libxml2's error and line")
    func limits() throws {
        var few = XLSXReadLimits.default
        few.maxSharedStrings = 2
        let many = try Self.bothWays(Self.sharedStrings("<si><t>a</t></si>\n<si><t>b</t></si>\n<si><t>c</t></si>"), limits: few)
        #expect(many.fast == many.libxml2)
        #expect(many.fast.sharedStringsError?.hasPrefix("size-limit-exceeded") == true)
        #expect(many.fast.sharedStringsError?.hasSuffix("(xl/sharedStrings.xml):4") == true, "libxml2's line of the third item")
        var short = XLSXReadLimits.default
        short.maxStringBytes = 4
        let long = try Self.bothWays(Self.sharedStrings("<si><t>abc</t></si>\n<si><t>abcdefgh</t></si>"), limits: short)
        #expect(long.fast == long.libxml2)
        #expect(long.fast.sharedStringsError?.hasPrefix("text-too-long") == true)
    }
}

import Foundation
import PokinCore
import PokinTestSupport
@testable import PokinXLSX

/// The entry points of the fuzz targets in `Fuzz/Targets/{xlsx,zip,sheet-xml,shared-strings}`,
/// restated for `swift test` (the fuzz package is built apart, with libFuzzer): the committed
/// inputs of `Fixtures/fuzz-regressions/<target>/` go through the same reading.
enum FuzzHarness {
    /// What a reader ended with: a digest of what it read, or the `PokinError` it threw.
    /// Any other error is returned as `.other` so that a test can fail on it.
    enum Outcome {
        case value(Int)
        case refused(PokinError)
        case other(any Error)

        var pokinError: PokinError? {
            if case .refused(let error) = self { return error }
            return nil
        }
    }

    /// The outcome a kept input's name states: `value--…` must be read to the end,
    /// `<error-code>--…` must be refused with that `PokinError` code; other names state nothing
    /// beyond "a value or a PokinError".
    static func expectedCode(of name: String) -> (value: Bool, code: String?) {
        guard let range = name.range(of: "--") else { return (false, nil) }
        let prefix = String(name[..<range.lowerBound])
        return prefix == "value" ? (true, nil) : (false, prefix)
    }

    static func outcome(_ body: () throws -> Int) -> Outcome {
        do { return .value(try body()) } catch let error as PokinError { return .refused(error) } catch { return .other(error) }
    }

    /// The committed inputs of one target, sorted by name.
    static func inputs(_ target: String) -> [String] {
        let folder = Fixtures.url("fuzz-regressions/\(target)").path
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }

    static func input(_ target: String, _ name: String) throws -> [UInt8] {
        try Fixtures.bytes("fuzz-regressions/\(target)/\(name)")
    }

    /// `Fuzz/Support/WorkbookWalk.swift`: every sheet's rows, merged and used ranges, drawings
    /// and shared strings.
    static func walk(path: String) throws -> Int {
        let workbook = try XLSXWorkbook(path: path)
        var digest = workbook.date1904 ? 1 : 0
        digest &+= try workbook.sharedStrings().count
        for sheet in workbook.xlsxSheets {
            if sheet.holdsCells {
                let reader = try workbook.sheetReader(named: sheet.name)
                var row = Row(number: 0)
                while try reader.read(into: &row) {
                    digest &+= row.number &+ row.cells.count
                    for cell in row.cells {
                        digest &+= cell.address.description.utf8.count &+ cell.value.displayText.utf8.count
                    }
                }
                digest &+= reader.mergedRanges.count &+ reader.rowCount &+ reader.cellCount
                if let used = reader.usedRange { digest &+= used.hashValue }
            }
            if let drawing = try workbook.drawing(ofSheet: sheet.name) {
                digest &+= drawing.shapes.count &+ drawing.connectors.count
            }
        }
        return digest
    }

    /// `Fuzz/Targets/zip`: stat, stream (1 MiB limit) and read every entry; each entry's
    /// failure is its own, as in the target. Returns the bytes inflated.
    static func zipWalk(path: String) throws -> Int {
        let archive = try ZipArchive(path: path)
        var total = 0
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        for index in archive.entryNames.indices {
            var entryError: (any Error)?
            do {
                let info = try archive.entryInfo(at: index)
                if !info.isEncrypted {
                    let reader = try archive.openEntry(at: index, limit: 1 << 20)
                    while case let count = try buffer.withUnsafeMutableBytes({ try reader.read(into: $0) }), count > 0 { total += count }
                }
            } catch let error as PokinError { _ = error } catch { entryError = error }
            do { total += try archive.readEntry(at: index, limit: 1 << 20).count } catch let error as PokinError { _ = error } catch { entryError = error }
            if let entryError { throw entryError }
        }
        return total
    }

    // MARK: The one-sheet package of `Fuzz/Support/OnePartPackage.swift`

    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let officeRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let packageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships"

    static let skeleton: [(name: String, text: String)] = [
        ("[Content_Types].xml", """
            <?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>
            """),
        ("_rels/.rels", """
            <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="\(packageRelationships)">\
            <Relationship Id="rId1" Type="\(officeRelationships)/officeDocument" Target="xl/workbook.xml"/></Relationships>
            """),
        ("xl/workbook.xml", """
            <?xml version="1.0" encoding="UTF-8"?><workbook xmlns="\(main)" xmlns:r="\(officeRelationships)">\
            <sheets><sheet name="Tahap 1" sheetId="1" r:id="rId1"/></sheets></workbook>
            """),
        ("xl/_rels/workbook.xml.rels", """
            <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="\(packageRelationships)">\
            <Relationship Id="rId1" Type="\(officeRelationships)/worksheet" Target="worksheets/sheet1.xml"/>\
            <Relationship Id="rId2" Type="\(officeRelationships)/sharedStrings" Target="sharedStrings.xml"/>\
            <Relationship Id="rId3" Type="\(officeRelationships)/styles" Target="styles.xml"/></Relationships>
            """),
        ("xl/styles.xml", """
            <?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="\(main)"><numFmts count="1">\
            <numFmt numFmtId="164" formatCode="dd/mm/yyyy hh:mm"/></numFmts><cellXfs count="5">\
            <xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="10"/><xf numFmtId="49"/></cellXfs></styleSheet>
            """),
    ]

    static let defaultSharedStrings = """
        <?xml version="1.0" encoding="UTF-8"?><sst xmlns="\(main)" count="3" uniqueCount="3">\
        <si><t>Tujuan</t></si><si><t xml:space="preserve"> Sasaran </t></si><si><r><t>Kinerja</t></r><r><rPr><b/></rPr><t> Utama</t></r></si></sst>
        """

    static let defaultSheet = """
        <?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="\(main)" xmlns:r="\(officeRelationships)"><sheetData>\
        <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>\
        <row r="2"><c r="A2" t="s"><v>3</v></c><c r="B2" t="s"><v>7</v></c><c r="C2" t="s"><v>100</v></c></row>\
        </sheetData></worksheet>
        """

    /// Writes the one-sheet package with the given sheet and shared-strings parts; returns its path.
    static func onePartPackage(sheet: [UInt8] = Array(defaultSheet.utf8),
                               sharedStrings: [UInt8] = Array(defaultSharedStrings.utf8)) throws -> String {
        let path = try Fixtures.temporaryDirectory("fuzz").appendingPathComponent("book.xlsx").path
        let writer = try ZipWriter(path: path, compressionLevel: 1)
        for part in skeleton { try writer.add(name: part.name, bytes: Array(part.text.utf8)) }
        try writer.add(name: "xl/sharedStrings.xml", bytes: sharedStrings)
        try writer.add(name: "xl/worksheets/sheet1.xml", bytes: sheet)
        try writer.close()
        return path
    }
}

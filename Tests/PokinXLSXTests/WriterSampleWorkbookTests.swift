import Foundation
import PokinCore
import PokinTestSupport
@testable import PokinXLSX
import Testing

/// A workbook exercising every kind of value and layout the writer offers, with the values a
/// reader must give back. Used by the structural, round-trip and interoperability tests.
enum WriterSample {
    /// Texts that stress escaping: Indonesian, emoji, edge whitespace, line breaks, control
    /// characters, OOXML's own escape syntax, XML metacharacters, two encodings of é.
    static let texts: [String] = [
        "Meningkatnya kualitas pelayanan publik Kabupaten",
        "Capaian 🎯 100% ✅ — indikator kinerja",
        "  spasi di tepi  ",
        "baris satu\nbaris dua",
        "kolom\tkolom",
        "CR\r\nLF dan CR\rsaja",
        "kontrol \u{01}\u{08}\u{0B}\u{0C}\u{1F} di tengah",
        "literal _x0041_ dan _x005F_ dan _xZZZZ_ dan _x12",
        "a & b < c > d \"kutip\" 'apostrof'",
        "e\u{301} (terurai)",
        "é (tersusun)",
        "2.17.05.2.01",
        "007",
        "\u{FFFE}",
    ]

    /// Numbers near the limits of a Double and of Excel's 15 digits.
    static let numbers: [Double] = [
        0, 1, -1, 0.1, 0.30000000000000004, 1e-7, -2.5, 123456789012345, 1e15, 1e16,
        9007199254740993, 1.7976931348623157e308, 5e-324, 2.2250738585072014e-308, 12345.678901234567, 85.5,
    ]

    static let dates: [CivilDateTime] = [
        CivilDateTime(year: 2024, month: 1, day: 15),
        CivilDateTime(year: 2024, month: 12, day: 31, hour: 8, minute: 30, second: 15),
        CivilDateTime(year: 1900, month: 1, day: 1),
        CivilDateTime(year: 1900, month: 2, day: 28),
        CivilDateTime(year: 1900, month: 3, day: 1),
        CivilDateTime(year: 9999, month: 12, day: 31),
    ]

    static let mergedRange = CellRange("A7:C7")!

    static let properties = XLSXDocumentProperties(
        title: "Pohon Kinerja Uji", subject: "uji penulis", creator: "pokin tests", keywords: "pokin",
        description: "contoh", company: "Pemerintah Kabupaten Contoh",
        created: CivilDateTime(year: 2025, month: 3, day: 4, hour: 5, minute: 6, second: 7))

    /// Writes the sample at `path`. Sheet "Nilai": row 1 headers; row 2 texts (A…); row 3
    /// numbers; row 4 dates; row 5 TRUE, FALSE, #N/A, #DIV/0!; row 7 merged A7:C7 holding
    /// "Gabungan"; sheet "Daftar" (hidden) holding the drop-down words.
    static func write(to path: String) throws {
        let book = try XLSXWriter(path: path, properties: properties)
        let header = book.register(XLSXCellStyle(
            font: XLSXFont(bold: true, color: .white), fill: XLSXColor(hex: "1F4E79"),
            border: .all(.thin), alignment: XLSXAlignment(horizontal: .center, vertical: .center, wrapText: true)))
        let boxed = book.register(XLSXCellStyle(border: .all(.thin)))
        let sheet = try book.addSheet(named: "Nilai")
        try sheet.writeRow((1...max(texts.count, numbers.count)).map { .text("Kolom \($0)") }, style: header, height: 30)
        try sheet.writeRow(texts.map { .text($0) })
        try sheet.writeRow(numbers.map { .number($0) })
        try sheet.writeRow(dates.map { .dateTime($0) })
        try sheet.writeRow([.boolean(true), .boolean(false), .error("#N/A"), .error("#DIV/0!")])
        try sheet.beginRow(7)
        try sheet.write(.text("Gabungan"), column: 1, style: boxed)
        try sheet.write(.empty, column: 2, style: boxed)
        try sheet.write(.empty, column: 3, style: boxed)
        try sheet.merge(mergedRange)
        try sheet.freezePanes(rows: 1, columns: 1)
        try sheet.setColumns(1...1, width: 40)
        try sheet.setColumns(2...16, width: 18)
        try sheet.addValidation(XLSXDataValidation(range: CellRange("B10:B20")!, source: .list(["Tujuan", "Sasaran", "Program"]),
                                                   prompt: ("Level", "Pilih level dari daftar"),
                                                   errorMessage: ("Level tidak dikenal", "Pilih salah satu kata dari daftar")))
        try sheet.addValidation(XLSXDataValidation(range: CellRange("C10:C20")!, source: .range(sheet: "Daftar", CellRange("A1:A3")!)))
        sheet.pageSetup = XLSXPageSetup(orientation: .landscape, paperSize: .a4, fitToWidth: 1, repeatRows: 1...1,
                                        footer: "Halaman &P dari &N")
        sheet.tabColor = XLSXColor(hex: "C00000")

        let list = try book.addSheet(named: "Daftar", visibility: .hidden)
        for word in ["Kegiatan", "Sub Kegiatan", "Program"] { try list.writeRow([.text(word)]) }
        try book.close()
    }
}

@Suite("XLSX writer: sample workbook")
struct WriterSampleWorkbookTests {
    @Test("the sample workbook is written, and writing it twice gives the same bytes")
    func deterministic() throws {
        let folder = try Fixtures.temporaryDirectory("xlsx-writer")
        let first = folder.appendingPathComponent("a.xlsx").path
        let second = folder.appendingPathComponent("b.xlsx").path
        try WriterSample.write(to: first)
        try WriterSample.write(to: second)
        let a = try Data(contentsOf: URL(fileURLWithPath: first))
        let b = try Data(contentsOf: URL(fileURLWithPath: second))
        #expect(a.count > 1000)
        #expect(a == b)
        // No temporary spool files are left beside the output.
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty)
    }
}

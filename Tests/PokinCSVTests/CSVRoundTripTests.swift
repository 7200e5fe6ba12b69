import PokinCore
@testable import PokinCSV
import PokinTestSupport
import Testing

@Suite("CSV writer → reader round trips")
struct CSVRoundTripTests {
    /// Pieces that stress quoting: every delimiter, quotes, all line ends, non-ASCII, formula triggers.
    static let pieces = ["a", "Sleman", "é", "📈", ",", ";", "\t", "|", "\"", "\r", "\n", "\r\n", " ", "'", "=", "-", "1", ".", "1,5"]

    static func randomRecords(_ generator: inout SeededGenerator) -> [[String]] {
        let width = Int.random(in: 1...6, using: &generator)
        return (0..<Int.random(in: 1...12, using: &generator)).map { _ in
            (0..<width).map { _ in
                (0..<Int.random(in: 0...6, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            }
        }
    }

    static let dialects: [CSVDialect] = [
        .rfc4180, .excelID,
        CSVDialect(delimiter: 0x09, lineTerminator: .crlf, byteOrderMark: true, encoding: .utf16LittleEndian),
        CSVDialect(delimiter: UInt8(ascii: "|"), lineTerminator: .lf, byteOrderMark: true, encoding: .utf16BigEndian),
        CSVDialect(delimiter: UInt8(ascii: ","), lineTerminator: .cr),
    ]

    @Test("random records with every awkward character read back exactly, in five dialects (delimiter given)",
          arguments: 0..<dialects.count)
    func randomRoundTrip(dialectIndex: Int) throws {
        let dialect = CSVRoundTripTests.dialects[dialectIndex]
        var generator = SeededGenerator(seed: 0x5EED_0000 + UInt64(dialectIndex))
        for iteration in 0..<60 {
            let records = CSVRoundTripTests.randomRecords(&generator)
            let bytes = try CSVTestSupport.written(dialect: dialect, options: .init(defuseFormulas: false)) { writer in
                for record in records { try writer.write(fields: record) }
            }
            let (read, reader) = try CSVTestSupport.readAll(path: CSVTestSupport.temporaryFile(bytes),
                                                            options: .init(delimiter: dialect.delimiter))
            // A record of no fields is a blank line; a record of one empty field is written "".
            #expect(read == records, "iteration \(iteration)")
            #expect(reader.dialect.encoding == dialect.encoding)
            #expect(reader.dialect.byteOrderMark == dialect.byteOrderMark)
        }
    }

    @Test("a performance table written as excel-id is detected as excel-id on reading (';', BOM, CRLF) and reads back")
    func excelIndonesianDetected() throws {
        let values: [[CellValue]] = [
            [.text("Kode"), .text("Indikator"), .text("Target 2025"), .text("Catatan")],
            [.text("2.17.05.2.01"), .text("Persentase UMKM naik kelas"), .number(1.5), .text("naik, stabil")],
            [.text("2.17.05.2.02"), .text("Jumlah koperasi; sehat"), .number(1250.25), .empty],
            [.text("2.17.05.2.03"), .text("=SUM(A1)"), .number(-3), .text("-")],
        ]
        let bytes = try CSVTestSupport.written(dialect: .excelID) { writer in
            for row in values { try writer.write(row) }
        }
        let (read, reader) = try CSVTestSupport.readAll(path: CSVTestSupport.temporaryFile(bytes))
        #expect(reader.dialect.delimiter == UInt8(ascii: ";"))
        #expect(reader.dialect.byteOrderMark)
        #expect(reader.dialect.lineTerminator == .crlf)
        #expect(read == [
            ["Kode", "Indikator", "Target 2025", "Catatan"],
            ["2.17.05.2.01", "Persentase UMKM naik kelas", "1,5", "naik, stabil"],
            ["2.17.05.2.02", "Jumlah koperasi; sehat", "1250,25", ""],
            ["2.17.05.2.03", "'=SUM(A1)", "-3", "'-"],
        ])
    }
}

import PokinCore
@testable import PokinCSV
import PokinTestSupport
import Testing

/// The committed fixtures of `Fixtures/csv/` (written by `Fixtures/csv/generate.py`), one per
/// dialect case, read with full detection.
@Suite("CSV reader on dialect fixtures")
struct CSVReaderFixtureTests {
    @Test("Indonesian Excel CSV: ';' is the delimiter, decimal commas stay inside their fields")
    func semicolonDecimalComma() throws {
        let (records, reader) = try CSVTestSupport.readAll(path: CSVTestSupport.fixture("semicolon-decimal-comma.csv"))
        #expect(reader.dialect.delimiter == UInt8(ascii: ";"))
        #expect(reader.dialect.lineTerminator == .crlf)
        #expect(reader.dialect.encoding == .utf8)
        #expect(!reader.dialect.byteOrderMark)
        #expect(records == [
            ["Kode", "Indikator Kinerja", "Satuan", "Target 2025", "Realisasi"],
            ["2.17.05.2.01", "Persentase UMKM naik kelas", "%", "1,5", "2,25"],
            ["2.17.05.2.02", "Jumlah koperasi sehat", "unit", "1.250", "1.312,5"],
            ["2.17.05.2.03", "Nilai investasi; total", "Rp", "2.500.000,75", "3"],
        ])
        #expect(reader.warnings.isEmpty)
    }

    @Test("UTF-8 with a byte order mark: the BOM is not part of the first field")
    func utf8WithBOM() throws {
        let (records, reader) = try CSVTestSupport.readAll(path: CSVTestSupport.fixture("utf8-bom.csv"))
        #expect(records == [["Bidang", "Sasaran"], ["Koperasi – UMKM", "Meningkatnya daya saing (±5%)"]])
        #expect(reader.dialect.byteOrderMark)
        #expect(reader.dialect.encoding == .utf8)
        #expect(reader.dialect.delimiter == UInt8(ascii: ","))
    }

    static let unicodeTextRecords = [
        ["Kode", "Uraian", "Target"],
        ["1.01", "Capaian 📈 naik", "1,5"],
        ["1.02", "Keterangan \"khusus\"", "√2"],
    ]

    @Test("UTF-16 with a byte order mark (Excel 'Unicode Text'), little and big endian: transcoded, TAB detected",
          arguments: [("utf16le-bom.csv", CSVDialect.Encoding.utf16LittleEndian), ("utf16be-bom.csv", .utf16BigEndian)])
    func utf16(file: String, encoding: CSVDialect.Encoding) throws {
        let (records, reader) = try CSVTestSupport.readAll(path: CSVTestSupport.fixture(file))
        #expect(records == CSVReaderFixtureTests.unicodeTextRecords)
        #expect(reader.dialect.encoding == encoding)
        #expect(reader.dialect.byteOrderMark)
        #expect(reader.dialect.delimiter == 0x09)
        #expect(reader.warnings.isEmpty)
    }

    @Test("bytes that are not UTF-8 are read as Windows-1252, with a warning naming the line of the first bad byte")
    func windows1252Fallback() throws {
        let (records, reader) = try CSVTestSupport.readAll(path: CSVTestSupport.fixture("windows-1252.csv"))
        #expect(records == [["Nama", "Jabatan"], ["Budi", "Kepala Dinas"], ["René", "Sekretaris – Bagian €"]])
        #expect(reader.dialect.encoding == .windows1252)
        #expect(reader.dialect.delimiter == UInt8(ascii: ";"))
        let warning = try #require(reader.warnings.first)
        #expect(reader.warnings.count == 1)
        #expect(warning.kind == .encodingFallback)
        #expect(warning.location.line == 3)
        #expect(warning.location.file == CSVTestSupport.fixture("windows-1252.csv"))
    }

    @Test("an unterminated quote is a malformed-csv error naming the line where it opens and its record, never a merge")
    func unterminatedQuote() throws {
        let path = CSVTestSupport.fixture("unterminated-quote.csv")
        let reader = try CSVReader(path: path)
        var fields: [String] = []
        #expect(try reader.readRecord(into: &fields) && fields == ["kode", "uraian"])
        #expect(try reader.readRecord(into: &fields) && fields == ["1", "dua\nbaris"])
        let error = try #require(throws: PokinError.self) { try reader.readRecord(into: &fields) }
        #expect(error.code == .malformedCSV)
        #expect(error.location?.line == 4)
        #expect(error.location?.row == 3)
        #expect(error.location?.file == path)
    }

    @Test("ragged records are kept as they are and each is reported with its record and line")
    func raggedRows() throws {
        let (records, reader) = try CSVTestSupport.readAll(path: CSVTestSupport.fixture("ragged-rows.csv"))
        #expect(records == [["a", "b", "c", "d"], ["1", "2", "3", "4"], ["5", "6", "7"], [],
                            ["8", "9", "10", "11", "12"], ["13", "14", "15", "16"]])
        #expect(reader.warnings.map(\.kind) == [.raggedRow, .raggedRow])
        #expect(reader.warnings.map(\.location.row) == [3, 5])
        #expect(reader.warnings.map(\.location.line) == [3, 5])
    }

    @Test("CR-only line ends (classic Mac) end records; a CR inside quotes is content")
    func crOnly() throws {
        let (records, reader) = try CSVTestSupport.readAll(path: CSVTestSupport.fixture("cr-only.csv"))
        #expect(records == [["x", "y"], ["1", "2"], ["3", "a\rb"]])
        #expect(reader.dialect.lineTerminator == .cr)
    }

    @Test("TAB and '|' delimiters are detected even when fields hold commas and semicolons",
          arguments: [("tab-delimited.csv", UInt8(0x09)), ("pipe-delimited.csv", UInt8(ascii: "|"))])
    func otherDelimiters(file: String, delimiter: UInt8) throws {
        let (records, reader) = try CSVTestSupport.readAll(path: CSVTestSupport.fixture(file))
        #expect(reader.dialect.delimiter == delimiter)
        #expect(records.count == 3)
        #expect(records[1][1] == "satu, dua")
        #expect(records[2][1] == "tiga; empat")
        #expect(reader.dialect.lineTerminator == .lf)
    }

    @Test("Excel's 'sep=;' hint line sets the delimiter and is not a record; records keep their physical lines")
    func separatorHint() throws {
        let reader = try CSVReader(path: CSVTestSupport.fixture("sep-hint.csv"))
        var row = Row(number: 0)
        #expect(try reader.read(into: &row))
        #expect(row.number == 1 && reader.line == 2)
        #expect(row.cells.map(\.value) == [.text("kode"), .text("nilai")])
        #expect(try reader.read(into: &row))
        #expect(row.cells.map(\.value) == [.text("1"), .text("2,5")])
        #expect(reader.dialect.delimiter == UInt8(ascii: ";"))
        #expect(try !reader.read(into: &row))
    }
}

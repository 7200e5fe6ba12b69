import Foundation
import PokinCore
@testable import PokinCSV
import PokinTestSupport
import Testing

/// The CSV files of the shared peer corpus (`../shared/corpus/peers`), read with full detection
/// and compared with what their repositories say they contain. csv-spectrum ships JSON
/// expectations upstream (`json/<name>.json`, not copied): the rows below are those documents.
@Suite("CSV reader on the peer corpus")
struct CSVCorpusTests {
    static let spectrum: [(String, [[String]])] = [
        ("comma_in_quotes.csv", [["first", "last", "address", "city", "zip"],
                                 ["John", "Doe", "120 any st.", "Anytown, WW", "08123"]]),
        ("empty.csv", [["a", "b", "c"], ["1", "", ""], ["2", "3", "4"]]),
        ("escaped_quotes.csv", [["a", "b"], ["1", "ha \"ha\" ha"], ["3", "4"]]),
        ("newlines_crlf.csv", [["a", "b", "c"], ["1", "2", "3"], ["Once upon \r\na time", "5", "6"], ["7", "8", "9"]]),
        ("quotes_and_newlines.csv", [["a", "b"], ["1", "ha \n\"ha\" \nha"], ["3", "4"]]),
        ("utf8.csv", [["a", "b", "c"], ["1", "2", "3"], ["4", "5", "ʤ"]]),
    ]

    @Test("csv-spectrum acid tests read as the upstream JSON expectations say",
          .enabled(if: TestEnvironment.sharedCorpusEnabled), arguments: 0..<spectrum.count)
    func csvSpectrum(index: Int) throws {
        let corpus = try TestEnvironment.requireSharedCorpus()
        let (name, expected) = CSVCorpusTests.spectrum[index]
        let (records, reader) = try CSVTestSupport.readAll(path: corpus.appendingPathComponent("csv-spectrum/\(name)").path)
        #expect(records == expected)
        #expect(reader.dialect.delimiter == UInt8(ascii: ","))
        #expect(reader.dialect.encoding == .utf8)
        #expect(reader.warnings.isEmpty)
    }

    @Test("rust-csv strange.csv: ';' is detected (Python's Sniffer says ','), and with its documented dialect (\\ escapes, # comments) the records are the cookbook's",
          .enabled(if: TestEnvironment.sharedCorpusEnabled))
    func rustCSVStrange() throws {
        let path = try TestEnvironment.requireSharedCorpus().appendingPathComponent("rust-csv/strange.csv").path
        #expect(try CSVReader(path: path).dialect.delimiter == UInt8(ascii: ";"))
        let (records, reader) = try CSVTestSupport.readAll(path: path, options: .init(escape: UInt8(ascii: "\\"), comment: UInt8(ascii: "#")))
        #expect(records == [
            ["\"Hacksaw\" Jim Duggan", "1987"],
            ["Bret \"Hit Man\" Hart", "1984"],
            ["Rafael Halperin"],
            ["\"Big Cat\" Ernie Ladd", "1964"],
            ["\"Macho Man\" Randy Savage", "1985"],
            ["Jake \"The Snake\" Roberts", "1986"],
        ])
        // The comment line is not a record, but it is a line: Rafael is record 3 on line 4.
        #expect(reader.warnings.map(\.kind) == [.raggedRow])
        #expect(reader.warnings.first?.location.row == 3)
        #expect(reader.warnings.first?.location.line == 4)
    }

    @Test("rust-csv uspop-latin1.csv: not UTF-8, read as Windows-1252 with a warning on line 4 ('Õakman')",
          .enabled(if: TestEnvironment.sharedCorpusEnabled))
    func rustCSVLatin1() throws {
        let path = try TestEnvironment.requireSharedCorpus().appendingPathComponent("rust-csv/uspop-latin1.csv").path
        let (records, reader) = try CSVTestSupport.readAll(path: path)
        #expect(records.count == 101)
        #expect(records[0] == ["City", "State", "Population", "Latitude", "Longitude"])
        #expect(records[3] == ["Õakman", "AL", "", "33.7133333", "-87.3886111"])
        #expect(records[100] == ["Cody", "WY", "9161", "44.5263889", "-109.0558333"])
        #expect(reader.dialect.encoding == .windows1252)
        #expect(reader.warnings.map(\.kind) == [.encodingFallback])
        #expect(reader.warnings.first?.location.line == 4)
    }

    @Test("SheetJS crlf.csv (Excel 'CSV UTF-8' shape): BOM, CRLF records, bare LF and CRLF inside quotes",
          .enabled(if: TestEnvironment.sharedCorpusEnabled))
    func sheetJSCRLF() throws {
        let path = try TestEnvironment.requireSharedCorpus().appendingPathComponent("SheetJS-test_files/crlf/crlf.csv").path
        let (records, reader) = try CSVTestSupport.readAll(path: path)
        #expect(records == [["Normal", "abc\ndef"], ["Formula", "abc\r\ndef"], ["Test", ""]])
        #expect(reader.dialect.byteOrderMark)
        #expect(reader.dialect.lineTerminator == .crlf)
    }

    @Test("SheetJS ErrorTypes.csv: CR-only line ends, 14 records of 10 fields, error literals as text",
          .enabled(if: TestEnvironment.sharedCorpusEnabled))
    func sheetJSErrorTypes() throws {
        let path = try TestEnvironment.requireSharedCorpus().appendingPathComponent("SheetJS-test_files/ErrorTypes.csv").path
        let (records, reader) = try CSVTestSupport.readAll(path: path)
        #expect(reader.dialect.lineTerminator == .cr)
        #expect(records.count == 14)
        #expect(records.allSatisfy { $0.count == 10 })
        #expect(records[0] == ["Error", "Bang", "Que", "Non", "Val", "ErrType", "Type", "ISERR", "ISNA", "ErrTypeIsErr"])
        #expect(records[2] == ["#DIV/0!", "#DIV/0!", "#DIV/0?", "#DIV/0", "2", "2", "16", "TRUE", "FALSE", "FALSE"])
        #expect(records[13] == ["array", "array!", "array?", "array", "array", "#N/A", "64", "FALSE", "FALSE", "FALSE"])
        #expect(reader.warnings.isEmpty)
    }

    @Test("SheetJS number_format_russian.0.csv (Excel, Russian locale): ';', decimal commas, 8-bit NBSP read as Windows-1252 from line 5",
          .enabled(if: TestEnvironment.sharedCorpusEnabled))
    func sheetJSRussian() throws {
        let path = try TestEnvironment.requireSharedCorpus().appendingPathComponent("SheetJS-test_files/number_format_russian.0.csv").path
        let (records, reader) = try CSVTestSupport.readAll(path: path)
        #expect(reader.dialect.delimiter == UInt8(ascii: ";"))
        #expect(reader.dialect.encoding == .windows1252)
        #expect(reader.warnings.map(\.kind) == [.encodingFallback])
        #expect(reader.warnings.first?.location.line == 5)
        #expect(records.count == 29)
        #expect(records.allSatisfy { $0.count == 7 })
        #expect(records[1] == ["0", "12345,6789", "General", "", "", "", ""])
        #expect(records[4] == ["3", "12 346", "#,##0", "12\u{A0}346", "#,##0", "12 346", ""])
        #expect(records[21] == ["38", "12 346 ", "#,##0 ;[Red](#,##0)", "12\u{A0}346 ", "#,##0 ;[Red](#,##0)", "12 346 ", ""])
    }

    @Test("SheetJS Attendance.csv holds the same data as Attendance.xlsx: every cell of the reference dump, as Numbers printed it",
          .enabled(if: TestEnvironment.sharedCorpusEnabled))
    func sheetJSAttendance() throws {
        let corpus = try TestEnvironment.requireSharedCorpus()
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: corpus.appendingPathComponent("expected/SheetJS-test_files/Attendance.xlsx.json")))
        let sheet = try #require(((json as? [String: Any])?["sheets"] as? [[String: Any]])?.first)
        let cells = try #require(sheet["cells"] as? [[Any]])
        // The workbook has a title row the CSV export leaves out: CSV record r is workbook row r + 1.
        var expected: [CellAddress: String] = [:]
        for cell in cells {
            let reference = try #require(cell[0] as? String)
            let address = try #require(CellAddress(reference))
            let type = try #require(cell[1] as? String)
            switch type {
            case "s": expected[address] = cell[2] as? String
            case "b": expected[address] = (cell[2] as? Bool) == true ? "TRUE" : "FALSE"
            case "n": expected[address] = CellValue.formatNumber(try #require(cell[2] as? Double))
            case "d":  // Numbers exports the date as month/day
                let iso = try #require(cell[2] as? String)
                let parts = iso.prefix(10).split(separator: "-").compactMap { Int($0) }
                expected[address] = "\(parts[1])/\(parts[2])"
            default: Issue.record("unexpected cell type \(type)")
            }
        }
        let reader = try CSVWorkbook(path: corpus.appendingPathComponent("SheetJS-test_files/Attendance.csv").path)
        var rows = try reader.rows(ofSheet: "Attendance")
        var actual: [CellAddress: String] = [:]
        var row = Row(number: 0)
        while try rows.read(into: &row) {
            for cell in row.cells {
                guard case .text(let text) = cell.value else { Issue.record("CSV values are text"); continue }
                actual[CellAddress(row: cell.row + 1, column: cell.column)] = text
            }
        }
        #expect(actual.count == 225)
        #expect(actual == expected)
    }
}

import Foundation
import PokinCore
@testable import PokinCSV
import PokinTestSupport
import Testing

@Suite("CSV writer")
struct CSVWriterTests {
    static func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    @Test("rfc4180: comma, CRLF, no BOM; fields with delimiter, quote, CR or LF are quoted and quotes doubled")
    func rfc4180Quoting() throws {
        let bytes = try CSVTestSupport.written { writer in
            try writer.write(fields: ["plain", "a,b", "say \"hi\"", "two\nlines", "cr\rhere", "", "semi;colon"])
        }
        #expect(CSVWriterTests.text(bytes) == "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\rhere\",,semi;colon\r\n")
        #expect(bytes.first == UInt8(ascii: "p"))
    }

    @Test("excel-id: UTF-8 BOM, semicolon, CRLF, decimal comma; commas need no quotes, semicolons do")
    func excelIndonesian() throws {
        let bytes = try CSVTestSupport.written(dialect: .excelID) { writer in
            try writer.write([.text("Kode"), .text("Target"), .text("Catatan")])
            try writer.write([.text("2.17.05.2.01"), .number(1.5), .text("a, b; c")])
            try writer.write([.text("x"), .number(-2500.75), .number(12)])
        }
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(CSVWriterTests.text(Array(bytes.dropFirst(3)))
                == "Kode;Target;Catatan\r\n2.17.05.2.01;1,5;\"a, b; c\"\r\nx;-2500,75;12\r\n")
        #expect(CSVDialect(named: "excel-id") == .excelID)
        #expect(CSVDialect(named: "rfc4180") == .rfc4180)
        #expect(CSVDialect(named: "excel") == nil)
    }

    @Test("a text cell starting with a formula trigger gets a leading apostrophe",
          arguments: ["=1+1", "+62 812", "-5", "@SUM(A1)", "\tindent", "\rstart"])
    func defusesFormula(_ value: String) throws {
        let bytes = try CSVTestSupport.written { try $0.write([.text(value), .text("ok")]) }
        let (records, _) = try CSVTestSupport.readAll(path: CSVTestSupport.temporaryFile(bytes),
                                                      options: .init(delimiter: UInt8(ascii: ",")))
        #expect(records == [["'" + value, "ok"]])
    }

    @Test("the quoted form keeps the apostrophe inside the quotes")
    func defusedAndQuoted() throws {
        let bytes = try CSVTestSupport.written { try $0.write([.text("=HYPERLINK(\"x\",\"y\")")]) }
        #expect(CSVWriterTests.text(bytes) == "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"\r\n")
    }

    @Test("real numbers, booleans, dates and errors are never defused: -5 as a number stays -5")
    func numbersUntouched() throws {
        let bytes = try CSVTestSupport.written { writer in
            try writer.write([.number(-5), .number(0.1), .number(1e20), .number(-0.000001), .boolean(true), .boolean(false),
                              .dateTime(CivilDateTime(year: 2024, month: 3, day: 31)),
                              .dateTime(CivilDateTime(year: 2024, month: 3, day: 31, hour: 8, minute: 30)),
                              .dateTime(CivilDateTime(year: 1899, month: 12, day: 31, hour: 16, minute: 17, second: 37, timeOnly: true)),
                              .error("#DIV/0!"), .empty, .duration(5400)])
        }
        #expect(CSVWriterTests.text(bytes)
                == "-5,0.1,1e+20,-1e-06,TRUE,FALSE,2024-03-31,2024-03-31T08:30:00,16:17:37,#DIV/0!,,5400\r\n")
    }

    @Test("numbers print in their shortest round-trip form")
    func shortestNumbers() throws {
        let values: [Double] = [0.1, 1.0 / 3.0, 123456789.125, 2.5e-300, 1e15, 123456789012345]
        let bytes = try CSVTestSupport.written { try $0.write(values.map(CellValue.number)) }
        // "\r\n" is one Character.
        let fields = CSVWriterTests.text(bytes).dropLast().split(separator: ",").map(String.init)
        #expect(fields.map { Double($0) } == values)
        #expect(fields[0] == "0.1" && fields[5] == "123456789012345")
    }

    @Test("with defusing turned off, text is written as given")
    func defusingOff() throws {
        let bytes = try CSVTestSupport.written(options: .init(defuseFormulas: false)) { writer in
            try writer.write([.text("=1+1"), .text("-5"), .text("@x"), .text("+1"), .text("\tt"), .text("\rr")])
        }
        #expect(CSVWriterTests.text(bytes) == "=1+1,-5,@x,+1,\tt,\"\rr\"\r\n")
    }

    @Test("a record of one empty field is written \"\" so it does not read back as a blank line; no fields is a blank line")
    func emptyRecords() throws {
        let bytes = try CSVTestSupport.written { writer in
            try writer.write(fields: [""])
            try writer.write(fields: [])
            try writer.write([.empty])
        }
        #expect(CSVWriterTests.text(bytes) == "\"\"\r\n\r\n\"\"\r\n")
    }

    @Test("rows are written by column with gaps as empty fields, padded to a width")
    func writesRows() throws {
        let row = Row(number: 7, cells: [Cell(row: 7, column: 2, value: .text("b")), Cell(row: 7, column: 4, value: .number(4))])
        let bytes = try CSVTestSupport.written { try $0.write(row, columns: 5) }
        #expect(CSVWriterTests.text(bytes) == ",b,,4,\r\n")
    }

    @Test("cells out of column order are placed by column; a lone empty cell in a one-column table is written \"\"")
    func writesUnorderedRows() throws {
        let row = Row(number: 1, cells: [Cell(row: 1, column: 3, value: .text("c")), Cell(row: 1, column: 1, value: .number(1))])
        let bytes = try CSVTestSupport.written { writer in
            try writer.write(row)
            try writer.write(Row(number: 2), columns: 1)
            try writer.write(Row(number: 3))
        }
        #expect(CSVWriterTests.text(bytes) == "1,,c\r\n\"\"\r\n\r\n")
    }

    @Test("long fields, fields of exactly 16 bytes and quotes beyond the sixteenth byte are quoted correctly")
    func quotingAtVectorEdges() throws {
        let fields = [String(repeating: "a", count: 16), String(repeating: "b", count: 15) + ",", String(repeating: "c", count: 40) + "\"x",
                      String(repeating: "d", count: 31) + "\n", "=" + String(repeating: "e", count: 20)]
        let bytes = try CSVTestSupport.written { try $0.write(fields: fields) }
        let (records, _) = try CSVTestSupport.readAll(path: CSVTestSupport.temporaryFile(bytes), options: .init(delimiter: UInt8(ascii: ",")))
        #expect(records == [[fields[0], fields[1], fields[2], fields[3], "'" + fields[4]]])
        #expect(CSVWriterTests.text(bytes).hasPrefix(fields[0] + ",\"" + fields[1] + "\","))
    }

    @Test("UTF-16 LE and BE dialects write a BOM and transcode, characters outside the BMP included")
    func utf16Output() throws {
        for encoding in [CSVDialect.Encoding.utf16LittleEndian, .utf16BigEndian] {
            let dialect = CSVDialect(delimiter: 0x09, lineTerminator: .crlf, byteOrderMark: true, encoding: encoding)
            let bytes = try CSVTestSupport.written(dialect: dialect) { try $0.write(fields: ["a📈", "é"]) }
            let units = Array("a📈\té\r\n".utf16)
            let expected: [UInt8] = (encoding == .utf16LittleEndian ? [0xFF, 0xFE] : [0xFE, 0xFF])
                + units.flatMap { encoding == .utf16LittleEndian ? [UInt8($0 & 0xFF), UInt8($0 >> 8)] : [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
            #expect(bytes == expected)
        }
    }

    @Test("Windows-1252 output is refused with unsupported-format")
    func refusesWindows1252() throws {
        let error = try #require(throws: PokinError.self) {
            try CSVWriter(dialect: CSVDialect(encoding: .windows1252)) { _ in }
        }
        #expect(error.code == .unsupportedFormat)
    }

    @Test("streams to a file through a bounded buffer: a large output arrives in pieces of about 64 KiB")
    func streamsInPieces() throws {
        var pieces: [Int] = []
        let writer = try CSVWriter { pieces.append($0.count) }
        for index in 0..<20_000 { try writer.write(fields: [String(index), "uraian kegiatan nomor \(index)"]) }
        try writer.finish()
        #expect(pieces.count > 5)
        #expect(pieces.dropLast().allSatisfy { $0 >= 64 * 1024 && $0 < 70 * 1024 })
        let path = try CSVTestSupport.temporaryFile([], name: "out.csv")
        let fileWriter = try CSVWriter(path: path, dialect: .excelID)
        try fileWriter.write(fields: ["a", "b"])
        try fileWriter.finish()
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data([0xEF, 0xBB, 0xBF] + Array("a;b\r\n".utf8)))
    }

    @Test("an unwritable path is file-unwritable")
    func unwritable() throws {
        let error = try #require(throws: PokinError.self) { try CSVWriter(path: "/nonexistent/pokin/out.csv") }
        #expect(error.code == .fileUnwritable)
    }
}

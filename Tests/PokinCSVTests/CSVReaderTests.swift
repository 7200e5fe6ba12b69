import Foundation
import PokinCore
@testable import PokinCSV
import PokinTestSupport
import Testing

@Suite("CSV reader: streaming, rows, detection and errors")
struct CSVReaderTests {
    /// Records that cross every 64 KiB chunk boundary at a different place: multi-line quoted
    /// fields, doubled quotes, multi-byte characters.
    static func manyRecords(_ count: Int) -> [[String]] {
        (0..<count).map { index in
            let note = index % 7 == 0 ? "baris \"\(index)\"\r\nlanjut" : "catatan ke-\(index) – Sleman ✓ 📈"
            return [String(index), "2.17.05.\(index % 13)", note, index % 5 == 0 ? "" : "\(index),5"]
        }
    }

    static func encode(_ records: [[String]], delimiter: String = ",", lineEnd: String = "\r\n") -> String {
        records.map { record in
            record.map { field in
                field.contains(where: { $0 == "\"" || $0 == "\n" || $0 == "\r" || String($0) == delimiter })
                    ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
            }.joined(separator: delimiter)
        }.joined(separator: lineEnd) + lineEnd
    }

    @Test("a file of many 64 KiB chunks reads record for record the same as its source, in UTF-8 and both UTF-16s",
          arguments: ["utf-8", "utf-16le", "utf-16be"])
    func readsAcrossChunks(encoding: String) throws {
        let records = CSVReaderTests.manyRecords(6_000)
        let text = CSVReaderTests.encode(records)
        var bytes: [UInt8]
        switch encoding {
        case "utf-16le": bytes = [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        case "utf-16be": bytes = [0xFE, 0xFF] + text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        default: bytes = Array(text.utf8)
        }
        #expect(bytes.count > 5 * CSVReader.chunkSize)
        let (read, reader) = try CSVTestSupport.readAll(path: CSVTestSupport.temporaryFile(bytes))
        #expect(read.count == records.count)
        #expect(read == records)
        #expect(reader.warnings.isEmpty)
        #expect(reader.dialect.delimiter == UInt8(ascii: ","))
    }

    @Test("a UTF-16 surrogate pair and a code unit cut by the chunk boundary are carried over")
    func utf16SplitAtChunkBoundary() throws {
        // BOM (2 bytes) + padding so that the emoji's surrogate pair starts 2 bytes before 64 KiB.
        for shift in [0, 1, 2, 3] {
            let padding = String(repeating: "a", count: (CSVReader.chunkSize - 2 - 2 * shift) / 2 - 1)
            let text = "x," + padding + "📈é\r\nq,r\r\n"
            let bytes: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
            let (read, reader) = try CSVTestSupport.readAll(path: CSVTestSupport.temporaryFile(bytes))
            #expect(read == [["x", padding + "📈é"], ["q", "r"]], "shift \(shift)")
            #expect(reader.warnings.isEmpty)
        }
    }

    @Test("an unpaired UTF-16 surrogate becomes U+FFFD with a warning, the rest is read")
    func unpairedSurrogate() throws {
        let units: [UInt16] = [0x61, 0x2C, 0xD83D, 0x62, 0x0A, 0x63, 0x2C, 0x64, 0x0A]
        let bytes: [UInt8] = [0xFF, 0xFE] + units.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let (read, reader) = try CSVTestSupport.readAll(path: CSVTestSupport.temporaryFile(bytes))
        #expect(read == [["a", "\u{FFFD}b"], ["c", "d"]])
        #expect(reader.warnings.map(\.kind) == [.invalidUTF16])
    }

    @Test("a byte that is not UTF-8 far past the first chunk switches to Windows-1252 from its line on, and says which line")
    func lateWindows1252() throws {
        var bytes: [UInt8] = []
        var line = 0
        while bytes.count < 3 * CSVReader.chunkSize {
            line += 1
            bytes += Array("\(line),baris biasa ke-\(line)\n".utf8)
        }
        bytes += Array("\(line + 1),\"Caf".utf8) + [0xE9] + Array(" x\ny\"\n".utf8)
        bytes += Array("\(line + 2),ok \u{96}\n".utf8)  // U+0096 as UTF-8 is C2 96: read as 1252 it is "Â–"
        let (read, reader) = try CSVTestSupport.readAll(path: CSVTestSupport.temporaryFile(bytes))
        #expect(read.count == line + 2)
        #expect(read[line] == ["\(line + 1)", "Café x\ny"])
        #expect(read[line + 1] == ["\(line + 2)", "ok Â–"])
        #expect(reader.warnings.count == 1)
        #expect(reader.warnings.first?.kind == .encodingFallback)
        #expect(reader.warnings.first?.location.line == line + 1)
        #expect(reader.dialect.encoding == .windows1252)
    }

    @Test("the line of a bad byte inside a multi-line quoted field is the physical line of that byte")
    func badByteLineInsideQuotes() throws {
        var bytes = Array(String(repeating: "a,b\n", count: 20_000).utf8)
        bytes += Array("c,\"one\r\ntwo\nthr".utf8) + [0xE9] + Array("e\"\n".utf8)
        let (read, reader) = try CSVTestSupport.readAll(path: CSVTestSupport.temporaryFile(bytes))
        #expect(read.last == ["c", "one\r\ntwo\nthrée"])
        #expect(reader.warnings.first?.location.line == 20_003)
    }

    @Test("rows carry the record number, .text values, 1-based columns, and leave empty fields out; blank lines are empty rows")
    func rows() throws {
        let reader = try CSVReader(path: CSVTestSupport.temporaryFile("a,,c\n\n\"x\ny\",\"\",z\n,,\n"))
        var row = Row(number: 0)
        var seen: [(Int, Int, [Cell])] = []
        while try reader.read(into: &row) { seen.append((row.number, reader.line, row.cells)) }
        #expect(seen.map(\.0) == [1, 2, 3, 4])
        #expect(seen.map(\.1) == [1, 2, 3, 5])
        #expect(seen[0].2 == [Cell(row: 1, column: 1, value: .text("a")), Cell(row: 1, column: 3, value: .text("c"))])
        #expect(seen[1].2.isEmpty)
        #expect(seen[2].2 == [Cell(row: 3, column: 1, value: .text("x\ny")), Cell(row: 3, column: 3, value: .text("z"))])
        #expect(seen[3].2.isEmpty)
        #expect(reader.warnings.isEmpty, "blank lines are not ragged rows")
    }

    struct DetectionCase: Sendable, CustomTestStringConvertible {
        var text: String
        var delimiter: Character
        var testDescription: String { "\(text.debugDescription) → \(delimiter.debugDescription)" }
    }

    static let detectionCases: [DetectionCase] = [
        DetectionCase(text: "1,5;2,25;3\n", delimiter: ";"),
        DetectionCase(text: "1,5;2,25;3\n4;5,5;6\n", delimiter: ";"),
        DetectionCase(text: "Kode;Target\n1.01;1,5\n1.02;2.500,75\n", delimiter: ";"),
        DetectionCase(text: "a,b,c\n1.5,2,3\n", delimiter: ","),
        DetectionCase(text: "nama,catatan\nBudi,a;b\nAni,c\n", delimiter: ","),
        DetectionCase(text: "\"a;b\",c\n\"d;e\",f\n", delimiter: ","),
        DetectionCase(text: "\"1,5\";\"2,5\"\n\"3,5\";\"4\"\n", delimiter: ";"),
        DetectionCase(text: "a\tb, c\td\n1\t2\t3\n", delimiter: "\t"),
        DetectionCase(text: "a|b|c\n1|2,5|3\n", delimiter: "|"),
        DetectionCase(text: "satu kolom\nsaja\n", delimiter: ","),
        DetectionCase(text: "", delimiter: ","),
    ]

    @Test("delimiter detection among , ; TAB | gets decimal commas and quoted delimiters right", arguments: detectionCases)
    func detectsDelimiter(_ testCase: DetectionCase) throws {
        let reader = try CSVReader(path: CSVTestSupport.temporaryFile(testCase.text))
        #expect(reader.dialect.delimiter == testCase.delimiter.asciiValue)
    }

    @Test("given options win over detection: delimiter, encoding, escape and comment bytes")
    func givenOptions() throws {
        let semicolonText = "a,b;c\n"
        let forced = try CSVTestSupport.readAll(semicolonText, options: .init(delimiter: UInt8(ascii: ",")))
        #expect(forced.records == [["a", "b;c"]])
        let latin = try CSVTestSupport.readAll("Café\n", options: .init(encoding: .windows1252))
        #expect(latin.records == [["CafÃ©"]])
        let strange = try CSVTestSupport.readAll("\"\\\"Big Cat\\\" Ernie\";1964\n# note\nRafael\n",
                                                 options: .init(delimiter: UInt8(ascii: ";"), escape: UInt8(ascii: "\\"),
                                                                comment: UInt8(ascii: "#")))
        #expect(strange.records == [["\"Big Cat\" Ernie", "1964"], ["Rafael"]])
    }

    @Test("a quoted field that runs past the record size limit is refused early as a likely unterminated quote")
    func oversizedRecord() throws {
        let text = "a,b\n1,\"" + String(repeating: "x", count: 300_000)
        let reader = try CSVReader(path: CSVTestSupport.temporaryFile(text), options: .init(maxRecordBytes: 100_000))
        var fields: [String] = []
        #expect(try reader.readRecord(into: &fields))
        let error = try #require(throws: PokinError.self) { try reader.readRecord(into: &fields) }
        #expect(error.code == .malformedCSV)
        #expect(error.location?.line == 2)
        #expect(error.location?.row == 2)
    }

    @Test("a missing file is file-not-found; a folder is file-unreadable")
    func missingFile() throws {
        let missing = try #require(throws: PokinError.self) { try CSVReader(path: "/nonexistent/pokin/x.csv") }
        #expect(missing.code == .fileNotFound)
        let folder = try Fixtures.temporaryDirectory("csv-folder")
        let directory = try #require(throws: PokinError.self) { try CSVReader(path: folder.path) }
        #expect(directory.code == .fileUnreadable)
    }

    @Test("reads from an open file descriptor such as a pipe")
    func readsPipe() throws {
        let pipe = Pipe()
        pipe.fileHandleForWriting.write(Data("k;v\n1;2,5\n".utf8))
        try pipe.fileHandleForWriting.close()
        let reader = try CSVReader(fileDescriptor: pipe.fileHandleForReading.fileDescriptor, name: "-")
        var fields: [String] = []
        var records: [[String]] = []
        while try reader.readRecord(into: &fields) { records.append(fields) }
        #expect(records == [["k", "v"], ["1", "2,5"]])
    }

    @Test("more ragged records than the listing limit are counted in one closing warning")
    func manyRaggedRows() throws {
        let text = "a,b\n" + String(repeating: "1\n", count: 30)
        let (records, reader) = try CSVTestSupport.readAll(text, options: .init(maxRaggedWarnings: 5))
        #expect(records.count == 31)
        #expect(reader.warnings.filter { $0.kind == .raggedRow }.count == 5)
        #expect(reader.warnings.last?.kind == .moreRaggedRows)
        #expect(reader.warnings.last?.message.contains("25 more") == true)
    }
}

import Foundation
import PokinCore
import PokinTestSupport
@testable import pokin
import Testing

@Suite("convert --raw")
struct RawConvertTests {
    @Test("CSV fields become numbers only when a spreadsheet shows them back exactly as written",
          arguments: [
              ("85.5", CellValue.number(85.5)), ("100", .number(100)), ("-0.25", .number(-0.25)), ("0", .number(0)),
              ("0.5", .number(0.5)), ("123456789012345", .number(123456789012345)), ("0.000123", .number(0.000123)),
              ("2.10", .text("2.10")), ("2.17.05.2.01", .text("2.17.05.2.01")), ("007", .text("007")),
              ("198503302010011002", .text("198503302010011002")), ("3201234567890123", .text("3201234567890123")),
              ("1000000000000000", .text("1000000000000000")), ("0.1234567890123456", .text("0.1234567890123456")),
              ("-0", .text("-0")), ("1e5", .text("1e5")), ("1,000", .text("1,000")), ("+5", .text("+5")),
              ("00.5", .text("00.5")), ("100.0", .text("100.0")), (".5", .text(".5")), ("5.", .text("5.")),
              ("-", .text("-")), ("12 ", .text("12 ")), (" 12", .text(" 12")), ("١٢", .text("١٢")),
              ("TRUE", .boolean(true)), ("FALSE", .boolean(false)), ("true", .text("true")), ("TRUEX", .text("TRUEX")),
              ("2024-01-15", .dateTime(CivilDateTime(year: 2024, month: 1, day: 15))),
              ("2024-01-15T08:30:00", .dateTime(CivilDateTime(year: 2024, month: 1, day: 15, hour: 8, minute: 30))),
              ("2024-01-15 08:30:00.5", .dateTime(CivilDateTime(year: 2024, month: 1, day: 15, hour: 8, minute: 30, microsecond: 500_000))),
              ("08:30:15", .dateTime(CivilDateTime(year: 1899, month: 12, day: 30, hour: 8, minute: 30, second: 15, timeOnly: true))),
              ("2024-02-30", .text("2024-02-30")), ("2023-02-29", .text("2023-02-29")), ("1899-12-31", .text("1899-12-31")),
              ("2024-1-15", .text("2024-1-15")), ("25:00:00", .text("25:00:00")), ("2024-01-15T08:30", .text("2024-01-15T08:30")),
          ])
    func inference(text: String, expected: CellValue) {
        #expect(RawTextInference.value(of: text) == expected)
    }

    @Test("with a decimal comma, 85,5 is a number and 1.234 (thousands) stays text")
    func decimalComma() {
        #expect(RawTextInference.value(of: "85,5", decimalSeparator: UInt8(ascii: ",")) == .number(85.5))
        #expect(RawTextInference.value(of: "1.234", decimalSeparator: UInt8(ascii: ",")) == .text("1.234"))
        #expect(RawTextInference.value(of: "85,50", decimalSeparator: UInt8(ascii: ",")) == .text("85,50"))
    }

    @Test("sheet and file names are made safe for Excel and file systems")
    func names() {
        #expect(RawConverter.sheetName(fromFile: "/x/Pohon Kinerja [2025]: final.csv") == "Pohon Kinerja _2025__ final")
        #expect(RawConverter.sheetName(fromFile: "a-very-long-file-name-of-more-than-31-characters.csv").utf16.count == 31)
        #expect(RawConverter.sheetName(fromFile: "History.csv") == "Sheet1")
        #expect(RawConverter.fileName(forSheet: "Tahap 1/2") == "Tahap 1_2")
        #expect(RawConverter.fileName(forSheet: ".hidden") == "_.hidden")
    }

    private static let csv = """
        Kode,Uraian,Target,Tanggal,NIP,Flag\r
        2.10,Meningkatnya kinerja 🎯,85.5,2024-01-15,198503302010011002,TRUE\r
        2.17.05.2.01,"baris\nbaru",100,2024-01-15T08:30:00,007,FALSE\r
        \r
        1.5,  spasi  ,-0.25,08:30:00,,x\r

        """

    @Test("CSV → XLSX → CSV gives the same fields back, blank rows and all")
    func csvRoundTrip() throws {
        let folder = try Fixtures.temporaryDirectory("raw")
        let input = folder.appendingPathComponent("pohon.csv")
        try Data(Self.csv.utf8).write(to: input)
        let xlsx = folder.appendingPathComponent("pohon.xlsx").path
        let toXLSX = try PokinBinary.run(["convert", "--raw", input.path, xlsx])
        #expect(toXLSX.status == 0, "\(toXLSX.stderr)")
        let back = folder.appendingPathComponent("back.csv").path
        let toCSV = try PokinBinary.run(["convert", "--raw", xlsx, back])
        #expect(toCSV.status == 0, "\(toCSV.stderr)")
        let text = try String(contentsOfFile: back, encoding: .utf8)
        #expect(text == Self.csv.replacingOccurrences(of: "\r\n\r\n", with: "\r\n,,,,,\r\n"))
    }

    @Test("CSV → XLSX keeps types: numbers, dates, booleans typed; codes and IDs text (read by python-calamine)",
          .enabled(if: TestEnvironment.pythonEnabled("python_calamine")))
    func csvTypes() throws {
        try TestEnvironment.requirePython("python_calamine")
        let folder = try Fixtures.temporaryDirectory("raw")
        let input = folder.appendingPathComponent("pohon.csv")
        try Data(Self.csv.utf8).write(to: input)
        let xlsx = folder.appendingPathComponent("pohon.xlsx").path
        #expect(try PokinBinary.run(["convert", "--raw", input.path, xlsx, "--sheet", "Tahap 1"]).status == 0)
        let script = """
            import json, sys
            from python_calamine import CalamineWorkbook
            wb = CalamineWorkbook.from_path(sys.argv[1])
            rows = wb.get_sheet_by_index(0).to_python(skip_empty_area=False)
            print(json.dumps({"names": wb.sheet_names, "rows": [[type(v).__name__ + ":" + str(v) for v in r] for r in rows]}))
            """
        let result = try ProcessRunner.run("/usr/bin/env", ["python3", "-c", script, xlsx])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json["names"] as? [String] == ["Tahap 1"])
        let rows = try #require(json["rows"] as? [[String]])
        #expect(rows[1] == ["str:2.10", "str:Meningkatnya kinerja 🎯", "float:85.5", "date:2024-01-15", "str:198503302010011002", "bool:True"])
        #expect(rows[2] == ["str:2.17.05.2.01", "str:baris\nbaru", "float:100.0", "datetime:2024-01-15 08:30:00", "str:007", "bool:False"])
        #expect(rows[4] == ["float:1.5", "str:  spasi  ", "float:-0.25", "time:08:30:00", "str:", "str:x"])
    }

    @Test("XLSX → folder writes one CSV per sheet; --sheet or a .csv output picks one; errors name the sheets")
    func workbookToCSV() throws {
        let folder = try Fixtures.temporaryDirectory("raw")
        let a = folder.appendingPathComponent("a.csv"), b = folder.appendingPathComponent("b.csv")
        try Data("x,y\r\n1,2\r\n".utf8).write(to: a)
        try Data("nama\r\nSasaran\r\n".utf8).write(to: b)
        // A folder of CSVs becomes one sheet per file.
        let csvFolder = folder.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: csvFolder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: a, to: csvFolder.appendingPathComponent("Tahap 1.csv"))
        try FileManager.default.copyItem(at: b, to: csvFolder.appendingPathComponent("Daftar.csv"))
        let book = folder.appendingPathComponent("book.xlsx").path
        let made = try PokinBinary.run(["convert", "--raw", csvFolder.path, book])
        #expect(made.status == 0, "\(made.stderr)")

        let out = folder.appendingPathComponent("out").path
        let split = try PokinBinary.run(["convert", "--raw", book, out])
        #expect(split.status == 0, "\(split.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
        #expect(files == ["Daftar.csv", "Tahap 1.csv"])
        #expect(try String(contentsOfFile: out + "/Tahap 1.csv", encoding: .utf8) == "x,y\r\n1,2\r\n")

        let one = folder.appendingPathComponent("one.csv").path
        #expect(try PokinBinary.run(["convert", "--raw", book, one, "--sheet", "Daftar"]).status == 0)
        #expect(try String(contentsOfFile: one, encoding: .utf8) == "nama\r\nSasaran\r\n")

        let ambiguous = try PokinBinary.run(["convert", "--raw", book, folder.appendingPathComponent("x.csv").path])
        #expect(ambiguous.status == 2)
        #expect(ambiguous.stderr.contains("--sheet"))
        let missing = try PokinBinary.run(["convert", "--raw", book, one, "--sheet", "Tahap 9"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("Tahap 1"))
    }
}

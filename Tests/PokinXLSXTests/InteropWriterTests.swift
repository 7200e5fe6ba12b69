import Foundation
import PokinCore
import PokinTestSupport
@testable import PokinXLSX
import Testing

/// Runs a Python script that prints one JSON document, and returns it parsed.
enum PythonJSON {
    static func run(_ script: String, _ arguments: [String]) throws -> Any {
        let result = try ProcessRunner.run("/usr/bin/env", ["python3", "-c", script] + arguments)
        guard result.status == 0 else {
            throw MissingRequirement(description: "python3 failed (\(result.status)): \(result.stderr)")
        }
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
    }
}

/// Real clients read what the writer writes: openpyxl, python-calamine and LibreOffice.
/// On CI (`CI=true`) a missing client fails these tests instead of skipping them.
@Suite("XLSX writer: interoperability with real clients")
struct InteropWriterTests {
    private func sample() throws -> String {
        let path = try Fixtures.temporaryDirectory("xlsx-interop").appendingPathComponent("sample.xlsx").path
        try WriterSample.write(to: path)
        return path
    }

    /// How Python prints a cell value: texts as is, numbers by repr, dates ISO with a time.
    private static let pythonValue = """
        import datetime
        def value(v):
            if isinstance(v, bool): return ["b", v]
            if isinstance(v, (int, float)): return ["n", repr(float(v))]
            if isinstance(v, datetime.datetime): return ["d", v.isoformat()]
            if isinstance(v, datetime.date): return ["d", v.isoformat() + "T00:00:00"]
            if isinstance(v, datetime.time): return ["t", v.isoformat()]
            if v is None: return ["", ""]
            return ["s", str(v)]
        """

    private static func expectedDate(_ moment: CivilDateTime) -> String { moment.iso8601 }

    @Test("openpyxl reads back texts, numbers, dates, booleans, errors, merges, panes, widths, validations, print setup and properties",
          .enabled(if: TestEnvironment.pythonEnabled("openpyxl")))
    func openpyxl() throws {
        try TestEnvironment.requirePython("openpyxl")
        let script = Self.pythonValue + """

            import json, sys, warnings, openpyxl
            from openpyxl.utils.escape import unescape
            warnings.simplefilter("ignore")
            wb = openpyxl.load_workbook(sys.argv[1])
            ws = wb["Nilai"]
            rows = {r: [value(c.value) for c in ws[r] if c.value is not None] for r in range(2, 8)}
            # openpyxl leaves OOXML _xHHHH_ escapes in cell text; its own unescape() decodes them.
            decoded = [unescape(c.value) for c in ws[2] if c.value is not None]
            dv = [[str(v.sqref), v.formula1, v.type, v.allow_blank, v.showDropDown, v.promptTitle, v.errorTitle] for v in ws.data_validations.dataValidation]
            ps = ws.page_setup
            print(json.dumps({"rows": rows, "decoded": decoded, "merged": [str(r) for r in ws.merged_cells.ranges],
                "freeze": ws.freeze_panes, "widthA": ws.column_dimensions["A"].width, "widthB": ws.column_dimensions["B"].width,
                "validations": dv, "orientation": ps.orientation, "paper": ps.paperSize, "fitWidth": ps.fitToWidth,
                "fitHeight": ps.fitToHeight, "fitToPage": ws.sheet_properties.pageSetUpPr.fitToPage, "titles": ws.print_title_rows,
                "title": wb.properties.title, "creator": wb.properties.creator, "created": wb.properties.created.isoformat(),
                "sheets": [[s.title, s.sheet_state] for s in wb.worksheets], "daftar": [c.value for c in wb["Daftar"]["A"]],
                "bold": ws["A1"].font.b, "fill": ws["A1"].fill.fgColor.rgb, "wrap": ws["A1"].alignment.wrap_text,
                "border": ws["A1"].border.left.style, "dateFormat": ws["A4"].number_format}))
            """
        let json = try #require(try PythonJSON.run(script, [try sample()]) as? [String: Any])
        let rows = try #require(json["rows"] as? [String: [[Any]]])
        // Texts: exact for all but the one written with a literal _xHHHH_, which openpyxl 3.1 misreads
        // (it deletes every "x005F_"); after openpyxl's own unescape, control characters come back too.
        let decoded = try #require(json["decoded"] as? [String])
        for (index, text) in WriterSample.texts.enumerated() where !text.contains("_x") {
            #expect(decoded[index] == text, "text \(index)")
        }
        let plain = try #require(rows["2"]).map { $0[1] as? String }
        #expect(plain[0] == WriterSample.texts[0])
        #expect(plain[1] == WriterSample.texts[1])
        #expect(plain[5] == WriterSample.texts[5], "CR survives (written as &#13;)")
        let numbers = try #require(rows["3"]).compactMap { ($0[1] as? String).flatMap(Double.init) }
        #expect(numbers == WriterSample.numbers)
        let dates = try #require(rows["4"]).map { $0[1] as? String }
        #expect(dates == WriterSample.dates.map { Self.expectedDate($0) })
        let row5: [[Any]] = try #require(rows["5"])
        let flags: [String] = row5.map { cell in "\(cell[0]):\(cell[1])" }
        #expect(flags == ["b:1", "b:0", "s:#N/A", "s:#DIV/0!"], "JSON booleans arrive as NSNumber")
        #expect(json["merged"] as? [String] == ["A7:C7"])
        #expect(json["freeze"] as? String == "B2")
        #expect(json["widthA"] as? Double == 40)
        #expect(json["widthB"] as? Double == 18)
        let validations = try #require(json["validations"] as? [[Any]])
        #expect(validations.count == 2)
        #expect(validations.first?[0] as? String == "B10:B20")
        #expect(validations.first?[1] as? String == "\"Tujuan,Sasaran,Program\"")
        #expect(validations.first?[5] as? String == "Level")
        #expect(validations.last?[1] as? String == "Daftar!$A$1:$A$3")
        #expect(json["orientation"] as? String == "landscape")
        #expect(json["paper"] as? Int == 9)
        #expect(json["fitWidth"] as? Int == 1)
        #expect(json["fitHeight"] as? Int == 0)
        #expect(json["fitToPage"] as? Bool == true)
        #expect(json["titles"] as? String == "$1:$1")
        #expect(json["title"] as? String == "Pohon Kinerja Uji")
        #expect(json["creator"] as? String == "pokin tests")
        #expect(json["created"] as? String == "2025-03-04T05:06:07")
        #expect((json["sheets"] as? [[String]]) == [["Nilai", "visible"], ["Daftar", "hidden"]])
        #expect(json["daftar"] as? [String] == ["Kegiatan", "Sub Kegiatan", "Program"])
        #expect(json["bold"] as? Bool == true)
        #expect(json["fill"] as? String == "FF1F4E79")
        #expect(json["wrap"] as? Bool == true)
        #expect(json["border"] as? String == "thin")
        #expect(json["dateFormat"] as? String == "yyyy-mm-dd")
    }

    @Test("python-calamine reads back every text exactly (emoji, whitespace, newlines, CR, control characters, _x escapes), numbers, dates and booleans",
          .enabled(if: TestEnvironment.pythonEnabled("python_calamine")))
    func calamine() throws {
        try TestEnvironment.requirePython("python_calamine")
        let script = Self.pythonValue + """

            import json, sys
            from python_calamine import CalamineWorkbook
            wb = CalamineWorkbook.from_path(sys.argv[1])
            rows = wb.get_sheet_by_name("Nilai").to_python(skip_empty_area=False)
            print(json.dumps({"names": wb.sheet_names, "rows": [[value(v) for v in row if v != ""] for row in rows]}))
            """
        let json = try #require(try PythonJSON.run(script, [try sample()]) as? [String: Any])
        #expect(json["names"] as? [String] == ["Nilai", "Daftar"])
        let rows = try #require(json["rows"] as? [[[Any]]])
        let texts = rows[1].map { $0[1] as? String }
        for (index, text) in WriterSample.texts.enumerated() where text != "\u{FFFE}" {
            #expect(texts[index] == text, "text \(index)")
        }
        let numbers = rows[2].compactMap { ($0[1] as? String).flatMap(Double.init) }
        #expect(numbers == WriterSample.numbers)
        let dates = rows[3].map { $0[1] as? String }
        #expect(dates == WriterSample.dates.map { Self.expectedDate($0) })
        #expect(rows[4].prefix(2).map { $0[1] as? Bool } == [true, false])
        #expect(rows[6].first?[1] as? String == "Gabungan")
    }

    @Test("LibreOffice headless converts every sheet to CSV with the expected text",
          .enabled(if: TestEnvironment.isCI || TestEnvironment.hasExecutable("soffice")))
    func libreOffice() throws {
        guard TestEnvironment.hasExecutable("soffice") else {
            throw MissingRequirement(description: "soffice (LibreOffice) is not installed; .ci/run installs libreoffice-calc-nogui")
        }
        let path = try sample()
        let sheets = try LibreOfficeCSV.convert(path)
        #expect(sheets.keys.sorted() == ["Daftar", "Nilai"])
        let nilai = try #require(sheets["Nilai"])
        #expect(nilai[0].first == "Kolom 1")
        // LibreOffice keeps every text but turns CR into LF in cell text.
        let expectedTexts = WriterSample.texts.map { $0.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n") }
        #expect(Array(nilai[1].prefix(expectedTexts.count)) == expectedTexts)
        #expect(Array(nilai[2].prefix(4)) == ["0", "1", "-1", "0.1"])
        #expect(nilai[2][15] == "85.5")
        #expect(nilai[3][0] == "2024-01-15")
        #expect(nilai[3][1] == "2024-12-31 08:30:15")
        #expect(nilai[3][4] == "1900-03-01")
        #expect(nilai[3][5] == "9999-12-31")
        #expect(Array(nilai[4].prefix(4)) == ["TRUE", "FALSE", "#N/A", "#DIV/0!"])
        #expect(nilai[6].first == "Gabungan")
        #expect(sheets["Daftar"]?.map { $0.first ?? "" } == ["Kegiatan", "Sub Kegiatan", "Program"])
    }

    @Test("LibreOffice and python-calamine read a 20,000-row sheet of repeated and unique strings completely",
          .enabled(if: TestEnvironment.isCI || (TestEnvironment.hasExecutable("soffice") && TestEnvironment.pythonHas("python_calamine"))))
    func largeSheet() throws {
        guard TestEnvironment.hasExecutable("soffice") else {
            throw MissingRequirement(description: "soffice (LibreOffice) is not installed; .ci/run installs libreoffice-calc-nogui")
        }
        try TestEnvironment.requirePython("python_calamine")
        let path = try Fixtures.temporaryDirectory("xlsx-interop").appendingPathComponent("besar.xlsx").path
        let book = try XLSXWriter(path: path)
        let sheet = try book.addSheet(named: "Besar")
        for row in 1...20_000 {
            try sheet.writeRow([.text("2.17.\(row % 40).\(row % 7)"), .text("Uraian kinerja \(row)"), .number(Double(row) + 0.5)])
        }
        try book.close()
        let csv = try #require(try LibreOfficeCSV.convert(path)["Besar"])
        #expect(csv.count == 20_000)
        #expect(csv.last == ["2.17.0.1", "Uraian kinerja 20000", "20000.5"])
        let script = """
            import json, sys
            from python_calamine import CalamineWorkbook
            rows = CalamineWorkbook.from_path(sys.argv[1]).get_sheet_by_index(0).to_python()
            print(json.dumps([len(rows), rows[-1][1], rows[-1][2]]))
            """
        let result = try #require(try PythonJSON.run(script, [path]) as? [Any])
        #expect(result[0] as? Int == 20_000)
        #expect(result[1] as? String == "Uraian kinerja 20000")
        #expect(result[2] as? Double == 20000.5)
    }
}

/// LibreOffice headless: every sheet of a workbook to CSV (UTF-8, comma, all sheets), with a
/// private profile so parallel runs do not clash, under a time limit.
enum LibreOfficeCSV {
    static func convert(_ path: String) throws -> [String: [[String]]] {
        let folder = try Fixtures.temporaryDirectory("lo-out")
        let profile = try Fixtures.temporaryDirectory("lo-profile")
        defer {
            try? FileManager.default.removeItem(at: profile)
            try? FileManager.default.removeItem(at: folder)
        }
        let result = try ProcessRunner.run("/usr/bin/env", [
            "timeout", "300", "soffice", "--headless", "-env:UserInstallation=file://\(profile.path)",
            "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
            "--outdir", folder.path, path,
        ])
        guard result.status == 0 else {
            throw MissingRequirement(description: "soffice failed (\(result.status)): \(result.stderr)")
        }
        let stem = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        var sheets: [String: [[String]]] = [:]
        let script = "import csv, json, sys; print(json.dumps(list(csv.reader(open(sys.argv[1], newline='', encoding='utf-8')))))"
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) where file.hasSuffix(".csv") {
            let name = String(file.dropFirst(stem.count + 1).dropLast(4))
            let rows = try PythonJSON.run(script, [folder.appendingPathComponent(file).path]) as? [[String]]
            sheets[name] = rows ?? []
        }
        return sheets
    }
}

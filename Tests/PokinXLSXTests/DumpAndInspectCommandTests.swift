import Foundation
import PokinCore
import PokinTestSupport
@testable import PokinXLSX
import Testing

@Suite("pokin dump and pokin inspect")
struct DumpAndInspectCommandTests {
    private func sample() throws -> String {
        try SyntheticWorkbook.standard(sheets: [("Data", """
            <dimension ref="A1:A1"/><sheetData><row r="1"><c r="B1" t="s"><v>0</v></c><c r="A1" t="s"><v>1</v></c></row>\
            <row r="3"><c r="A3"><v>1.5</v></c><c r="B3" s="1"><v>44197</v></c><c r="C3" t="b"><v>1</v></c>\
            <c r="D3" t="e"><v>#N/A</v></c><c r="E3" s="2"><v>1.5</v></c><c r="F3" t="inlineStr"><is><t>a,"b"</t></is></c></row></sheetData>\
            <mergeCells count="2"><mergeCell ref="C1:D2"/><mergeCell ref="A1:B1"/></mergeCells>
            """), ("Hidden", "<sheetData/>")],
            sharedStrings: ["<si><t>Kinerja</t></si>", "<si><t>No</t></si>"],
            styles: SyntheticWorkbook.styles(formatIDs: [0, 14, 46]), states: [nil, "hidden"]).write(name: "sample.xlsx")
    }

    @Test("dump --format json prints the reference format: file as given, sheets, cells sorted by row then column, merged")
    func dumpJSON() throws {
        let path = try sample()
        let result = try PokinBinary.run(["dump", path])
        #expect(result.status == 0, "\(result.stderr)")
        let document = try JSONParser.parse(result.stdout)
        let expected = try JSONParser.parse("""
            {"file": "\(path)", "sheets": [
              {"name": "Data", "visible": "visible",
               "cells": [["A1", "s", "No"], ["B1", "s", "Kinerja"], ["A3", "n", 1.5], ["B3", "d", "2021-01-01T00:00:00"],
                         ["C3", "b", true], ["D3", "e", "#N/A"], ["E3", "duration", 129600], ["F3", "s", "a,\\"b\\""]],
               "merged": ["A1:B1", "C1:D2"]},
              {"name": "Hidden", "visible": "hidden", "cells": [], "merged": []}]}
            """)
        #expect(document == expected)
        // The command prints what the library builds.
        let library = try WorkbookDump.json(of: try XLSXWorkbook(path: path), file: path)
        #expect(result.stdout == library.serialized())
    }

    @Test("dump --sheet picks one sheet; an unknown sheet is exit 1 with missing-sheet")
    func dumpOneSheet() throws {
        let path = try sample()
        let one = try JSONParser.parse(try PokinBinary.run(["dump", path, "--sheet", "Hidden"]).stdout)
        #expect(one["sheets"]?.arrayValue?.count == 1)
        let missing = try PokinBinary.run(["dump", path, "--sheet", "Nope"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("missing-sheet"))
    }

    @Test("dump --format csv writes the first sheet by column, with an empty record for the missing row 2")
    func dumpCSV() throws {
        let path = try sample()
        let result = try PokinBinary.run(["dump", path, "--format", "csv"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.components(separatedBy: "\r\n")
        #expect(lines[0] == "No,Kinerja")
        #expect(lines[1] == "")
        #expect(lines[2].hasPrefix("1.5,2021-01-01,TRUE,#N/A,"))
        #expect(lines[2].hasSuffix(",\"a,\"\"b\"\"\""))
    }

    @Test("inspect shows sheets, visibility, used range against the declared dimension, counts and merged ranges")
    func inspect() throws {
        let path = try sample()
        let result = try PokinBinary.run(["inspect", path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("'Data' (visible)"))
        #expect(result.stdout.contains("'Hidden' (hidden)"))
        #expect(result.stdout.contains("used range: A1:F3 (the file declares A1)"))
        #expect(result.stdout.contains("rows with values: 2, cells with values: 8"))
        #expect(result.stdout.contains("merged ranges: 2: A1:B1, C1:D2"))
    }

    @Test("a file that is not a workbook: exit 3 and an error that says what it is")
    func notAWorkbook() throws {
        let folder = try Fixtures.temporaryDirectory("cli")
        let html = folder.appendingPathComponent("export.xlsx")
        try Data("<html><body><table><tr><td>1</td></tr></table></body></html>".utf8).write(to: html)
        let result = try PokinBinary.run(["dump", html.path])
        #expect(result.status == 3)
        #expect(result.stderr.contains("error[unsupported-format]"))
        #expect(result.stdout.isEmpty)
    }
}

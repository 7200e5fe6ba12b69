import Foundation
import PokinCore
@testable import PokinCSV
import PokinTestSupport
import Testing

@Suite("CSV files and folders as workbooks")
struct CSVWorkbookTests {
    @Test("a CSV file is a workbook of one sheet named after its stem; rows stream as text cells; each call starts afresh")
    func singleFile() throws {
        let path = try CSVTestSupport.temporaryFile("kode;nilai\n1.01;1,5\n", name: "tahap-5.csv")
        let workbook: any TableWorkbook = try CSVWorkbook(path: path)
        #expect(workbook.sheets == [SheetInfo(name: "tahap-5")])
        for _ in 0..<2 {
            var rows = try workbook.rows(ofSheet: "tahap-5")
            let all = try rows.readAll()
            #expect(all.map(\.number) == [1, 2])
            #expect(all[1].cells == [Cell(row: 2, column: 1, value: .text("1.01")), Cell(row: 2, column: 2, value: .text("1,5"))])
            #expect(rows.mergedRanges.isEmpty)
        }
        let error = try #require(throws: PokinError.self) { try workbook.rows(ofSheet: "Sheet1") }
        #expect(error.code == .missingSheet)
    }

    @Test("opening a missing CSV file fails at once with file-not-found")
    func missingFile() throws {
        let error = try #require(throws: PokinError.self) { try CSVWorkbook(path: "/nonexistent/pokin/tahap-1.csv") }
        #expect(error.code == .fileNotFound)
    }

    @Test("a folder of CSVs is a workbook with one sheet per .csv file, named by stem and sorted; other files are ignored")
    func folder() throws {
        let folder = try Fixtures.temporaryDirectory("csv-folder")
        let files = ["tahap-2.csv": "b\n2\n", "cascading.csv": "c\n3\n", "tahap-1.CSV": "a\n1\n", "catatan.txt": "x", ".tahap-9.csv": "hidden"]
        for (name, text) in files {
            try Data(text.utf8).write(to: folder.appendingPathComponent(name))
        }
        let workbook = try CSVFolderWorkbook(path: folder.path)
        #expect(workbook.sheets.map(\.name) == ["cascading", "tahap-1", "tahap-2"])
        var rows = try workbook.rows(ofSheet: "tahap-2")
        #expect(try rows.readAll().map { $0.cells.map(\.value) } == [[.text("b")], [.text("2")]])
        let error = try #require(throws: PokinError.self) { try workbook.rows(ofSheet: "tahap-3") }
        #expect(error.code == .missingSheet)
        let missing = try #require(throws: PokinError.self) { try CSVFolderWorkbook(path: folder.appendingPathComponent("nope").path) }
        #expect(missing.code == .fileNotFound)
    }
}

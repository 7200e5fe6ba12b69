import Foundation
import PokinTestSupport
import Testing

/// `pokin dump` on CSV input: the same JSON as for workbooks (one sheet named after the file,
/// every value text), CSV output, and CSV errors with their line.
@Suite("pokin dump on CSV files")
struct DumpCSVTests {
    static func temporaryCSV(_ bytes: [UInt8], name: String) throws -> URL {
        let url = try Fixtures.temporaryDirectory("dump-csv").appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url
    }

    @Test("dumps an Indonesian Excel CSV (BOM, ';', decimal commas, a multi-line cell) as one sheet of text cells")
    func dumpsJSON() throws {
        let url = try DumpCSVTests.temporaryCSV([0xEF, 0xBB, 0xBF] + Array("Kode;Target\r\n2.17.05;1,5\r\n;\"dua\r\nbaris\"\r\n".utf8),
                                                name: "tahap-5.csv")
        let result = try PokinBinary.run(["dump", url.path])
        try #require(result.status == 0, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdoutBytes)) as? [String: Any])
        let sheets = try #require(json["sheets"] as? [[String: Any]])
        #expect(sheets.count == 1)
        #expect(sheets.first?["name"] as? String == "tahap-5")
        let cells = try #require(sheets.first?["cells"] as? [[Any]])
        let flat = cells.map { $0.map { "\($0)" } }
        #expect(flat == [["A1", "s", "Kode"], ["B1", "s", "Target"], ["A2", "s", "2.17.05"], ["B2", "s", "1,5"],
                         ["B3", "s", "dua\r\nbaris"]])
    }

    @Test("an unterminated quote fails with malformed-csv, exit status 3, naming the line")
    func unterminatedQuote() throws {
        let url = try DumpCSVTests.temporaryCSV(Array("a,b\n1,\"open\n2,3\n".utf8), name: "rusak.csv")
        let result = try PokinBinary.run(["dump", url.path])
        #expect(result.status == 3)
        #expect(result.stderr.contains("malformed-csv"))
        #expect(result.stderr.contains("line 2"))
    }
}

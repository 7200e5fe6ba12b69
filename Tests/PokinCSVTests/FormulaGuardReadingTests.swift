import PokinCore
@testable import PokinCSV
import PokinTestSupport
import Testing

@Suite("Reading back the formula guard the writer adds")
struct FormulaGuardReadingTests {
    static let texts = ["=SUM(A1:A3)", "- Meningkatnya kualitas layanan", "+62 812 3456", "@dinkes", "'apostrof biasa", "-"]

    /// Writes the texts with the writer's default (guard on) and reads them back.
    func roundTrip(removesGuard: Bool) throws -> [String] {
        let folder = try Fixtures.temporaryDirectory("csv-guard")
        let path = folder.appendingPathComponent("guarded.csv").path
        let writer = try CSVWriter(path: path)
        for text in Self.texts { try writer.write(fields: [text]) }
        try writer.finish()
        var options = CSVReader.Options(delimiter: UInt8(ascii: ","))
        options.removesFormulaGuard = removesGuard
        return try CSVTestSupport.readAll(path: path, options: options).records.map { $0.first ?? "" }
    }

    @Test("with removesFormulaGuard, text the writer guarded reads back exactly as it was written")
    func guardRemoved() throws {
        #expect(try roundTrip(removesGuard: true) == Self.texts)
    }

    @Test("by default the guard stays, so pokin dump shows the file as it is")
    func guardKeptByDefault() throws {
        let read = try roundTrip(removesGuard: false)
        #expect(read == ["'=SUM(A1:A3)", "'- Meningkatnya kualitas layanan", "'+62 812 3456", "'@dinkes", "'apostrof biasa", "'-"])
    }
}

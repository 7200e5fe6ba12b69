import Foundation
import PokinCore
@testable import PokinCSV
import PokinTestSupport
import Testing

/// The inputs the fuzz campaign of `Fuzz/Targets/csv` kept (`Fixtures/fuzz-regressions/csv/`,
/// see `Fuzz/RESULTS.md`), replayed through the target's entry point: the first byte chooses
/// the options, the rest is the file. Each must read to the end or end with a `PokinError`,
/// and the tokenizer must return the same records however the input is split.
@Suite("Fuzz regressions: CSV tokenizer and reader")
struct FuzzRegressionTests {
    /// The options and body the fuzz target derives from one input.
    struct Case {
        var options = CSVReader.Options()
        var original: [UInt8]
        var body: [UInt8]
        var chunk: Int

        init(_ input: [UInt8]) {
            let mode = input.first ?? 0
            original = Array(input.dropFirst())
            body = original
            if mode & 0x80 != 0, !body.isEmpty {
                while body.count < CSVReader.chunkSize + 4096 { body += original }
            }
            let delimiters: [UInt8?] = [nil, UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t"), UInt8(ascii: "|")]
            let encodings: [CSVDialect.Encoding?] = [nil] + CSVDialect.Encoding.allCases.map { $0 }
            options.delimiter = delimiters[Int(mode & 0x07) % delimiters.count]
            options.encoding = encodings[Int((mode >> 3) & 0x07) % encodings.count]
            if mode & 0x40 != 0 {
                options.escape = UInt8(ascii: "\\")
                options.comment = UInt8(ascii: "#")
                options.maxRecordBytes = 4096
            }
            chunk = [1, 2, 3, 5, 8, 13, 64, 1000][Int((mode >> 2) & 0x07)]
        }
    }

    static let inputs: [String] = {
        let folder = Fixtures.url("fuzz-regressions/csv").path
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }()

    /// Reads the case's file with `CSVReader` and `CSVWorkbook`; returns the rows read.
    static func read(_ test: Case) throws -> [Row] {
        let folder = try Fixtures.temporaryDirectory("fuzz-csv")
        let path = folder.appendingPathComponent("input.csv").path
        try Data(test.body).write(to: URL(fileURLWithPath: path))
        let reader = try CSVReader(path: path, options: test.options)
        var rows: [Row] = []
        var row = Row(number: 0)
        while try reader.read(into: &row) { rows.append(row) }
        _ = reader.warnings.count
        let workbook = try CSVWorkbook(path: path, options: test.options)
        var source = try workbook.rows(ofSheet: workbook.sheets[0].name)
        #expect(try source.readAll() == rows, "CSVWorkbook reads what CSVReader reads")
        return rows
    }

    @Test("every kept CSV input is read to the end or refused with a PokinError, and tokenizes the same in one piece or in chunks",
          arguments: inputs)
    func replay(name: String) throws {
        let test = Case(try Fixtures.bytes("fuzz-regressions/csv/\(name)"))
        let configuration = CSVTokenizer.Configuration(delimiter: test.options.delimiter ?? UInt8(ascii: ","),
                                                       quote: test.options.quote, escape: test.options.escape,
                                                       comment: test.options.comment)
        let cuts = Array(stride(from: test.chunk, to: test.original.count, by: test.chunk))
        #expect(CSVTestSupport.tokenize(test.original, cuts: cuts, configuration: configuration)
                == CSVTestSupport.tokenize(test.original, configuration: configuration))
        // The name states the outcome: `value--…` reads to the end, `<error-code>--…` is refused so.
        let stated = name.range(of: "--").map { String(name[..<$0.lowerBound]) }
        do {
            _ = try Self.read(test)
            #expect(stated == nil || stated == "value", "\(name) was read to the end, but its name says it is refused")
        } catch let error as PokinError {
            #expect(stated != "value", "\(name) was refused: \(error)")
            if let stated, stated != "value" { #expect(error.code.rawValue == stated, "\(name): \(error)") }
        }
    }
}

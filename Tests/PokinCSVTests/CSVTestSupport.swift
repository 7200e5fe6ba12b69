import Foundation
import PokinCore
@testable import PokinCSV
import PokinTestSupport

/// What a tokenizer made of an input: its records, or the unterminated quote it stopped at.
enum Tokenized: Equatable, CustomStringConvertible {
    case records([[String]])
    case unterminatedQuote(line: Int, record: Int)

    var description: String {
        switch self {
        case .records(let records): return "\(records)"
        case .unterminatedQuote(let line, let record): return "unterminated quote (line \(line), record \(record))"
        }
    }
}

enum CSVTestSupport {
    /// Runs a tokenizer over `input` fed in pieces cut at `cuts` (offsets, ascending).
    static func tokenize(_ input: [UInt8], cuts: [Int] = [], configuration: CSVTokenizer.Configuration = .init()) -> Tokenized {
        var tokenizer = CSVTokenizer(configuration)
        var records: [[String]] = []
        var bounds = [0] + cuts + [input.count]
        bounds = bounds.filter { $0 >= 0 && $0 <= input.count }
        input.withUnsafeBufferPointer { buffer in
            for (start, end) in zip(bounds, bounds.dropFirst()) where start < end {
                var offset = start
                while offset < end {
                    let (status, consumed) = tokenizer.feed(UnsafeBufferPointer(rebasing: buffer[offset..<end]))
                    offset += consumed
                    if status == .record { records.append(tokenizer.fields) }
                }
            }
        }
        while true {
            switch tokenizer.finish() {
            case .record: records.append(tokenizer.fields)
            case .finished: return .records(records)
            case .unterminatedQuote:
                return .unterminatedQuote(line: tokenizer.openQuoteLine, record: tokenizer.recordStart.record)
            }
        }
    }

    static func tokenize(_ text: String, cuts: [Int] = [], configuration: CSVTokenizer.Configuration = .init()) -> Tokenized {
        tokenize(Array(text.utf8), cuts: cuts, configuration: configuration)
    }

    /// Writes `bytes` to a fresh temporary file named `name` and returns its path.
    static func temporaryFile(_ bytes: [UInt8], name: String = "input.csv") throws -> String {
        let folder = try Fixtures.temporaryDirectory("csv")
        let url = folder.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    static func temporaryFile(_ text: String, name: String = "input.csv") throws -> String {
        try temporaryFile(Array(text.utf8), name: name)
    }

    /// Every record of a file, empty fields included, with the reader for its warnings and dialect.
    static func readAll(path: String, options: CSVReader.Options = .init()) throws -> (records: [[String]], reader: CSVReader) {
        let reader = try CSVReader(path: path, options: options)
        var records: [[String]] = []
        var fields: [String] = []
        while try reader.readRecord(into: &fields) { records.append(fields) }
        return (records, reader)
    }

    static func readAll(_ text: String, options: CSVReader.Options = .init()) throws -> (records: [[String]], reader: CSVReader) {
        try readAll(path: temporaryFile(text), options: options)
    }

    /// A fixture of `Fixtures/csv/`.
    static func fixture(_ name: String) -> String {
        Fixtures.url("csv/\(name)").path
    }

    /// Everything a writer writes, collected in memory.
    static func written(dialect: CSVDialect = .rfc4180, options: CSVWriter.Options = .init(),
                        _ body: (CSVWriter) throws -> Void) throws -> [UInt8] {
        var output: [UInt8] = []
        let writer = try CSVWriter(dialect: dialect, options: options) { output.append(contentsOf: $0) }
        try body(writer)
        try writer.finish()
        return output
    }
}

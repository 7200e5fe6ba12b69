import Foundation
import PokinCore
@testable import PokinCSV
import PokinTestSupport
import Testing

/// pokin's CSV reader against Python's `csv` module on seeded random files made by
/// `Scripts/differential/csv_cases.py`: files written by `csv.writer` (delimiters `,` `;` TAB,
/// every quoting mode, CRLF/LF/CR, byte order marks, embedded delimiters, quotes and line
/// breaks, ragged rows, emoji and Indonesian text, fields longer than one 64 KiB read) and by
/// hand (what `csv.writer` never writes: stray quotes, text after a closing quote, mixed line
/// ends, blank lines, no final line end). Each file is read with its delimiter given, and,
/// where the generator finds detection unambiguous, with the delimiter detected as well.
/// `POKIN_DIFF_SEED` and `POKIN_DIFF_CASES` override the seed and the number of files.
@Suite("CSV reader against Python's csv module on seeded random files")
struct DifferentialCSVTests {
    static let defaultSeed: UInt64 = 20_260_612
    static let defaultCases = 400

    static var seed: UInt64 {
        ProcessInfo.processInfo.environment["POKIN_DIFF_SEED"].flatMap { UInt64($0) } ?? defaultSeed
    }

    static var cases: Int {
        ProcessInfo.processInfo.environment["POKIN_DIFF_CASES"].flatMap { Int($0) } ?? defaultCases
    }

    static let script = Fixtures.repositoryFile("Scripts/differential/csv_cases.py")

    struct Reference: Decodable {
        var `case`: Int
        var maker: String
        var delimiter: String
        var bom: Bool
        var rows: [[String]]
        var detectable: Bool
    }

    @Test("seeded random CSV files read as Python's csv module reads them, with the delimiter given and, where unambiguous, detected",
          .enabled(if: TestEnvironment.pythonEnabled("csv")))
    func matchesPython() throws {
        try TestEnvironment.requirePython("csv")
        let seed = DifferentialCSVTests.seed, cases = DifferentialCSVTests.cases
        let folder = try Fixtures.temporaryDirectory("csv-differential")
        let result = try ProcessRunner.run("/usr/bin/env", ["python3", DifferentialCSVTests.script.path, "--seed", "\(seed)",
                                                            "--cases", "\(cases)", "--out", folder.path])
        try #require(result.status == 0, "the generator failed (seed \(seed)): \(result.stderr)")
        let references = try JSONDecoder().decode([String: Reference].self,
                                                  from: Data(contentsOf: folder.appendingPathComponent("reference.json")))
        #expect(references.count == cases)

        var problems: [String] = []
        var detected = 0, withBOM = 0, byHand = 0
        for (file, reference) in references.sorted(by: { $0.key < $1.key }) {
            let path = folder.appendingPathComponent(file).path
            let remake = "python3 Scripts/differential/csv_cases.py --seed \(seed) --only \(reference.case) --out DIR"
            let prefix = "seed \(seed) case \(reference.case) \(path)"
            let delimiter = try #require(reference.delimiter.utf8.first)
            if reference.bom { withBOM += 1 }
            if reference.maker == "hand" { byHand += 1 }
            var readings: [(String, CSVReader.Options)] = [("delimiter given", CSVReader.Options(delimiter: delimiter))]
            if reference.detectable {
                readings.append(("delimiter detected", CSVReader.Options()))
                detected += 1
            }
            for (how, options) in readings {
                do {
                    let (records, reader) = try CSVTestSupport.readAll(path: path, options: options)
                    if reader.dialect.delimiter != delimiter {
                        problems.append("\(prefix) (\(how)): delimiter \(CSVDialect.displayName(ofDelimiter: reader.dialect.delimiter)), Python's \(CSVDialect.displayName(ofDelimiter: delimiter)); remake: \(remake)")
                    } else if let difference = DifferentialCSVTests.firstDifference(python: reference.rows, pokin: records) {
                        problems.append("\(prefix) (\(how)): \(difference); remake: \(remake)")
                    }
                } catch {
                    problems.append("\(prefix) (\(how)): pokin refused it (\(error)); remake: \(remake)")
                }
            }
        }
        for problem in problems.prefix(40) {
            Issue.record("\(problem)")
        }
        if problems.count > 40 {
            Issue.record("\(problems.count - 40) more mismatches; the files are kept in \(folder.path)")
        }
        if problems.isEmpty {
            try? FileManager.default.removeItem(at: folder)
        }
        // The generator must exercise every kind of file, or the comparison proves little.
        if cases >= 100 {
            #expect(detected >= cases / 10 && withBOM >= cases / 10 && byHand >= cases / 4,
                    "detected \(detected), with a byte order mark \(withBOM), by hand \(byHand) of \(cases)")
        }
    }

    /// Where two readings first differ: record count, or the record, field (and cell) and values.
    static func firstDifference(python: [[String]], pokin: [[String]]) -> String? {
        for (index, (want, got)) in zip(python, pokin).enumerated() where want != got {
            let record = index + 1
            if want.count != got.count {
                return "record \(record): Python \(want.count) fields \(want.map(\.debugDescription)), pokin \(got.count) \(got.map(\.debugDescription))"
            }
            let field = want.indices.first { want[$0] != got[$0] }!
            return "record \(record) field \(field + 1) (cell \(CellAddress(row: record, column: field + 1))): Python \(want[field].debugDescription.prefix(300)), pokin \(got[field].debugDescription.prefix(300))"
        }
        if python.count != pokin.count {
            return "Python reads \(python.count) records, pokin \(pokin.count)"
        }
        return nil
    }
}

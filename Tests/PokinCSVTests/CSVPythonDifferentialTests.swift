import Foundation
import PokinCore
@testable import PokinCSV
import PokinTestSupport
import Testing

/// Our reader against Python's `csv` module (the stdlib, `strict=False`, files opened with
/// `newline=""`) on seeded random inputs: well-formed files with every quoting quirk, and
/// random token soup with stray quotes. Python's reader silently accepts a quote that never
/// closes; ours must refuse exactly those inputs, so the script also reports, per input,
/// whether Python ended inside a quoted field (then `text + '"\n'` parses to the same rows).
@Suite("CSV reader against Python's csv module")
struct CSVPythonDifferentialTests {
    static let script = #"""
    import csv, io, json, os, sys
    def parse(text):
        return list(csv.reader(io.StringIO(text, newline="")))
    folder = sys.argv[1]
    out = {}
    for name in sorted(os.listdir(folder)):
        with open(os.path.join(folder, name), encoding="utf-8", newline="") as f:
            text = f.read()
        rows = parse(text)
        out[name] = {"rows": rows, "unterminated": parse(text + '"\n') == rows}
    json.dump(out, sys.stdout)
    """#

    struct PythonResult: Decodable {
        var rows: [[String]]
        var unterminated: Bool
    }

    static let lineEnds = ["\n", "\r\n", "\r"]
    static let plainPieces = ["a", "b", "Sleman", "é", "📈", " ", "'", "=", "1,5".replacingOccurrences(of: ",", with: "."), "x\"y", ";", "\t"]
    static let quotedPieces = ["a", "é", ",", "\"\"", "\r", "\n", "\r\n", " ", ";", "📈"]

    /// A well-formed file: plain fields (a quote only after the first byte), quoted fields with
    /// anything inside and sometimes text after the closing quote, empty fields, any line ends.
    static func wellFormed(_ generator: inout SeededGenerator) -> String {
        var text = ""
        for _ in 0..<Int.random(in: 0...8, using: &generator) {
            if Int.random(in: 0..<8, using: &generator) == 0 {
                text += lineEnds.randomElement(using: &generator)!  // a blank line
                continue
            }
            let fields = (0..<Int.random(in: 1...5, using: &generator)).map { _ -> String in
                switch Int.random(in: 0..<4, using: &generator) {
                case 0: return ""
                case 1:
                    var field = "\""
                    for _ in 0..<Int.random(in: 0...5, using: &generator) { field += quotedPieces.randomElement(using: &generator)! }
                    field += "\""
                    if Int.random(in: 0..<4, using: &generator) == 0 { field += ["z", "\"", " q"].randomElement(using: &generator)! }
                    return field
                default:
                    var field = ""
                    for _ in 0..<Int.random(in: 1...4, using: &generator) { field += plainPieces.randomElement(using: &generator)! }
                    return field.first == "\"" ? "p" + field : field
                }
            }
            text += fields.joined(separator: ",")
            text += lineEnds.randomElement(using: &generator)!
        }
        if Bool.random(using: &generator), text.hasSuffix("\n") || text.hasSuffix("\r") {
            text.removeLast()  // no line end after the last record ("\r\n" is one Character)
        }
        return text
    }

    /// Token soup: quotes anywhere, so some inputs end inside a quoted field.
    static func soup(_ generator: inout SeededGenerator) -> String {
        let tokens = ["a", "é", "\"", "\"", ",", ",", "\r", "\n", "\r\n", "\"\"", " "]
        return (0..<Int.random(in: 0...24, using: &generator)).map { _ in tokens.randomElement(using: &generator)! }.joined()
    }

    @Test("300 well-formed and 300 token-soup inputs (seeded) read as Python's csv reads them; its unterminated quotes are our errors")
    func matchesPython() throws {
        try #require(TestEnvironment.hasExecutable("python3"),
                     "python3 is not on PATH; the differential test needs it (the csv module is in its stdlib)")
        let folder = try Fixtures.temporaryDirectory("csv-differential")
        var generator = SeededGenerator(seed: 20_260_501)
        var inputs: [String: String] = [:]
        for index in 0..<600 {
            let name = String(format: "case-%03d.csv", index)
            let text = index < 300 ? CSVPythonDifferentialTests.wellFormed(&generator) : CSVPythonDifferentialTests.soup(&generator)
            inputs[name] = text
            try Data(text.utf8).write(to: folder.appendingPathComponent(name))
        }
        let scriptURL = folder.deletingLastPathComponent().appendingPathComponent("pokin-csv-differential-\(UUID().uuidString).py")
        try Data(CSVPythonDifferentialTests.script.utf8).write(to: scriptURL)
        defer {
            try? FileManager.default.removeItem(at: scriptURL)
            try? FileManager.default.removeItem(at: folder)
        }
        let result = try ProcessRunner.run("/usr/bin/env", ["python3", scriptURL.path, folder.path])
        try #require(result.status == 0, "python3 failed: \(result.stderr)")
        let expected = try JSONDecoder().decode([String: PythonResult].self, from: Data(result.stdoutBytes))
        #expect(expected.count == 600)

        var unterminated = 0
        for (name, text) in inputs.sorted(by: { $0.key < $1.key }) {
            let python = try #require(expected[name])
            let path = folder.appendingPathComponent(name).path
            let options = CSVReader.Options(delimiter: UInt8(ascii: ","))
            if python.unterminated {
                unterminated += 1
                let error = try #require(throws: PokinError.self, "\(name): \(text.debugDescription)") {
                    _ = try CSVTestSupport.readAll(path: path, options: options)
                }
                #expect(error.code == .malformedCSV)
            } else {
                let ours = try CSVTestSupport.readAll(path: path, options: options).records
                #expect(ours == python.rows, "\(name): \(text.debugDescription)")
            }
        }
        // The soup must exercise both outcomes, or the comparison proves little.
        #expect(unterminated > 30 && unterminated < 300)
    }
}

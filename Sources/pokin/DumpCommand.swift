import ArgumentParser
import Foundation
import PokinCSV
import PokinCore

struct DumpCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dump",
        abstract: "Print the raw cells of a workbook or CSV, with no mapping.",
        discussion: """
            json: every sheet (or --sheet) in the reference format of the peer corpus: for each \
            sheet its name, visibility, cells as [reference, type, value] sorted by row then column \
            (types s text, n number, b boolean, d date/time in ISO 8601, e error, duration in seconds), \
            and merged ranges.
            csv: one sheet (--sheet, or the first) as CSV, cells placed by column, missing rows as \
            empty records.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case json, csv }

    @Argument(help: "The workbook or CSV file.")
    var input: String

    @Option(help: "Only this sheet.")
    var sheet: String?

    @Option(help: "json (the reference corpus format) or csv.")
    var format: Format = .json

    /// Reads every cell and prints only counts: how the benchmark times reading alone.
    @Flag(name: .customLong("count-only"), help: .hidden)
    var countOnly = false

    func run() throws {
        try reportingErrors {
            let workbook = try InputOpener.open(input)
            if countOnly {
                try printCounts(workbook)
                return
            }
            switch format {
            case .json:
                let document = try WorkbookDump.json(of: workbook, file: input, sheet: sheet)
                try FileOutput.writeAtomically(Array(document.serialized().utf8), to: "-")
            case .csv:
                try writeCSV(workbook)
            }
        }
    }

    private func writeCSV(_ workbook: any TableWorkbook) throws {
        guard let info = try WorkbookDump.selectedSheets(of: workbook, file: input, only: sheet).first else {
            throw PokinError(.missingSheet, "the workbook has no sheets", at: Location(file: input))
        }
        var source = try workbook.rows(ofSheet: info.name)
        let writer = try CSVWriter(fileDescriptor: 1, name: "standard output")
        var row = Row(number: 0)
        var previous = 0
        while try source.read(into: &row) {
            if row.number > previous + 1 {
                for _ in (previous + 1)..<row.number { try writer.write(Row(number: 0)) }
            }
            try writer.write(row)
            previous = max(previous, row.number)
        }
        try writer.finish()
    }

    /// Reads every cell of the selected sheets and prints how many rows, cells and text bytes
    /// there were (the sum keeps the reading honest: every value is looked at).
    private func printCounts(_ workbook: any TableWorkbook) throws {
        var rows = 0
        var cells = 0
        var textBytes = 0
        var numberSum = 0.0
        for info in try WorkbookDump.selectedSheets(of: workbook, file: input, only: sheet) {
            var source = try workbook.rows(ofSheet: info.name)
            var row = Row(number: 0)
            while try source.read(into: &row) {
                rows += 1
                cells += row.cells.count
                row.cells.withUnsafeBufferPointer { buffer in
                    for index in buffer.indices {
                        switch buffer[index].value {
                        case .text(let text): textBytes &+= text.utf8.count
                        case .number(let number): numberSum += number
                        default: break
                        }
                    }
                }
            }
        }
        print("rows \(rows) cells \(cells) text-bytes \(textBytes) number-sum \(numberSum)")
    }
}

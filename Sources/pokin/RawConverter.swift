import Foundation
import PokinCore
import PokinCSV
import PokinXLSX

/// `pokin convert --raw`: cell-for-cell conversion between XLSX and CSV with no mapping.
///
/// - CSV → XLSX: one sheet named after the file (or `--sheet`); fields that are plain numbers,
///   ISO dates or TRUE/FALSE become numbers, dates and booleans (`RawTextInference`), the rest
///   stays text. A folder of CSVs becomes one sheet per file.
/// - XLSX → CSV: a folder with one CSV per sheet, or one CSV when OUT ends in `.csv` or
///   `--sheet` names a sheet. Numbers, dates and booleans print as `CSVWriter` prints them, so
///   converting back gives the same types; skipped rows become empty records so row numbers stay.
/// - XLSX → XLSX: values, merged ranges and hidden sheets copied cell for cell.
///
/// Everything streams: one row at a time in, one row at a time out.
struct RawConverter {
    var input: String
    var output: String
    /// The one sheet to convert (XLSX input), or the sheet's name (CSV input).
    var sheet: String?

    /// Converts, and returns a one-line summary for the user.
    func run() throws -> String {
        let workbook = try InputOpener.open(input)
        let outputKind = FileKind(path: output)
        switch outputKind {
        case .xlsx:
            return try writeWorkbook(from: workbook)
        case .csv:
            let name = try singleSheet(of: workbook)
            let rows = try writeCSV(sheet: name, of: workbook, to: output)
            return "wrote \(rows) rows of sheet '\(name)' to \(output)"
        case .folder, .other(""):
            guard !(workbook is CSVWorkbook) else {
                throw PokinError(.usage, "the input is already one CSV file; name an .xlsx output to convert it",
                                 at: Location(file: output))
            }
            return try writeFolder(from: workbook)
        default:
            throw PokinError(.usage,
                             "convert --raw writes .xlsx, .csv or a folder of CSV files; \(output) is \(outputKind)",
                             at: Location(file: output))
        }
    }

    // MARK: To XLSX

    private func writeWorkbook(from workbook: any TableWorkbook) throws -> String {
        let book = try XLSXWriter(path: output)
        var total = 0
        let names = try sheetsToCopy(of: workbook)
        for info in names {
            let targetName = workbook is CSVWorkbook ? (sheet ?? RawConverter.sheetName(fromFile: input)) : info.name
            let target = try book.addSheet(named: targetName, visibility: info.visibility)
            if let csvBook = workbook as? CSVWorkbook {
                let reader = try csvBook.reader(ofSheet: info.name)
                total += try copyCSV(reader, into: target)
            } else if let folder = workbook as? CSVFolderWorkbook {
                let reader = try folder.reader(ofSheet: info.name)
                total += try copyCSV(reader, into: target)
            } else {
                var source = try workbook.rows(ofSheet: info.name)
                var row = Row(number: 0)
                while try source.read(into: &row) {
                    try target.writeRow(row)
                    total += 1
                }
                for range in source.mergedRanges where range.first != range.last { try target.merge(range) }
            }
        }
        try book.close()
        return "wrote \(total) rows in \(names.count) sheet\(names.count == 1 ? "" : "s") to \(output)"
    }

    /// Streams a CSV into a sheet, turning plain numbers, ISO dates and TRUE/FALSE into typed cells.
    private func copyCSV(_ reader: CSVReader, into target: XLSXSheetWriter) throws -> Int {
        var row = Row(number: 0)
        var count = 0
        let separator = reader.dialect.decimalSeparator
        while try reader.read(into: &row) {
            try target.beginRow(row.number)
            for cell in row.cells {
                guard case .text(let text) = cell.value else {
                    try target.write(cell.value, column: cell.column)
                    continue
                }
                try target.write(RawTextInference.value(of: text, decimalSeparator: separator), column: cell.column)
            }
            count += 1
        }
        return count
    }

    private func sheetsToCopy(of workbook: any TableWorkbook) throws -> [SheetInfo] {
        guard let sheet, !(workbook is CSVWorkbook) else { return workbook.sheets }
        guard let info = workbook.sheets.first(where: { $0.name == sheet }) else {
            throw missingSheet(sheet, in: workbook)
        }
        return [info]
    }

    /// A sheet name from a file name: without extension, characters Excel forbids replaced by
    /// `_`, at most 31 characters.
    static func sheetName(fromFile path: String) -> String {
        let base = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        var name = String(base.map { "[]:*?/\\".contains($0) ? "_" : $0 })
        while name.hasPrefix("'") { name.removeFirst() }
        while name.hasSuffix("'") { name.removeLast() }
        while name.utf16.count > 31 { name.removeLast() }
        return name.isEmpty || name.lowercased() == "history" ? "Sheet1" : name
    }

    // MARK: To CSV

    private func singleSheet(of workbook: any TableWorkbook) throws -> String {
        if let sheet {
            guard workbook.sheets.contains(where: { $0.name == sheet }) else { throw missingSheet(sheet, in: workbook) }
            return sheet
        }
        if workbook.sheets.count == 1 { return workbook.sheets[0].name }
        let visible = workbook.sheets.filter { $0.visibility == .visible }
        if visible.count == 1 { return visible[0].name }
        let names = workbook.sheets.map { "'\($0.name)'" }.joined(separator: ", ")
        throw PokinError(.usage,
                         "the workbook has several sheets (\(names)); name one with --sheet, or give a folder as output to get one CSV per sheet",
                         at: Location(file: input))
    }

    private func writeFolder(from workbook: any TableWorkbook) throws -> String {
        do {
            try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        } catch {
            throw PokinError(.fileUnwritable, "cannot create the output folder: \(error.localizedDescription)",
                             at: Location(file: output))
        }
        let names = try sheetsToCopy(of: workbook).map(\.name)
        var used = Set<String>()
        for name in names {
            var fileName = RawConverter.fileName(forSheet: name)
            var suffix = 2
            while used.contains(fileName.lowercased()) {
                fileName = RawConverter.fileName(forSheet: name) + " (\(suffix))"
                suffix += 1
            }
            used.insert(fileName.lowercased())
            _ = try writeCSV(sheet: name, of: workbook, to: (output as NSString).appendingPathComponent(fileName + ".csv"))
        }
        return "wrote \(names.count) CSV file\(names.count == 1 ? "" : "s") to \(output)"
    }

    /// A file name for a sheet: characters file systems refuse replaced by `_`.
    static func fileName(forSheet name: String) -> String {
        let cleaned = String(name.map { "/\\:*?\"<>|".contains($0) || $0.asciiValue.map { $0 < 0x20 } == true ? "_" : $0 })
        return cleaned.trimmingCharacters(in: .whitespaces).isEmpty || cleaned.hasPrefix(".") ? "_" + cleaned : cleaned
    }

    /// Writes one sheet as CSV, one record per row; rows the sheet skips become empty records so
    /// that record N is row N. Records are padded to the widest row seen so far.
    private func writeCSV(sheet name: String, of workbook: any TableWorkbook, to path: String) throws -> Int {
        var source = try workbook.rows(ofSheet: name)
        let writer = try CSVWriter(path: path)
        var row = Row(number: 0)
        var written = 0
        var width = 0
        while try source.read(into: &row) {
            width = max(width, row.cells.last?.column ?? 0)
            while written + 1 < row.number {
                try writer.write(Row(number: written + 1), columns: max(width, 1))
                written += 1
            }
            try writer.write(row, columns: width)
            written = row.number
        }
        try writer.finish()
        return written
    }

    private func missingSheet(_ name: String, in workbook: any TableWorkbook) -> PokinError {
        let names = workbook.sheets.map { "'\($0.name)'" }.joined(separator: ", ")
        return PokinError(.missingSheet, "the workbook has no sheet named '\(name)'; its sheets are \(names)",
                          at: Location(file: input))
    }
}

import Foundation
import PokinCore
import PokinCSV

/// Writes `MappingSheet`s as a folder of CSV files, one per sheet named after it
/// (`Tahap 3.csv`), cells placed by column; merged ranges and styles are not kept. The folder
/// appears whole or not at all.
enum MappingSheetCSV {
    static func write(_ sheets: [MappingSheet], toFolder path: String) throws {
        let manager = FileManager.default
        let target = URL(fileURLWithPath: path)
        let names = sheets.map { fileName($0.name) }
        if manager.fileExists(atPath: target.path) {
            let existing = (try? manager.contentsOfDirectory(atPath: target.path)) ?? []
            guard existing.allSatisfy({ names.contains($0) }) else {
                throw PokinError(.fileUnwritable, "the folder already holds other files; write the CSV files into a new or empty folder",
                                 at: Location(file: path))
            }
        }
        let temporary = target.deletingLastPathComponent()
            .appendingPathComponent(".\(target.lastPathComponent).pokin-\(ProcessInfo.processInfo.processIdentifier).tmp")
        try? manager.removeItem(at: temporary)
        do {
            try manager.createDirectory(at: temporary, withIntermediateDirectories: true)
            for (sheet, name) in zip(sheets, names) {
                let writer = try CSVWriter(path: temporary.appendingPathComponent(name).path, dialect: .excelID)
                var previous = 0
                for row in sheet.cells.keys.sorted() {
                    // Missing rows as empty records, so row numbers (and fixed cells) stay where they were.
                    while previous + 1 < row {
                        try writer.write(fields: [String]())
                        previous += 1
                    }
                    let cells = sheet.cells[row]!
                    let width = cells.keys.max() ?? 0
                    try writer.write(fields: (1...max(width, 1)).map { cells[$0] ?? "" })
                    previous = row
                }
                try writer.finish()
            }
            if manager.fileExists(atPath: target.path) { try manager.removeItem(at: target) }
            try manager.moveItem(at: temporary, to: target)
        } catch let error as PokinError {
            try? manager.removeItem(at: temporary)
            throw error
        } catch {
            try? manager.removeItem(at: temporary)
            throw PokinError(.fileUnwritable, "could not write the CSV folder: \(error.localizedDescription)", at: Location(file: path))
        }
    }

    static func fileName(_ sheet: String) -> String {
        String(sheet.map { "/\\:".contains($0) ? "-" : $0 }) + ".csv"
    }
}

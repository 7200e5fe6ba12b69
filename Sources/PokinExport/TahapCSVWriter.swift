import Foundation
import PokinCore
import PokinCSV
import PokinMapping
import PokinModel

/// Writes the standard layout as CSV files, one per sheet role (`tahap-1.csv` … `tahap-5.csv`,
/// `cascading.csv`): the header row and the data rows, no title rows. The folder appears whole
/// or not at all: the files are written into a temporary folder that is then renamed.
public struct TahapCSVWriter {
    public let model: PohonKinerja
    public var dialect: CSVDialect

    public init(model: PohonKinerja, dialect: CSVDialect = .excelID) {
        self.model = model
        self.dialect = dialect
    }

    /// The file name of a sheet role in a CSV folder.
    public static func fileName(_ role: StageRole) -> String { role.rawValue + ".csv" }

    public func write(toFolder path: String) throws {
        let manager = FileManager.default
        let target = URL(fileURLWithPath: path)
        if manager.fileExists(atPath: target.path) {
            let existing = (try? manager.contentsOfDirectory(atPath: target.path)) ?? []
            let ours = Set(StageRole.allCases.map(Self.fileName))
            guard existing.allSatisfy({ ours.contains($0) }) else {
                throw PokinError(.fileUnwritable,
                                 "the folder already holds other files; write the CSV files into a new or empty folder",
                                 at: Location(file: path))
            }
        }
        let temporary = target.deletingLastPathComponent()
            .appendingPathComponent(".\(target.lastPathComponent).pokin-\(ProcessInfo.processInfo.processIdentifier).tmp")
        try? manager.removeItem(at: temporary)
        do {
            try manager.createDirectory(at: temporary, withIntermediateDirectories: true)
            for sheet in StandardLayout(model: model).sheets() {
                guard let role = sheet.role else { continue }
                let writer = try CSVWriter(path: temporary.appendingPathComponent(Self.fileName(role)).path, dialect: dialect)
                try writer.write(fields: sheet.columns.map(\.header))
                for row in sheet.rows { try writer.write(fields: row.values) }
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
}

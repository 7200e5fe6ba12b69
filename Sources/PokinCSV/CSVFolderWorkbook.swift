import Foundation
import PokinCore

/// A folder of CSV files seen as one workbook: one sheet per `.csv` file (any letter case),
/// named after the file's stem, sorted by name. `tahap-1.csv` … `tahap-5.csv` and
/// `cascading.csv` read back like the sheets of the standard workbook.
public final class CSVFolderWorkbook: TableWorkbook {
    public let path: String
    public let options: CSVReader.Options
    /// Sheet name → file path.
    private let files: [(name: String, path: String)]

    /// Lists the folder's `.csv` files.
    /// - Throws: `PokinError` `file-not-found` when the folder does not exist, `file-unreadable`
    ///   when it cannot be listed or is not a folder.
    public init(path: String, options: CSVReader.Options = CSVReader.Options()) throws {
        self.path = path
        self.options = options
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw PokinError(.fileNotFound, "the folder does not exist; check the path", at: Location(file: path))
        }
        guard isDirectory.boolValue else {
            throw PokinError(.fileUnreadable, "this is a file, not a folder of CSV files", at: Location(file: path))
        }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: path)
        } catch {
            throw PokinError(.fileUnreadable, "the folder cannot be listed; check its permissions", at: Location(file: path))
        }
        let folder = URL(fileURLWithPath: path)
        files = names
            .filter { $0.lowercased().hasSuffix(".csv") && !$0.hasPrefix(".") }
            .sorted()
            .map { (name: CSVWorkbook.stem(of: $0), path: folder.appendingPathComponent($0).path) }
    }

    public var sheets: [SheetInfo] { files.map { SheetInfo(name: $0.name) } }

    /// A fresh ``CSVReader`` over the sheet's file.
    /// - Throws: `PokinError` `missing-sheet` when no `.csv` file has that stem.
    public func rows(ofSheet name: String) throws -> any RowSource {
        try reader(ofSheet: name)
    }

    /// The same as ``rows(ofSheet:)``, typed, for callers that want the reader's warnings and dialect.
    public func reader(ofSheet name: String) throws -> CSVReader {
        guard let file = files.first(where: { $0.name == name }) else {
            let known = files.map(\.name).joined(separator: ", ")
            throw PokinError(.missingSheet,
                             "the folder has no CSV file named \"\(name).csv\" (sheets: \(known.isEmpty ? "none" : known))",
                             at: Location(file: path, sheet: name))
        }
        return try CSVReader(path: file.path, options: options)
    }
}

import PokinCore

/// One CSV file seen as a workbook with one sheet, named after the file's stem
/// (`tahap-5.csv` → `tahap-5`), so that the mapping layer and `pokin dump` read CSV through the
/// same ``TableWorkbook`` protocol as XLSX. Every value is text.
public final class CSVWorkbook: TableWorkbook {
    public let path: String
    public let options: CSVReader.Options
    /// The one sheet's name: the file name without its extension.
    public let sheetName: String

    /// Checks that the file can be opened; reading starts with ``rows(ofSheet:)``.
    /// - Throws: `PokinError` `file-not-found`, `file-unreadable`.
    public init(path: String, options: CSVReader.Options = CSVReader.Options()) throws {
        self.path = path
        self.options = options
        self.sheetName = CSVWorkbook.stem(of: path)
        _ = try FileInput(path: path)
    }

    public var sheets: [SheetInfo] { [SheetInfo(name: sheetName)] }

    /// A fresh ``CSVReader`` over the file (its warnings are on the reader).
    /// - Throws: `PokinError` `missing-sheet` when `name` is not the file's stem.
    public func rows(ofSheet name: String) throws -> any RowSource {
        try reader(ofSheet: name)
    }

    /// The same as ``rows(ofSheet:)``, typed, for callers that want the reader's warnings and dialect.
    public func reader(ofSheet name: String) throws -> CSVReader {
        guard name == sheetName else {
            throw PokinError(.missingSheet, "a CSV file has one sheet, \"\(sheetName)\"; there is no sheet \"\(name)\"",
                             at: Location(file: path, sheet: name))
        }
        return try CSVReader(path: path, options: options)
    }

    /// The last path component without its extension.
    static func stem(of path: String) -> String {
        let name = path.split(separator: "/", omittingEmptySubsequences: true).last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }
}

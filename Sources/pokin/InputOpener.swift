import Foundation
import PokinCore
import PokinCSV
import PokinXLSX

/// Opens an input file or folder as a `TableWorkbook`, deciding its format by extension and
/// checking the content's first bytes, so that a renamed file is read for what it is or refused
/// with a message that says what it really is.
enum InputOpener {
    /// The table formats pokin reads.
    enum Format: Equatable {
        case xlsx, csv, csvFolder
    }

    /// Opens `path`.
    /// - Throws: `PokinError` (`file-not-found`, `unsupported-format`, `encrypted-workbook`, and
    ///   whatever the format's reader throws).
    /// With `forModel`, CSV text loses the formula guard writers put before `=`, `+`, `-`, `@`
    /// (`'- Meningkatnya …` reads as `- Meningkatnya …`); without it, cells read as written.
    static func open(_ path: String, forModel: Bool = false) throws -> any TableWorkbook {
        var options = CSVReader.Options()
        options.removesFormulaGuard = forModel
        switch try format(of: path) {
        case .xlsx:
            return try XLSXWorkbook(path: path)
        case .csv:
            return try CSVWorkbook(path: path, options: options)
        case .csvFolder:
            return try CSVFolderWorkbook(path: path, options: options)
        }
    }

    /// The format of `path`: a folder is a folder of CSV files; otherwise the extension says what
    /// the file should be and its first bytes must agree; without a known extension the bytes
    /// decide.
    static func format(of path: String) throws -> Format {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw PokinError(.fileNotFound, "the file does not exist; check the path", at: Location(file: path))
        }
        if isDirectory.boolValue { return .csvFolder }
        let signature = try FileSignature.detect(path: path)
        let location = Location(file: path)
        switch (path as NSString).pathExtension.lowercased() {
        case "xlsx", "xlsm", "xltx", "xltm":
            // XLSXWorkbook explains any content that is not a workbook.
            return .xlsx
        case "csv", "tsv", "txt", "tab":
            switch signature {
            case .text, .empty: return .csv
            case .zip:
                throw PokinError(.unsupportedFormat, "this file is named as CSV but is an .xlsx workbook (a zip archive); rename it to .xlsx", at: location)
            default:
                throw signature.xlsxOpeningError(file: path)
                    ?? PokinError(.unsupportedFormat, "this file is named as CSV but is not text", at: location)
            }
        case "xls":
            // Many systems name .xlsx workbooks (or HTML tables) .xls; read what the bytes say.
            if signature == .zip { return .xlsx }
            throw signature.xlsxOpeningError(file: path)
                ?? PokinError(.unsupportedFormat, "this file is not a workbook pokin can read", at: location)
        case "ods":
            throw PokinError(.unsupportedFormat,
                             "OpenDocument spreadsheets (.ods) are not read; open the file in LibreOffice and save it as .xlsx", at: location)
        default:
            switch signature {
            case .zip: return .xlsx
            case .text, .empty: return .csv
            default:
                throw signature.xlsxOpeningError(file: path)
                    ?? PokinError(.unsupportedFormat, "pokin reads .xlsx workbooks and CSV files; this is neither", at: location)
            }
        }
    }
}

private import CLibzip
import Foundation
import PokinCore

/// The one place where libzip's error codes become `PokinError`s.
enum ZipFailure {
    /// Converts a libzip error code (`ZIP_ER_*`) into the project's error.
    static func error(code: Int32, systemError: Int32 = 0, file: String, part: String? = nil, doing action: String) -> PokinError {
        var zipError = zip_error_t()
        zip_error_init_with_code(&zipError, code)
        defer { zip_error_fini(&zipError) }
        let detail = zip_error_strerror(&zipError).map { String(cString: $0) } ?? "libzip error \(code)"
        let location = Location(file: file, part: part)
        let cause = ZipLibraryError(code: code, message: detail)
        switch code {
        case ZIP_ER_NOENT where part == nil && !FileManager.default.fileExists(atPath: file):
            // libzip also says "no such file" for an archive that exists but whose central
            // directory names entries it cannot find: that is a damaged archive (default case).
            return PokinError(.fileNotFound, "the file does not exist; check the path", at: location, underlying: cause)
        case ZIP_ER_OPEN, ZIP_ER_READ, ZIP_ER_SEEK:
            return PokinError(.fileUnreadable, "could not read the file while \(action): \(detail)", at: location, underlying: cause)
        case ZIP_ER_NOZIP:
            return PokinError(.notAZipFile, "this is not an XLSX workbook (not a zip archive); if it is an old .xls, HTML or CSV file, save it again as .xlsx or convert it as CSV", at: location, underlying: cause)
        case ZIP_ER_ENCRNOTSUPP, ZIP_ER_NOPASSWD, ZIP_ER_WRONGPASSWD:
            return PokinError(.encryptedWorkbook, "the workbook is password-protected; remove the password in Excel (File > Info > Protect Workbook) and try again", at: location, underlying: cause)
        case ZIP_ER_WRITE, ZIP_ER_TMPOPEN, ZIP_ER_RENAME, ZIP_ER_REMOVE:
            return PokinError(.fileUnwritable, "could not write the file while \(action): \(detail)", at: location, underlying: cause)
        default:
            return PokinError(.zipError, "the archive is damaged or truncated (\(detail)) while \(action); open and save it again in Excel or LibreOffice", at: location, underlying: cause)
        }
    }

    /// The error currently recorded on an open archive.
    static func error(of archive: OpaquePointer, file: String, part: String? = nil, doing action: String) -> PokinError {
        let zipError = zip_get_error(archive)
        return error(code: zip_error_code_zip(zipError), file: file, part: part, doing: action)
    }

    /// The error currently recorded on an open entry.
    static func error(ofEntry entry: OpaquePointer, file: String, part: String, doing action: String) -> PokinError {
        let zipError = zip_file_get_error(entry)
        return error(code: zip_error_code_zip(zipError), file: file, part: part, doing: action)
    }
}

/// The raw libzip error kept as the `underlying` cause.
struct ZipLibraryError: Error, Sendable, CustomStringConvertible {
    var code: Int32
    var message: String
    var description: String { "libzip: \(message) (ZIP_ER \(code))" }
}

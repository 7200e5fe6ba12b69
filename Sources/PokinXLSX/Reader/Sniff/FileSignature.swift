import Foundation
import PokinCore

/// What a file really is, judged by its first bytes (and, for OLE2 containers, their
/// directory), whatever its name says. Users rename files; web systems export HTML tables as
/// "Excel" files; encrypted workbooks are not zip archives at all.
public enum FileSignature: Equatable, Sendable {
    /// A zip archive (an XLSX workbook, or another zip-based format).
    case zip
    /// A password-protected (encrypted) OOXML workbook: an OLE2 container with `EncryptedPackage`.
    case encryptedWorkbook
    /// A legacy Excel 97–2003 (.xls) workbook: an OLE2 container with a `Workbook` or `Book` stream.
    case legacyExcel
    /// Another OLE2 container (a Word document, an Outlook message…).
    case otherCompoundFile
    /// An OLE2 container whose directory could not be read: encrypted workbook or old .xls.
    case unreadableCompoundFile
    /// An HTML page (often a web system's "Excel export").
    case html
    /// Excel 2003's "XML Spreadsheet" format.
    case xmlSpreadsheet2003
    /// Some other XML document.
    case xml
    case pdf
    /// Text without NUL bytes: CSV, TSV or plain text.
    case text
    /// An empty file.
    case empty
    /// Bytes of no known kind.
    case unknownBinary

    /// Largest OLE2 file whose directory is examined (the directory may sit anywhere in it).
    static let maxCompoundFileBytes = 512 << 20

    /// Looks at the file at `path`.
    /// - Throws: `file-not-found` or `file-unreadable`.
    public static func detect(path: String) throws -> FileSignature {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            var isDirectory: ObjCBool = false
            if !FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
                throw PokinError(.fileNotFound, "the file does not exist; check the path", at: Location(file: path))
            }
            throw PokinError(.fileUnreadable,
                             isDirectory.boolValue ? "this is a folder, not a file" : "the file cannot be opened for reading; check its permissions",
                             at: Location(file: path))
        }
        defer { try? handle.close() }
        let head: [UInt8]
        do {
            head = Array(try handle.read(upToCount: 4096) ?? Data())
        } catch {
            throw PokinError(.fileUnreadable, "the file cannot be read: \(error.localizedDescription)", at: Location(file: path))
        }
        if head.starts(with: CompoundFileDirectory.signature) {
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            guard size <= maxCompoundFileBytes, let all = try? Data(contentsOf: URL(fileURLWithPath: path)),
                  let names = CompoundFileDirectory.entryNames(of: Array(all)) else { return .unreadableCompoundFile }
            return classifyCompoundFile(names)
        }
        return detect(head: head)
    }

    /// Classifies the first bytes of a file (an OLE2 container is only recognised, not examined).
    public static func detect(head: [UInt8]) -> FileSignature {
        if head.isEmpty { return .empty }
        if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) || head.starts(with: [0x50, 0x4B, 0x05, 0x06])
            || head.starts(with: [0x50, 0x4B, 0x07, 0x08]) { return .zip }
        if head.starts(with: CompoundFileDirectory.signature) { return .unreadableCompoundFile }
        if head.starts(with: Array("%PDF".utf8)) { return .pdf }
        var text = head[...]
        if text.starts(with: [0xEF, 0xBB, 0xBF]) { text = text.dropFirst(3) }
        if text.starts(with: [0xFF, 0xFE]) || text.starts(with: [0xFE, 0xFF]) { return .text }  // UTF-16 text export
        if text.contains(0) { return .unknownBinary }
        let lowered = String(decoding: text.map { ($0 >= 0x41 && $0 <= 0x5A) ? $0 | 0x20 : $0 }, as: UTF8.self)
        let start = lowered.drop { $0.isWhitespace }
        if start.hasPrefix("<") {
            if lowered.contains("urn:schemas-microsoft-com:office:spreadsheet") && !lowered.contains("<html") {
                return .xmlSpreadsheet2003
            }
            for marker in ["<html", "<!doctype html", "<table", "<head", "<body", "<meta"] where lowered.contains(marker) {
                return .html
            }
            return start.hasPrefix("<?xml") ? .xml : .html
        }
        let controls = text.filter { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D && $0 != 0x0C }.count
        return controls * 20 > text.count ? .unknownBinary : .text
    }

    static func classifyCompoundFile(_ names: [String]) -> FileSignature {
        let lowered = Set(names.map { $0.lowercased() })
        if lowered.contains("encryptedpackage") || lowered.contains("encryptioninfo") { return .encryptedWorkbook }
        if lowered.contains("workbook") || lowered.contains("book") { return .legacyExcel }
        return .otherCompoundFile
    }

    /// The error for a file that is not an XLSX workbook, saying what it really is and what to
    /// do; nil for `.zip`.
    public func xlsxOpeningError(file: String) -> PokinError? {
        let location = Location(file: file)
        switch self {
        case .zip:
            return nil
        case .encryptedWorkbook:
            return PokinError(.encryptedWorkbook,
                              "the workbook is password-protected (encrypted); remove the password in Excel (File > Info > Protect Workbook > Encrypt with Password, clear it) and save it again",
                              at: location)
        case .legacyExcel:
            return PokinError(.unsupportedFormat,
                              "this is an old Excel 97-2003 workbook (.xls), not an .xlsx workbook; open it in Excel or LibreOffice and save it as .xlsx",
                              at: location)
        case .otherCompoundFile:
            return PokinError(.unsupportedFormat,
                              "this is an OLE2 compound file (such as a Word document), not a workbook",
                              at: location)
        case .unreadableCompoundFile:
            return PokinError(.unsupportedFormat,
                              "this is an OLE2 compound file: a password-protected workbook or an old Excel 97-2003 (.xls) file; remove the password or save it as .xlsx in Excel",
                              at: location)
        case .html:
            return PokinError(.unsupportedFormat,
                              "this file is an HTML page, not an .xlsx workbook (web systems often export HTML tables under an Excel name); open it in Excel and save it as .xlsx",
                              at: location)
        case .xmlSpreadsheet2003:
            return PokinError(.unsupportedFormat,
                              "this is an Excel 2003 XML Spreadsheet, not an .xlsx workbook; open it in Excel and save it as .xlsx",
                              at: location)
        case .xml:
            return PokinError(.unsupportedFormat, "this file is an XML document, not an .xlsx workbook", at: location)
        case .pdf:
            return PokinError(.unsupportedFormat, "this file is a PDF document, not a workbook", at: location)
        case .text:
            return PokinError(.unsupportedFormat,
                              "this file is plain text (CSV or similar), not an .xlsx workbook; rename it to .csv, or open it in Excel and save it as .xlsx",
                              at: location)
        case .empty:
            return PokinError(.notAZipFile, "the file is empty (0 bytes)", at: location)
        case .unknownBinary:
            return PokinError(.notAZipFile, "this is not an .xlsx workbook (not a zip archive) and not a format pokin knows", at: location)
        }
    }
}

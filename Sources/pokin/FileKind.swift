import Foundation

/// What a path on the command line is, by extension (or a folder).
enum FileKind: Equatable, CustomStringConvertible {
    case xlsx, csv, json, folder, svg, html, other(String)

    init(path: String) {
        if path == "-" {  // standard output carries canonical JSON
            self = .json
            return
        }
        var isDirectory: ObjCBool = false
        if path.hasSuffix("/") || (FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue) {
            self = .folder
            return
        }
        switch (path as NSString).pathExtension.lowercased() {
        case "xlsx", "xlsm": self = .xlsx
        case "csv", "tsv", "txt": self = .csv
        case "json": self = .json
        case "svg": self = .svg
        case "html", "htm": self = .html
        case let other: self = .other(other)
        }
    }

    var description: String {
        switch self {
        case .xlsx: return "an XLSX workbook"
        case .csv: return "a CSV file"
        case .json: return "canonical JSON"
        case .folder: return "a folder of CSV files"
        case .svg: return "an SVG picture"
        case .html: return "an HTML page"
        case .other(let ext): return ext.isEmpty ? "a file without extension" : "a .\(ext) file"
        }
    }
}

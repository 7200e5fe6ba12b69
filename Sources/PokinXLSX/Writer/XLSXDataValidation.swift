import PokinCore

/// A drop-down list on a range of cells: the allowed words, from an inline list or from a range
/// of another sheet (better for long lists, or words with commas).
public struct XLSXDataValidation: Hashable, Sendable {
    public enum Source: Hashable, Sendable {
        /// Up to 255 characters in all, joined by commas; no item may contain a comma or `"`.
        case list([String])
        /// A range such as `Daftar!A2:A6` (the sheet may be hidden).
        case range(sheet: String, CellRange)
    }

    public var range: CellRange
    public var source: Source
    /// Whether an empty cell is accepted.
    public var allowBlank: Bool
    /// Refuse other values (Excel's "Stop" alert); false only warns.
    public var strict: Bool
    /// The message shown when the cell is selected (title, text); nil for none.
    public var prompt: (title: String, text: String)?
    /// The message shown when another value is typed (title, text); nil for Excel's default.
    public var errorMessage: (title: String, text: String)?

    public init(range: CellRange, source: Source, allowBlank: Bool = true, strict: Bool = true,
                prompt: (title: String, text: String)? = nil, errorMessage: (title: String, text: String)? = nil) {
        self.range = range
        self.source = source
        self.allowBlank = allowBlank
        self.strict = strict
        self.prompt = prompt
        self.errorMessage = errorMessage
    }

    public static func == (lhs: XLSXDataValidation, rhs: XLSXDataValidation) -> Bool {
        lhs.range == rhs.range && lhs.source == rhs.source && lhs.allowBlank == rhs.allowBlank
            && lhs.strict == rhs.strict && lhs.prompt?.title == rhs.prompt?.title && lhs.prompt?.text == rhs.prompt?.text
            && lhs.errorMessage?.title == rhs.errorMessage?.title && lhs.errorMessage?.text == rhs.errorMessage?.text
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(range)
        hasher.combine(source)
    }

    /// The `<formula1>` text: `"a,b,c"` or `'Daftar'!$A$2:$A$6`.
    func formula(in file: String) throws -> String {
        switch source {
        case .list(let items):
            for item in items where item.contains(",") || item.contains("\"") {
                throw PokinError(.invalidCellValue,
                                 "the drop-down item \"\(item)\" contains a comma or a quote, which an inline list cannot hold; put the words in a range of a (hidden) sheet and use .range",
                                 at: Location(file: file))
            }
            let joined = items.joined(separator: ",")
            guard joined.utf16.count <= 255 else {
                throw PokinError(.invalidCellValue,
                                 "the drop-down list for \(range) is \(joined.utf16.count) characters long; Excel allows 255 in an inline list; put the words in a range of a (hidden) sheet and use .range",
                                 at: Location(file: file))
            }
            return "\"" + joined + "\""
        case .range(let sheet, let cells):
            return CellAddress.quotedSheetName(sheet) + "!" + XLSXReference.absolute(cells)
        }
    }
}

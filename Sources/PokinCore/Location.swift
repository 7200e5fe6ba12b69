/// Where in an input something was found: file, sheet, cell, or line.
///
/// Rows and columns are 1-based, as Excel shows them; rows keep the spreadsheet's own number.
public struct Location: Hashable, Sendable, CustomStringConvertible {
    public var file: String?
    public var sheet: String?
    public var row: Int?
    public var column: Int?
    /// A CSV physical line, a line inside an XML part, or a line of a mapping file.
    public var line: Int?
    /// A part inside a container (`xl/worksheets/sheet1.xml`) or a JSON path (`nodes[3]`).
    public var part: String?

    public init(file: String? = nil, sheet: String? = nil, row: Int? = nil, column: Int? = nil,
                line: Int? = nil, part: String? = nil) {
        self.file = file
        self.sheet = sheet
        self.row = row
        self.column = column
        self.line = line
        self.part = part
    }

    /// The cell part alone, `'Tahap 3'!F17`, or nil when no sheet or cell is known.
    public var cellReference: String? {
        var text = ""
        if let sheet { text += CellAddress.quotedSheetName(sheet) + "!" }
        if let row, let column {
            text += CellAddress(row: row, column: column).description
        } else if let row {
            text += "\(row):\(row)"
        } else if let column {
            text += CellAddress.columnName(column)
        }
        return text.isEmpty ? nil : text
    }

    /// `file.xlsx!'Tahap 3'!F17`, `file.csv:42`, `mapping.yaml:12`, `file.json (nodes[3])`.
    public var description: String {
        var text = file ?? ""
        if let part { text += text.isEmpty ? part : " (\(part))" }
        if let cell = cellReference { text += text.isEmpty ? cell : "!" + cell }
        if let line { text += ":\(line)" }
        return text.isEmpty ? "(unknown location)" : text
    }
}

import PokinCore

/// A sheet as the workbook lists it, with what the XLSX package says about it.
public struct XLSXSheet: Hashable, Sendable {
    /// What kind of sheet it is. Only worksheets (and the old dialog and macro sheets, which
    /// have the same cell grid) hold cells; a chart sheet is a picture.
    public enum Kind: String, Hashable, Sendable {
        case worksheet, chartsheet, dialogsheet, macrosheet, unknown
    }

    public var name: String
    public var visibility: SheetVisibility
    public var kind: Kind
    /// The sheet's part in the package (`xl/worksheets/sheet1.xml`), nil when its relationship
    /// is missing.
    public var part: String?

    public var info: SheetInfo { SheetInfo(name: name, visibility: visibility) }
    public var holdsCells: Bool { kind == .worksheet || kind == .dialogsheet || kind == .macrosheet }
}

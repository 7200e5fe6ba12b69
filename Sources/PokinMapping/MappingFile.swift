import PokinModel

/// One layout's mapping file (YAML): how an agency's sheets map onto the canonical tree.
/// See `Mappings/README.md` for the format as planning staff read it.
public struct MappingFile: Sendable {
    /// Short name used on the command line (`--mapping permenpan-lembar-kerja`).
    public var name: String
    public var title: String
    public var description: String?
    /// Words of the agency for each level axis, added to the built-in dictionary.
    public var vocabulary: LevelVocabulary
    /// Where the agency's name and acronym are written, if the layout has a fixed place for them.
    public var agencyName: CellPointer?
    public var agencyShortName: CellPointer?
    /// Sheet roles in the order they are read (tahap-1 … tahap-5, cascading).
    public var sheets: [SheetMapping]
    /// Where the mapping was loaded from (a path), for messages.
    public var source: String?

    public init(name: String, title: String, description: String? = nil,
                vocabulary: LevelVocabulary = .standard, sheets: [SheetMapping] = [], source: String? = nil) {
        self.name = name
        self.title = title
        self.description = description
        self.vocabulary = vocabulary
        self.sheets = sheets
        self.source = source
    }

    public func sheet(_ role: StageRole) -> SheetMapping? {
        sheets.first { $0.role == role }
    }
}

/// How to read one sheet role.
public struct SheetMapping: Sendable {
    public var role: StageRole
    /// Sheet names (compared ignoring case and spacing) and regular expressions, tried in order.
    public var names: [String] = []
    public var patterns: [String] = []
    /// Where the header is: a fixed 1-based row, or the first row (within `searchRows`) holding a
    /// cell that matches one of `find`.
    public var headerRow: Int?
    public var headerFind: [String] = []
    public var headerSearchRows = 60
    /// How many rows the header spans (multi-row headers are flattened "Group › Sub").
    public var headerRows = 1
    /// Field → column rule.
    public var columns: [String: ColumnRule] = [:]
    /// Fields whose blank cells (and merged cells) take the value above.
    public var fillDown: [String] = []
    /// Rows whose any cell matches one of these regular expressions are skipped.
    public var skipPatterns: [String] = []
    /// Reading stops at the first row whose any cell matches one of these (signature blocks).
    public var stopPatterns: [String] = []
    /// How several indicators share one cell.
    public var indicatorSplit: IndicatorSplit = .lines
    /// Crosscutting marker: a regular expression; the partner is the text after it.
    public var crosscuttingMarker: String? = "^\\s*cro(s){1,2}[ -]?cutting\\b[\\s:]*"
    /// Fields to look for the crosscutting marker in.
    public var crosscuttingIn: [String] = ["statement", "level", "notes", "crosscutting"]
    /// A second table on the same sheet that restates the first rows of this one, in order
    /// (Tahap 2's "Kondisi yang diperlukan" rewording the first CSFs as conditions). Where it
    /// does, the node's wording on this stage is the restated one. At most one element.
    public var restated: [SheetMapping] = []
    /// How the sheet lays nodes out: one node per row (`table`), or a cascading matrix whose
    /// columns are planning levels and whose boxes are runs of cells (`matrix`).
    public var layout: SheetLayout = .table
    /// `layout: levels`: the column groups, one per tree level, left to right (see `LevelGroup`).
    public var levels: [LevelGroup] = []
    /// `layout: levels`: code columns whose deepest filled one decides the level of the row's
    /// own node (read from `columns`), SIPD style (see `CodeLevel`).
    public var codes: [CodeLevel] = []
    /// `layout: long`: what each word of the level column means (see `LongRowKinds`).
    public var rowKinds = LongRowKinds()
    /// Where the line of the YAML file that describes this sheet starts (for messages).
    public var line: Int?

    public init(role: StageRole) { self.role = role }
}

/// Which column holds a field: by header text (aliases; `*` matches anything) or by letter.
public struct ColumnRule: Sendable, Hashable {
    public var headers: [String] = []
    public var letter: String?
    /// Take the n-th column whose header matches (1-based), for repeated headers.
    public var occurrence = 1
    /// For `targets`: the year of "Tahun ke-1" when the headers count years instead of naming them.
    public var firstYear: Int?
    /// For `target`: the year of a target column whose header names none.
    public var year: Int?
    /// For `target` / `targets`: the cell holds the target and its unit together ("85 %",
    /// "12 dokumen", "Rp 1.500.000"); they are split into the target and the satuan.
    public var withUnit = false
    public var line: Int?

    public init(headers: [String] = [], letter: String? = nil) {
        self.headers = headers
        self.letter = letter
    }
}

/// How several indicators are written in one cell.
public enum IndicatorSplit: String, Sendable, CaseIterable {
    /// One indicator per cell.
    case none
    /// One per line inside the cell.
    case lines
    /// "1. … 2. …" numbered in the text (also one per line).
    case numbered
}

/// A fixed cell (`{sheet: tahap-1, cell: A18, line: 2}`): the text of the cell, or one line of
/// it. `sheet` is a sheet role of the mapping, or else a sheet's own name.
public struct CellPointer: Sendable, Hashable {
    public var role: StageRole?
    public var sheetName: String?
    public var cell: CellAddressText
    /// 1-based line inside the cell's text; nil for the whole text.
    public var line: Int?

    public init(role: StageRole?, sheetName: String? = nil, cell: CellAddressText, line: Int? = nil) {
        self.role = role
        self.sheetName = sheetName
        self.cell = cell
        self.line = line
    }
}

/// A cell address as written in a mapping file (`B2`), kept with its parsed position.
public struct CellAddressText: Sendable, Hashable {
    public var row: Int
    public var column: Int
}

/// How a sheet lays its nodes out.
public enum SheetLayout: String, Sendable, CaseIterable {
    /// One node per row, fields in columns.
    case table
    /// A cascading matrix: each column is a planning level (its header says which, and the row
    /// below may name the job); each box is a run of cells in a column — the sasaran, the
    /// program / kegiatan / sub kegiatan name, and the indicators.
    case matrix
    /// A drawn pohon kinerja: boxes (shapes with text) joined by connectors over the sheet.
    case drawing
    /// Each row is a path through the tree: one group of columns per level (Level 1 … Level 5,
    /// each with its indicator), parents repeated, left blank or merged over their children;
    /// optionally code columns decide the level of the row's last node (SIPD split codes).
    case levels
    /// One row per tujuan / sasaran / indicator / target: a level column says what the row is,
    /// parents follow from row order (and from codes where given).
    case long

    /// Layouts whose nodes are read from cells by `PathLayoutReader` / `LongLayoutReader`.
    public var isOneSheetTree: Bool { self == .levels || self == .long }
}

import PokinModel

/// One level of a `layout: levels` sheet: the columns that hold a node of that level on each
/// row (its statement, indicators, unit, targets, planning label, nomenclature).
///
/// A group's columns are looked for between its statement column and the next group's, so
/// repeated headers ("Indikator Kinerja" after each "Level N") need no counting.
public struct LevelGroup: Sendable {
    public var level: Level
    /// The planning component every node of this group has (`tujuan`, `sasaran-program` …).
    public var planning: KomponenPerencanaan?
    /// The kind of nomenclature its `nomenclature` column names (program, kegiatan, sub kegiatan).
    public var nomenclatureKind: Nomenklatur.Kind?
    public var columns: [String: ColumnRule] = [:]
    public var line: Int?

    public init(level: Level, columns: [String: ColumnRule] = [:]) {
        self.level = level
        self.columns = columns
    }

    /// The fields a group's columns may name.
    public static let fields: Set<String> = [
        "statement", "indicator", "unit", "target", "targets", "planning", "position",
        "nomenclature", "nomenclature-code", "nomenclature-statement", "nomenclature-indicator", "crosscutting", "notes",
    ]
}

/// One code column of a SIPD-style layout (KODE Program, KODE Kegiatan, KODE Sub Kegiatan):
/// the row's own node takes the level of the deepest code column filled on the row. A code
/// column without a level (KODE Urusan/Bidang) only contributes to the nomenclature code.
public struct CodeLevel: Sendable {
    public var column: ColumnRule
    public var level: Level?
    public var planning: KomponenPerencanaan?
    public var nomenclatureKind: Nomenklatur.Kind?
    public var line: Int?

    public init(column: ColumnRule, level: Level? = nil) {
        self.column = column
        self.level = level
    }
}

/// `layout: long`: the words of the level column and what each row kind means. Words are
/// compared like headers (capitals, spaces, `_` do not matter; `*` stands for any text).
public struct LongRowKinds: Sendable {
    /// Level column words that start a node of a level ("tujuan", "sub_kegiatan").
    public var nodes: [(level: Level, words: [String])] = []
    /// Words of an indicator row (the indicator of the last node above).
    public var indicator: [String] = ["indikator", "indikator *"]
    /// Words of a target row (a year's target of the last indicator above).
    public var target: [String] = ["target", "target *"]
    /// Words of rows to leave out (a document row such as "renstra").
    public var ignore: [String] = []
    public var line: Int?

    public init() {}
}

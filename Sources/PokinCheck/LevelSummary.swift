import PokinModel

/// One row of the summary table: how many nodes a level has, with and without indicators,
/// mapped to a planning component, and crosscutting. `level` nil is the total row.
public struct LevelSummary: Hashable, Sendable {
    public var level: Level?
    public var nodes: Int
    public var withIndicators: Int
    public var withoutIndicators: Int
    public var withPlanning: Int
    public var crosscutting: Int

    public init(level: Level?, nodes: Int = 0, withIndicators: Int = 0, withoutIndicators: Int = 0,
                withPlanning: Int = 0, crosscutting: Int = 0) {
        self.level = level
        self.nodes = nodes
        self.withIndicators = withIndicators
        self.withoutIndicators = withoutIndicators
        self.withPlanning = withPlanning
        self.crosscutting = crosscutting
    }

    /// One row per level (every level, even empty ones), then the total.
    public static func table(_ model: PohonKinerja) -> [LevelSummary] {
        var rows = Level.allCases.map { LevelSummary(level: $0) }
        var total = LevelSummary(level: nil)
        for node in model.nodes {
            let index = node.level.depth
            let hasIndicator = !IndicatorRules.names(node).isEmpty
            for apply in [{ (row: inout LevelSummary) in row.add(node, hasIndicator: hasIndicator) }] {
                apply(&rows[index])
                apply(&total)
            }
        }
        return rows + [total]
    }

    private mutating func add(_ node: Kinerja, hasIndicator: Bool) {
        nodes += 1
        if hasIndicator { withIndicators += 1 } else { withoutIndicators += 1 }
        if node.planning != nil { withPlanning += 1 }
        if !node.crosscutting.isEmpty { crosscutting += 1 }
    }

    /// "kondisi antara utama" / "Jumlah" / "Total".
    public func name(_ language: CheckLanguage) -> String {
        level.map(Terms.level) ?? (language == .id ? "Jumlah" : "Total")
    }
}

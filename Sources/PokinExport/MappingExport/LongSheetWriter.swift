import PokinCore
import PokinMapping
import PokinModel

/// Writes a `layout: long` sheet: the header of the sheet's columns, then, in tree order, a row
/// per node (its level word, code and text), a row per indicator ("indikator_<level word>",
/// name, unit) and a row per year's target ("target_<level word>", year, target, unit).
public struct LongSheetWriter: MappingSheetWriter {
    public init() {}

    static let order = ["numbering", "level", "code", "statement", "indicator", "year", "target", "unit", "planning"]
    /// Level words when the mapping's `rows:` lists none for a level.
    static let fallbackWords: [Level: String] = [
        .outcome: "tujuan", .csf: "sasaran", .kondisiAntaraUtama: "program", .kondisiAntara: "kegiatan", .kondisiOperasional: "sub_kegiatan",
    ]

    public func write(_ sheet: SheetMapping, context: MappingExportContext) throws -> MappingSheet? {
        let role = sheet.role
        let nodes = context.nodesInTreeOrder
        guard !nodes.isEmpty else { return nil }
        var out = MappingSheet(role: role, name: context.sheetName(for: role))
        let headerRow = sheet.headerRow ?? 1
        out.headerRows = [headerRow]
        var columns: [String: Int] = [:]
        for field in Self.order {
            guard let rule = sheet.columns[field] else { continue }
            let column = columns.count + 1
            out[headerRow, column] = rule.headers.first.map { HeaderAlias($0).text() } ?? field
            out.columnWidths[column] = field == "statement" ? 50 : 18
            columns[field] = column
        }
        guard let levelColumn = columns["level"], let statementColumn = columns["statement"] else { return nil }
        let indicatorWord = sheet.rowKinds.indicator.map(HeaderAlias.init)
        let targetWord = sheet.rowKinds.target.map(HeaderAlias.init)
        var row = headerRow + 1
        for node in nodes {
            let word = levelWord(node, sheet: sheet)
            out[row, levelColumn] = word
            out[row, statementColumn] = context.text(node, on: role)
            if let column = columns["code"], let code = node.nomenclature?.code { out[row, column] = code }
            if let column = columns["planning"], let label = node.stages[role]?.planningLabel { out[row, column] = label }
            context.carried(.node, of: node.id)
            context.carried(.level, of: node.id)
            if node.planning != nil { context.carried(.planning, of: node.id) }
            if node.nomenclature?.code != nil { context.carried(.nomenclature, of: node.id) }
            row += 1
            for indicator in node.indicators {
                out[row, levelColumn] = kindWord(indicatorWord, levelWord: word, fallback: "indikator")
                out[row, statementColumn] = indicator.name
                if let column = columns["unit"] { out[row, column] = indicator.unit }
                context.carried(.indicators, of: node.id)
                if columns["unit"] != nil { context.carried(.units, of: node.id) }
                row += 1
                guard let yearColumn = columns["year"], let targetColumn = columns["target"] else { continue }
                for target in indicator.targets {
                    out[row, levelColumn] = kindWord(targetWord, levelWord: word, fallback: "target")
                    out[row, yearColumn] = String(target.year)
                    out[row, targetColumn] = target.value
                    if let column = columns["unit"] { out[row, column] = indicator.unit }
                    row += 1
                }
                context.carried(.targets, of: node.id)
            }
        }
        return out
    }

    /// The node's level word: as its row said (when that still reads as its level), else the
    /// mapping's first word for the level.
    private func levelWord(_ node: Kinerja, sheet: SheetMapping) -> String {
        let words = sheet.rowKinds.nodes.first { $0.level == node.level }?.words ?? []
        if let label = node.stages[sheet.role]?.levelLabel, words.map(HeaderAlias.init).contains(where: { $0.matches(label) }) { return label }
        return words.first.map { HeaderAlias($0).text() } ?? Self.fallbackWords[node.level]!
    }

    /// "indikator_*" with the level word in place of `*` ("indikator_sub_kegiatan").
    private func kindWord(_ aliases: [HeaderAlias], levelWord: String, fallback: String) -> String {
        if let pattern = aliases.first(where: { $0.alias.contains("*") }) {
            return pattern.alias.replacingOccurrences(of: "*", with: levelWord)
        }
        return aliases.first?.alias ?? fallback
    }
}

import PokinCore
import PokinMapping
import PokinModel

/// Writes a `layout: levels` sheet: the header (each level's columns, the code columns, the
/// sheet's own columns), then one row per path of the tree, parents repeated on every row (as
/// a CSV must, and as the reader takes them). A node of a code level gets a row of its own, its
/// code and its ancestors' codes written in their code columns. Several indicators go one per
/// line of a cell, or, with `indicators: none`, one per row repeating the path.
public struct LevelsSheetWriter: MappingSheetWriter {
    public init() {}

    /// Column order inside a level group and in the sheet's own columns.
    static let groupOrder = ["statement", "planning", "position", "nomenclature", "nomenclature-code", "nomenclature-statement",
                             "indicator", "unit", "target", "targets"]
    static let sharedOrder = ["nomenclature", "nomenclature-code", "statement", "planning", "position", "nomenclature-statement",
                              "indicator", "unit", "target", "targets"]

    struct Part {
        var rules: [String: ColumnRule]
        var columns: [String: Int] = [:]
        var years: [(year: Int, column: Int)] = []
    }

    public func write(_ sheet: SheetMapping, context: MappingExportContext) throws -> MappingSheet? {
        let role = sheet.role
        let nodes = context.nodesInTreeOrder
        guard !nodes.isEmpty else { return nil }
        var out = MappingSheet(role: role, name: context.sheetName(for: role))
        let headerRow = sheet.headerRow ?? 1
        out.headerRows = [headerRow]
        let years = Array(Set(nodes.flatMap { $0.indicators.flatMap { $0.targets.map(\.year) } })).sorted()

        // The header.
        var next = 1
        func place(_ rules: [String: ColumnRule], order: [String]) -> Part {
            var part = Part(rules: rules)
            for field in order {
                guard let rule = rules[field] else { continue }
                if field == "targets" {
                    for year in years {
                        out[headerRow, next] = HeaderAlias(rule.headers.first ?? "Target *").text(filler: String(year))
                        part.years.append((year, next))
                        next += 1
                    }
                    continue
                }
                out[headerRow, next] = rule.headers.first.map { HeaderAlias($0).text() } ?? field
                part.columns[field] = next
                next += 1
            }
            return part
        }
        let groups = sheet.levels.map { place($0.columns, order: Self.groupOrder) }
        var codeColumns: [Int] = []
        for code in sheet.codes {
            out[headerRow, next] = code.column.headers.first.map { HeaderAlias($0).text() } ?? "Kode"
            codeColumns.append(next)
            next += 1
        }
        let shared = sheet.codes.isEmpty ? Part(rules: [:]) : place(sheet.columns, order: Self.sharedOrder)
        for column in 1..<next { out.columnWidths[column] = 24 }

        // The rows.
        var row = headerRow + 1
        let groupLevels = sheet.levels.map(\.level)
        let codeLevels = sheet.codes.map(\.level)
        for node in nodes {
            let inGroups = groupLevels.contains(node.level)
            let inCodes = codeLevels.contains(node.level)
            guard inGroups || inCodes else { continue }
            let children = context.children(of: node.id).filter { groupLevels.contains($0.level) || codeLevels.contains($0.level) }
            // A group node gets its own row only where no child row repeats it (or, one indicator
            // per row, to write its further indicators); a code node always.
            let split = sheet.indicatorSplit == .none
            guard inCodes || children.isEmpty || (split && node.indicators.count > 1) else { continue }
            let path = ancestors(of: node, context: context).filter { groupLevels.contains($0.level) }
            let indicatorRows = sheet.indicatorSplit == .none ? max(1, node.indicators.count) : 1
            for indicatorRow in 0..<indicatorRows {
                for ancestor in path {
                    let index = groupLevels.firstIndex(of: ancestor.level)!
                    let only = split ? (ancestor.id == node.id ? indicatorRow : 0) : nil
                    write(ancestor, part: groups[index], group: sheet.levels[index], row: row, onlyIndicator: only, sheet: sheet, into: &out, context: context)
                }
                if inCodes, let level = codeLevels.firstIndex(of: node.level) {
                    for (index, column) in codeColumns.enumerated() where index <= level {
                        guard let codeLevel = codeLevels[index] else { continue }
                        let owner = codeLevel == node.level ? node : context.ancestor(of: node, at: codeLevel)
                        if let code = owner?.nomenclature?.code { out[row, column] = code }
                    }
                    if node.nomenclature?.code == nil {
                        context.warn("code-missing", "\"\(node.statement)\" has no program / kegiatan / sub kegiatan code, which this layout needs to tell its level", at: out.name)
                    } else {
                        context.carried(.node, of: node.id)
                        context.carried(.level, of: node.id)
                    }
                    let only = sheet.indicatorSplit == .none ? indicatorRow : nil
                    writeFields(node, part: shared, row: row, onlyIndicator: only, nomenclatureKind: sheet.codes[level].nomenclatureKind,
                                planning: sheet.codes[level].planning, sheet: sheet, into: &out, context: context)
                }
                row += 1
            }
        }
        return out
    }

    private func ancestors(of node: Kinerja, context: MappingExportContext) -> [Kinerja] {
        var result: [Kinerja] = []
        var current: Kinerja? = node
        while let candidate = current, result.count <= context.model.nodes.count {
            result.insert(candidate, at: 0)
            current = context.parent(of: candidate)
        }
        return result
    }

    private func write(_ node: Kinerja, part: Part, group: LevelGroup, row: Int, onlyIndicator: Int?, sheet: SheetMapping,
                       into out: inout MappingSheet, context: MappingExportContext) {
        context.carried(.node, of: node.id)
        context.carried(.level, of: node.id)
        writeFields(node, part: part, row: row, onlyIndicator: onlyIndicator, nomenclatureKind: group.nomenclatureKind,
                    planning: group.planning, sheet: sheet, into: &out, context: context)
    }

    private func writeFields(_ node: Kinerja, part: Part, row: Int, onlyIndicator: Int?, nomenclatureKind: Nomenklatur.Kind?,
                             planning: KomponenPerencanaan?, sheet: SheetMapping, into out: inout MappingSheet, context: MappingExportContext) {
        let role = sheet.role
        if let column = part.columns["statement"] { out[row, column] = context.text(node, on: role) }
        if planning != nil, planning == node.planning { context.carried(.planning, of: node.id) }
        if let column = part.columns["planning"], let label = node.stages[role]?.planningLabel { out[row, column] = label }
        if let column = part.columns["position"], let label = node.stages[role]?.positionLabel { out[row, column] = label }
        if let nomenclature = node.nomenclature, nomenclature.kind == nomenclatureKind {
            if let column = part.columns["nomenclature"] { out[row, column] = nomenclature.name }
            if let column = part.columns["nomenclature-code"], let code = nomenclature.code { out[row, column] = code }
            if let column = part.columns["nomenclature-statement"], let statement = nomenclature.statement { out[row, column] = statement }
            if part.columns["nomenclature"] != nil || nomenclature.code != nil { context.carried(.nomenclature, of: node.id) }
        }
        let indicators = onlyIndicator.map { index in index < node.indicators.count ? [node.indicators[index]] : [] } ?? node.indicators
        guard !indicators.isEmpty, let indicatorColumn = part.columns["indicator"] else { return }
        out[row, indicatorColumn] = indicators.map(\.name).joined(separator: "\n")
        context.carried(.indicators, of: node.id)
        let unitColumn = part.columns["unit"]
        if let unitColumn {
            out[row, unitColumn] = indicators.map { $0.unit ?? "-" }.joined(separator: "\n")
            if indicators.allSatisfy({ $0.unit == nil }) { out[row, unitColumn] = nil }
            context.carried(.units, of: node.id)
        }
        func cell(_ year: Int, withUnit: Bool) -> String? {
            let values = indicators.map { indicator -> String in
                guard let target = indicator.targets.first(where: { $0.year == year }) else { return "-" }
                return withUnit && unitColumn == nil ? TargetText.join(value: target.value, unit: indicator.unit) : target.value
            }
            return values.allSatisfy { $0 == "-" } ? nil : values.joined(separator: "\n")
        }
        if let column = part.columns["target"], let rule = part.rules["target"], let year = rule.year {
            out[row, column] = cell(year, withUnit: rule.withUnit)
            if rule.withUnit { context.carried(.units, of: node.id) }
            if indicators.allSatisfy({ $0.targets.allSatisfy { $0.year == year } }) { context.carried(.targets, of: node.id) }
        }
        for (year, column) in part.years {
            out[row, column] = cell(year, withUnit: part.rules["targets"]?.withUnit ?? false)
            context.carried(.targets, of: node.id)
        }
    }
}

import PokinCore
import PokinMapping
import PokinModel

/// A `matrix` sheet (the cascading matrix): one column per planning level, left to right from
/// Tujuan to Sasaran Sub Kegiatan, its header naming the level with the job on the row below;
/// each node a box of lines in its level's column — a sub kegiatan's name, the node's wording on
/// the cascading sheet, a program's or kegiatan's name (or the sub kegiatan's own sasaran), the
/// indicators, the nomenclature's indicators — laid out beside its parent as the tree goes.
/// Crosscutting CSFs follow under a "Crosscutting" heading, each with the marker and partner.
///
/// The matrix reader does not create nodes (it finds the tahap sheets' nodes by their wording),
/// so it carries only the cascading wording, labels and the nomenclature.
public struct MatrixSheetWriter: MappingSheetWriter {
    public init() {}

    public func write(_ sheet: SheetMapping, context: MappingExportContext) throws -> MappingSheet? {
        var grid = MappingSheet(role: sheet.role, name: context.sheetName(for: sheet.role))
        let vocabulary = context.mapping.vocabulary
        let shown = context.nodes(on: sheet.role)
        guard !shown.isEmpty else { return nil }
        let shownIDs = Set(shown.map(\.id))
        let plannings = KomponenPerencanaan.allCases

        // The column each node's box goes in: where its cascading label puts it, else its planning level.
        func planning(of node: Kinerja) -> KomponenPerencanaan {
            if let label = node.stages[sheet.role]?.planningLabel, let read = vocabulary.planning(label) { return read }
            return node.planning ?? LevelTable.planning(for: node.level)
        }
        var planningLabels: [KomponenPerencanaan: String] = [:]
        var positionLabels: [KomponenPerencanaan: String] = [:]
        for node in shown {
            let column = planning(of: node)
            if planningLabels[column] == nil, let label = node.stages[sheet.role]?.planningLabel, vocabulary.planning(label) == column {
                planningLabels[column] = label
            }
            if positionLabels[column] == nil, let label = node.stages[sheet.role]?.positionLabel, vocabulary.position(label) != nil {
                positionLabels[column] = label
            }
        }
        if !context.usesStageRecords || shown.allSatisfy({ $0.stages[sheet.role] == nil }) {
            for node in shown where positionLabels[planning(of: node)] == nil {
                if let position = node.position { positionLabels[planning(of: node)] = context.words.word(position) }
            }
        }

        // The header: level words over the job words, found by the mapping's `find` rule.
        var header = SheetMapping(role: sheet.role)
        header.headerRow = sheet.headerRow
        header.headerFind = sheet.headerFind
        header.headerRows = sheet.headerRows
        var fields: [String] = []
        for (index, level) in plannings.enumerated() {
            let field = "matrix-\(index + 1)"
            fields.append(field)
            let levelWord = planningLabels[level] ?? context.words.word(level).uppercased()
            let jobWord = positionLabels[level]
            var rule = ColumnRule(headers: [sheet.headerRows >= 2 ? [levelWord, jobWord].compactMap { $0 }.joined(separator: " › ") : levelWord])
            rule.letter = CellAddress.columnName(index + 1)
            header.columns[field] = rule
        }
        let placement = TableHeaderPlacement.place(header, fields: fields, title: TableSheetWriter.title(sheet.role, context),
                                                   into: &grid, context: context)
        for (index, level) in plannings.enumerated() {
            let column = index + 1
            grid[placement.headerRow, column] = planningLabels[level] ?? context.words.word(level).uppercased()
            if sheet.headerRows >= 2 { grid[placement.headerRow + 1, column] = positionLabels[level] }
        }

        // The boxes, depth first: a box starts level with its parent's, below the boxes already in its column.
        var nextRow = [Int](repeating: placement.firstDataRow, count: plannings.count)
        let marker = CrosscuttingMarker.prefix(for: sheet)
        func place(_ node: Kinerja, from start: Int) {
            let column = plannings.firstIndex(of: planning(of: node))!
            let row = max(start, nextRow[column])
            let lines = boxLines(node, column: plannings[column], role: sheet.role, context: context)
            for (offset, line) in lines.enumerated() { grid[row + offset, column + 1] = line }
            nextRow[column] = row + lines.count
            for child in context.children(of: node.id) where shownIDs.contains(child.id) && child.crosscutting.isEmpty {
                place(child, from: row)
            }
            // Descendants hidden from the cascading view still have their own descendants placed.
            for child in context.children(of: node.id) where !shownIDs.contains(child.id) {
                for grandchild in context.children(of: child.id) where shownIDs.contains(grandchild.id) && grandchild.crosscutting.isEmpty {
                    place(grandchild, from: row)
                }
            }
        }
        var placed = Set<String>()
        for node in context.nodesInTreeOrder where shownIDs.contains(node.id) && node.crosscutting.isEmpty {
            // Roots of the cascading view: nodes whose parent it does not show.
            if let parent = context.parent(of: node), shownIDs.contains(parent.id) || (context.parent(of: parent).map { shownIDs.contains($0.id) } ?? false) { continue }
            place(node, from: placement.firstDataRow)
            placed.insert(node.id)
        }
        let crosscutting = context.nodesInTreeOrder.filter { shownIDs.contains($0.id) && !$0.crosscutting.isEmpty }
        if !crosscutting.isEmpty {
            var row = (nextRow.max() ?? placement.firstDataRow) + 1
            let column = plannings.firstIndex(of: .sasaranSKPD)! + 1
            grid[row, column] = "Crosscutting"
            row += 1
            for node in crosscutting {
                grid[row, column] = context.text(node, on: sheet.role)
                row += 1
                for partner in node.crosscutting {
                    grid[row, column] = (marker ?? "CROSSCUTTING ") + partner.partner
                    row += 1
                }
            }
        }
        return grid
    }

    /// A node's box: [sub kegiatan name], wording, [program / kegiatan name or the sub kegiatan's
    /// sasaran], indicators, the nomenclature's indicators.
    private func boxLines(_ node: Kinerja, column: KomponenPerencanaan, role: StageRole, context: MappingExportContext) -> [String] {
        let kind: Nomenklatur.Kind?
        switch column {
        case .sasaranProgram: kind = .program
        case .sasaranKegiatan: kind = .kegiatan
        case .sasaranSubKegiatan: kind = .subKegiatan
        default: kind = nil
        }
        var lines: [String] = []
        let nomenclature = kind == nil ? nil : node.nomenclature
        if let nomenclature, kind == .subKegiatan { lines.append(nomenclature.name) }
        lines.append(context.text(node, on: role))
        if let nomenclature {
            if kind == .subKegiatan {
                if let statement = nomenclature.statement { lines.append(statement) }
            } else {
                lines.append(nomenclature.name)
            }
            // The matrix reads the name, a sub kegiatan's sasaran and the indicators back, with the
            // kind of the column; a code it cannot hold.
            if nomenclature.kind == kind, nomenclature.code == nil { context.carried(.nomenclature, of: node.id) }
        }
        let indicators = node.stages[role].map { $0.indicators ?? [] } ?? node.indicators.map(\.name)
        lines += indicators
        lines += nomenclature?.indicators ?? []
        return lines.map { $0.replacingOccurrences(of: "\n", with: " ") }
    }
}

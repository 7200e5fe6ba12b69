import PokinCore
import PokinModel

/// Drafting a `layout: levels` sheet: a header with two or more statement columns (Tujuan,
/// Sasaran Strategis, Sasaran Program, Level 1 …), each followed by its indicator, is a path per
/// row. Each statement column starts a level; the columns up to the next one are its fields.
extension MappingInference {
    struct DraftLevel {
        var level: Level
        var planning: KomponenPerencanaan?
        var statement: (header: String, letter: String)
        var fields: [(field: String, header: String, letter: String)] = []
        var years: [String] = []
        var unplaced: [String] = []
    }

    func draftLevels(header: Row) -> [DraftLevel] {
        let cells = header.cells.map { (column: $0.column, text: TableExtractor.clean($0.value.displayText)) }.filter { !$0.text.isEmpty }
        let starts = cells.filter { field(forHeader: $0.text) == "statement" }
        guard starts.count >= 2 else { return [] }
        var groups: [DraftLevel] = []
        for (index, start) in starts.enumerated() {
            let end = index + 1 < starts.count ? starts[index + 1].column : Int.max
            let named = vocabulary.level(start.text) ?? vocabulary.planning(start.text).map(LevelTable.level(for:))
            var group = DraftLevel(level: named ?? .outcome, planning: vocabulary.planning(start.text),
                                   statement: (start.text, CellAddress.columnName(start.column)))
            if named == nil { group.level = Level.allCases[min(index, Level.allCases.count - 1)] }
            var taken = Set<String>()
            for cell in cells where cell.column > start.column && cell.column < end {
                let letter = CellAddress.columnName(cell.column)
                if TableExtractor.year(in: cell.text) != nil, field(forHeader: cell.text) == nil || TextKey(cell.text).loose.hasPrefix("target") {
                    group.years.append(cell.text)
                } else if let field = field(forHeader: cell.text), ["indicator", "unit", "nomenclature", "crosscutting", "notes"].contains(field), !taken.contains(field) {
                    taken.insert(field)
                    group.fields.append((field, cell.text, letter))
                } else {
                    group.unplaced.append("\(letter) \"\(cell.text)\"")
                }
            }
            groups.append(group)
        }
        // A layout of levels has indicators beside its statements, and levels going down.
        guard groups.filter({ $0.fields.contains { $0.field == "indicator" } }).count >= 2 else { return [] }
        let depths = groups.map(\.level.depth)
        if depths != depths.sorted() || Set(depths).count != depths.count {
            for index in groups.indices { groups[index].level = Level.allCases[min(index, Level.allCases.count - 1)] }
        }
        return groups
    }

    func levelsYAML(_ groups: [DraftLevel]) -> [String] {
        var lines = ["    header: {find: [\(Self.quoted(groups[0].statement.header))]}",
                     "    layout: levels   # each row is a path down the tree; parents repeated, blank or merged",
                     "    levels:"]
        for group in groups {
            lines.append("      - level: \(group.level.rawValue)   # from column \(group.statement.letter)")
            if let planning = group.planning {
                lines.append("        planning: \(planning.rawValue)")
                switch planning {
                case .sasaranProgram: lines.append("        nomenclature: program")
                case .sasaranKegiatan: lines.append("        nomenclature: kegiatan")
                case .sasaranSubKegiatan: lines.append("        nomenclature: sub-kegiatan")
                default: break
                }
            }
            lines.append("        columns:")
            lines.append("          statement: [\(Self.quoted(group.statement.header))]")
            for field in group.fields {
                lines.append("          \(field.field): [\(Self.quoted(field.header))]   # column \(field.letter)")
            }
            if !group.years.isEmpty {
                lines.append("          targets: {header: [\(group.years.map(Self.quoted).joined(separator: ", "))]}")
            }
            for item in group.unplaced { lines.append("          # not placed: \(item)") }
        }
        return lines
    }
}

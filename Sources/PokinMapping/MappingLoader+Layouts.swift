import PokinModel
import Yams

/// Reading the keys of the `levels` and `long` layouts: `levels:`, `codes:` and `rows:`.
extension MappingLoader {
    mutating func levelGroups(_ node: Node, _ path: String) -> [LevelGroup] {
        guard let items = node.sequence else {
            reportProblem(node, "\(path) must be a list of levels, each `- level: …` with its `columns:`")
            return []
        }
        var result: [LevelGroup] = []
        for (index, item) in items.enumerated() {
            let itemPath = "\(path)[\(index + 1)]"
            guard let fields = mappingNode(item, itemPath) else { continue }
            var group = LevelGroup(level: .outcome)
            group.line = item.mark?.line
            var sawLevel = false
            for (keyNode, value) in fields {
                switch keyNode.string {
                case "level":
                    sawLevel = true
                    if let text = stringNode(value, "\(itemPath).level") {
                        if let level = Level(rawValue: text) { group.level = level } else { badChoice(value, text, Level.allCases.map(\.rawValue)) }
                    }
                case "planning": group.planning = planning(value, "\(itemPath).planning")
                case "nomenclature": group.nomenclatureKind = nomenclatureKind(value, "\(itemPath).nomenclature")
                case "columns":
                    guard let columns = mappingNode(value, "\(itemPath).columns") else { continue }
                    for (fieldNode, ruleNode) in columns {
                        guard let field = fieldNode.string else { continue }
                        guard LevelGroup.fields.contains(field) else {
                            reportProblem(fieldNode, "unknown field \"\(field)\" in a level; fields are \(LevelGroup.fields.sorted().joined(separator: ", "))")
                            continue
                        }
                        if let rule = columnRuleForLayout(ruleNode, "\(itemPath).columns.\(field)") { group.columns[field] = rule }
                    }
                default:
                    reportProblem(keyNode, "unknown key \"\(keyNode.string ?? "")\" in a level; use level, planning, nomenclature, columns")
                }
            }
            if !sawLevel { reportProblem(item, "\(itemPath): say which level it is (`level: outcome`, `csf`, `kondisi-antara-utama`, `kondisi-antara` or `kondisi-operasional`)") }
            if group.columns["statement"] == nil { reportProblem(item, "\(itemPath): a level needs its statement column (`columns: {statement: [...]}`)") }
            result.append(group)
        }
        for (index, group) in result.enumerated() {
            if let earlier = result[..<index].first(where: { $0.level.depth >= group.level.depth }) {
                reportProblem(items[index], "\(path)[\(index + 1)]: the levels go from the top of the tree down, but \(group.level.rawValue) comes after \(earlier.level.rawValue)")
                break
            }
        }
        return result
    }

    mutating func codeLevels(_ node: Node, _ path: String) -> [CodeLevel] {
        guard let items = node.sequence else {
            reportProblem(node, "\(path) must be a list of code columns, each `- column: [header]` with its `level:`")
            return []
        }
        var result: [CodeLevel] = []
        for (index, item) in items.enumerated() {
            let itemPath = "\(path)[\(index + 1)]"
            guard let fields = mappingNode(item, itemPath) else { continue }
            var code = CodeLevel(column: ColumnRule())
            code.line = item.mark?.line
            var sawColumn = false
            for (keyNode, value) in fields {
                switch keyNode.string {
                case "column":
                    sawColumn = true
                    if let rule = columnRuleForLayout(value, "\(itemPath).column") { code.column = rule }
                case "level":
                    if let text = stringNode(value, "\(itemPath).level") {
                        if let level = Level(rawValue: text) { code.level = level } else { badChoice(value, text, Level.allCases.map(\.rawValue)) }
                    }
                case "planning": code.planning = planning(value, "\(itemPath).planning")
                case "nomenclature": code.nomenclatureKind = nomenclatureKind(value, "\(itemPath).nomenclature")
                default:
                    reportProblem(keyNode, "unknown key \"\(keyNode.string ?? "")\" in a code column; use column, level, planning, nomenclature")
                }
            }
            if !sawColumn { reportProblem(item, "\(itemPath): say which column holds the code (`column: [Kode Program]`)") }
            result.append(code)
        }
        let depths = result.compactMap { $0.level?.depth }
        if depths != depths.sorted() || Set(depths).count != depths.count {
            reportProblem(node, "\(path): list the code columns from the top level down (program before kegiatan before sub kegiatan), each level once")
        }
        return result
    }

    mutating func rowKinds(_ node: Node, _ path: String) -> LongRowKinds {
        var kinds = LongRowKinds()
        kinds.line = node.mark?.line
        guard let fields = mappingNode(node, path) else { return kinds }
        for (keyNode, value) in fields {
            guard let key = keyNode.string else { continue }
            let words = stringListNode(value, "\(path).\(key)")
            switch key {
            case "indicator": kinds.indicator = words
            case "target": kinds.target = words
            case "ignore": kinds.ignore = words
            default:
                if let level = Level(rawValue: key) {
                    kinds.nodes.append((level, words))
                } else {
                    reportProblem(keyNode, "unknown row kind \"\(key)\"; use a level (\(Level.allCases.map(\.rawValue).joined(separator: ", "))), indicator, target or ignore")
                }
            }
        }
        return kinds
    }

    /// What each layout needs besides the keys every sheet has.
    mutating func checkLayout(_ sheet: SheetMapping, _ node: Node) {
        let role = sheet.role.rawValue
        switch sheet.layout {
        case .levels:
            if sheet.levels.isEmpty && sheet.codes.isEmpty {
                reportProblem(node, "\(role): `layout: levels` needs `levels:` (one group of columns per level) or `codes:` (code columns deciding the level)")
            }
            if !sheet.codes.isEmpty && sheet.columns["statement"] == nil {
                reportProblem(node, "\(role): with `codes:`, the node of each row is read from `columns:`, which needs a statement column")
            }
            if !sheet.codes.isEmpty && !sheet.codes.contains(where: { $0.level != nil }) {
                reportProblem(node, "\(role): at least one code column needs a `level:`")
            }
            if sheet.headerRow == nil && sheet.headerFind.isEmpty {
                reportProblem(node, "\(role): say where the header is (`header: {find: [...]}` or `header: {row: N}`)")
            }
        case .long:
            if sheet.columns["level"] == nil { reportProblem(node, "\(role): `layout: long` needs the level column (`columns: {level: [level]}`)") }
            if sheet.columns["statement"] == nil { reportProblem(node, "\(role): `layout: long` needs the statement column (`columns: {statement: [uraian]}`)") }
        default:
            if !sheet.levels.isEmpty || !sheet.codes.isEmpty { reportProblem(node, "\(role): `levels:` and `codes:` are read only with `layout: levels`") }
        }
    }

    private mutating func planning(_ node: Node, _ path: String) -> KomponenPerencanaan? {
        guard let text = stringNode(node, path) else { return nil }
        if let value = KomponenPerencanaan(rawValue: text) { return value }
        badChoice(node, text, KomponenPerencanaan.allCases.map(\.rawValue))
        return nil
    }

    private mutating func nomenclatureKind(_ node: Node, _ path: String) -> Nomenklatur.Kind? {
        guard let text = stringNode(node, path) else { return nil }
        if let value = Nomenklatur.Kind(rawValue: text) { return value }
        badChoice(node, text, Nomenklatur.Kind.allCases.map(\.rawValue))
        return nil
    }

    private mutating func badChoice(_ node: Node, _ value: String, _ allowed: [String]) {
        reportProblem(node, "\"\(value)\" is not one of: \(allowed.joined(separator: ", "))")
    }
}

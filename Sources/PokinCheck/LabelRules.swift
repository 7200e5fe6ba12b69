import PokinMapping
import PokinModel

/// The label columns of each stage (level / class word, planning component, job) and the
/// columns the node texts sit in: unknown words, one value written several ways, mixed
/// capitalisation, and a text shifted out of its column.
enum LabelRules {
    enum Axis: String, CaseIterable {
        case level, planning, position

        var columnNameID: String {
            switch self {
            case .level: return "Keterangan (level/jenis kinerja)"
            case .planning: return "komponen perencanaan"
            case .position: return "kinerja jabatan"
            }
        }
        var columnNameEN: String {
            switch self {
            case .level: return "Keterangan (level / performance class)"
            case .planning: return "planning component"
            case .position: return "job"
            }
        }
    }

    private struct Label {
        var node: Kinerja
        var text: String
        var at: String?
        var value: String?
    }

    static func run(_ context: CheckContext) -> [Finding] {
        var findings: [Finding] = []
        for role in StageRole.allCases where context.presentStages.contains(role) {
            for axis in Axis.allCases {
                let labels = self.labels(role, axis, context)
                guard !labels.isEmpty else { continue }
                findings += unknown(labels, role, axis)
                findings += variants(labels, role, axis)
                if let finding = caseStyle(labels, role, axis) { findings.append(finding) }
            }
            if role != .cascading, role != .pohon { findings += shifted(role, context) }
        }
        return findings
    }

    /// The labels of one column of a stage, in sheet order, with the value each one means.
    private static func labels(_ role: StageRole, _ axis: Axis, _ context: CheckContext) -> [Label] {
        let vocabulary = context.words
        var rows = context.rows(of: role).map(\.node)
        // Records without a cell still have labels; keep them, after the located ones.
        rows += context.nodes.filter { $0.stages[role] != nil && $0.stages[role]?.at.flatMap(StageCell.init) == nil }
        return rows.compactMap { node in
            guard let record = node.stages[role] else { return nil }
            let text: String?
            let value: String?
            switch axis {
            case .level:
                text = record.levelLabel
                if role == .tahap3 || role == .tahap2 || role == .tahap1 {
                    value = text.flatMap { vocabulary.level($0)?.rawValue ?? vocabulary.performance($0).map { "class:" + $0.rawValue } }
                } else {
                    value = text.flatMap { vocabulary.performance($0).map { "class:" + $0.rawValue } ?? vocabulary.level($0)?.rawValue }
                }
            case .planning:
                text = record.planningLabel
                value = text.flatMap { vocabulary.planning($0)?.rawValue }
            case .position:
                text = record.positionLabel
                value = text.flatMap { vocabulary.position($0)?.rawValue }
            }
            guard let text, !WordingDrift.plain(text).isEmpty else { return nil }
            return Label(node: node, text: text, at: record.at, value: value)
        }
    }

    private static func unknown(_ labels: [Label], _ role: StageRole, _ axis: Axis) -> [Finding] {
        labels.filter { $0.value == nil }.map { label in
            Finding(RuleCatalog.unknownLabel, Localized(
                id: "\(Terms.quote(label.text)) di kolom \(axis.columnNameID) \(Terms.stage(role)) (baris \(Terms.quote(label.node.statement))) bukan kata yang dikenal.",
                en: "\(Terms.quote(label.text)) in the \(axis.columnNameEN) column of \(Terms.stage(role)) (row \(Terms.quote(label.node.statement))) is not a known word."),
                at: label.at, node: label.node.id, stage: role)
        }
    }

    private static func variants(_ labels: [Label], _ role: StageRole, _ axis: Axis) -> [Finding] {
        var byValue: [String: [Label]] = [:]
        var order: [String] = []
        for label in labels {
            guard let value = label.value else { continue }
            if byValue[value] == nil { order.append(value) }
            byValue[value, default: []].append(label)
        }
        return order.compactMap { value in
            let group = byValue[value]!
            var counts: [String: Int] = [:]
            var spellings: [String] = []
            for label in group {
                let plain = WordingDrift.plain(label.text)
                if counts[plain] == nil { spellings.append(plain) }
                counts[plain, default: 0] += 1
            }
            guard spellings.count > 1 else { return nil }
            let common = spellings.max { counts[$0]! < counts[$1]! }!
            let odd = group.filter { WordingDrift.plain($0.text) != common }
            let listed = spellings.map { "\(Terms.quote($0)) (\(counts[$0]!)×)" }
            let meaning = meaningName(value)
            return Finding(RuleCatalog.labelVariants, Localized(
                id: "Kolom \(axis.columnNameID) \(Terms.stage(role)) menulis \(meaning) dengan \(spellings.count) cara: \(Terms.list(listed, .id)).",
                en: "The \(axis.columnNameEN) column of \(Terms.stage(role)) writes \(meaning) \(spellings.count) ways: \(Terms.list(listed, .en))."),
                at: odd.first?.at, related: odd.dropFirst().compactMap(\.at), node: odd.first?.node.id, stage: role)
        }
    }

    private static func meaningName(_ value: String) -> String {
        if value.hasPrefix("class:"), let performance = JenisKinerja(rawValue: String(value.dropFirst(6))) { return Terms.performance(performance) }
        if let level = Level(rawValue: value) { return Terms.level(level) }
        if let planning = KomponenPerencanaan(rawValue: value) { return Terms.planning(planning) }
        if let position = Jabatan(rawValue: value) { return Terms.position(position) }
        return value
    }

    private static func caseStyle(_ labels: [Label], _ role: StageRole, _ axis: Axis) -> Finding? {
        let styled = labels.map { ($0, LabelStyle.styles(of: $0.text)) }
        let common = styled.reduce(Set(LabelStyle.allCases)) { $0.intersection($1.1) }
        guard common.isEmpty else { return nil }
        // The style most labels share, and the labels that do not fit it.
        let best = LabelStyle.allCases.max { a, b in
            styled.filter { $0.1.contains(a) }.count < styled.filter { $0.1.contains(b) }.count
        }!
        let odd = styled.filter { !$0.1.contains(best) }.map(\.0)
        let fitting = styled.filter { $0.1.contains(best) }.map(\.0)
        var examples: [String] = []
        for label in fitting.prefix(1) + odd {
            let plain = WordingDrift.plain(label.text)
            if !examples.contains(plain) { examples.append(plain) }
            if examples.count == 4 { break }
        }
        let quoted = examples.map(Terms.quote)
        return Finding(RuleCatalog.labelCaseStyle, Localized(
            id: "Kolom \(axis.columnNameID) \(Terms.stage(role)) mencampur gaya huruf: \(Terms.list(quoted, .id)).",
            en: "The \(axis.columnNameEN) column of \(Terms.stage(role)) mixes capitalisation: \(Terms.list(quoted, .en))."),
            at: odd.first?.at, related: odd.dropFirst().compactMap(\.at), node: odd.first?.node.id, stage: role)
    }

    /// A node text in another column than every other node of its level on the same sheet.
    private static func shifted(_ role: StageRole, _ context: CheckContext) -> [Finding] {
        var groups: [Level: [(node: Kinerja, cell: StageCell)]] = [:]
        for row in context.rows(of: role) { groups[context.ladderLevel(row.node, role), default: []].append(row) }
        var findings: [Finding] = []
        for level in Level.allCases {
            guard let group = groups[level], group.count >= 3 else { continue }
            var counts: [Int: Int] = [:]
            for row in group { counts[row.cell.cell.column, default: 0] += 1 }
            let ranked = counts.sorted { $0.value > $1.value }
            guard let top = ranked.first, top.value >= 2, ranked.count > 1, top.value > ranked[1].value else { continue }
            let column = CellAddressName.column(top.key)
            for row in group where row.cell.cell.column != top.key {
                let text = Terms.quote(context.text(row.node, role))
                let own = CellAddressName.column(row.cell.cell.column)
                let others = group.filter { $0.cell.cell.column == top.key }.prefix(3).compactMap { context.cell($0.node, role) }
                findings.append(Finding(RuleCatalog.shiftedCell, Localized(
                    id: "Di \(Terms.stage(role)), \(text) (\(Terms.level(level))) tertulis di kolom \(own), padahal \(top.value) baris \(Terms.level(level)) lainnya di kolom \(column).",
                    en: "On \(Terms.stage(role)), \(text) (\(Terms.level(level))) is written in column \(own), while \(top.value) other \(Terms.level(level)) rows are in column \(column)."),
                    at: context.cell(row.node, role), related: Array(others), node: row.node.id, stage: role))
            }
        }
        return findings
    }
}

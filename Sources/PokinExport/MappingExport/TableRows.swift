import PokinCore
import PokinMapping
import PokinModel

/// One row of a table sheet as a writer lays it down: field → text, the targets by year, and
/// whether a CSF group starts on it.
public struct TableRow: Sendable {
    public var values: [String: String] = [:]
    public var targets: [(year: Int, text: String)] = []
    public var startsGroup = false

    public init() {}
}

/// The rows of one table sheet: each node of the stage with its fields as the mapping's reader
/// reads them, and what each row carries noted in the context.
///
/// Each field is written the way the stage that owns it read it: the level on Tahap 1–3, the
/// kinerja class and the indicators (with units and targets) on Tahap 4, the planning component
/// and the job on Tahap 5 — or, where the mapping has no such column there, on the first stage
/// that has one. A stage's own label (as the agency wrote it) is kept where it still reads back
/// to the model's value, so a round trip writes each sheet back as it was.
struct TableRows {
    let sheet: SheetMapping
    let context: MappingExportContext
    let nodes: [Kinerja]
    private let marker: String?

    init(sheet: SheetMapping, context: MappingExportContext) {
        self.sheet = sheet
        self.context = context
        nodes = context.nodes(on: sheet.role, cellOrder: sheet.restated.isEmpty)
        marker = CrosscuttingMarker.prefix(for: sheet)
    }

    var role: StageRole { sheet.role }

    /// The years any indicator of the model has a target for.
    var targetYears: [Int] {
        guard sheet.columns["targets"] != nil else { return [] }
        return Set(context.model.nodes.flatMap { $0.indicators.flatMap { $0.targets.map(\.year) } }).sorted()
    }

    // MARK: Ownership

    private func tableSheet(_ role: StageRole) -> SheetMapping? {
        context.mapping.sheet(role).flatMap { $0.layout == .table ? $0 : nil }
    }

    /// The stage that writes `fields` of the node for the reader to take: `preferred` when its
    /// sheet has one of the columns and shows the node, else the first stage (in reading order)
    /// that does.
    func owner(of fields: [String], preferring preferred: StageRole, for node: Kinerja) -> StageRole? {
        let order = [preferred] + [StageRole.tahap1, .tahap2, .tahap3, .tahap4, .tahap5].filter { $0 != preferred }
        for role in order {
            guard let mapped = tableSheet(role), fields.contains(where: { mapped.columns[$0] != nil }) else { continue }
            if context.shows(node, on: role) { return role }
        }
        return nil
    }

    /// The stage that writes a node's crosscutting partners: Tahap 3 written group by group,
    /// else the first stage (Tahap 2, 3, 1, 4, 5) whose sheet has a column the mapping looks for
    /// the marker in (or a partner column) and shows the node.
    func owner(ofPartners node: Kinerja) -> StageRole? {
        if let tahap3 = tableSheet(.tahap3), tahap3.columns["parent"] != nil, context.shows(node, on: .tahap3),
           tahap3.crosscuttingIn.contains(where: { $0 != "parent" && tahap3.columns[$0] != nil }) {
            return .tahap3
        }
        for role in [StageRole.tahap2, .tahap3, .tahap1, .tahap4, .tahap5] {
            guard let mapped = tableSheet(role), context.shows(node, on: role) else { continue }
            if mapped.crosscuttingIn.contains(where: { ["crosscutting", "notes", "level"].contains($0) && mapped.columns[$0] != nil }) {
                return role
            }
        }
        return nil
    }

    private func owns(_ fields: [String], preferring preferred: StageRole, _ node: Kinerja) -> Bool {
        owner(of: fields, preferring: preferred, for: node) == role
    }

    // MARK: Rows

    /// One row per node (Tahap 1, 2, 4, 5 and any one-row-per-node sheet).
    func plainRows() -> [TableRow] {
        var rows: [TableRow] = []
        var lastParent: String?
        for (index, node) in nodes.enumerated() {
            var row = fields(of: node, index: index)
            if sheet.columns["parent"] != nil, let parent = context.parent(of: node) {
                let text = context.text(parent, on: role)
                // A parent column that fills down is written where it changes.
                if !(sheet.fillDown.contains("parent") && text == lastParent) { row.values["parent"] = text }
                lastParent = text
            }
            if owner(ofPartners: node) == role, sheet.columns["crosscutting"] == nil || !sheet.crosscuttingIn.contains("crosscutting") {
                writeMarkedPartners(node, into: &row, fields: ["notes", "level"])
            }
            rows.append(row)
            rows += extraIndicatorRows(node)
        }
        return rows
    }

    /// Tahap 3 with a CSF column: the CSF at the first row of its group, its conditions below.
    func conditionRows() -> [TableRow] {
        var rows: [TableRow] = []
        var current: String?
        var pending: Kinerja?
        func flush() {
            guard let csf = pending else { return }
            var row = TableRow()
            row.values["parent"] = context.text(csf, on: role)
            row.startsGroup = true
            rows.append(row)
            pending = nil
        }
        for (index, node) in nodes.enumerated() {
            if node.level == .csf {
                flush()
                context.carried(.node, of: node.id)
                context.carried(.level, of: node.id)
                if node.crosscutting.isEmpty {
                    pending = node
                } else {
                    rows += partnerRows(node)
                }
                current = node.id
                continue
            }
            guard node.level != .outcome else { continue }
            let csf = context.ancestor(of: node, at: .csf)
            var row = fields(of: node, index: index)
            if let waiting = pending, waiting.id == csf?.id {
                row.values["parent"] = context.text(waiting, on: role)
                row.startsGroup = true
                pending = nil
            } else {
                flush()
                if csf?.id != current, let csf {
                    row.values["parent"] = context.text(csf, on: role)
                    row.startsGroup = true
                }
            }
            current = csf?.id
            rows.append(row)
            rows += extraIndicatorRows(node)
        }
        flush()
        return rows
    }

    /// A crosscutting CSF on Tahap 3: one row per partner, the marker and the partner in the
    /// first column the mapping looks for the marker in.
    private func partnerRows(_ csf: Kinerja) -> [TableRow] {
        let field = sheet.crosscuttingIn.first { $0 != "parent" && sheet.columns[$0] != nil }
        var rows: [TableRow] = []
        if field == "crosscutting" {
            var row = TableRow()
            row.values["parent"] = context.text(csf, on: role)
            row.values["crosscutting"] = csf.crosscutting.map(\.partner).joined(separator: "\n")
            row.startsGroup = true
            context.carried(.crosscutting, of: csf.id)
            return [row]
        }
        for (offset, partner) in csf.crosscutting.enumerated() {
            var row = TableRow()
            if offset == 0 {
                row.values["parent"] = context.text(csf, on: role)
                row.startsGroup = true
            }
            if let field, let marker { row.values[field] = marker + partner.partner }
            rows.append(row)
        }
        if field != nil, marker != nil { context.carried(.crosscutting, of: csf.id) }
        if rows.isEmpty { var row = TableRow(); row.values["parent"] = context.text(csf, on: role); row.startsGroup = true; rows = [row] }
        return rows
    }

    /// Partners written with the marker in a column that holds nothing else (one partner per
    /// row: the reader takes the text after the marker).
    private func writeMarkedPartners(_ node: Kinerja, into row: inout TableRow, fields: [String]) {
        guard !node.crosscutting.isEmpty, let marker else { return }
        for field in fields where sheet.crosscuttingIn.contains(field) && sheet.columns[field] != nil && row.values[field] == nil {
            guard node.crosscutting.count == 1 else { continue }
            row.values[field] = marker + node.crosscutting[0].partner
            context.carried(.crosscutting, of: node.id)
            return
        }
    }

    /// With one indicator per cell (`indicators: none`), each further indicator on a row of its own.
    private func extraIndicatorRows(_ node: Kinerja) -> [TableRow] {
        guard sheet.indicatorSplit == .none, sheet.columns["indicator"] != nil else { return [] }
        return indicatorNames(node).dropFirst().map { name in
            var row = TableRow()
            row.values["indicator"] = name
            return row
        }
    }

    private func indicatorNames(_ node: Kinerja) -> [String] {
        let owner = owns(["indicator"], preferring: .tahap4, node)
        return (owner ? node.indicators.map(\.name) : context.indicatorNames(node, on: role))
            .map { $0.replacingOccurrences(of: "\n", with: " ") }
    }

    /// The fields of one node's row.
    private func fields(of node: Kinerja, index: Int) -> TableRow {
        var row = TableRow()
        let record = node.stages[role]
        func set(_ field: String, _ text: String?) {
            guard sheet.columns[field] != nil, let text, !text.isEmpty else { return }
            row.values[field] = text
        }
        context.carried(.node, of: node.id)
        set("id", node.id)
        set("parent-id", node.parent)
        set("numbering", "\(index + 1)")
        set("stage", "Tahap \(node.level == .outcome ? 1 : node.level == .csf ? 2 : 3)")
        set("statement", context.text(node, on: role))
        if (role == .tahap1 && node.level == .outcome) || (role == .tahap2 && node.level == .csf) {
            context.carried(.level, of: node.id)
        }

        // Level words: a condition level on Tahap 1–3, a kinerja class on Tahap 4 and 5.
        let classesInLevel = (role == .tahap4 || role == .tahap5) && sheet.columns["performance"] == nil
        if sheet.columns["level"] != nil {
            if classesInLevel {
                set("level", performanceWord(node, record: record))
            } else {
                set("level", context.words.word(node.level, keeping: role <= .tahap3 ? record?.levelLabel : nil))
                context.carried(.level, of: node.id)
            }
        }
        if sheet.columns["performance"] != nil { set("performance", performanceWord(node, record: record)) }

        // Planning component and job: Tahap 5 owns them.
        if sheet.columns["planning"] != nil, let planning = node.planning ?? nil {
            let owner = owns(["planning"], preferring: .tahap5, node)
            set("planning", owner ? context.words.word(planning, keeping: record?.planningLabel)
                : record?.planningLabel ?? context.words.word(planning))
            context.carried(.planning, of: node.id)
            if LevelTable.level(for: planning) == node.level { context.carried(.level, of: node.id) }
        } else if sheet.columns["planning"] != nil, let label = record?.planningLabel {
            set("planning", label)
        }
        if sheet.columns["position"] != nil, let position = node.position {
            let owner = owns(["position"], preferring: .tahap5, node)
            set("position", owner ? context.words.word(position, keeping: record?.positionLabel)
                : record?.positionLabel ?? context.words.word(position))
            context.carried(.position, of: node.id)
        } else if sheet.columns["position"] != nil, let label = record?.positionLabel {
            set("position", label)
        }

        // Indicators, and with them (on the stage the model takes them from) units and targets.
        if sheet.columns["indicator"] != nil {
            let names = indicatorNames(node)
            set("indicator", join(names))
            if owns(["indicator"], preferring: .tahap4, node) {
                if !names.isEmpty { context.carried(.indicators, of: node.id) }
                if sheet.columns["unit"] != nil {
                    set("unit", perIndicator(node) { $0.unit })
                    context.carried(.units, of: node.id)
                }
                if sheet.columns["targets"] != nil {
                    for year in targetYears {
                        let text = perIndicator(node) { $0.targets.first { $0.year == year }?.value }
                        if !text.isEmpty { row.targets.append((year, text)) }
                    }
                    context.carried(.targets, of: node.id)
                }
                if sheet.indicatorSplit == .none, node.indicators.count > 1,
                   node.indicators.dropFirst().contains(where: { $0.unit != nil || !$0.targets.isEmpty }) {
                    context.warn("dropped-units",
                                 "\"\(context.text(node, on: role))\" has \(node.indicators.count) indicators, but the layout writes one per cell: the units and targets after the first are not written",
                                 at: context.sheetName(for: role))
                }
            }
        }

        if sheet.columns["crosscutting"] != nil, sheet.crosscuttingIn.contains("crosscutting"), !node.crosscutting.isEmpty,
           owner(ofPartners: node) == role {
            set("crosscutting", node.crosscutting.map(\.partner).joined(separator: "\n"))
            context.carried(.crosscutting, of: node.id)
        }
        if let nomenclature = node.nomenclature, sheet.columns["nomenclature"] != nil {
            set("nomenclature", nomenclature.name)
            set("nomenclature-code", nomenclature.code)
            set("nomenclature-statement", nomenclature.statement)
            set("nomenclature-indicator", nomenclature.indicators.joined(separator: "\n"))
            context.carried(.nomenclature, of: node.id)
        }
        return row
    }

    /// The kinerja class word: the stage's own label where it still reads as the model's class
    /// (or, on a stage that does not own the class, as it was written).
    private func performanceWord(_ node: Kinerja, record: StageRecord?) -> String? {
        let owner = owns(["level", "performance"], preferring: .tahap4, node)
        guard let performance = node.performance else { return record?.levelLabel }
        context.carried(.performance, of: node.id)
        if LevelTable.level(for: performance) == node.level { context.carried(.level, of: node.id) }
        if owner { return context.words.word(performance, keeping: record?.levelLabel) }
        return record?.levelLabel ?? context.words.word(performance)
    }

    /// Several indicators in one cell, as the mapping splits them.
    private func join(_ names: [String]) -> String {
        switch sheet.indicatorSplit {
        case .none: return names.first ?? ""
        case .lines: return names.joined(separator: "\n")
        case .numbered:
            return names.count == 1 ? names[0] : names.enumerated().map { "\($0.offset + 1). \($0.element)" }.joined(separator: " ")
        }
    }

    /// A unit or target per indicator, one line each ("—" where one has none).
    private func perIndicator(_ node: Kinerja, _ value: (Indikator) -> String?) -> String {
        let indicators = sheet.indicatorSplit == .none ? Array(node.indicators.prefix(1)) : node.indicators
        let values = indicators.map(value)
        guard values.contains(where: { $0 != nil }) else { return "" }
        return values.map { $0 ?? "—" }.joined(separator: "\n")
    }
}

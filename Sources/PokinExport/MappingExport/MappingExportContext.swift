import Foundation
import PokinCore
import PokinMapping
import PokinModel

/// What every layout writer of one export shares: the model, the mapping, the agency's words,
/// which node appears on which stage and in what order, and the warnings of the export.
public final class MappingExportContext {
    public let model: PohonKinerja
    public let mapping: MappingFile
    public let words: LevelWords
    /// Whether the model says on which stages each node appears (a model read from sheets).
    public let usesStageRecords: Bool
    public private(set) var warnings: [Diagnostic] = []

    private let byID: [String: Kinerja]
    private let childrenByParent: [String?: [Kinerja]]
    /// Each node's position in a depth-first walk of the tree (parents first, siblings in order).
    private let treeOrder: [String: Int]
    private var carriedFeatures: [ExportFeature: Set<String>] = [:]
    fileprivate var membership: [StageRole: Set<String>] = [:]

    public init(model: PohonKinerja, mapping: MappingFile) {
        self.model = model
        self.mapping = mapping
        words = LevelWords(vocabulary: mapping.vocabulary)
        usesStageRecords = model.nodes.contains { !$0.stages.isEmpty }
        let byID = Dictionary(model.nodes.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.byID = byID
        var children: [String?: [Kinerja]] = [:]
        for node in model.nodes {
            // A parent that is not in the model makes the node a root.
            let parent = node.parent.flatMap { byID[$0] != nil ? $0 : nil }
            children[parent, default: []].append(node)
        }
        childrenByParent = children
        var order: [String: Int] = [:]
        func visit(_ node: Kinerja) {
            guard order[node.id] == nil else { return }
            order[node.id] = order.count
            for child in children[node.id] ?? [] { visit(child) }
        }
        for root in children[nil] ?? [] { visit(root) }
        for node in model.nodes where order[node.id] == nil { order[node.id] = order.count }  // cycles
        treeOrder = order
    }

    // MARK: The tree

    public func node(_ id: String?) -> Kinerja? { id.flatMap { byID[$0] } }
    public func children(of id: String?) -> [Kinerja] { childrenByParent[id] ?? [] }
    public func parent(of node: Kinerja) -> Kinerja? { self.node(node.parent) }

    /// The nearest ancestor (the node itself first) at `level`.
    public func ancestor(of node: Kinerja, at level: Level) -> Kinerja? {
        var current: Kinerja? = node
        var steps = 0
        while let candidate = current, steps <= model.nodes.count {
            if candidate.level == level { return candidate }
            current = parent(of: candidate)
            steps += 1
        }
        return nil
    }

    /// Every node in depth-first order (parents first, siblings in order).
    public var nodesInTreeOrder: [Kinerja] {
        model.nodes.sorted { treeOrder[$0.id]! < treeOrder[$1.id]! }
    }

    // MARK: Stages

    /// Which nodes a stage shows when the model does not say: Tahap 1 the outcomes, Tahap 2 the
    /// CSFs, Tahap 3 everything below the outcomes, Tahap 4 everything, Tahap 5 all but the
    /// crosscutting CSFs, the cascading view every node (as the standard template does).
    public static func shownByDefault(_ node: Kinerja, on role: StageRole) -> Bool {
        switch role {
        case .tahap1: return node.level == .outcome
        case .tahap2: return node.level == .csf
        case .tahap3: return node.level != .outcome
        case .tahap5: return node.crosscutting.isEmpty
        case .tahap4, .cascading, .pohon: return true
        }
    }

    /// The nodes `role`'s sheet shows, in that sheet's own order. A model read from sheets
    /// (with stage records) shows on each stage the nodes that stage had, in the order of the
    /// cells they were read from, so each sheet is written back as it was; where no node has a
    /// record of the stage (a model from another layout), and for a model without records, the
    /// nodes `shownByDefault` (or `filter`) picks, in tree order.
    ///
    /// - Parameter cellOrder: false keeps the recorded nodes in tree order (for a sheet whose
    ///   records point at a second table restating the first, `restated`).
    public func nodes(on role: StageRole, filter: ((Kinerja) -> Bool)? = nil, cellOrder: Bool = true) -> [Kinerja] {
        let recorded = usesStageRecords ? model.nodes.filter { $0.stages[role] != nil } : []
        if recorded.isEmpty {
            return nodesInTreeOrder.filter { filter?($0) ?? Self.shownByDefault($0, on: role) }
        }
        if !cellOrder { return nodesInTreeOrder.filter { $0.stages[role] != nil } }
        func key(_ node: Kinerja) -> (Int, Int, Int) {
            let cell = node.stages[role]?.at.flatMap(Self.cell(in:))
            return (cell?.row ?? Int.max, cell?.column ?? 0, treeOrder[node.id]!)
        }
        return recorded.map { ($0, key($0)) }.sorted { $0.1 < $1.1 }.map(\.0)
    }

    /// The cell at the end of a `file.xlsx!'Tahap 3'!B12` reference.
    static func cell(in reference: String) -> CellAddress? {
        guard let bang = reference.lastIndex(of: "!") else { return CellAddress(reference) }
        return CellAddress(reference[reference.index(after: bang)...])
    }

    /// The node's wording on a stage: as that sheet wrote it, else the canonical statement.
    public func text(_ node: Kinerja, on role: StageRole) -> String {
        node.stages[role]?.text ?? node.statement
    }

    /// The indicator names a stage shows for the node: the stage's own list where the node has a
    /// record of the stage, else the model's indicators.
    public func indicatorNames(_ node: Kinerja, on role: StageRole) -> [String] {
        if let record = node.stages[role] { return record.indicators ?? [] }
        return node.indicators.map(\.name)
    }

    // MARK: Sheets

    /// The name to give `role`'s sheet: the mapping's first name for it, else a name its first
    /// pattern matches, else the role's title.
    public func sheetName(for role: StageRole) -> String {
        guard let sheet = mapping.sheet(role) else { return role.title }
        if let name = sheet.names.first(where: { !$0.isEmpty }) { return Self.legalSheetName(name) }
        for pattern in sheet.patterns {
            if let sample = PatternSample.text(matching: pattern, preferring: role.title) { return Self.legalSheetName(sample) }
        }
        return role.title
    }

    /// A name Excel accepts: at most 31 characters, none of `[]:*?/\`.
    static func legalSheetName(_ name: String) -> String {
        let cleaned = String(name.map { "[]:*?/\\".contains($0) ? "-" : $0 })
        return String(cleaned.prefix(31))
    }

    /// The agency's name and acronym where the mapping gives them fixed cells on `role`'s sheet.
    public func agencyCells(on role: StageRole) -> [(cell: CellAddressText, line: Int?, text: String)] {
        var result: [(cell: CellAddressText, line: Int?, text: String)] = []
        for (pointer, value) in [(mapping.agencyName, model.agency.name), (mapping.agencyShortName, model.agency.shortName)] {
            guard let pointer, let value, !value.isEmpty else { continue }
            let onThisSheet = pointer.role == role
                || (pointer.role == nil && TextKey(pointer.sheetName ?? "") == TextKey(sheetName(for: role)))
            if onThisSheet { result.append((pointer.cell, pointer.line, value)) }
        }
        return result
    }

    // MARK: What was written

    /// Notes that a sheet wrote `feature` of the node.
    public func carried(_ feature: ExportFeature, of nodeID: String) {
        carriedFeatures[feature, default: []].insert(nodeID)
    }

    public func wasCarried(_ feature: ExportFeature, of nodeID: String) -> Bool {
        carriedFeatures[feature]?.contains(nodeID) ?? false
    }

    /// Adds a warning of the export (`at`: the sheet, or nil for the whole workbook).
    public func warn(_ code: String, _ message: String, at: String? = nil) {
        warnings.append(Diagnostic(code: code, severity: .warning, message: message, at: at))
    }
}

extension MappingExportContext {
    /// Whether `role`'s sheet shows the node (as `nodes(on:)` picks them).
    public func shows(_ node: Kinerja, on role: StageRole) -> Bool {
        if let known = membership[role] { return known.contains(node.id) }
        let ids = Set(nodes(on: role).map(\.id))
        membership[role] = ids
        return ids.contains(node.id)
    }
}

import PokinCore
import PokinModel

/// Reads a `layout: levels` sheet: each row is a path from the top of the tree down, one group
/// of columns per level, and (with `codes:`) a last node whose level is the deepest code column
/// filled. A parent written once and left blank below, merged over its children, or repeated
/// on every row is the same node; a row that repeats a path with another indicator adds the
/// indicator. The entries carry outline ids ("1.2.1") and their parents' ids, so the tree is
/// exactly the sheet's.
struct PathLayoutReader {
    let mapping: SheetMapping
    let columns: LayoutColumns
    let splitter: StageReader
    let file: String?
    private(set) var entries: [StageEntry] = []
    private(set) var diagnostics: [Diagnostic] = []
    /// Node index by parent index, level and wording (and code), to find a repeated node.
    private var known: [String: Int] = [:]
    private var childCount: [Int: Int] = [:]
    private var roots = 0

    init(mapping: SheetMapping, columns: LayoutColumns, vocabulary: LevelVocabulary, file: String?) {
        self.mapping = mapping
        self.columns = columns
        self.file = file
        splitter = StageReader(mapping: mapping, vocabulary: vocabulary, file: file)
    }

    mutating func read(_ records: [SheetRecord]) -> [StageEntry] {
        var last: [String: SheetRecord.Field] = [:]
        var codeLadder: [Int: Int] = [:]
        var codeOwner: Int?
        let columns = self.columns
        let mapping = self.mapping
        let text = Self.text
        for var record in records {
            // The deepest group with text of its own on this row; shallower groups fill down.
            let ownGroups = columns.groups.indices.filter { group in
                columns.groups[group].values.contains { own(record, $0) } || columns.groupTargets[group].contains { own(record, $0.key) }
            }
            let ownCodes = columns.codes.indices.filter { columns.codes[$0].map { own(record, $0) } ?? false }
            let ownRow = columns.shared.values.contains { own(record, $0) } || columns.sharedTargets.contains { own(record, $0.key) }
            let hasCodePart = !ownCodes.isEmpty || (ownRow && !columns.codes.isEmpty)
            let deepestGroup = hasCodePart ? columns.groups.count - 1 : (ownGroups.max() ?? -1)
            for group in columns.groups.indices {
                guard let key = columns.groups[group]["statement"] else { continue }
                if record.fields[key] == nil, group <= deepestGroup, let above = last[key] {
                    record.fields[key] = inherited(above)
                }
            }
            // Code columns above the deepest one written on the row fill down; with none written,
            // the row continues the node above (another indicator).
            let deepestCode = ownCodes.max()
            for (index, key) in columns.codes.enumerated() {
                guard let key else { continue }
                if record.fields[key] == nil, deepestCode.map({ index < $0 }) ?? ownRow, let above = last[key] {
                    record.fields[key] = inherited(above)
                }
            }
            if ownCodes.isEmpty, ownRow {
                for field in ["statement", "nomenclature", "nomenclature-code"] {
                    if let key = columns.shared[field], record.fields[key] == nil, let above = last[key] { record.fields[key] = inherited(above) }
                }
            }
            for (key, field) in record.fields where !field.inherited { last[key] = field }
            for group in columns.groups.indices {
                if let key = columns.groups[group]["statement"], let field = record.fields[key] { last[key] = field }
            }

            // The path of groups.
            var parent: Int?
            for (group, fields) in columns.groups.enumerated() {
                guard let key = fields["statement"], let statement = record.fields[key], !statement.text.isEmpty else { continue }
                let levelGroup = mapping.levels[group]
                let node = node(parent: parent, level: levelGroup.level, text: statement.text, code: nil, record: record, field: statement) { entry in
                    entry.planning = levelGroup.planning
                    if let label = text(record, fields["planning"]) { entry.planningLabel = label }
                    if let label = text(record, fields["position"]) { entry.positionLabel = label }
                    if let kind = levelGroup.nomenclatureKind, let name = text(record, fields["nomenclature"]) {
                        entry.nomenclature = Nomenklatur(kind: kind, code: text(record, fields["nomenclature-code"]), name: name,
                                                         statement: text(record, fields["nomenclature-statement"]))
                    }
                }
                addIndicators(record, fields: fields, targets: columns.groupTargets[group], to: node)
                parent = node
            }

            // The row's own node, levelled by its deepest code.
            guard !columns.codes.isEmpty, let level = codeLevel(record), let statementKey = columns.shared["statement"] ?? columns.shared["nomenclature"],
                  let statement = record.fields[statementKey], !statement.text.isEmpty else { continue }
            if codeOwner != parent { codeLadder = [:]; codeOwner = parent }
            let code = mapping.codes[level]
            let depth = code.level!.depth
            let codeParent = codeLadder.filter { $0.key < depth }.max { $0.key < $1.key }?.value ?? parent
            let fullCode = Self.joinedCode(columns: columns, record, through: level)
            let node = node(parent: codeParent, level: code.level!, text: statement.text, code: fullCode, record: record, field: statement) { entry in
                entry.planning = code.planning
                if let label = text(record, columns.shared["planning"]) { entry.planningLabel = label }
                if let label = text(record, columns.shared["position"]) { entry.positionLabel = label }
                if let kind = code.nomenclatureKind {
                    let name = text(record, columns.shared["nomenclature"]) ?? statement.text
                    entry.nomenclature = Nomenklatur(kind: kind, code: text(record, columns.shared["nomenclature-code"]) ?? fullCode, name: name,
                                                     statement: text(record, columns.shared["nomenclature-statement"]))
                }
            }
            addIndicators(record, fields: columns.shared, targets: columns.sharedTargets, to: node)
            codeLadder[depth] = node
            for deeper in codeLadder.keys where deeper > depth { codeLadder[deeper] = nil }
        }
        return entries
    }

    // MARK: Nodes

    private mutating func node(parent: Int?, level: Level, text: String, code: String?, record: SheetRecord,
                               field: SheetRecord.Field, configure: (inout StageEntry) -> Void) -> Int {
        let key = "\(parent.map(String.init) ?? "-")|\(level.rawValue)|\(code ?? "")|\(TextKey(text).value)"
        if let found = known[key] { return found }
        let id: String
        if let parent {
            childCount[parent, default: 0] += 1
            id = "\(entries[parent].id!).\(childCount[parent]!)"
        } else {
            roots += 1
            id = "\(roots)"
        }
        var entry = StageEntry(role: mapping.role, row: field.sourceRow, text: text,
                               at: CellReference.format(file: file, sheet: record.sheet, row: field.sourceRow, column: field.column))
        entry.id = id
        entry.parentID = parent.map { entries[$0].id! }
        entry.level = level
        configure(&entry)
        entries.append(entry)
        known[key] = entries.count - 1
        return entries.count - 1
    }

    private mutating func addIndicators(_ record: SheetRecord, fields: [String: String], targets: [LayoutColumns.TargetColumn], to node: Int) {
        guard let key = fields["indicator"], let field = record.fields[key], !field.inherited, !field.text.isEmpty else { return }
        let cells = IndicatorCells(
            names: splitter.indicators(in: field.text),
            unit: fields["unit"].flatMap { record.fields[$0] }.flatMap { $0.inherited ? nil : $0.text },
            targets: targets.compactMap { target in
                record.fields[target.key].flatMap { $0.inherited ? nil : (target.year, $0.text, target.withUnit) }
            })
        cells.add(to: &entries[node])
    }

    // MARK: Codes

    /// Index into `mapping.codes` of the deepest code column with a level filled on the row.
    private func codeLevel(_ record: SheetRecord) -> Int? {
        columns.codes.indices.last { index in
            mapping.codes[index].level != nil && columns.codes[index].flatMap { record.fields[$0] }.map { !$0.text.isEmpty } == true
        }
    }

    /// The nomenclature code through a code column: the filled codes joined with dots, except
    /// where a column already repeats the code above it ("2.17.03" then "2.17.03.2.01").
    private static func joinedCode(columns: LayoutColumns, _ record: SheetRecord, through last: Int) -> String? {
        var code = ""
        for index in 0...last {
            guard let key = columns.codes[index], let part = record.fields[key]?.text, !part.isEmpty else { continue }
            if code.isEmpty || part.hasPrefix(code + ".") { code = part } else { code += "." + part }
        }
        return code.isEmpty ? nil : code
    }

    // MARK: Fields

    private func own(_ record: SheetRecord, _ key: String) -> Bool {
        guard let field = record.fields[key] else { return false }
        return !field.inherited && !field.text.isEmpty
    }

    private func inherited(_ field: SheetRecord.Field) -> SheetRecord.Field {
        var copy = field
        copy.inherited = true
        return copy
    }

    private static func text(_ record: SheetRecord, _ key: String?) -> String? {
        guard let key, let text = record.fields[key]?.text, !text.isEmpty else { return nil }
        return text
    }
}

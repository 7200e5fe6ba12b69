import PokinCore
import PokinModel

/// Reads a `layout: long` sheet: one row per tujuan / sasaran / … node, per indicator and per
/// year's target, a level column saying which. A node hangs under the last node above it of a
/// shallower level, or, where both have codes, under the latest node whose code its own code
/// extends ("2.17.03" → "2.17.03.2.01"). An indicator row belongs to the last node above, a
/// target row to the last indicator above.
struct LongLayoutReader {
    let mapping: SheetMapping
    let columns: LayoutColumns
    let vocabulary: LevelVocabulary
    let splitter: StageReader
    let file: String?
    private(set) var entries: [StageEntry] = []
    private(set) var diagnostics: [Diagnostic] = []
    private var childCount: [Int: Int] = [:]
    private var roots = 0
    private var codes: [Int: String] = [:]

    private let nodeWords: [(level: Level, patterns: [HeaderPattern])]
    private let indicatorWords: [HeaderPattern]
    private let targetWords: [HeaderPattern]
    private let ignoreWords: [HeaderPattern]

    init(mapping: SheetMapping, columns: LayoutColumns, vocabulary: LevelVocabulary, file: String?) {
        self.mapping = mapping
        self.columns = columns
        self.vocabulary = vocabulary
        self.file = file
        splitter = StageReader(mapping: mapping, vocabulary: vocabulary, file: file)
        nodeWords = mapping.rowKinds.nodes.map { ($0.level, $0.words.map(HeaderPattern.init)) }
        indicatorWords = mapping.rowKinds.indicator.map(HeaderPattern.init)
        targetWords = mapping.rowKinds.target.map(HeaderPattern.init)
        ignoreWords = mapping.rowKinds.ignore.map(HeaderPattern.init)
    }

    enum RowKind {
        case node(Level)
        case indicator
        case target
        case ignore
    }

    /// What a level-column word means: the mapping's `rows:` first, then the built-in level and
    /// planning words.
    func kind(of word: String) -> RowKind? {
        if ignoreWords.contains(where: { $0.matches(word) }) { return .ignore }
        if let found = nodeWords.first(where: { $0.patterns.contains { $0.matches(word) } }) { return .node(found.level) }
        if indicatorWords.contains(where: { $0.matches(word) }) { return .indicator }
        if targetWords.contains(where: { $0.matches(word) }) { return .target }
        if let level = vocabulary.level(word) { return .node(level) }
        if let planning = vocabulary.planning(word) { return .node(LevelTable.level(for: planning)) }
        return nil
    }

    mutating func read(_ records: [SheetRecord]) -> [StageEntry] {
        var ladder: [Int: Int] = [:]
        var lastNode: Int?
        for record in records {
            guard let word = text(record, "level") else { continue }
            guard let kind = kind(of: word) else {
                note(.warning, "unknown-row-kind",
                     "the level column says \"\(word)\", which is none of the row kinds of the mapping (rows: …); the row is left out",
                     record.reference(columns.shared["level"]!, file: file))
                continue
            }
            switch kind {
            case .ignore:
                continue
            case .node(let level):
                guard let statementKey = columns.shared["statement"], let statement = record.fields[statementKey], !statement.text.isEmpty else { continue }
                let code = text(record, "code")
                var parent = ladder.filter { $0.key < level.depth }.max { $0.key < $1.key }?.value
                if let code, let byCode = entries.indices.last(where: { index in
                    (entries[index].level?.depth ?? 99) < level.depth && codes[index].map { code.hasPrefix($0 + ".") } == true
                }) {
                    parent = byCode
                }
                let id: String
                if let parent {
                    childCount[parent, default: 0] += 1
                    id = "\(entries[parent].id!).\(childCount[parent]!)"
                } else {
                    roots += 1
                    id = "\(roots)"
                }
                var entry = StageEntry(role: mapping.role, row: record.row, text: statement.text,
                                       at: CellReference.format(file: file, sheet: record.sheet, row: statement.sourceRow, column: statement.column))
                entry.id = id
                entry.parentID = parent.map { entries[$0].id! }
                entry.level = level
                entry.levelLabel = word
                entry.planning = vocabulary.planning(word)
                if let label = text(record, "planning") {
                    entry.planningLabel = label
                    entry.planning = vocabulary.planning(label) ?? entry.planning
                }
                if let planning = entry.planning, let kind = Self.nomenclatureKind(planning), code != nil || text(record, "nomenclature") != nil {
                    entry.nomenclature = Nomenklatur(kind: kind, code: code, name: text(record, "nomenclature") ?? statement.text)
                }
                entries.append(entry)
                let index = entries.count - 1
                if let code { codes[index] = code }
                ladder[level.depth] = index
                for deeper in ladder.keys where deeper > level.depth { ladder[deeper] = nil }
                lastNode = index
                addIndicator(record, names: text(record, "indicator").map(splitter.indicators(in:)) ?? [], to: index)
            case .indicator:
                guard let node = lastNode, let name = text(record, "statement") ?? text(record, "indicator") else { continue }
                addIndicator(record, names: splitter.indicators(in: name), to: node)
            case .target:
                guard let node = lastNode, let indicator = entries[node].indicators.last else {
                    note(.warning, "target-without-indicator", "a target row with no indicator above it; the row is left out",
                         record.reference(columns.shared["level"]!, file: file))
                    continue
                }
                addIndicator(record, names: [indicator], to: node, targetFromStatement: true)
            }
        }
        return entries
    }

    private mutating func addIndicator(_ record: SheetRecord, names: [String], to node: Int, targetFromStatement: Bool = false) {
        guard !names.isEmpty else { return }
        var targets = columns.sharedTargets.compactMap { target in
            record.fields[target.key].map { (target.year, $0.text, target.withUnit) }
        }
        // A year column plus a target column ("tahun_target", "target").
        if let yearText = text(record, "year"), let year = TableExtractor.year(in: yearText) {
            let rule = mapping.columns["target"]
            if let value = text(record, "target") ?? (targetFromStatement ? text(record, "statement") : nil) {
                targets.append((year, value, rule?.withUnit ?? false))
            }
        }
        IndicatorCells(names: names, unit: text(record, "unit"), targets: targets).add(to: &entries[node])
    }

    static func nomenclatureKind(_ planning: KomponenPerencanaan) -> Nomenklatur.Kind? {
        switch planning {
        case .sasaranProgram: return .program
        case .sasaranKegiatan: return .kegiatan
        case .sasaranSubKegiatan: return .subKegiatan
        default: return nil
        }
    }

    private func text(_ record: SheetRecord, _ field: String) -> String? {
        guard let key = columns.shared[field], let text = record.fields[key]?.text, !text.isEmpty else { return nil }
        return text
    }

    private mutating func note(_ severity: Severity, _ code: String, _ message: String, _ at: String) {
        diagnostics.append(Diagnostic(code: code, severity: severity, message: message, at: at))
    }
}

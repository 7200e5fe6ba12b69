import PokinModel

/// One inconsistency found in a model: which rule, where, and a message that quotes the texts as
/// they are written in the workbook.
public struct Finding: Hashable, Sendable {
    /// Who reported it: the checker's own rules, or the importer while reading the workbook.
    public enum Source: String, Sendable, Hashable {
        case check
        case imported = "import"
    }

    public var code: String
    public var severity: Severity
    public var message: Localized
    /// The cell the finding is about (`file.xlsx!'TAHAP 3'!B12`); nil for the whole document.
    public var at: String?
    /// Other cells involved (the same node on other stages, the other duplicate …).
    public var related: [String]
    /// The node's id in the model, when the finding is about one node.
    public var node: String?
    /// The stage (sheet role) the finding's cell belongs to.
    public var stage: StageRole?
    public var source: Source

    public init(code: String, severity: Severity, message: Localized, at: String? = nil, related: [String] = [],
                node: String? = nil, stage: StageRole? = nil, source: Source = .check) {
        self.code = code
        self.severity = severity
        self.message = message
        self.at = at
        self.related = related
        self.node = node
        self.stage = stage
        self.source = source
    }

    /// A finding of a catalogued rule, with the rule's severity.
    init(_ rule: CheckRule, _ message: Localized, at: String?, related: [String] = [], node: String? = nil, stage: StageRole? = nil) {
        self.init(code: rule.code, severity: rule.severity, message: message, at: at,
                  related: related.filter { $0 != at }, node: node, stage: stage)
    }

    /// The parsed cell reference of `at`, if it names a cell.
    public var cell: StageCell? { at.flatMap(StageCell.init) }

    /// The catalogue's rule for this finding's code (nil for an importer's own code).
    public var rule: CheckRule? { RuleCatalog.rule(code) }

    /// The rule's title, or a generic title for an importer's note.
    public func title(_ language: CheckLanguage) -> String {
        rule?.title.text(language) ?? RuleCatalog.importNoteTitle.text(language)
    }

    /// The rule's fix hint, or a generic hint for an importer's note.
    public func hint(_ language: CheckLanguage) -> String {
        rule?.hint.text(language) ?? RuleCatalog.importNoteHint.text(language)
    }
}

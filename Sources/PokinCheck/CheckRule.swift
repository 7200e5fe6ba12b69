import PokinModel

/// One rule of the consistency check: a stable code (kebab-case, never renamed), how serious its
/// findings are, a one-line title and a hint on how to fix, in both languages.
public struct CheckRule: Hashable, Sendable {
    public var code: String
    public var severity: Severity
    public var title: Localized
    public var hint: Localized

    public init(_ code: String, _ severity: Severity, title: Localized, hint: Localized) {
        self.code = code
        self.severity = severity
        self.title = title
        self.hint = hint
    }
}

/// A text a person reads, in Bahasa Indonesia and in English.
public struct Localized: Hashable, Sendable {
    public var id: String
    public var en: String

    public init(id: String, en: String) {
        self.id = id
        self.en = en
    }

    /// The same text in both languages (a quotation, a code, an importer's own message).
    public init(both text: String) {
        self.init(id: text, en: text)
    }

    public func text(_ language: CheckLanguage) -> String {
        language == .id ? id : en
    }
}

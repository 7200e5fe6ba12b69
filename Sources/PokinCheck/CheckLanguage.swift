/// The language of the messages a check report shows: Bahasa Indonesia (the default, the users'
/// language) or English.
public enum CheckLanguage: String, CaseIterable, Sendable, Hashable {
    case id
    case en
}

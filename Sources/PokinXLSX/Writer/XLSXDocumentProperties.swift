import PokinCore

/// The workbook's document properties (`docProps/core.xml` and `app.xml`).
///
/// Dates are supplied by the caller (UTC); the writer reads no clock, so the same input gives
/// the same bytes. Without `created`, zip entries are stamped 1980-01-01.
public struct XLSXDocumentProperties: Hashable, Sendable {
    public var title: String?
    public var subject: String?
    public var creator: String?
    public var keywords: String?
    public var description: String?
    public var company: String?
    public var created: CivilDateTime?
    public var modified: CivilDateTime?

    public init(title: String? = nil, subject: String? = nil, creator: String? = nil, keywords: String? = nil,
                description: String? = nil, company: String? = nil, created: CivilDateTime? = nil,
                modified: CivilDateTime? = nil) {
        self.title = title
        self.subject = subject
        self.creator = creator
        self.keywords = keywords
        self.description = description
        self.company = company
        self.created = created
        self.modified = modified
    }
}

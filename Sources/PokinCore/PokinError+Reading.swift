extension PokinError.Code {
    /// An XML part declares a DOCTYPE. OOXML never needs one, and a DTD is how entity-expansion
    /// bombs ("billion laughs") and external-entity attacks get in, so readers refuse it before
    /// any expansion.
    public static let unsafeXML = Self(rawValue: "unsafe-xml")
}

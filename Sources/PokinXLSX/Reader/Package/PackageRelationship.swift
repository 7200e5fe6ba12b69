/// One `<Relationship>` of an OPC `.rels` part, its target resolved to a part name.
struct PackageRelationship: Hashable {
    var id: String
    /// The relationship type URI (Transitional or Strict form).
    var type: String
    /// The resolved part name, or nil for external targets and targets that leave the package.
    var part: String?

    /// The last path segment of the type, `…/relationships/worksheet` → `worksheet`, so that
    /// Transitional and Strict types compare alike.
    var kind: String {
        type.split(separator: "/").last.map(String.init) ?? type
    }
}

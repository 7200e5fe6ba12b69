/// One `<Relationship>` of an OPC `.rels` part, its target resolved to a part name.
struct PackageRelationship: Hashable {
    var id: String
    /// The relationship type URI (Transitional or Strict form).
    var type: String
    /// The resolved part name, or nil for external targets and targets that leave the package.
    var part: String?
    /// The last path segment of the type, `…/relationships/worksheet` → `worksheet`, so that
    /// Transitional and Strict types compare alike (worked out once: it is asked many times).
    let kind: String

    init(id: String, type: String, part: String?) {
        self.id = id
        self.type = type
        self.part = part
        kind = PackageRelationship.kind(of: type)
    }

    /// The last non-empty `/`-separated segment of `type`, or `type` when it has none. ASCII on
    /// the bytes (one Character per byte but CR LF, which holds no slash); other text on
    /// Characters.
    static func kind(of type: String) -> String {
        let utf8 = type.utf8
        guard utf8.allSatisfy({ $0 < 0x80 }) else {
            return type.split(separator: "/").last.map(String.init) ?? type
        }
        var end = utf8.endIndex
        while end > utf8.startIndex, utf8[utf8.index(before: end)] == UInt8(ascii: "/") { end = utf8.index(before: end) }
        guard end > utf8.startIndex else { return type }
        var start = end
        while start > utf8.startIndex, utf8[utf8.index(before: start)] != UInt8(ascii: "/") { start = utf8.index(before: start) }
        return String(type[start..<end])
    }
}

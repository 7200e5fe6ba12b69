import PokinCore

/// One agency's performance tree (pohon kinerja) in the canonical model, interchange version 1.
///
/// Nodes are listed parents first, siblings in sheet order. Fields other tools add to the JSON
/// are kept in `extensions` and written back after the known ones.
public struct PohonKinerja: Hashable, Sendable {
    /// The interchange format version this code reads and writes.
    public static let formatVersion = 1

    public var agency: PerangkatDaerah
    public var nodes: [Kinerja]
    public var diagnostics: [Diagnostic]
    /// Unknown top-level members, kept in order for a faithful rewrite.
    public var extensions: [JSONMember]

    public init(agency: PerangkatDaerah = PerangkatDaerah(), nodes: [Kinerja] = [], diagnostics: [Diagnostic] = [],
                extensions: [JSONMember] = []) {
        self.agency = agency
        self.nodes = nodes
        self.diagnostics = diagnostics
        self.extensions = extensions
    }

    /// The node with `id`, if any.
    public func node(id: String) -> Kinerja? {
        nodes.first { $0.id == id }
    }

    /// The children of `id` (nil: the roots), in document order.
    public func children(of id: String?) -> [Kinerja] {
        nodes.filter { $0.parent == id }
    }
}

/// The agency (perangkat daerah / OPD / SKPD) the tree belongs to.
public struct PerangkatDaerah: Hashable, Sendable {
    /// Full name as written, "Dinas Koperasi …". Null when the source does not say.
    public var name: String?
    /// Acronym as written, "DKUKMPP".
    public var shortName: String?
    public var extensions: [JSONMember]

    public init(name: String? = nil, shortName: String? = nil, extensions: [JSONMember] = []) {
        self.name = name
        self.shortName = shortName
        self.extensions = extensions
    }
}

/// A member of a JSON object kept verbatim (hashable wrapper for ordered extension fields).
public struct JSONMember: Hashable, Sendable {
    public var key: String
    public var value: JSONValue
    public init(_ key: String, _ value: JSONValue) {
        self.key = key
        self.value = value
    }
}

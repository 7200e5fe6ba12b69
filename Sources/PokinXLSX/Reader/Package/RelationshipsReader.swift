/// Reads a `.rels` part into relationships, resolving targets against the source part's folder.
final class RelationshipsReader: SAXEventSink {
    private let sourceFolder: String
    private(set) var relationships: [PackageRelationship] = []
    /// Whether the root element was a `<Relationships>` element at all.
    private(set) var sawRoot = false

    init(sourceFolder: String) {
        self.sourceFolder = sourceFolder
    }

    override func startElement(_ name: SAXName, _ attributes: SAXAttributes) {
        guard name.isPackageRelationships else { return }
        if name.isLocal("Relationships") { sawRoot = true; return }
        guard name.isLocal("Relationship"), let id = attributes.string("Id"), let type = attributes.string("Type"),
              let target = attributes.string("Target") else { return }
        let external = attributes.string("TargetMode")?.lowercased() == "external"
        let part = external ? nil : PartName.resolve(target, from: sourceFolder)
        relationships.append(PackageRelationship(id: id, type: type, part: part))
    }

    /// Reads the relationships of `part` (the package itself when `part` is nil).
    /// Returns nil when the `.rels` part does not exist.
    static func read(of part: String?, in package: PackageReader) throws -> [PackageRelationship]? {
        let relsPart = part.map(PartName.relationshipsPart(of:)) ?? "_rels/.rels"
        let sourceFolder = part.map(PartName.folder(of:)) ?? ""
        return try package.parse(relsPart) { RelationshipsReader(sourceFolder: sourceFolder) }?.relationships
    }
}

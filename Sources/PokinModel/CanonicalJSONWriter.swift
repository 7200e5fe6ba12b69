import PokinCore

/// Writes a model's canonical JSON straight into bytes: the same bytes as
/// `model.jsonValue.serialized()`, without building the `JSONValue` tree or a `String`.
/// The field order here must follow `PohonKinerja+JSON.swift` (`jsonValue`), which stays the
/// reference the tests compare against.
struct CanonicalJSONWriter: ~Copyable {
    private var out: JSONByteWriter

    init(capacityFor model: PohonKinerja) {
        // About 1.3 KB a node in real trees; the buffer grows if a model needs more.
        out = JSONByteWriter(capacity: 1024 + 1536 * model.nodes.count + 512 * model.diagnostics.count)
    }

    /// The document and its final newline.
    mutating func write(_ model: PohonKinerja) -> [UInt8] {
        writeDocument(model)
        return out.bytes()
    }

    /// Writes the document and calls `body` with its bytes (valid only during the call).
    mutating func write<Result>(_ model: PohonKinerja, _ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        writeDocument(model)
        return try out.withBytes(body)
    }

    private mutating func writeDocument(_ model: PohonKinerja) {
        let indent = 0
        var first = true
        out.member("pokin", first: &first, indent: indent)
        out.integer(PohonKinerja.formatVersion)
        out.member("agency", first: &first, indent: indent)
        write(model.agency, indent: indent + 2)
        out.member("nodes", first: &first, indent: indent)
        objects(model.nodes, indent: indent + 2) { $0.write($1, indent: $2) }
        out.member("diagnostics", first: &first, indent: indent)
        objects(model.diagnostics, indent: indent + 2) { $0.write($1, indent: $2) }
        writeExtensions(model.extensions, first: &first, indent: indent)
        out.closeObject(empty: first, indent: indent)
        out.raw(byte: 0x0A)
    }

    private mutating func write(_ agency: PerangkatDaerah, indent: Int) {
        var first = true
        out.member("name", first: &first, indent: indent)
        out.optional(agency.name)
        out.member("shortName", first: &first, indent: indent)
        out.optional(agency.shortName)
        writeExtensions(agency.extensions, first: &first, indent: indent)
        out.closeObject(empty: first, indent: indent)
    }

    private mutating func write(_ node: Kinerja, indent: Int) {
        var first = true
        out.member("id", first: &first, indent: indent)
        out.string(node.id)
        out.member("parent", first: &first, indent: indent)
        out.optional(node.parent)
        out.member("statement", first: &first, indent: indent)
        out.string(node.statement)
        out.member("level", first: &first, indent: indent)
        out.string(node.level.rawValue)
        out.member("performance", first: &first, indent: indent)
        out.optional(node.performance?.rawValue)
        out.member("planning", first: &first, indent: indent)
        out.optional(node.planning?.rawValue)
        out.member("position", first: &first, indent: indent)
        out.optional(node.position?.rawValue)
        out.member("indicators", first: &first, indent: indent)
        objects(node.indicators, indent: indent + 2) { $0.write($1, indent: $2) }
        out.member("crosscutting", first: &first, indent: indent)
        objects(node.crosscutting, indent: indent + 2) { $0.write($1, indent: $2) }
        if let nomenclature = node.nomenclature {
            out.member("nomenclature", first: &first, indent: indent)
            write(nomenclature, indent: indent + 2)
        }
        if !node.stages.isEmpty {
            out.member("stages", first: &first, indent: indent)
            writeStages(node.stages, indent: indent + 2)
        }
        writeExtensions(node.extensions, first: &first, indent: indent)
        out.closeObject(empty: first, indent: indent)
    }

    private mutating func write(_ indicator: Indikator, indent: Int) {
        var first = true
        out.member("name", first: &first, indent: indent)
        out.string(indicator.name)
        member("unit", ifPresent: indicator.unit, first: &first, indent: indent)
        if !indicator.targets.isEmpty {
            out.member("targets", first: &first, indent: indent)
            objects(indicator.targets, indent: indent + 2) { writer, target, indent in
                var first = true
                writer.out.member("year", first: &first, indent: indent)
                writer.out.integer(target.year)
                writer.out.member("value", first: &first, indent: indent)
                writer.out.string(target.value)
                writer.out.closeObject(empty: first, indent: indent)
            }
        }
        writeExtensions(indicator.extensions, first: &first, indent: indent)
        out.closeObject(empty: first, indent: indent)
    }

    private mutating func write(_ partner: Crosscutting, indent: Int) {
        var first = true
        out.member("partner", first: &first, indent: indent)
        out.string(partner.partner)
        writeExtensions(partner.extensions, first: &first, indent: indent)
        out.closeObject(empty: first, indent: indent)
    }

    private mutating func write(_ nomenclature: Nomenklatur, indent: Int) {
        var first = true
        out.member("kind", first: &first, indent: indent)
        out.string(nomenclature.kind.rawValue)
        out.member("code", first: &first, indent: indent)
        out.optional(nomenclature.code)
        out.member("name", first: &first, indent: indent)
        out.string(nomenclature.name)
        member("statement", ifPresent: nomenclature.statement, first: &first, indent: indent)
        if !nomenclature.indicators.isEmpty {
            out.member("indicators", first: &first, indent: indent)
            out.stringArray(nomenclature.indicators, indent: indent + 2)
        }
        out.closeObject(empty: first, indent: indent)
    }

    /// The stages in StageRole order (its `<`), as `jsonValue` sorts them: one pass over the
    /// dictionary notes where each role is, without hashing a key.
    private mutating func writeStages(_ stages: [StageRole: StageRecord], indent: Int) {
        var positions = InlineArray<7, Dictionary<StageRole, StageRecord>.Index?>(repeating: nil)
        var position = stages.startIndex
        while position != stages.endIndex {
            positions[stages[position].key.order] = position
            stages.formIndex(after: &position)
        }
        var first = true
        for order in 0..<positions.count {
            guard let position = positions[order] else { continue }
            let (role, record) = stages[position]
            out.member(role.key, first: &first, indent: indent)
            write(record, indent: indent + 2)
        }
        out.closeObject(empty: first, indent: indent)
    }

    private mutating func write(_ record: StageRecord, indent: Int) {
        var first = true
        member("text", ifPresent: record.text, first: &first, indent: indent)
        if let indicators = record.indicators {
            out.member("indicators", first: &first, indent: indent)
            out.stringArray(indicators, indent: indent + 2)
        }
        member("levelLabel", ifPresent: record.levelLabel, first: &first, indent: indent)
        member("planningLabel", ifPresent: record.planningLabel, first: &first, indent: indent)
        member("positionLabel", ifPresent: record.positionLabel, first: &first, indent: indent)
        member("at", ifPresent: record.at, first: &first, indent: indent)
        out.closeObject(empty: first, indent: indent)
    }

    private mutating func write(_ diagnostic: Diagnostic, indent: Int) {
        var first = true
        out.member("code", first: &first, indent: indent)
        out.string(diagnostic.code)
        out.member("severity", first: &first, indent: indent)
        out.string(diagnostic.severity.rawValue)
        out.member("message", first: &first, indent: indent)
        out.string(diagnostic.message)
        out.member("at", first: &first, indent: indent)
        out.optional(diagnostic.at)
        writeExtensions(diagnostic.extensions, first: &first, indent: indent)
        out.closeObject(empty: first, indent: indent)
    }

    /// An array of objects, each written by `write` (given the writer, the item and its indent).
    private mutating func objects<Item>(_ items: [Item], indent: Int, _ write: (inout CanonicalJSONWriter, Item, Int) -> Void) {
        var first = true
        for item in items {
            out.element(first: &first, indent: indent)
            write(&self, item, indent + 2)
        }
        out.closeArray(empty: first, indent: indent)
    }

    /// A string member written only when the value is there (absent members are left out).
    private mutating func member(_ key: StaticString, ifPresent value: String?, first: inout Bool, indent: Int) {
        guard let value else { return }
        out.member(key, first: &first, indent: indent)
        out.string(value)
    }

    /// Members kept from the input, after the known ones, laid out as the generic writer lays out
    /// any JSON value.
    private mutating func writeExtensions(_ extensions: [JSONMember], first: inout Bool, indent: Int) {
        for member in extensions {
            out.member(key: member.key, first: &first, indent: indent)
            out.value(member.value, indent: indent + 2)
        }
    }
}

private extension StageRole {
    /// The raw value as a static key (no escape needed).
    var key: StaticString {
        switch self {
        case .tahap1: return "tahap-1"
        case .tahap2: return "tahap-2"
        case .tahap3: return "tahap-3"
        case .tahap4: return "tahap-4"
        case .tahap5: return "tahap-5"
        case .cascading: return "cascading"
        case .pohon: return "pohon"
        }
    }
}

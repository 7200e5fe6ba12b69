import Foundation
import PokinCore

// MARK: - Writing

extension PohonKinerja {
    /// The canonical JSON text: fields in the contract's order, two-space indent, final newline.
    /// Deterministic: the same model always gives the same bytes.
    public func canonicalJSON() -> String {
        String(decoding: canonicalJSONBytes(), as: UTF8.self)
    }

    /// The canonical JSON as UTF-8 bytes, written straight from the model (no `JSONValue` tree,
    /// no `String`): the same bytes as `jsonValue.serialized()`, which stays the reference.
    public func canonicalJSONBytes() -> [UInt8] {
        var writer = CanonicalJSONWriter(capacityFor: self)
        return writer.write(self)
    }

    /// Calls `body` with the canonical JSON bytes (the same as `canonicalJSONBytes()`), valid only
    /// during the call: for writing them out without a copy.
    public func withCanonicalJSONBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        var writer = CanonicalJSONWriter(capacityFor: self)
        return try writer.write(self, body)
    }

    /// The model as a JSON value, in the contract's field order. `serialized()` of it is the
    /// reference form of the canonical JSON that `canonicalJSONBytes()` writes faster.
    public var jsonValue: JSONValue {
        var members: [(String, JSONValue)] = [
            ("pokin", .number(Double(PohonKinerja.formatVersion))),
            ("agency", agency.jsonValue),
            ("nodes", .array(nodes.map(\.jsonValue))),
            ("diagnostics", .array(diagnostics.map(\.jsonValue))),
        ]
        members += extensions.map { ($0.key, $0.value) }
        return .object(members)
    }
}

extension PerangkatDaerah {
    var jsonValue: JSONValue {
        .object([("name", .optional(name)), ("shortName", .optional(shortName))] + extensions.map { ($0.key, $0.value) })
    }
}

extension Kinerja {
    var jsonValue: JSONValue {
        var members: [(String, JSONValue)] = [
            ("id", .string(id)),
            ("parent", .optional(parent)),
            ("statement", .string(statement)),
            ("level", .string(level.rawValue)),
            ("performance", .optional(performance?.rawValue)),
            ("planning", .optional(planning?.rawValue)),
            ("position", .optional(position?.rawValue)),
            ("indicators", .array(indicators.map(\.jsonValue))),
            ("crosscutting", .array(crosscutting.map(\.jsonValue))),
        ]
        if let nomenclature { members.append(("nomenclature", nomenclature.jsonValue)) }
        if !stages.isEmpty {
            members.append(("stages", .object(stages.sorted { $0.key < $1.key }.map { ($0.key.rawValue, $0.value.jsonValue) })))
        }
        members += extensions.map { ($0.key, $0.value) }
        return .object(members)
    }
}

extension Indikator {
    var jsonValue: JSONValue {
        var members: [(String, JSONValue)] = [("name", .string(name))]
        if let unit { members.append(("unit", .string(unit))) }
        if !targets.isEmpty {
            members.append(("targets", .array(targets.map {
                .object([("year", .number(Double($0.year))), ("value", .string($0.value))])
            })))
        }
        return .object(members + extensions.map { ($0.key, $0.value) })
    }
}

extension Crosscutting {
    var jsonValue: JSONValue {
        .object([("partner", .string(partner))] + extensions.map { ($0.key, $0.value) })
    }
}

extension Nomenklatur {
    var jsonValue: JSONValue {
        var members: [(String, JSONValue)] = [("kind", .string(kind.rawValue)), ("code", .optional(code)), ("name", .string(name))]
        if let statement { members.append(("statement", .string(statement))) }
        if !indicators.isEmpty { members.append(("indicators", .array(indicators.map { .string($0) }))) }
        return .object(members)
    }
}

extension StageRecord {
    var jsonValue: JSONValue {
        var members: [(String, JSONValue)] = []
        if let text { members.append(("text", .string(text))) }
        if let indicators { members.append(("indicators", .array(indicators.map { .string($0) }))) }
        if let levelLabel { members.append(("levelLabel", .string(levelLabel))) }
        if let planningLabel { members.append(("planningLabel", .string(planningLabel))) }
        if let positionLabel { members.append(("positionLabel", .string(positionLabel))) }
        if let at { members.append(("at", .string(at))) }
        return .object(members)
    }
}

extension Diagnostic {
    var jsonValue: JSONValue {
        .object([
            ("code", .string(code)),
            ("severity", .string(severity.rawValue)),
            ("message", .string(message)),
            ("at", .optional(at)),
        ] + extensions.map { ($0.key, $0.value) })
    }
}

extension JSONValue {
    static func optional(_ text: String?) -> JSONValue {
        text.map { .string($0) } ?? .null
    }
}

// MARK: - Reading

extension PohonKinerja {
    /// Reads and validates a canonical JSON file.
    /// - Throws: `PokinError`: `file-not-found`/`file-unreadable` (exit 3), `malformed-json`,
    ///   or the code of the first model problem (exit 1) with every problem listed in the message.
    public static func read(path: String) throws -> PohonKinerja {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            let exists = FileManager.default.fileExists(atPath: path)
            throw PokinError(exists ? .fileUnreadable : .fileNotFound,
                             exists ? "could not read the file" : "the file does not exist; check the path",
                             at: Location(file: path))
        }
        return try decode(Array(data), file: path)
    }

    /// Parses and validates canonical JSON bytes.
    public static func decode(_ bytes: [UInt8], file: String? = nil) throws -> PohonKinerja {
        let value = try JSONParser.parse(bytes, file: file)
        var decoder = ModelDecoder(file: file)
        let document = decoder.document(value)
        var problems = decoder.problems
        if problems.isEmpty { problems = document.validate() }
        guard let first = problems.first else { return document }
        var message = problems.count == 1
            ? first.message
            : "\(problems.count) problems in the model:\n" + problems.prefix(50).map { "  - [\($0.code)] \($0.message)" }.joined(separator: "\n")
        if problems.count > 50 { message += "\n  … and \(problems.count - 50) more" }
        throw PokinError(first.code, message, at: Location(file: file, part: first.path))
    }
}


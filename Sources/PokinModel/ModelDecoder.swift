import PokinCore

/// Turns a JSON value into the model, collecting every problem with its JSON path.
struct ModelDecoder {
    let file: String?
    var problems: [ModelProblem] = []

    init(file: String?) { self.file = file }

    mutating func document(_ value: JSONValue) -> PohonKinerja {
        guard let members = object(value, path: "(document)") else { return PohonKinerja() }
        var document = PohonKinerja()
        var sawVersion = false
        for (key, member) in members {
            switch key {
            case "pokin":
                sawVersion = true
                if case .number(let version) = member, version == Double(PohonKinerja.formatVersion) { continue }
                problems.append(ModelProblem(.unsupportedVersion, "\"pokin\" must be \(PohonKinerja.formatVersion) (this is version 1 of the format); found \(member.compact())", path: "pokin"))
            case "agency": document.agency = agency(member)
            case "nodes":
                guard let items = array(member, path: "nodes") else { continue }
                document.nodes = items.enumerated().map { node($1, index: $0) }
            case "diagnostics":
                guard let items = array(member, path: "diagnostics") else { continue }
                document.diagnostics = items.enumerated().compactMap { diagnostic($1, path: "diagnostics[\($0)]") }
            default: document.extensions.append(JSONMember(key, member))
            }
        }
        if !sawVersion {
            problems.append(ModelProblem(.unsupportedVersion, "the document has no \"pokin\": 1 member; is this a pokin canonical JSON file?", path: "pokin"))
        }
        for required in ["agency", "nodes"] where !members.contains(where: { $0.0 == required }) {
            problems.append(ModelProblem(.invalidModel, "the document has no \"\(required)\" member", path: required))
        }
        return document
    }

    private mutating func agency(_ value: JSONValue) -> PerangkatDaerah {
        guard let members = object(value, path: "agency") else { return PerangkatDaerah() }
        var agency = PerangkatDaerah()
        for (key, member) in members {
            switch key {
            case "name": agency.name = optionalString(member, path: "agency.name")
            case "shortName": agency.shortName = optionalString(member, path: "agency.shortName")
            default: agency.extensions.append(JSONMember(key, member))
            }
        }
        return agency
    }

    private mutating func node(_ value: JSONValue, index: Int) -> Kinerja {
        var path = "nodes[\(index)]"
        var node = Kinerja(id: "", statement: "", level: .outcome)
        guard let members = object(value, path: path) else { return node }
        if let id = members.first(where: { $0.0 == "id" })?.1.stringValue { path = "node \"\(id)\" (nodes[\(index)])" }
        var seen = Set<String>()
        for (key, member) in members {
            seen.insert(key)
            switch key {
            case "id": node.id = string(member, path: "\(path).id") ?? ""
            case "parent": node.parent = optionalString(member, path: "\(path).parent")
            case "statement": node.statement = string(member, path: "\(path).statement") ?? ""
            case "level": node.level = enumValue(member, Level.self, path: "\(path).level", nullable: false) ?? .outcome
            case "performance": node.performance = enumValue(member, JenisKinerja.self, path: "\(path).performance")
            case "planning": node.planning = enumValue(member, KomponenPerencanaan.self, path: "\(path).planning")
            case "position": node.position = enumValue(member, Jabatan.self, path: "\(path).position")
            case "indicators":
                node.indicators = (array(member, path: "\(path).indicators") ?? []).enumerated().compactMap {
                    indicator($1, path: "\(path).indicators[\($0)]")
                }
            case "crosscutting":
                node.crosscutting = (array(member, path: "\(path).crosscutting") ?? []).enumerated().compactMap {
                    crosscutting($1, path: "\(path).crosscutting[\($0)]")
                }
            case "nomenclature": node.nomenclature = nomenclature(member, path: "\(path).nomenclature")
            case "stages": node.stages = stages(member, path: "\(path).stages")
            default: node.extensions.append(JSONMember(key, member))
            }
        }
        for required in ["id", "parent", "statement", "level", "performance", "planning", "position", "indicators", "crosscutting"]
        where !seen.contains(required) {
            problems.append(ModelProblem(.invalidModel, "\(path) has no \"\(required)\" member (write null or [] when the source does not say)", path: path))
        }
        if seen.contains("id"), node.id.isEmpty {
            problems.append(ModelProblem(.invalidModel, "\(path) has an empty id", path: path))
        }
        if seen.contains("statement"), node.statement.allSatisfy(\.isWhitespace) {
            problems.append(ModelProblem(.invalidModel, "\(path) has an empty statement", path: path))
        }
        return node
    }

    private mutating func indicator(_ value: JSONValue, path: String) -> Indikator? {
        guard let members = object(value, path: path) else { return nil }
        var indicator = Indikator(name: "")
        var hasName = false
        for (key, member) in members {
            switch key {
            case "name":
                indicator.name = string(member, path: "\(path).name") ?? ""
                hasName = !indicator.name.allSatisfy(\.isWhitespace)
            case "unit": indicator.unit = optionalString(member, path: "\(path).unit")
            case "targets":
                indicator.targets = (array(member, path: "\(path).targets") ?? []).enumerated().compactMap {
                    target($1, path: "\(path).targets[\($0)]")
                }
            default: indicator.extensions.append(JSONMember(key, member))
            }
        }
        if !hasName { problems.append(ModelProblem(.invalidModel, "\(path) has no indicator name", path: path)) }
        return indicator
    }

    private mutating func target(_ value: JSONValue, path: String) -> Indikator.Target? {
        guard let members = object(value, path: path) else { return nil }
        guard case .number(let year)? = value["year"], year == year.rounded(), (1900...2200).contains(year),
              let text = value["value"]?.stringValue, members.count == 2 else {
            problems.append(ModelProblem(.invalidModel, "\(path) must be {\"year\": a year, \"value\": text}", path: path))
            return nil
        }
        return Indikator.Target(year: Int(year), value: text)
    }

    private mutating func crosscutting(_ value: JSONValue, path: String) -> Crosscutting? {
        guard let members = object(value, path: path) else { return nil }
        var item = Crosscutting(partner: "")
        for (key, member) in members {
            if key == "partner" { item.partner = string(member, path: "\(path).partner") ?? "" } else {
                item.extensions.append(JSONMember(key, member))
            }
        }
        if item.partner.allSatisfy(\.isWhitespace) {
            problems.append(ModelProblem(.invalidModel, "\(path) has no partner name", path: path))
        }
        return item
    }

    private mutating func nomenclature(_ value: JSONValue, path: String) -> Nomenklatur? {
        if value.isNull { return nil }
        guard let members = object(value, path: path) else { return nil }
        var result = Nomenklatur(kind: .program, name: "")
        for (key, member) in members {
            switch key {
            case "kind": result.kind = enumValue(member, Nomenklatur.Kind.self, path: "\(path).kind", nullable: false) ?? .program
            case "code": result.code = optionalString(member, path: "\(path).code")
            case "name": result.name = string(member, path: "\(path).name") ?? ""
            case "statement": result.statement = optionalString(member, path: "\(path).statement")
            case "indicators": result.indicators = (array(member, path: "\(path).indicators") ?? []).compactMap { string($0, path: "\(path).indicators") }
            default:
                problems.append(ModelProblem(.invalidModel, "\(path): unknown field \"\(key)\" (a nomenclature has kind, code, name, statement, indicators)", path: path))
            }
        }
        if result.name.allSatisfy(\.isWhitespace) {
            problems.append(ModelProblem(.invalidModel, "\(path) has no name", path: path))
        }
        return result
    }

    private mutating func stages(_ value: JSONValue, path: String) -> [StageRole: StageRecord] {
        guard let members = object(value, path: path) else { return [:] }
        var result: [StageRole: StageRecord] = [:]
        for (key, member) in members {
            guard let role = StageRole(rawValue: key) else {
                problems.append(ModelProblem(.invalidEnumValue, "\(path): \"\(key)\" is not a stage; use one of \(StageRole.allCases.map(\.rawValue).joined(separator: ", "))", path: path))
                continue
            }
            let recordPath = "\(path).\(key)"
            guard let fields = object(member, path: recordPath) else { continue }
            var record = StageRecord()
            for (field, fieldValue) in fields {
                switch field {
                case "text": record.text = string(fieldValue, path: "\(recordPath).text")
                case "indicators": record.indicators = (array(fieldValue, path: "\(recordPath).indicators") ?? []).compactMap { string($0, path: "\(recordPath).indicators") }
                case "levelLabel": record.levelLabel = string(fieldValue, path: "\(recordPath).levelLabel")
                case "planningLabel": record.planningLabel = string(fieldValue, path: "\(recordPath).planningLabel")
                case "positionLabel": record.positionLabel = string(fieldValue, path: "\(recordPath).positionLabel")
                case "at": record.at = string(fieldValue, path: "\(recordPath).at")
                default:
                    problems.append(ModelProblem(.invalidModel, "\(recordPath): unknown field \"\(field)\" (a stage record has text, indicators, levelLabel, planningLabel, positionLabel, at)", path: recordPath))
                }
            }
            result[role] = record
        }
        return result
    }

    private mutating func diagnostic(_ value: JSONValue, path: String) -> Diagnostic? {
        guard let members = object(value, path: path) else { return nil }
        var item = Diagnostic(code: "", severity: .info, message: "")
        for (key, member) in members {
            switch key {
            case "code": item.code = string(member, path: "\(path).code") ?? ""
            case "severity": item.severity = enumValue(member, Severity.self, path: "\(path).severity", nullable: false) ?? .info
            case "message": item.message = string(member, path: "\(path).message") ?? ""
            case "at": item.at = optionalString(member, path: "\(path).at")
            default: item.extensions.append(JSONMember(key, member))
            }
        }
        if item.code.isEmpty || item.message.isEmpty {
            problems.append(ModelProblem(.invalidModel, "\(path) needs a code and a message", path: path))
        }
        return item
    }

    // MARK: Typed access with problems recorded

    private mutating func object(_ value: JSONValue, path: String) -> [(String, JSONValue)]? {
        if let members = value.objectMembers { return members }
        problems.append(ModelProblem(.invalidModel, "\(path) must be an object, found \(value.typeName)", path: path))
        return nil
    }

    private mutating func array(_ value: JSONValue, path: String) -> [JSONValue]? {
        if let items = value.arrayValue { return items }
        problems.append(ModelProblem(.invalidModel, "\(path) must be an array, found \(value.typeName)", path: path))
        return nil
    }

    private mutating func string(_ value: JSONValue, path: String) -> String? {
        if let text = value.stringValue { return text }
        problems.append(ModelProblem(.invalidModel, "\(path) must be text, found \(value.typeName)", path: path))
        return nil
    }

    private mutating func optionalString(_ value: JSONValue, path: String) -> String? {
        if value.isNull { return nil }
        return string(value, path: path)
    }

    private mutating func enumValue<E: RawRepresentable & CaseIterable>(_ value: JSONValue, _ type: E.Type, path: String, nullable: Bool = true) -> E? where E.RawValue == String {
        if value.isNull, nullable { return nil }
        if let text = value.stringValue, let result = E(rawValue: text) { return result }
        let allowed = E.allCases.map(\.rawValue).joined(separator: ", ")
        problems.append(ModelProblem(.invalidEnumValue, "\(path) is \(value.compact()), which is not one of: \(allowed)\(nullable ? " (or null)" : "")", path: path))
        return nil
    }
}

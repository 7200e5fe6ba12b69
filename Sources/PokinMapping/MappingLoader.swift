import Foundation
import PokinCore
import PokinModel
import Yams

/// Reads a mapping file (YAML) and reports every problem with its line.
public struct MappingLoader {
    /// The fields a column rule may name.
    public static let knownFields: Set<String> = [
        "statement", "parent", "stage", "level", "performance", "indicator", "planning", "position",
        "crosscutting", "notes", "unit", "numbering", "code", "program", "kegiatan", "subkegiatan", "problem",
        "id", "parent-id", "targets", "nomenclature", "nomenclature-code", "nomenclature-statement", "nomenclature-indicator",
        "target", "year",
    ]

    public private(set) var problems: [MappingProblem] = []
    private let file: String

    private init(file: String) { self.file = file }

    /// Loads and checks a mapping file.
    /// - Throws: `PokinError(.invalidMapping)` listing every problem with its line.
    public static func load(path: String) throws -> MappingFile {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw PokinError(.fileNotFound, "the mapping file does not exist or cannot be read", at: Location(file: path))
        }
        let (mapping, problems) = check(yaml: String(decoding: data, as: UTF8.self), file: path)
        if let mapping, problems.isEmpty { return mapping }
        throw PokinError(.invalidMapping, problems.map(\.description).joined(separator: "\n"),
                         at: Location(file: path, line: problems.first?.line))
    }

    /// Parses YAML text into a mapping, collecting every problem (empty when the file is sound).
    public static func check(yaml: String, file: String) -> (MappingFile?, [MappingProblem]) {
        var loader = MappingLoader(file: file)
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: yaml) else {
                return (nil, [MappingProblem(file: file, line: 1, message: "the file is empty")])
            }
            root = node
        } catch let error as YamlError {
            return (nil, [MappingProblem(file: file, line: Self.line(of: error), message: "this is not valid YAML: \(error)")])
        } catch {
            return (nil, [MappingProblem(file: file, line: nil, message: "this is not valid YAML: \(error)")])
        }
        let mapping = loader.mappingFile(root)
        return (mapping, loader.problems)
    }

    private static func line(of error: YamlError) -> Int? {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
            return mark.line
        default:
            return nil
        }
    }

    // MARK: Building

    private mutating func mappingFile(_ root: Node) -> MappingFile? {
        guard let top = mapping(root, "the file") else { return nil }
        var result = MappingFile(name: "", title: "", source: file)
        var sawVersion = false
        for (keyNode, value) in top {
            guard let key = keyNode.string else { continue }
            switch key {
            case "pokin-mapping":
                sawVersion = true
                if value.int != 1 { problem(value, "pokin-mapping must be 1 (the version of this format)") }
            case "name":
                result.name = string(value, "name") ?? ""
                if result.name.isEmpty || result.name.contains(where: { $0 == " " || $0 == "/" }) {
                    problem(value, "name must be one word without spaces or slashes (it is typed on the command line)")
                }
            case "title": result.title = string(value, "title") ?? ""
            case "description": result.description = string(value, "description")
            case "vocabulary": vocabulary(value, into: &result.vocabulary)
            case "agency":
                guard let fields = mapping(value, "agency") else { continue }
                for (fieldNode, pointerNode) in fields {
                    switch fieldNode.string {
                    case "name": result.agencyName = cellPointer(pointerNode, "agency.name")
                    case "short-name": result.agencyShortName = cellPointer(pointerNode, "agency.short-name")
                    default: problem(fieldNode, "unknown key \"\(fieldNode.string ?? "")\" under agency; use name and short-name")
                    }
                }
            case "sheets":
                guard let sheets = mapping(value, "sheets") else { continue }
                for (roleNode, sheetNode) in sheets {
                    guard let roleName = roleNode.string else { continue }
                    guard let role = StageRole(rawValue: roleName) else {
                        problem(roleNode, "\"\(roleName)\" is not a sheet role; use tahap-1, tahap-2, tahap-3, tahap-4, tahap-5, cascading or pohon")
                        continue
                    }
                    if let sheet = sheetMapping(sheetNode, role: role) { result.sheets.append(sheet) }
                }
            default:
                problem(keyNode, "unknown key \"\(key)\"; a mapping has pokin-mapping, name, title, description, agency, vocabulary, sheets")
            }
        }
        if !sawVersion { problem(root, "the file must start with `pokin-mapping: 1`") }
        if result.name.isEmpty { problem(root, "the mapping needs a name") }
        if result.sheets.isEmpty { problem(root, "the mapping describes no sheets (add a `sheets:` section)") }
        return result
    }

    private mutating func vocabulary(_ node: Node, into vocabulary: inout LevelVocabulary) {
        guard let axes = mapping(node, "vocabulary") else { return }
        for (axisNode, table) in axes {
            guard let axis = axisNode.string, let entries = mapping(table, "vocabulary.\(axisNode.string ?? "")") else { continue }
            for (valueNode, wordsNode) in entries {
                guard let value = valueNode.string else { continue }
                let words = stringList(wordsNode, "vocabulary.\(axis).\(value)")
                switch axis {
                case "level":
                    if let level = Level(rawValue: value) { vocabulary.add(level: level, words) } else { badValue(valueNode, value, Level.allCases.map(\.rawValue)) }
                case "performance":
                    if let item = JenisKinerja(rawValue: value) { vocabulary.add(performance: item, words) } else { badValue(valueNode, value, JenisKinerja.allCases.map(\.rawValue)) }
                case "planning":
                    if let item = KomponenPerencanaan(rawValue: value) { vocabulary.add(planning: item, words) } else { badValue(valueNode, value, KomponenPerencanaan.allCases.map(\.rawValue)) }
                case "position":
                    if let item = Jabatan(rawValue: value) { vocabulary.add(position: item, words) } else { badValue(valueNode, value, Jabatan.allCases.map(\.rawValue)) }
                default:
                    problem(axisNode, "unknown vocabulary \"\(axis)\"; use level, performance, planning or position")
                }
            }
        }
    }

    private mutating func sheetMapping(_ node: Node, role: StageRole, nested: Bool = false) -> SheetMapping? {
        guard let entries = mapping(node, role.rawValue) else { return nil }
        var sheet = SheetMapping(role: role)
        sheet.line = line(node)
        for (keyNode, value) in entries {
            guard let key = keyNode.string else { continue }
            let path = "\(role.rawValue).\(key)"
            switch key {
            case "sheet":
                if let names = value.sequence ?? (value.scalar != nil ? Node.Sequence([value]) : nil) {
                    sheet.names = names.compactMap { string($0, path) }
                } else if let fields = mapping(value, path) {
                    for (fieldNode, fieldValue) in fields {
                        switch fieldNode.string {
                        case "names": sheet.names = stringList(fieldValue, "\(path).names")
                        case "patterns":
                            sheet.patterns = stringList(fieldValue, "\(path).patterns")
                            for (index, pattern) in sheet.patterns.enumerated() where (try? NSRegularExpression(pattern: pattern)) == nil {
                                problem(fieldValue.sequence.map { $0[index] } ?? fieldValue, "\"\(pattern)\" is not a valid regular expression")
                            }
                        default: problem(fieldNode, "unknown key \"\(fieldNode.string ?? "")\" under sheet; use names and patterns")
                        }
                    }
                }
            case "header":
                guard let fields = mapping(value, path) else { continue }
                for (fieldNode, fieldValue) in fields {
                    switch fieldNode.string {
                    case "row":
                        if let row = fieldValue.int, row >= 1 { sheet.headerRow = row } else { problem(fieldValue, "header row must be a row number (1 or more)") }
                    case "find": sheet.headerFind = stringList(fieldValue, "\(path).find")
                    case "rows":
                        if let rows = fieldValue.int, (1...5).contains(rows) { sheet.headerRows = rows } else { problem(fieldValue, "header rows must be 1 to 5") }
                    case "search-rows":
                        if let rows = fieldValue.int, rows >= 1 { sheet.headerSearchRows = rows } else { problem(fieldValue, "search-rows must be a positive number") }
                    default: problem(fieldNode, "unknown key \"\(fieldNode.string ?? "")\" under header; use row, find, rows, search-rows")
                    }
                }
                if sheet.headerRow == nil && sheet.headerFind.isEmpty { problem(value, "say where the header is: `row: N` or `find: [texts]`") }
            case "columns":
                guard let fields = mapping(value, path) else { continue }
                for (fieldNode, ruleNode) in fields {
                    guard let field = fieldNode.string else { continue }
                    guard MappingLoader.knownFields.contains(field) else {
                        problem(fieldNode, "unknown field \"\(field)\"; fields are \(MappingLoader.knownFields.sorted().joined(separator: ", "))")
                        continue
                    }
                    if let rule = columnRule(ruleNode, "\(path).\(field)") { sheet.columns[field] = rule }
                }
            case "fill-down":
                sheet.fillDown = stringList(value, path)
                for field in sheet.fillDown where !MappingLoader.knownFields.contains(field) { problem(value, "fill-down names unknown field \"\(field)\"") }
            case "skip", "stop":
                let patterns = stringList(value, path)
                for pattern in patterns where (try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive])) == nil {
                    problem(value, "\"\(pattern)\" is not a valid regular expression")
                }
                if key == "skip" { sheet.skipPatterns = patterns } else { sheet.stopPatterns = patterns }
            case "layout":
                if let text = string(value, path), let layout = SheetLayout(rawValue: text) { sheet.layout = layout } else {
                    problem(value, "layout must be table, matrix, drawing, levels or long")
                }
            case "levels": sheet.levels = levelGroups(value, path)
            case "codes": sheet.codes = codeLevels(value, path)
            case "rows": sheet.rowKinds = rowKinds(value, path)
            case "restated":
                if let table = sheetMapping(value, role: role, nested: true) { sheet.restated = [table] }
            case "indicators":
                if let text = string(value, path), let split = IndicatorSplit(rawValue: text) { sheet.indicatorSplit = split } else {
                    problem(value, "indicators must be one of: none, lines, numbered")
                }
            case "crosscutting":
                guard let fields = mapping(value, path) else { continue }
                for (fieldNode, fieldValue) in fields {
                    switch fieldNode.string {
                    case "marker":
                        sheet.crosscuttingMarker = string(fieldValue, "\(path).marker")
                        if let marker = sheet.crosscuttingMarker, (try? NSRegularExpression(pattern: marker, options: [.caseInsensitive])) == nil {
                            problem(fieldValue, "\"\(marker)\" is not a valid regular expression")
                        }
                    case "in": sheet.crosscuttingIn = stringList(fieldValue, "\(path).in")
                    default: problem(fieldNode, "unknown key \"\(fieldNode.string ?? "")\" under crosscutting; use marker and in")
                    }
                }
            default:
                problem(keyNode, "unknown key \"\(key)\" in sheet \(role.rawValue); use sheet, header, layout, columns, fill-down, skip, stop, indicators, crosscutting, restated, levels, codes, rows")
            }
        }
        if sheet.names.isEmpty && sheet.patterns.isEmpty && !nested { problem(node, "\(role.rawValue): say which sheet it is (`sheet: {names: [...]}`)") }
        if sheet.columns["statement"] == nil && role != .pohon && sheet.layout == .table { problem(node, "\(role.rawValue): a sheet needs at least the statement column (`columns: {statement: ...}`)") }
        checkLayout(sheet, node)
        if sheet.headerRow == nil && sheet.headerFind.isEmpty && sheet.columns.values.contains(where: { !$0.headers.isEmpty }) {
            problem(node, "\(role.rawValue): columns are found by header text, so say where the header is (`header: {find: [...]}`)")
        }
        return sheet
    }

    mutating func columnRuleForLayout(_ node: Node, _ path: String) -> ColumnRule? { columnRule(node, path) }
    mutating func reportProblem(_ node: Node, _ message: String) { problem(node, message) }
    mutating func mappingNode(_ node: Node, _ what: String) -> Node.Mapping? { mapping(node, what) }
    mutating func stringNode(_ node: Node, _ what: String) -> String? { string(node, what) }
    mutating func stringListNode(_ node: Node, _ what: String) -> [String] { stringList(node, what) }

    private mutating func cellPointer(_ node: Node, _ path: String) -> CellPointer? {
        guard let fields = mapping(node, path) else { return nil }
        var role: StageRole?
        var sheetName: String?
        var cell: CellAddressText?
        var line: Int?
        for (keyNode, value) in fields {
            switch keyNode.string {
            case "sheet":
                let text = string(value, "\(path).sheet") ?? ""
                role = StageRole(rawValue: text)
                if role == nil { sheetName = text }
            case "cell":
                let text = string(value, "\(path).cell") ?? ""
                if let address = CellAddress(text) { cell = CellAddressText(row: address.row, column: address.column) } else {
                    problem(value, "\"\(text)\" is not a cell address like B2")
                }
            case "line":
                if let number = value.int, number >= 1 { line = number } else { problem(value, "line must be 1 or more") }
            default: problem(keyNode, "unknown key \"\(keyNode.string ?? "")\"; a cell is given by sheet, cell and optionally line")
            }
        }
        guard role != nil || sheetName?.isEmpty == false, let cell else {
            problem(node, "\(path) needs `sheet:` (a role or a sheet's name) and `cell:` (like B2)")
            return nil
        }
        return CellPointer(role: role, sheetName: sheetName, cell: cell, line: line)
    }

    private mutating func columnRule(_ node: Node, _ path: String) -> ColumnRule? {
        if node.scalar != nil || node.sequence != nil {
            return ColumnRule(headers: stringList(node, path))
        }
        guard let fields = mapping(node, path) else { return nil }
        var rule = ColumnRule()
        rule.line = line(node)
        for (keyNode, value) in fields {
            switch keyNode.string {
            case "header": rule.headers = stringList(value, "\(path).header")
            case "letter":
                rule.letter = string(value, "\(path).letter")?.uppercased()
                if let letter = rule.letter, CellAddress.columnNumber(letter) == nil { problem(value, "\"\(letter)\" is not a column letter (A … XFD)") }
            case "occurrence":
                if let number = value.int, number >= 1 { rule.occurrence = number } else { problem(value, "occurrence must be 1 or more") }
            case "first-year":
                if let year = value.int, (1900...2200).contains(year) { rule.firstYear = year } else { problem(value, "first-year must be a year such as 2025") }
            case "year":
                if let year = value.int, (1900...2200).contains(year) { rule.year = year } else { problem(value, "year must be a year such as 2025") }
            case "with-unit":
                if let flag = value.bool { rule.withUnit = flag } else { problem(value, "with-unit must be true or false") }
            default: problem(keyNode, "unknown key \"\(keyNode.string ?? "")\" in a column; use header, letter, occurrence, first-year, year, with-unit")
            }
        }
        if rule.headers.isEmpty && rule.letter == nil { problem(node, "\(path): give a header text or a letter") }
        return rule
    }

    // MARK: Typed access with problems

    private func line(_ node: Node) -> Int? { node.mark?.line }

    private mutating func problem(_ node: Node, _ message: String) {
        problems.append(MappingProblem(file: file, line: line(node), message: message))
    }

    private mutating func badValue(_ node: Node, _ value: String, _ allowed: [String]) {
        problem(node, "\"\(value)\" is not one of: \(allowed.joined(separator: ", "))")
    }

    private mutating func mapping(_ node: Node, _ what: String) -> Node.Mapping? {
        if let mapping = node.mapping { return mapping }
        problem(node, "\(what) must be a set of `key: value` lines")
        return nil
    }

    private mutating func string(_ node: Node, _ what: String) -> String? {
        if let scalar = node.scalar { return scalar.string }
        problem(node, "\(what) must be a single text")
        return nil
    }

    private mutating func stringList(_ node: Node, _ what: String) -> [String] {
        if let scalar = node.scalar { return [scalar.string] }
        if let sequence = node.sequence { return sequence.compactMap { string($0, what) } }
        problem(node, "\(what) must be a text or a list of texts")
        return []
    }
}

/// One problem in a mapping file, with its line.
public struct MappingProblem: Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var message: String
    public var description: String { "\(file):\(line.map(String.init) ?? "?"): \(message)" }
}

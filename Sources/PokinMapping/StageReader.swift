import Foundation
import PokinModel

/// Reads the records of one stage's sheet into `StageEntry`s, interpreting the columns as the
/// method defines them for that stage, and noting what it had to repair.
struct StageReader {
    let mapping: SheetMapping
    /// The mapping's vocabulary, each distinct word looked up once per sheet.
    let vocabulary: VocabularyMemo
    let file: String?
    var diagnostics: [Diagnostic] = []

    /// The crosscutting marker, compiled once per process (not per sheet or row).
    private let marker: CompiledPattern?
    /// The field names, resolved once against the records' names (`entries(from:)`).
    private var keys: FieldKeys
    /// `indicatorUnits` / `indicatorTargets` of an entry whose row gives no unit and no target,
    /// by indicator count: shared by such entries instead of made for each.
    private var blankUnits: [[String?]] = []
    private var blankTargets: [[[Indikator.Target]]] = []

    init(mapping: SheetMapping, vocabulary: LevelVocabulary, file: String?) {
        self.mapping = mapping
        self.vocabulary = VocabularyMemo(vocabulary)
        self.file = file
        marker = mapping.crosscuttingMarker.flatMap { try? CompiledPattern.cached($0, caseInsensitive: true) }
        keys = FieldKeys(names: nil, crosscuttingIn: mapping.crosscuttingIn)
    }

    mutating func entries(from records: [SheetRecord]) -> [StageEntry] {
        // A sheet's records share their field names: each field's place is found once.
        if let names = records.first?.fields.names { keys = FieldKeys(names: names, crosscuttingIn: mapping.crosscuttingIn) }
        switch mapping.role {
        // Tahap 3 with a CSF column is read group by group; a Tahap 3 with a parent-id column
        // (pokin's own template) is one node per row like the other stages.
        case .tahap3 where mapping.columns["parent"] != nil: return conditionEntries(records)
        default: return plainEntries(records)
        }
    }

    // MARK: Tahap 1, 2, 4, 5 (and any one-row-per-node sheet)

    private mutating func plainEntries(_ records: [SheetRecord]) -> [StageEntry] {
        var result: [StageEntry] = []
        let keys = self.keys
        for record in records {
            guard let text = record.text(keys.statement) else {
                if record.text(keys.indicator) != nil, !result.isEmpty {
                    // An indicator alone on its row belongs to the node above (one indicator per row).
                    result[result.count - 1].indicators += indicators(in: record.text(keys.indicator)!)
                }
                continue
            }
            if isLegend(text, record: record) {
                note(.info, "legend-skipped", "the row holds only the level word \"\(text)\"; read as a legend, not a node", record.reference(keys.statement, file: file))
                continue
            }
            var entry = StageEntry(role: mapping.role, row: record.row, text: text, at: record.reference(keys.statement, file: file))
            if let hint = record.text(keys.stage) { entry.stageHint = Self.stageNumber(hint) }
            if let label = record.text(keys.level) { classify(label, into: &entry, record: record) }
            if let label = record.text(keys.performance) {
                entry.performance = vocabulary.performance(label)
                if entry.levelLabel == nil { entry.levelLabel = label }
            }
            if let label = record.text(keys.planning) {
                entry.planningLabel = label
                entry.planning = vocabulary.planning(label)
                if entry.planning == nil { unknownWord(label, axis: "planning", record: record, field: keys.planning) }
            }
            if let label = record.text(keys.position) {
                entry.positionLabel = label
                entry.position = vocabulary.position(label)
                if entry.position == nil { unknownWord(label, axis: "position", record: record, field: keys.position) }
            }
            if let cell = record.text(keys.indicator) { entry.indicators = indicators(in: cell) }
            attachUnitsAndTargets(record, to: &entry)
            entry.partners = partners(in: record)
            entry.id = record.text(keys.id)
            entry.parentID = record.text(keys.parentID)
            entry.nomenclature = nomenclature(in: record, planning: entry.planning)
            if mapping.role == .tahap1 { entry.level = .outcome }
            if mapping.role == .tahap2 { entry.level = entry.level ?? .csf }
            if let parent = record.text(keys.parent) {
                entry.parentText = parent
                entry.parentAt = record.reference(keys.parent, file: file)
            }
            result.append(entry)
        }
        return result
    }

    // MARK: Tahap 3: CSF column, condition column, level word

    private mutating func conditionEntries(_ records: [SheetRecord]) -> [StageEntry] {
        var result: [StageEntry] = []
        var currentCSF: StageEntry?
        let keys = self.keys
        for record in records {
            let parentField = record.fields[keys.parent]
            let ownParent = parentField.flatMap { $0.inherited ? nil : $0.text }.flatMap { $0.isEmpty ? nil : $0 }
            let statement = record.text(keys.statement)
            let levelText = record.text(keys.level)

            // A crosscutting marker in the condition (or level) column: the CSF on this row is
            // delivered by the partner named after the marker.
            let partners = partners(in: record)
            if !partners.isEmpty, let csfText = ownParent ?? currentCSF?.text {
                var csf = StageEntry(role: .tahap3, row: record.row, text: csfText,
                                     at: ownParent != nil ? record.reference(keys.parent, file: file) : currentCSF!.at)
                csf.level = .csf
                csf.partners = partners
                if ownParent != nil { result.append(csf) } else if let index = result.lastIndex(where: { $0.text == csfText && $0.level == .csf }) {
                    result[index].partners += partners
                }
                currentCSF = csf
                continue
            }

            // Shifted row: the condition sits in the CSF column and its level word in the
            // condition column (seed "Terlaksananya Fasilitasi …").
            if let shifted = ownParent, let statement, levelText == nil, let level = vocabulary.level(statement), level != .csf, level != .outcome {
                var entry = StageEntry(role: .tahap3, row: record.row, text: shifted, at: record.reference(keys.parent, file: file))
                entry.level = level
                entry.levelLabel = statement
                entry.parentText = currentCSF?.text
                entry.parentAt = currentCSF?.at
                result.append(entry)
                note(.warning, "shifted-cell",
                     "\"\(Self.short(shifted))\" is written in the CSF column with its level \"\(statement)\" in the condition column; read as a \(level.rawValue) under the current CSF, not as a new CSF",
                     record.reference(keys.parent, file: file))
                continue
            }

            if let ownParent {
                // A new CSF group starts.
                var csf = StageEntry(role: .tahap3, row: record.row, text: ownParent, at: record.reference(keys.parent, file: file))
                csf.level = .csf
                if currentCSF?.text != ownParent { result.append(csf) }
                currentCSF = csf
            }
            guard let statement else { continue }
            if isLegend(statement, record: record) || (ownParent == nil && currentCSF == nil && vocabulary.level(statement) != nil) {
                note(.info, "legend-skipped", "the row holds only the level word \"\(statement)\"; read as a legend, not a node", record.reference(keys.statement, file: file))
                continue
            }
            var entry = StageEntry(role: .tahap3, row: record.row, text: statement, at: record.reference(keys.statement, file: file))
            entry.parentText = currentCSF?.text
            entry.parentAt = currentCSF?.at
            if let levelText { classify(levelText, into: &entry, record: record) }
            if let cell = record.text(keys.indicator) { entry.indicators = indicators(in: cell) }
            result.append(entry)
        }
        return result
    }

    // MARK: Helpers

    /// Units and yearly targets written beside the indicators: with several indicators in one
    /// cell, the n-th line of a unit or target cell belongs to the n-th indicator.
    private mutating func attachUnitsAndTargets(_ record: SheetRecord, to entry: inout StageEntry) {
        let count = entry.indicators.count
        guard count > 0 else { return }
        let unitCell = record.text(keys.unit)
        if unitCell == nil, record.targets.isEmpty {
            setBlankUnitsAndTargets(count, on: &entry)
            return
        }
        let lines = Self.lines
        var mismatch = false
        // "-" (or an em dash) holds the place of an indicator that has no unit or target.
        func value(_ text: String) -> String? { text == "-" || text == "—" || text == "–" ? nil : text }
        var units = [String?](repeating: nil, count: count)
        if let unitCell {
            let parts = lines(unitCell)
            if parts.count == count { for index in 0..<count { units[index] = value(parts[index]) } } else {
                units[0] = unitCell
                mismatch = count > 1
            }
        }
        var targets = [[Indikator.Target]](repeating: [], count: count)
        for (year, text) in record.targets {
            let parts = lines(text)
            if parts.count == count {
                for index in 0..<count {
                    if let target = value(parts[index]) { targets[index].append(Indikator.Target(year: year, value: target)) }
                }
            } else {
                targets[0].append(Indikator.Target(year: year, value: text))
                mismatch = mismatch || count > 1
            }
        }
        entry.indicatorUnits = units
        entry.indicatorTargets = targets
        if mismatch {
            note(.warning, "targets-unaligned",
                 "\(count) indicators share one cell, but the unit or target cells do not have one line per indicator; they were given to the first indicator",
                 record.reference(keys.indicator, file: file))
        }
    }

    /// No unit and no target for any of `count` indicators (`nil` and `[]` each), as arrays
    /// shared between entries.
    private mutating func setBlankUnitsAndTargets(_ count: Int, on entry: inout StageEntry) {
        while blankUnits.count <= min(count, 64) {
            blankUnits.append([String?](repeating: nil, count: blankUnits.count))
            blankTargets.append([[Indikator.Target]](repeating: [], count: blankTargets.count))
        }
        if count < blankUnits.count {
            entry.indicatorUnits = blankUnits[count]
            entry.indicatorTargets = blankTargets[count]
        } else {
            entry.indicatorUnits = [String?](repeating: nil, count: count)
            entry.indicatorTargets = [[Indikator.Target]](repeating: [], count: count)
        }
    }

    /// The program / kegiatan / sub kegiatan named on the row; its kind follows the planning
    /// component (sasaran program → program, kegiatan → kegiatan, otherwise sub kegiatan).
    private func nomenclature(in record: SheetRecord, planning: KomponenPerencanaan?) -> Nomenklatur? {
        guard let name = record.text(keys.nomenclature) else { return nil }
        let kind: Nomenklatur.Kind
        switch planning {
        case .sasaranProgram: kind = .program
        case .sasaranKegiatan: kind = .kegiatan
        default: kind = .subKegiatan
        }
        return Nomenklatur(kind: kind, code: record.text(keys.nomenclatureCode), name: name,
                           statement: record.text(keys.nomenclatureStatement),
                           indicators: record.text(keys.nomenclatureIndicator).map(indicators(in:)) ?? [])
    }

    /// Interprets a level word on whichever axis knows it (Tahap 3: condition levels; Tahap 4/5:
    /// kinerja classes).
    private mutating func classify(_ label: String, into entry: inout StageEntry, record: SheetRecord) {
        entry.levelLabel = label
        let asLevel = vocabulary.level(label)
        let asPerformance = vocabulary.performance(label)
        switch mapping.role {
        case .tahap4, .tahap5:
            entry.performance = asPerformance
            if asPerformance == nil { entry.level = asLevel }
        default:
            entry.level = asLevel
            if asLevel == nil { entry.performance = asPerformance }
        }
        if asLevel == nil && asPerformance == nil { unknownWord(label, axis: "level", record: record, field: keys.level) }
    }

    private mutating func unknownWord(_ label: String, axis: String, record: SheetRecord, field: RecordFieldNames.Key) {
        note(.warning, "unknown-\(axis)-word",
             "\"\(label)\" is not a known \(axis) word; add it to the mapping's vocabulary (vocabulary: \(axis): …)",
             record.reference(field, file: file))
    }

    /// A row whose only text is a level word in the statement column is a legend.
    private func isLegend(_ text: String, record: SheetRecord) -> Bool {
        guard record.cells.count == 1, let level = vocabulary.level(text) else { return false }
        return level != .outcome && level != .csf
    }

    /// Splits an indicator cell into indicators, as the mapping says.
    func indicators(in cell: String) -> [String] {
        switch mapping.indicatorSplit {
        case .none:
            return [cell]
        case .lines, .numbered:
            // One ASCII line without a digit (most cells): no line to split, no numbering.
            if Self.isPlainLine(cell) { return Self.plainIndicators(cell) }
            return Self.splitIndicators(cell, numbered: mapping.indicatorSplit == .numbered)
        }
    }

    /// The indicators of a cell that `isPlainLine`: what `splitIndicators` gives for it.
    static func plainIndicators(_ cell: String) -> [String] {
        let cleaned = TableExtractor.clean(cell)
        return cleaned.isEmpty ? [] : [cleaned]
    }

    /// The cell's lines, each split as a numbered list when `numbered` (or when the cell has
    /// one line).
    static func splitIndicators(_ cell: String, numbered: Bool) -> [String] {
        var parts = lines(cell)
        if numbered || parts.count == 1 {
            parts = parts.flatMap(splitNumbered)
        }
        return parts
    }

    /// ASCII text with no line break and no digit: its lines are itself (cleaned), and it is
    /// not a numbered list.
    static func isPlainLine(_ text: String) -> Bool {
        func plain(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            for byte in bytes where byte >= 0x80 || (byte >= 0x0A && byte <= 0x0D) || (byte >= 0x30 && byte <= 0x39) { return false }
            return true
        }
        // Native strings are read as one buffer of bytes.
        if let answer = text.utf8.withContiguousStorageIfAvailable(plain) { return answer }
        var copy = text
        return copy.withUTF8(plain)
    }

    /// The cell's lines, edges trimmed, blank ones left out.
    static func lines(_ text: String) -> [String] {
        // One line (most cells): no split needed.
        if !text.utf8.contains(where: { $0 >= 0x0A && $0 <= 0x0D || $0 >= 0x80 }) {
            let cleaned = TableExtractor.clean(text)
            return cleaned.isEmpty ? [] : [cleaned]
        }
        return text.split(whereSeparator: \.isNewline).map { TableExtractor.clean(String($0)) }.filter { !$0.isEmpty }
    }

    /// "1. Nilai LHE AKIP 2. Indeks Kepuasan" → two indicators; text without numbering unchanged.
    private static let numbering = try? NSRegularExpression(pattern: "(?:^|\\s)(\\d{1,2})[.)]\\s+")

    static func splitNumbered(_ text: String) -> [String] {
        NumberedList.split(text) ?? splitNumberedWithPattern(text)
    }

    /// `splitNumbered` through the regular expression (any text; `NumberedList` must agree).
    static func splitNumberedWithPattern(_ text: String) -> [String] {
        // Most cells hold no numbering at all: skip the regular expression for them.
        guard text.contains(where: \.isNumber), let regex = numbering else { return [text] }
        let matches = regex.matches(in: text, range: NSRange(text.startIndex..., in: text))
        guard matches.count >= 2,
              let firstNumber = Range(matches[0].range(at: 1), in: text).map({ text[$0] }), firstNumber == "1" else { return [text] }
        var parts: [String] = []
        for (index, match) in matches.enumerated() {
            let start = match.range.location + match.range.length
            let end = index + 1 < matches.count ? matches[index + 1].range.location : (text as NSString).length
            let part = (text as NSString).substring(with: NSRange(location: start, length: end - start))
            let cleaned = TableExtractor.clean(part)
            if !cleaned.isEmpty { parts.append(cleaned) }
        }
        return parts
    }

    /// Partners named after the crosscutting marker in the fields the mapping says.
    private func partners(in record: SheetRecord) -> [String] {
        guard let marker else { return [] }
        var result: [String] = []
        for key in keys.crosscuttingIn {
            let field = key.name
            guard let text = record.text(key) else { continue }
            if let rest = marker.remainder(afterFirstMatchIn: text) {
                let partner = TableExtractor.clean(rest)
                if !partner.isEmpty { result.append(partner) }
            } else if field == "crosscutting" {
                // A dedicated partner column needs no marker; several partners go one per line.
                result += text.split(whereSeparator: \.isNewline).map { TableExtractor.clean(String($0)) }.filter { !$0.isEmpty }
            }
        }
        return result
    }

    /// The number the text's digits make together ("Tahap 3" → 3), when it is 1 … 5.
    static func stageNumber(_ text: String) -> Int? {
        // In ASCII text the characters that are numbers are the digits: their number is read
        // as it goes; once above 5 it can only grow (each digit multiplies it by ten).
        var number = 0
        var digits = 0
        for byte in text.utf8 {
            if byte >= 0x80 { return stageNumberOfText(text) }
            guard byte >= 0x30 && byte <= 0x39 else { continue }
            digits += 1
            if number <= 5 { number = number * 10 + Int(byte - 0x30) }
        }
        return digits > 0 && (1...5).contains(number) ? number : nil
    }

    /// `stageNumber` for any text: its characters that are numbers, read as one number.
    static func stageNumberOfText(_ text: String) -> Int? {
        let digits = text.utf8.allSatisfy({ $0 < 0x80 })
            ? String(decoding: text.utf8.filter { $0 >= 0x30 && $0 <= 0x39 }, as: UTF8.self)
            : TextKey(text).value.filter(\.isNumber)
        guard let number = Int(digits), (1...5).contains(number) else { return nil }
        return number
    }

    static func short(_ text: String) -> String {
        text.count <= 60 ? text : String(text.prefix(57)) + "…"
    }

    private mutating func note(_ severity: Severity, _ code: String, _ message: String, _ at: String) {
        diagnostics.append(Diagnostic(code: code, severity: severity, message: message, at: at))
    }
}

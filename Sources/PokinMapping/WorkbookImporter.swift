import Foundation
import PokinCore
import PokinModel

/// Reads an agency's workbook (any `TableWorkbook`: XLSX, a CSV, a folder of CSVs) through a
/// mapping into the canonical tree.
public struct WorkbookImporter {
    public let mapping: MappingFile

    public init(mapping: MappingFile) {
        self.mapping = mapping
    }

    /// The sheet of `workbook` that plays `role` under this mapping, if any.
    public func sheetName(for role: StageRole, in workbook: TableWorkbook) -> String? {
        guard let sheet = mapping.sheet(role) else { return nil }
        return Self.locate(sheet, in: workbook.sheets.map(\.name))
    }

    static func locate(_ sheet: SheetMapping, in names: [String]) -> String? {
        if !sheet.names.isEmpty {
            // Each sheet name's key made once, not once per name the mapping looks for.
            let keys = names.map { TextKey($0) }
            for wanted in sheet.names {
                let key = TextKey(wanted)
                if let index = keys.firstIndex(of: key) { return names[index] }
            }
        }
        for pattern in sheet.patterns {
            guard let compiled = try? CompiledPattern.cached(pattern, caseInsensitive: true) else { continue }
            if let found = names.first(where: compiled.matchesRemembering) {
                return found
            }
        }
        return nil
    }

    /// Imports the workbook.
    /// - Parameter file: the name used in cell references (`file.xlsx!'Tahap 3'!B7`).
    /// - Throws: `PokinError` when no sheet of the mapping is present or a required column is missing.
    public func importTree(from workbook: TableWorkbook, file: String?) throws -> PohonKinerja {
        var assembler = TreeAssembler()
        var diagnostics: [Diagnostic] = []
        var foundAny = false
        for role in StageRole.allCases {
            guard let sheetMapping = mapping.sheet(role) else { continue }
            // A pohon sheet is read only as a drawing; otherwise a mapping names it for the agency's name.
            if role == .pohon && sheetMapping.layout != .drawing && !sheetMapping.layout.isOneSheetTree { continue }
            guard let sheetName = sheetName(for: role, in: workbook) else {
                diagnostics.append(Diagnostic(code: "sheet-missing", severity: .info,
                                              message: "no sheet for \(role.title) (looked for \((sheetMapping.names + sheetMapping.patterns).joined(separator: ", ")))",
                                              at: file))
                continue
            }
            foundAny = true
            if sheetMapping.layout == .drawing {
                guard let drawings = workbook as? DrawingWorkbook, let drawing = try drawings.drawing(ofSheet: sheetName) else {
                    diagnostics.append(Diagnostic(code: "drawing-missing", severity: .warning,
                                                  message: "the sheet \"\(sheetName)\" has no drawing to read the tree from",
                                                  at: file.map { "\($0)!\(CellAddress.quotedSheetName(sheetName))" }))
                    continue
                }
                let drawn = DrawnTreeReader().tree(from: drawing, file: file ?? "", sheet: sheetName)
                diagnostics += drawn.diagnostics
                assembler.add(stage: role, entries: Self.entries(from: drawn, role: role))
                continue
            }
            if sheetMapping.layout.isOneSheetTree {
                let read = try Self.oneSheetTree(sheetMapping, vocabulary: mapping.vocabulary, in: workbook, sheet: sheetName, file: file)
                diagnostics += read.diagnostics
                assembler.add(stage: role, entries: read.entries)
                continue
            }
            var source = try workbook.rows(ofSheet: sheetName)
            var extractor = TableExtractor(mapping: sheetMapping, sheetName: sheetName, file: file)
            let records = try extractor.extract(from: &source)
            if sheetMapping.layout == .matrix {
                let reader = MatrixReader(mapping: sheetMapping, vocabulary: mapping.vocabulary, file: file)
                assembler.addMatrix(role: role, columns: reader.columns(headers: extractor.headers, records: records),
                                    marker: sheetMapping.crosscuttingMarker)
                continue
            }
            var reader = StageReader(mapping: sheetMapping, vocabulary: mapping.vocabulary, file: file)
            var entries = reader.entries(from: records)
            diagnostics += reader.diagnostics
            for var restatedMapping in sheetMapping.restated {
                // The second table starts below the first, however long the first is: its
                // header is looked for that many rows further down.
                restatedMapping.headerSearchRows += records.last?.row ?? 0
                var restatedSource = try workbook.rows(ofSheet: sheetName)
                var restatedExtractor = TableExtractor(mapping: restatedMapping, sheetName: sheetName, file: file)
                var restatedReader = StageReader(mapping: restatedMapping, vocabulary: mapping.vocabulary, file: file)
                let restatements = restatedReader.entries(from: try restatedExtractor.extract(from: &restatedSource))
                for (index, restatement) in restatements.enumerated() where index < entries.count {
                    entries[index].text = restatement.text
                    entries[index].at = restatement.at
                }
            }
            assembler.add(stage: role, entries: entries)
        }
        guard foundAny else {
            throw PokinError(.missingSheet,
                             "none of the sheets the mapping \"\(mapping.name)\" describes is in the workbook (sheets: \(workbook.sheets.map { "\"\($0.name)\"" }.joined(separator: ", "))); choose another mapping with --mapping, or write one (pokin mapping infer)",
                             at: Location(file: file))
        }
        let nodes = assembler.finish()
        let agency = PerangkatDaerah(name: try text(at: mapping.agencyName, in: workbook),
                                     shortName: try text(at: mapping.agencyShortName, in: workbook))
        return PohonKinerja(agency: agency, nodes: nodes, diagnostics: diagnostics + assembler.diagnostics)
    }

    /// The nodes of a drawn tree as stage entries: each with its level, labels, indicators and
    /// partners, and its parent named by wording, so the drawing merges with the tahap sheets
    /// like any other stage.
    static func entries(from drawn: PohonKinerja, role: StageRole) -> [StageEntry] {
        let byID = Dictionary(drawn.nodes.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return drawn.nodes.enumerated().map { offset, node in
            var entry = StageEntry(role: role, row: offset + 1, text: node.statement,
                                   at: node.stages[role]?.at ?? node.stages.values.first?.at ?? "")
            entry.level = node.level
            entry.planning = node.planning
            entry.planningLabel = node.stages[role]?.planningLabel
            entry.position = node.position
            entry.positionLabel = node.stages[role]?.positionLabel
            entry.indicators = node.indicators.map(\.name)
            entry.partners = node.crosscutting.map(\.partner)
            entry.parentText = node.parent.flatMap { byID[$0]?.statement }
            return entry
        }
    }

    /// The text a `CellPointer` points at, or nil when the sheet or cell is absent.
    private func text(at pointer: CellPointer?, in workbook: TableWorkbook) throws -> String? {
        guard let pointer else { return nil }
        let names = workbook.sheets.map(\.name)
        let name: String?
        if let role = pointer.role {
            name = mapping.sheet(role).flatMap { Self.locate($0, in: names) }
        } else {
            name = names.first { TextKey($0) == TextKey(pointer.sheetName ?? "") }
        }
        guard let name else { return nil }
        var source = try workbook.rows(ofSheet: name)
        var row = Row(number: 0)
        while try source.read(into: &row) {
            if row.number > pointer.cell.row { break }
            guard row.number == pointer.cell.row else { continue }
            let text = row[pointer.cell.column].displayText
            guard let line = pointer.line else { return TableExtractor.clean(text).nilIfEmpty }
            let lines = text.split(whereSeparator: \.isNewline)
            return line <= lines.count ? TableExtractor.clean(String(lines[line - 1])).nilIfEmpty : nil
        }
        return nil
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}

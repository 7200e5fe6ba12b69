import Foundation
import PokinCore
import PokinCSV
import PokinMapping
import PokinModel
import PokinXLSX

/// Writes the model in an agency's own layout, as a mapping file describes it, such that
/// reading the result with the same mapping gives the same model.
///
/// Each sheet role of the mapping is drawn by the writer of its `SheetLayout`
/// (`MappingSheetWriters`); the sheets are then written as one XLSX workbook or as a folder of
/// CSV files (one per sheet, named after it). The standard mapping (`pokin-standar`) is written
/// by `TemplateWorkbookWriter` / `TahapCSVWriter`. What the layout has no place for is not
/// silently lost: the returned warnings name it.
public struct MappingWorkbookWriter {
    public let model: PohonKinerja
    public let mapping: MappingFile
    /// Stamped into the document properties; nil keeps the file byte-for-byte reproducible.
    public var created: CivilDateTime?

    /// The name of the mapping whose layout is pokin's standard template.
    public static let standardMappingName = "pokin-standar"

    public init(model: PohonKinerja, mapping: MappingFile, created: CivilDateTime? = nil) {
        self.model = model
        self.mapping = mapping
        self.created = created
    }

    /// Whether the mapping is pokin's standard template.
    public var isStandard: Bool { mapping.name == Self.standardMappingName }

    /// The model as the standard template should see it: a model read from a layout without
    /// Tahap 1–5 sheets (a drawing, a single-sheet layout) has stage records only of other roles,
    /// which would hide every node from the tahap sheets; it is written like a model without
    /// records (each node on the stages its level belongs to).
    var standardModel: PohonKinerja {
        let tahap: Set<StageRole> = [.tahap1, .tahap2, .tahap3, .tahap4, .tahap5]
        guard !model.nodes.contains(where: { !tahap.isDisjoint(with: $0.stages.keys) }) else { return model }
        var copy = model
        for index in copy.nodes.indices { copy.nodes[index].stages = [:] }
        return copy
    }

    /// The layout's sheets, built from the model, and the warnings about what they leave out.
    public func sheets() throws -> (sheets: [MappingSheet], warnings: [Diagnostic]) {
        let context = MappingExportContext(model: model, mapping: mapping)
        var result: [MappingSheet] = []
        for sheet in mapping.sheets {
            guard let writer = MappingSheetWriters.writer(for: sheet.layout) else {
                context.warn("layout-not-written",
                             "pokin cannot write the \(sheet.layout.rawValue) layout of \(sheet.role.title) yet; the sheet is left out",
                             at: context.sheetName(for: sheet.role))
                continue
            }
            guard var written = try writer.write(sheet, context: context) else { continue }
            if let index = result.firstIndex(where: { TextKey($0.name) == TextKey(written.name) }) {
                // Two roles on one sheet (a mapping may read the agency's name from a table sheet).
                for (row, cells) in written.cells { for (column, text) in cells where result[index][row, column] == nil { result[index][row, column] = text } }
                continue
            }
            written.name = MappingExportContext.legalSheetName(written.name)
            result.append(written)
        }
        // Agency cells on a sheet no role describes (the standard template's "Petunjuk").
        for (pointer, value) in [(mapping.agencyName, model.agency.name), (mapping.agencyShortName, model.agency.shortName)] {
            guard let pointer, pointer.role == nil, let name = pointer.sheetName, let value, !value.isEmpty else { continue }
            var index = result.firstIndex { TextKey($0.name) == TextKey(name) }
            if index == nil {
                result.append(MappingSheet(role: .pohon, name: MappingExportContext.legalSheetName(name)))
                index = result.count - 1
            }
            TableHeaderPlacement.write(value, line: pointer.line, row: pointer.cell.row, column: pointer.cell.column,
                                       into: &result[index!], filler: name)
        }
        DroppedFeatures.report(in: context)
        ReadBackCheck.report(sheets: result, context: context)
        return (result, context.warnings)
    }

    /// Writes an XLSX workbook (atomically). Returns the warnings about what the layout leaves out.
    @discardableResult
    public func write(to path: String) throws -> [Diagnostic] {
        if isStandard {
            try TemplateWorkbookWriter(model: standardModel, created: created).write(to: path)
            return []
        }
        let (sheets, warnings) = try self.sheets()
        try MappingSheetXLSX.write(sheets, model: model, title: mapping.title, created: created, to: path)
        return warnings
    }

    /// Writes a folder of CSV files, one per sheet (atomically: the folder appears whole or not at
    /// all). A drawing cannot be kept in CSV; the warnings say so.
    @discardableResult
    public func writeCSVFolder(to path: String) throws -> [Diagnostic] {
        if isStandard {
            try TahapCSVWriter(model: standardModel).write(toFolder: path)
            return []
        }
        var (sheets, warnings) = try self.sheets()
        for sheet in sheets where sheet.drawing != nil {
            warnings.append(Diagnostic(code: "drawing-not-in-csv", severity: .warning,
                                       message: "a CSV file cannot hold the drawn tree of \"\(sheet.name)\"; write an .xlsx workbook to keep it",
                                       at: sheet.name))
        }
        try MappingSheetCSV.write(sheets.filter { !$0.cells.isEmpty }, toFolder: path)
        return warnings
    }
}

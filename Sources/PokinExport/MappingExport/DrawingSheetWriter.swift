import PokinMapping
import PokinModel

/// A `drawing` sheet (`pohon-gambar`): the tree drawn as boxes and connectors on the sheet the
/// mapping names, as `PohonDrawingSheet` draws it; the drawn tree reader reads it back. A CSV
/// folder cannot hold a drawing (the export warns).
public struct DrawingSheetWriter: MappingSheetWriter {
    public init() {}

    public func write(_ sheet: SheetMapping, context: MappingExportContext) throws -> MappingSheet? {
        guard !context.model.nodes.isEmpty else { return nil }
        var grid = MappingSheet(role: sheet.role, name: context.sheetName(for: sheet.role))
        grid.drawing = context.model
        for node in context.model.nodes {
            // What a box shows: the planning level and job in its header, the statement, the
            // indicators, the partners beside it (see DrawnTreeReader). Not drawn: the kinerja
            // class, units, targets and the nomenclature.
            for feature in [ExportFeature.node, .level, .planning, .position, .indicators, .crosscutting] {
                context.carried(feature, of: node.id)
            }
        }
        for pointer in context.agencyCells(on: sheet.role) {
            TableHeaderPlacement.write(pointer.text, line: pointer.line, row: pointer.cell.row, column: pointer.cell.column,
                                       into: &grid, filler: sheet.role.title)
        }
        return grid
    }
}

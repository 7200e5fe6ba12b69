import PokinMapping

/// Which writer draws each `SheetLayout`. A layout without a writer here is not written, and
/// the export warns naming the sheet it left out.
///
/// To add a layout: write a `MappingSheetWriter` in its own file of this folder and add one line
/// to `all` below.
public enum MappingSheetWriters {
    public static let all: [SheetLayout: any MappingSheetWriter] = [
        .table: TableSheetWriter(),
        .matrix: MatrixSheetWriter(),
        .drawing: DrawingSheetWriter(),
        .levels: LevelsSheetWriter(), .long: LongSheetWriter(),
    ]

    public static func writer(for layout: SheetLayout) -> (any MappingSheetWriter)? {
        all[layout]
    }
}

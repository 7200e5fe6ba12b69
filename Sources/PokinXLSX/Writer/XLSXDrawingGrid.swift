/// The cell grid a drawing is anchored to: every column the same width, every row the same
/// height. A twoCellAnchor names a cell and an offset into it, so the anchors are only right if
/// the sheet's columns and rows have these sizes: `XLSXSheetWriter.setDrawing(_:)` sets the
/// columns, and the sheet's default row height is 15 points.
public struct XLSXDrawingGrid: Hashable, Sendable {
    /// Column width in pixels (Excel shows 64 px = 8.43 characters of Calibri 11 by default).
    public var columnPixels: Int
    /// Row height in points (Excel's default 15).
    public var rowPoints: Double

    public init(columnPixels: Int = 64, rowPoints: Double = 15) {
        self.columnPixels = max(columnPixels, 8)
        self.rowPoints = max(rowPoints, 1)
    }

    /// The `<col width>` for `columnPixels` (characters of the default font's widest digit,
    /// 7 pixels for Calibri 11, to 1/256), as Excel writes it: 64 px → 9.140625.
    public var columnWidthCharacters: Double {
        (Double(columnPixels) / 7 * 256).rounded(.down) / 256
    }

    static let emuPerPoint = 12_700
    static let emuPerPixel = 9_525

    var columnEMU: Int { columnPixels * XLSXDrawingGrid.emuPerPixel }
    var rowEMU: Int { Int((rowPoints * Double(XLSXDrawingGrid.emuPerPoint)).rounded()) }

    /// Points to EMU, rounded.
    static func emu(_ points: Double) -> Int { Int((points * Double(emuPerPoint)).rounded()) }

    /// The cell (0-based column and row) and offsets (EMU) of a point given in EMU.
    func marker(x: Int, y: Int) -> (column: Int, columnOffset: Int, row: Int, rowOffset: Int) {
        let x = max(x, 0), y = max(y, 0)
        return (x / columnEMU, x % columnEMU, y / rowEMU, y % rowEMU)
    }
}

import PokinCore

extension XLSXSheetWriter {
    /// Draws `drawing` over this sheet (replacing an earlier one), and gives the columns it
    /// covers the width of its grid so that its cell anchors land where the drawing says. Leave
    /// the rows under the drawing at the default height (15 points) or write them with the
    /// grid's height.
    public func setDrawing(_ drawing: XLSXDrawing) throws {
        self.drawing = drawing
        let right = drawing.bounds.map(\.maxX) ?? 0
        let columns = Int((right * 4 / 3) / Double(drawing.grid.columnPixels)) + 2
        try setColumns(1...min(columns, CellAddress.maxColumn), width: drawing.grid.columnWidthCharacters)
    }
}

extension PokinError.Code {
    /// A drawing a workbook cannot hold: a connector to a shape the drawing does not have, a
    /// shape outside the sheet, a size that is not finite.
    public static let invalidDrawing = Self(rawValue: "invalid-drawing")
}

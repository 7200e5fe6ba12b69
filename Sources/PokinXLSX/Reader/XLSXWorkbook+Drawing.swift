import PokinCore

extension XLSXWorkbook: DrawingWorkbook {
    /// The shapes and connectors drawn over sheet `name` (its `drawing` relationship); nil when
    /// the sheet has none.
    /// - Throws: `missing-sheet`; `malformed-xml`, `unsafe-xml`, `size-limit-exceeded` for a
    ///   damaged or hostile drawing part.
    public func drawing(ofSheet name: String) throws -> SheetDrawing? {
        guard let sheet = xlsxSheets.first(where: { $0.name == name }) else {
            let names = xlsxSheets.map { "'\($0.name)'" }.joined(separator: ", ")
            throw PokinError(.missingSheet, "the workbook has no sheet named '\(name)'; its sheets are \(names)",
                             at: Location(file: path))
        }
        guard let part = sheet.part, let relationships = try RelationshipsReader.read(of: part, in: package),
              let drawingPart = relationships.first(where: { $0.kind == "drawing" })?.part, package.contains(drawingPart) else {
            return nil
        }
        let maxTextBytes = limits.maxStringBytes
        let parsed: DrawingPartReader?
        do {
            parsed = try package.parse(drawingPart) { DrawingPartReader(maxTextBytes: maxTextBytes) }
        } catch let error as PokinError {
            var located = error
            var location = located.location ?? Location(file: path, sheet: name, part: drawingPart)
            if location.file == nil { location.file = path }
            if location.part == nil { location.part = drawingPart }
            located.location = location
            throw located
        }
        guard let reader = parsed, reader.sawRoot else {
            throw PokinError(.malformedXML, "\(drawingPart) is not a spreadsheet drawing (no <xdr:wsDr> element)",
                             at: Location(file: path, sheet: name, part: drawingPart))
        }
        return SheetDrawing(shapes: reader.shapes, connectors: reader.connectors)
    }
}

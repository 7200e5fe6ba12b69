import PokinCore

/// The parts of a worksheet's XML around its streamed `<sheetData>`: everything the schema puts
/// before the rows (properties, dimension, views, columns) and after them (merges, validations,
/// print setup). Both are built when the workbook closes, so layout can be set at any time.
extension XLSXSheetWriter {
    func headXML(selected: Bool) throws -> [UInt8] {
        let out = XMLSpool()
        try out.append(XLSXParts.declaration)
        try out.append(#"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#)
        let fitToPage = pageSetup?.fitToWidth != nil
        if tabColor != nil || fitToPage {
            try out.append("<sheetPr>")
            if let tabColor {
                try out.append(#"<tabColor rgb=""#)
                try out.appendRaw(tabColor.argb)
                try out.append(#""/>"#)
            }
            if fitToPage { try out.append(#"<pageSetUpPr fitToPage="1"/>"#) }
            try out.append("</sheetPr>")
        }
        try out.append(#"<dimension ref=""#)
        try out.appendRaw(usedRange?.description ?? "A1")
        try out.append(#""/>"#)

        try out.append(#"<sheetViews><sheetView"#)
        if selected { try out.append(#" tabSelected="1""#) }
        if !showGridLines { try out.append(#" showGridLines="0""#) }
        if let zoom {
            try out.append(#" zoomScale=""#)
            try out.appendDecimal(min(max(zoom, 10), 400))
            try out.append(#"" zoomScaleNormal=""#)
            try out.appendDecimal(min(max(zoom, 10), 400))
            try out.append(#"""#)
        }
        try out.append(#" workbookViewId="0""#)
        if frozenRows > 0 || frozenColumns > 0 {
            let pane: StaticString = frozenRows > 0 && frozenColumns > 0 ? "bottomRight" : (frozenRows > 0 ? "bottomLeft" : "topRight")
            let topLeft = CellAddress(row: frozenRows + 1, column: frozenColumns + 1).description
            try out.append("><pane")
            if frozenColumns > 0 {
                try out.append(#" xSplit=""#)
                try out.appendDecimal(frozenColumns)
                try out.append(#"""#)
            }
            if frozenRows > 0 {
                try out.append(#" ySplit=""#)
                try out.appendDecimal(frozenRows)
                try out.append(#"""#)
            }
            try out.append(#" topLeftCell=""#)
            try out.appendRaw(topLeft)
            try out.append(#"" activePane=""#)
            try out.append(pane)
            try out.append(#"" state="frozen"/><selection pane=""#)
            try out.append(pane)
            try out.append(#"" activeCell=""#)
            try out.appendRaw(topLeft)
            try out.append(#"" sqref=""#)
            try out.appendRaw(topLeft)
            try out.append(#""/></sheetView></sheetViews>"#)
        } else {
            try out.append("/></sheetViews>")
        }
        try out.append(#"<sheetFormatPr defaultRowHeight="15"/>"#)
        try writeColumns(to: out)
        try out.append("<sheetData>")
        return out.bytes
    }

    /// `<cols>`: later settings win; ranges are split so that they do not overlap and ascend.
    private func writeColumns(to out: XMLSpool) throws {
        guard !columns.isEmpty else { return }
        var boundaries = Set<Int>()
        for setting in columns {
            boundaries.insert(setting.columns.lowerBound)
            boundaries.insert(setting.columns.upperBound + 1)
        }
        let points = boundaries.sorted()
        var pieces: [(ClosedRange<Int>, Double?, XLSXStyleID?, Bool)] = []
        for (start, end) in zip(points, points.dropFirst()) {
            guard let setting = columns.last(where: { $0.columns.contains(start) }) else { continue }
            let range = start...(end - 1)
            if let previous = pieces.last, previous.0.upperBound + 1 == start, previous.1 == setting.width,
               previous.2 == setting.style, previous.3 == setting.hidden {
                pieces[pieces.count - 1].0 = previous.0.lowerBound...range.upperBound
            } else {
                pieces.append((range, setting.width, setting.style, setting.hidden))
            }
        }
        try out.append("<cols>")
        for (range, width, style, hidden) in pieces {
            try out.append(#"<col min=""#)
            try out.appendDecimal(range.lowerBound)
            try out.append(#"" max=""#)
            try out.appendDecimal(range.upperBound)
            try out.append(#"" width=""#)
            try out.appendNumber(width ?? 8.43)
            try out.append(#"""#)
            if let style, style.index != 0 {
                try out.append(#" style=""#)
                try out.appendDecimal(style.index)
                try out.append(#"""#)
            }
            if hidden { try out.append(#" hidden="1""#) }
            if width != nil { try out.append(#" customWidth="1""#) }
            try out.append("/>")
        }
        try out.append("</cols>")
    }

    func tailXML(file: String) throws -> [UInt8] {
        let out = XMLSpool()
        try out.append("</sheetData>")
        if let autoFilter {
            try out.append(#"<autoFilter ref=""#)
            try out.appendRaw(autoFilter.description)
            try out.append(#""/>"#)
        }
        if !mergedRanges.isEmpty {
            try out.append(#"<mergeCells count=""#)
            try out.appendDecimal(mergedRanges.count)
            try out.append(#"">"#)
            for range in mergedRanges {
                try out.append(#"<mergeCell ref=""#)
                try out.appendRaw(range.description)
                try out.append(#""/>"#)
            }
            try out.append("</mergeCells>")
        }
        if !validations.isEmpty {
            try out.append(#"<dataValidations count=""#)
            try out.appendDecimal(validations.count)
            try out.append(#"">"#)
            for validation in validations {
                try out.append(#"<dataValidation type="list""#)
                if !validation.strict { try out.append(#" errorStyle="warning""#) }
                if validation.allowBlank { try out.append(#" allowBlank="1""#) }
                try out.append(#" showInputMessage="1" showErrorMessage="1""#)
                if let error = validation.errorMessage {
                    try out.append(#" errorTitle=""#)
                    try out.appendAttributeText(String(error.title.prefix(32)))
                    try out.append(#"" error=""#)
                    try out.appendAttributeText(String(error.text.prefix(255)))
                    try out.append(#"""#)
                }
                if let prompt = validation.prompt {
                    try out.append(#" promptTitle=""#)
                    try out.appendAttributeText(String(prompt.title.prefix(32)))
                    try out.append(#"" prompt=""#)
                    try out.appendAttributeText(String(prompt.text.prefix(255)))
                    try out.append(#"""#)
                }
                try out.append(#" sqref=""#)
                try out.appendRaw(validation.range.description)
                try out.append(#""><formula1>"#)
                try out.appendElementText(try validation.formula(in: file))
                try out.append("</formula1></dataValidation>")
            }
            try out.append("</dataValidations>")
        }
        if let setup = pageSetup {
            if setup.centerHorizontally { try out.append(#"<printOptions horizontalCentered="1"/>"#) }
            try out.append(#"<pageMargins left=""#)
            try out.appendNumber(setup.margins.left)
            try out.append(#"" right=""#)
            try out.appendNumber(setup.margins.right)
            try out.append(#"" top=""#)
            try out.appendNumber(setup.margins.top)
            try out.append(#"" bottom=""#)
            try out.appendNumber(setup.margins.bottom)
            try out.append(#"" header=""#)
            try out.appendNumber(setup.margins.header)
            try out.append(#"" footer=""#)
            try out.appendNumber(setup.margins.footer)
            try out.append(#""/><pageSetup paperSize=""#)
            try out.appendDecimal(setup.paperSize.rawValue)
            try out.append(#"" orientation=""#)
            try out.appendRaw(setup.orientation.rawValue)
            try out.append(#"""#)
            if let width = setup.fitToWidth {
                try out.append(#" fitToWidth=""#)
                try out.appendDecimal(width)
                try out.append(#"" fitToHeight=""#)
                try out.appendDecimal(setup.fitToHeight)
                try out.append(#"""#)
            }
            try out.append("/>")
            if let footer = setup.footer {
                try out.append("<headerFooter><oddFooter>")
                try out.appendElementText("&C" + footer)
                try out.append("</oddFooter></headerFooter>")
            }
        } else {
            try out.append(#"<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>"#)
        }
        if drawing != nil { try out.append(#"<drawing r:id="rId1"/>"#) }
        try out.append("</worksheet>")
        return out.bytes
    }

    /// Defined names this sheet needs in `workbook.xml` (print titles, filter range), given its
    /// 0-based position.
    func definedNames(sheetIndex: Int) -> [(name: String, value: String, hidden: Bool)] {
        var names: [(String, String, Bool)] = []
        let quoted = CellAddress.quotedSheetName(name)
        if let autoFilter {
            names.append(("_xlnm._FilterDatabase", quoted + "!" + XLSXReference.absolute(autoFilter), true))
        }
        if let setup = pageSetup, setup.repeatRows != nil || setup.repeatColumns != nil {
            var parts: [String] = []
            if let columns = setup.repeatColumns { parts.append(quoted + "!" + XLSXReference.columns(columns)) }
            if let rows = setup.repeatRows { parts.append(quoted + "!" + XLSXReference.rows(rows)) }
            names.append(("_xlnm.Print_Titles", parts.joined(separator: ","), false))
        }
        return names
    }
}

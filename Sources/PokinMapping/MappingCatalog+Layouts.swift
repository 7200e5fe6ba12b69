import PokinCore

extension MappingCatalog {
    /// Recognition points (0 … 2) of a `levels` or `long` sheet: one for finding its header,
    /// one for the share of its named columns (every level's, the code columns, the sheet's
    /// own) found under that header.
    static func layoutScore(of mapping: SheetMapping, sheet: String, in workbook: TableWorkbook) -> Double {
        guard let (rows, merged) = try? LayoutColumns.rows(of: workbook, sheet: sheet, file: nil) else { return 0 }
        var probe = mapping
        probe.columns = [:]
        var finder = TableExtractor(mapping: probe, sheetName: sheet, file: nil)
        let headerRows = Array(rows.prefix(max(mapping.headerRow ?? 0, mapping.headerSearchRows) + mapping.headerRows))
        guard (try? finder.extract(rows: headerRows, merged: merged)) != nil else { return 0 }
        var named: [ColumnRule] = mapping.codes.map(\.column)
        for group in mapping.levels { named += group.columns.filter { $0.key != "targets" }.map(\.value) }
        named += mapping.columns.filter { $0.key != "targets" }.map(\.value)
        named = named.filter { !$0.headers.isEmpty && $0.letter == nil }
        guard !named.isEmpty else { return 2 }
        let headers = finder.headers.values.map { $0 }
        let found = named.filter { rule in
            let patterns = rule.headers.map(HeaderPattern.init)
            return headers.contains { header in patterns.contains { $0.matches(header) } }
        }.count
        // A sheet whose level groups cannot all be placed is not this layout.
        let placed = (try? LayoutColumns(mapping: mapping, headers: finder.headers, headerRow: finder.headerRow, sheetName: sheet, file: nil)) != nil
        return 1 + (placed ? Double(found) / Double(named.count) : 0)
    }
}

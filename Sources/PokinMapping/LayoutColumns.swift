import PokinCore

/// The columns of a `levels` or `long` sheet, resolved against its header: each level group's
/// columns (looked for between the group's statement column and the next group's), the code
/// columns, and the sheet's own `columns`. Every resolved column becomes a field of a
/// letter-only mapping, so `TableExtractor` reads merged cells and skips rows as usual.
struct LayoutColumns {
    /// A year's target column and whether its cells hold the unit too.
    struct TargetColumn {
        var key: String
        var year: Int
        var withUnit: Bool
    }

    /// Field → record key, per group ("2.indicator").
    var groups: [[String: String]] = []
    var groupTargets: [[TargetColumn]] = []
    /// Record key of each code column ("code.1"), nil where the header was not found.
    var codes: [String?] = []
    /// The sheet's own `columns`: field → record key ("row.statement").
    var shared: [String: String] = [:]
    var sharedTargets: [TargetColumn] = []
    /// Record key → column, for the extraction mapping.
    var letters: [String: Int] = [:]

    init(mapping: SheetMapping, headers: [Int: String], headerRow: Int, sheetName: String, file: String?) throws {
        let ordered = headers.keys.sorted()
        var claimed = Set<Int>()

        func matching(_ rule: ColumnRule, in span: ClosedRange<Int>) -> Int? {
            if let letter = rule.letter { return CellAddress.columnNumber(letter) }
            let patterns = rule.headers.map(HeaderPattern.init)
            let found = ordered.filter { column in
                span.contains(column) && !claimed.contains(column) && patterns.contains { $0.matches(headers[column]!) }
            }
            return found.count >= rule.occurrence ? found[rule.occurrence - 1] : nil
        }
        func missing(_ what: String, _ rule: ColumnRule) -> PokinError {
            PokinError(.missingColumn,
                       "no column for \(what): the header row \(headerRow) has no cell reading \(rule.headers.map { "\"\($0)\"" }.joined(separator: " or ")) (headers found: \(ordered.map { "\(CellAddress.columnName($0)) \"\(headers[$0]!)\"" }.joined(separator: ", ")))",
                       at: Location(file: file, sheet: sheetName, row: headerRow))
        }
        let all = 1...Swift.max(ordered.last ?? 1, 16_384)

        // Code columns first: they end the last group's span.
        for (index, code) in mapping.codes.enumerated() {
            if let column = matching(code.column, in: all) {
                codes.append("code.\(index)")
                letters["code.\(index)"] = column
                claimed.insert(column)
            } else {
                codes.append(nil)
            }
        }
        let codeStart = letters.values.min() ?? all.upperBound

        // Each group's statement column, left to right.
        // A level whose statement column is absent is left out (a sheet with fewer levels).
        var statementColumns: [Int?] = []
        var from = 1
        for group in mapping.levels {
            let column = matching(group.columns["statement"]!, in: from...all.upperBound)
            statementColumns.append(column)
            if let column {
                claimed.insert(column)
                from = column + 1
            }
        }
        if let first = mapping.levels.first, !statementColumns.isEmpty, statementColumns.allSatisfy({ $0 == nil }) {
            throw missing("the statement of any level (the first is \(first.level.rawValue))", first.columns["statement"]!)
        }
        for (index, group) in mapping.levels.enumerated() {
            guard let start = statementColumns[index] else {
                groups.append([:])
                groupTargets.append([])
                continue
            }
            let following = statementColumns[(index + 1)...].compactMap { $0 }.first
            let end = following.map { $0 - 1 } ?? Swift.max(start, codeStart - 1)
            var fields = ["statement": "\(index).statement"]
            letters["\(index).statement"] = start
            var targets: [TargetColumn] = []
            for (field, rule) in group.columns.sorted(by: { $0.key < $1.key }) where field != "statement" {
                if field == "targets" {
                    for (target, column) in Self.years(rule, headers: headers, in: start...end, key: "\(index).targets") where !claimed.contains(column) {
                        targets.append(target)
                        letters[target.key] = column
                        claimed.insert(column)
                    }
                    continue
                }
                guard let column = matching(rule, in: start...end) else { continue }
                claimed.insert(column)
                fields[field] = "\(index).\(field)"
                letters["\(index).\(field)"] = column
                if field == "target", let year = rule.year { targets.append(TargetColumn(key: "\(index).target", year: year, withUnit: rule.withUnit)) }
            }
            groups.append(fields)
            groupTargets.append(targets)
        }
        for (field, rule) in mapping.columns.sorted(by: { $0.key < $1.key }) {
            if field == "targets" {
                for (target, column) in Self.years(rule, headers: headers, in: all, key: "row.targets") where !claimed.contains(column) {
                    sharedTargets.append(target)
                    letters[target.key] = column
                }
                continue
            }
            guard let column = matching(rule, in: all) else {
                if field == "statement" && mapping.layout == .long { throw missing(field, rule) }
                if field == "level" && mapping.layout == .long { throw missing("the level column", rule) }
                continue
            }
            claimed.insert(column)
            shared[field] = "row.\(field)"
            letters["row.\(field)"] = column
            if field == "target", let year = rule.year { sharedTargets.append(TargetColumn(key: "row.target", year: year, withUnit: rule.withUnit)) }
        }
    }

    /// Every column in `span` whose header matches the rule and names (or counts) a year.
    static func years(_ rule: ColumnRule, headers: [Int: String], in span: ClosedRange<Int>, key: String) -> [(TargetColumn, Int)] {
        let patterns = rule.headers.map(HeaderPattern.init)
        var result: [(TargetColumn, Int)] = []
        for column in headers.keys.sorted() where span.contains(column) {
            let header = headers[column]!
            guard patterns.isEmpty || patterns.contains(where: { $0.matches(header) }) else { continue }
            let year = TableExtractor.year(in: header) ?? rule.firstYear.flatMap { first in TableExtractor.ordinal(in: header).map { first + $0 - 1 } }
            guard let year else { continue }
            result.append((TargetColumn(key: "\(key)@\(column)", year: year, withUnit: rule.withUnit), column))
        }
        return result
    }

    /// A mapping that reads exactly these columns by letter, under the header already found.
    func extractionMapping(from mapping: SheetMapping, headerRow: Int) -> SheetMapping {
        var derived = mapping
        derived.headerRow = headerRow
        derived.columns = [:]
        for (key, column) in letters {
            derived.columns[key] = ColumnRule(letter: CellAddress.columnName(column))
        }
        derived.fillDown = mapping.fillDown.compactMap { shared[$0] }
        derived.levels = []
        derived.codes = []
        return derived
    }

    /// Reads a sheet's rows (a tree sheet is small) and its merged ranges.
    static func rows(of workbook: TableWorkbook, sheet: String, file: String?) throws -> ([Row], [CellRange]) {
        var source = try workbook.rows(ofSheet: sheet)
        var rows: [Row] = []
        var row = Row(number: 0)
        while try source.read(into: &row) {
            rows.append(row)
            if rows.count > TableExtractor.maxRows {
                throw PokinError(.sizeLimitExceeded, "the sheet has more than \(TableExtractor.maxRows) rows; this is not a performance-tree table",
                                 at: Location(file: file, sheet: sheet))
            }
        }
        return (rows, source.mergedRanges)
    }

    /// The sheet's records: the header found as the mapping says, then every resolved column.
    static func records(_ mapping: SheetMapping, rows: [Row], merged: [CellRange], sheetName: String, file: String?) throws -> (LayoutColumns, [SheetRecord]) {
        var probe = mapping
        probe.columns = [:]
        var headerFinder = TableExtractor(mapping: probe, sheetName: sheetName, file: file)
        _ = try headerFinder.extract(rows: Array(rows.prefix(Swift.max(mapping.headerRow ?? 0, mapping.headerSearchRows) + mapping.headerRows)), merged: merged)
        let layout = try LayoutColumns(mapping: mapping, headers: headerFinder.headers, headerRow: headerFinder.headerRow,
                                       sheetName: sheetName, file: file)
        var extractor = TableExtractor(mapping: layout.extractionMapping(from: mapping, headerRow: headerFinder.headerRow),
                                       sheetName: sheetName, file: file)
        return (layout, try extractor.extract(rows: rows, merged: merged))
    }
}

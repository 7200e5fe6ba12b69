import Foundation
import PokinCore
@testable import PokinMapping
import PokinTestSupport
import PokinXLSX
import Testing

/// The grid's indexes answer as the plain scans they replace, and reading a sheet through
/// `RowCachingWorkbook`'s kept grid gives the same header, columns, records and recognition
/// scores as reading it afresh.
@Suite("Grid indexes and the kept grid give the same answers as before")
struct GridTests {
    /// What `Grid.mergedValue` did: the first listed range covering the cell (not at its first
    /// cell) whose first cell holds text.
    static func scannedMergedValue(_ texts: [Int: [Int: String]], _ merged: [CellRange], row: Int, column: Int) -> (String, Int)? {
        let address = CellAddress(row: row, column: column)
        for range in merged where range.contains(address) && range.first != address {
            if let text = texts[range.first.row]?[range.first.column] { return (text, range.first.row) }
        }
        return nil
    }

    @Test("merged values, texts and rows agree with a linear scan on random sheets with overlapping ranges, repeated and unordered rows")
    func indexesEqualScans() {
        var random = SeededGenerator(seed: 7)
        var covered = 0
        for round in 0..<300 {
            // Row numbers: mostly ascending, sometimes shuffled, repeated or far apart.
            var numbers = Array(1...(1 + random.below(25)))
            if round % 3 == 1 { numbers.shuffle(using: &random) }
            if round % 5 == 2 { numbers.append(numbers[random.below(numbers.count)]) }
            if round % 7 == 3 { numbers.append(900_000 + random.below(10)) }
            var rows: [Row] = []
            var texts: [Int: [Int: String]] = [:]
            for number in numbers {
                var cells: [Cell] = []
                // Some rows wide enough for the binary search of `RowTexts`.
                for column in 1...(round % 4 == 0 ? 30 : 6) where random.below(3) > 0 {
                    let text = random.below(6) == 0 ? "  " : "r\(number)c\(column)-\(random.below(100))"
                    cells.append(Cell(row: number, column: column, value: .text(text)))
                }
                // Cells out of column order, and a column given twice (its last text counts).
                if round % 6 == 5, !cells.isEmpty {
                    cells.shuffle(using: &random)
                    cells.append(Cell(row: number, column: cells[random.below(cells.count)].column, value: .text("again\(number)")))
                }
                var line: [Int: String] = [:]
                for cell in cells where !cell.value.displayText.trimmingCharacters(in: .whitespaces).isEmpty {
                    line[cell.column] = cell.value.displayText
                }
                rows.append(Row(number: number, cells: cells))
                texts[number] = line
            }
            let merged = (0..<random.below(12)).map { _ in
                let first = CellAddress(row: 1 + random.below(30), column: 1 + random.below(6))
                return CellRange(first: first, last: CellAddress(row: first.row + random.below(8), column: first.column + random.below(3)))
            }
            let grid = Grid(rows: rows, merged: merged)
            #expect(grid.isAscending == zip(numbers, numbers.dropFirst()).allSatisfy { $0 < $1 })
            for row in Set(numbers).union([0, 31, 899_999]) {
                #expect(grid.cells(row: row).dictionary == (texts[row] ?? [:]), "row \(row)")
                #expect(grid.cells(row: row) == RowTexts(texts[row] ?? [:]), "row \(row)")
                for column in 0...32 {
                    #expect(grid.text(row: row, column: column) == texts[row]?[column], "row \(row) column \(column)")
                }
                for column in 0...9 {
                    let expected = Self.scannedMergedValue(texts, merged, row: row, column: column)
                    let found = grid.mergedValue(row: row, column: column)
                    #expect(found?.0 == expected?.0 && found?.1 == expected?.1, "round \(round) \(row),\(column)")
                    if expected != nil { covered += 1 }
                }
            }
        }
        #expect(covered > 500)
    }

    @Test("header rows are found (and remembered) exactly as by making every cell's key")
    func headerRowMatchesEqualsScan() {
        let texts = ["Kode", " kode ", "KODE_", "Kondisi", "Rujukan  Tahapan", "rujukan-tahapan", "\u{A0}Kode", "K\u{301}ode",
                     "CSF yang sudah dirubah menjadi", "csf", "-", "", "Tahap 1 Menentukan outcome\nOPD", "2025", "ünsur"]
        let aliasSets = [["Kode"], ["Rujukan Tahapan"], ["CSF yang sudah dirubah*", "CSF"], ["*kode"], ["-"], ["ünsur"],
                         ["Tahap 1 Menentukan outcome *"], ["Nomor", "No"]]
        let rows = texts.enumerated().map { Row(number: $0.offset + 1, cells: [Cell(row: $0.offset + 1, column: 2, value: .text($0.element))]) }
        let grid = Grid(rows: rows, merged: [])
        var found = 0
        for aliases in aliasSets {
            let patterns = aliases.map(HeaderPattern.init)
            // The first matching row within a limit, remembered: asked twice, and before the rows are.
            for limit in [0, 3, 9, 100] {
                let expected = (1...texts.count).first { row in
                    row <= limit && patterns.contains { $0.matches(TableExtractor.clean(texts[row - 1])) } && !TableExtractor.clean(texts[row - 1]).isEmpty
                }
                #expect(grid.firstHeaderRow(reading: aliases, within: limit) == expected, "\(aliases) within \(limit)")
                #expect(grid.firstHeaderRow(reading: aliases, within: limit) == expected, "\(aliases) within \(limit), remembered")
            }
            // Twice: the second answer comes from the kept keys.
            for _ in 0..<2 {
                for (offset, text) in texts.enumerated() {
                    let clean = TableExtractor.clean(text)
                    let expected = !clean.isEmpty && patterns.contains { $0.matches(looseKey: TextKey(clean).loose) }
                    #expect(grid.headerRowMatches(offset + 1, patterns) == expected, "\(aliases) on \(text.debugDescription)")
                    if expected { found += 1 }
                }
            }
        }
        #expect(found >= 10)
    }

    /// Sheets given as rows (in any order) and merged ranges, read afresh every time.
    final class RowsWorkbook: TableWorkbook {
        let content: [(name: String, rows: [Row], merged: [CellRange])]
        init(_ content: [(name: String, rows: [Row], merged: [CellRange])]) { self.content = content }
        var sheets: [SheetInfo] { content.map { SheetInfo(name: $0.name) } }
        func rows(ofSheet name: String) throws -> any RowSource {
            let sheet = content.first { $0.name == name }!
            return MemoryRowSource(rows: sheet.rows, mergedRanges: sheet.merged)
        }
    }

    static func sheets(of workbook: TableWorkbook) throws -> [(name: String, rows: [Row], merged: [CellRange])] {
        try workbook.sheets.map { info in
            var source = try workbook.rows(ofSheet: info.name)
            var rows: [Row] = []
            var row = Row(number: 0)
            while try source.read(into: &row) { rows.append(row) }
            return (info.name, rows, source.mergedRanges)
        }
    }

    static let fixtures = ["agencies/dkukmpp-seed/pohon-kinerja-dkukmpp.xlsx", "agencies/esakip-diskominfo/pohon-kinerja-diskominfo.xlsx",
                           "agencies/esakip-sipd-disperindag/cascading-disperindag.xlsx", "agencies/wp-eval-sakip-dinkes/pohon-kinerja-wp-eval-sakip.xlsx",
                           "agencies/esakip-banjarnegara-distan/renstra-distan.xlsx", "agencies/unseen-matriks-renstra/matriks-renstra-dinsos.xlsx"]

    @Test("every built-in mapping scores every fixture workbook the same through the kept grids as through fresh reads, rows in order or not",
          arguments: fixtures)
    func recognitionThroughKeptGrids(_ fixture: String) throws {
        let mappings = try MappingCatalog(folder: Fixtures.repositoryFile("Mappings")).all()
        let sheets = try Self.sheets(of: try XLSXWorkbook(path: Fixtures.url(fixture).path))
        // Reversed rows (with one row repeated) take the path that makes a grid of the prefix.
        let unordered = sheets.map { ($0.name, Array($0.rows.reversed()) + $0.rows.prefix(1), $0.merged) }
        for content in [sheets, unordered] {
            let fresh = RowsWorkbook(content)
            let cached = RowCachingWorkbook(RowsWorkbook(content))
            for mapping in mappings {
                let expected = MappingCatalog.recognitionScore(of: mapping, in: fresh)
                // Twice through the caching workbook: first from the source, then from the kept grid.
                #expect(MappingCatalog.recognitionScore(of: mapping, in: cached) == expected, "\(mapping.name) on \(fixture)")
                #expect(MappingCatalog.recognitionScore(of: mapping, in: cached) == expected, "\(mapping.name) on \(fixture), kept")
            }
            #expect(MappingCatalog.recognise(cached, among: mappings)?.name == MappingCatalog.recognise(fresh, among: mappings)?.name)
        }
    }

    @Test("records of every table sheet of every fixture, under every mapping, are the same whether read from the kept grid or from the rows")
    func recordsThroughKeptGrids() throws {
        let mappings = try MappingCatalog(folder: Fixtures.repositoryFile("Mappings")).all()
        var compared = 0
        for fixture in Self.fixtures {
            let workbook = RowCachingWorkbook(try XLSXWorkbook(path: Fixtures.url(fixture).path))
            let sheets = try Self.sheets(of: workbook)  // keeps every sheet
            for mapping in mappings {
                for sheetMapping in mapping.sheets where sheetMapping.layout == .table || sheetMapping.layout == .matrix {
                    for sheet in sheets {
                        var kept = TableExtractor(mapping: sheetMapping, sheetName: sheet.name, file: "f.xlsx")
                        var source = try workbook.rows(ofSheet: sheet.name)
                        let viaGrid = try? kept.extract(from: &source)
                        var plain = TableExtractor(mapping: sheetMapping, sheetName: sheet.name, file: "f.xlsx")
                        let viaRows = try? plain.extract(rows: sheet.rows, merged: sheet.merged)
                        #expect((viaGrid == nil) == (viaRows == nil))
                        guard let viaGrid, let viaRows else { continue }
                        #expect(kept.headerRow == plain.headerRow && kept.headers == plain.headers && kept.columns == plain.columns)
                        #expect(viaGrid.map(Self.summary) == viaRows.map(Self.summary))
                        compared += viaGrid.count
                    }
                }
            }
        }
        #expect(compared > 50)
    }

    static func summary(_ record: SheetRecord) -> String {
        let fields = record.fields.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.text)@\($0.value.column),\($0.value.sourceRow),\($0.value.inherited) \(record.reference($0.key, file: "f.xlsx"))" }
        return "\(record.sheet) \(record.row) \(fields) \(record.cells.pairs.map { "\($0):\($1)" }) \(record.targets.map { "\($0.year):\($0.text)" })"
    }
}

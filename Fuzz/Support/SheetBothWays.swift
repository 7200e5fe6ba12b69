import PokinCore
@_spi(SheetParsing) import PokinXLSX

/// Reads a workbook twice, every part through the fast paths (`SheetXMLTokenizer`) and through
/// libxml2 alone, and writes down everything each reading reports (the sheets, date system and
/// shared strings; for every sheet its rows, every cell, merged ranges, declared dimension,
/// counts, used range; the error's code, message and location), so that the `sheet-xml` and
/// `shared-strings` targets can trap on any difference.
public enum SheetBothWays {
    /// The two descriptions, and whether the fast path read at least one sheet.
    public static func read(path: String) -> (fast: [String], libxml2: [String], tookFastPath: Bool) {
        var tookFastPath = false
        let fast = describe(path: path, parsing: .automatic, tookFastPath: &tookFastPath)
        var ignored = false
        let libxml2 = describe(path: path, parsing: .libxml2, tookFastPath: &ignored)
        return (fast, libxml2, tookFastPath)
    }

    private static func describe(path: String, parsing: SheetXMLParsing, tookFastPath: inout Bool) -> [String] {
        var lines: [String] = []
        do {
            let workbook = try XLSXWorkbook(path: path, parsing: parsing)
            lines.append("workbook \(workbook.workbookPart) date1904 \(workbook.date1904) sheets \(workbook.xlsxSheets)")
            do {
                let strings = try workbook.sharedStrings()
                lines.append("shared strings \(strings)")
            } catch {
                lines.append("shared strings error \(describe(error))")
            }
            for sheet in workbook.xlsxSheets where sheet.holdsCells {
                lines.append("sheet \(sheet.name)")
                do {
                    let reader = try workbook.sheetReader(named: sheet.name, parsing: parsing)
                    var row = Row(number: 0)
                    while try reader.read(into: &row) {
                        lines.append("row \(row.number): " + row.cells.map { "\($0.row),\($0.column)=\($0.value)" }.joined(separator: " | "))
                    }
                    lines.append("merged \(reader.mergedRanges) dimension \(String(describing: reader.declaredDimension)) rows \(reader.rowCount) cells \(reader.cellCount) used \(String(describing: reader.usedRange))")
                    if reader.tookFastPath { tookFastPath = true }
                } catch {
                    lines.append("error \(describe(error))")
                }
            }
        } catch {
            lines.append("workbook error \(describe(error))")
        }
        return lines
    }

    private static func describe(_ error: any Error) -> String {
        guard let error = error as? PokinError else { return "not a PokinError: \(error)" }
        return "\(error.code.rawValue) | \(error.message) | \(error.location.map { "\($0)" } ?? "-")"
    }
}

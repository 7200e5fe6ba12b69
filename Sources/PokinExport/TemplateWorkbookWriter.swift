import PokinCore
import PokinMapping
import PokinModel
import PokinXLSX

/// Writes the standard template workbook from the model: a "Petunjuk" sheet in Indonesian,
/// one sheet per tahap, the cascading matrix, and the pohon kinerja drawn as shapes — bold headers frozen on screen, widths that
/// fit, every row coloured by its level (strategis red, taktikal blue, operasional green),
/// drop-down lists of the allowed words in the level columns, printable on A4 landscape.
/// The `pokin-standar` mapping reads it back into the same model.
public struct TemplateWorkbookWriter {
    public let model: PohonKinerja
    /// Stamped into the document properties and the zip entries; nil keeps the file
    /// byte-for-byte reproducible.
    public var created: CivilDateTime?
    /// How many empty rows below the data still offer the drop-down lists.
    public var spareRows = 200

    public init(model: PohonKinerja, created: CivilDateTime? = nil) {
        self.model = model
        self.created = created
    }

    /// Light fills by level, the peers' convention: strategis red, taktikal blue, operasional green.
    static func fill(for level: Level?) -> XLSXColor? {
        switch level {
        case .outcome: return XLSXColor(hex: "F4CCCC")
        case .csf: return XLSXColor(hex: "FCE5E5")
        case .kondisiAntaraUtama: return XLSXColor(hex: "CFE2F3")
        case .kondisiAntara: return XLSXColor(hex: "E7F0FA")
        case .kondisiOperasional: return XLSXColor(hex: "D9EAD3")
        case nil: return nil
        }
    }

    /// Writes the workbook to `path` (atomically: the writer renames a finished file into place).
    public func write(to path: String) throws {
        let title = "Pohon Kinerja" + (model.agency.shortName.map { " \($0)" } ?? "")
        let book = try XLSXWriter(path: path, properties: XLSXDocumentProperties(
            title: title, subject: "Pohon Kinerja dan Cascading Kinerja (Tahap 1–5)", creator: "pokin",
            keywords: "pohon kinerja; cascading; SAKIP", company: model.agency.name, created: created, modified: created))
        let styles = Styles(book: book)
        try writeInstructions(book, styles)
        for sheet in StandardLayout(model: model).sheets() {
            try writeTable(sheet, book, styles)
        }
        // The tree drawn as shapes and connectors that Excel and LibreOffice can move and edit.
        if !model.nodes.isEmpty { try PohonDrawingSheet.add(to: book, model: model) }
        book.activeSheetIndex = 1
        try book.close()
    }

    // MARK: Styles

    struct Styles {
        let title: XLSXStyleID
        let subtitle: XLSXStyleID
        let header: XLSXStyleID
        let paragraph: XLSXStyleID
        let heading: XLSXStyleID
        private let book: XLSXWriter
        private var cache: [String: XLSXStyleID] = [:]

        init(book: XLSXWriter) {
            self.book = book
            title = book.register(XLSXCellStyle(font: XLSXFont(size: 14, bold: true)))
            subtitle = book.register(XLSXCellStyle(font: XLSXFont(italic: true, color: XLSXColor(hex: "444444"))))
            header = book.register(XLSXCellStyle(
                font: XLSXFont(bold: true, color: .white), fill: XLSXColor(hex: "1F4E5F"),
                border: .all(.thin), alignment: XLSXAlignment(horizontal: .center, vertical: .center, wrapText: true)))
            paragraph = book.register(XLSXCellStyle(alignment: XLSXAlignment(vertical: .top, wrapText: true)))
            heading = book.register(XLSXCellStyle(font: XLSXFont(size: 12, bold: true, color: XLSXColor(hex: "1F4E5F"))))
        }

        /// A data cell: bordered, wrapped, top-aligned, filled by level, indented for the tree.
        func cell(level: Level?, indent: Int = 0, code: Bool = false) -> XLSXStyleID {
            book.register(XLSXCellStyle(
                fill: TemplateWorkbookWriter.fill(for: level), border: .all(.thin),
                alignment: XLSXAlignment(horizontal: code ? .center : nil, vertical: .top, wrapText: true, indent: indent),
                numberFormat: .text))
        }
    }

    // MARK: Sheets

    private func writeTable(_ sheet: StandardLayout.Sheet, _ book: XLSXWriter, _ styles: Styles) throws {
        let writer = try book.addSheet(named: sheet.name)
        // The cascading matrix is five column groups wide: two A4 pages across keep it readable.
        writer.pageSetup = XLSXPageSetup(orientation: .landscape, paperSize: .a4, fitToWidth: sheet.role == .cascading ? 2 : 1,
                                         fitToHeight: 0, repeatRows: 1...StandardLayout.headerRow)
        writer.tabColor = TemplateWorkbookWriter.fill(for: sheet.role.flatMap(Self.tabLevel))
        for (index, column) in sheet.columns.enumerated() {
            try writer.setColumnWidth(index + 1, column.width)
        }
        try writer.writeRow([.text(sheet.title)], number: 1, style: styles.title, height: 22)
        try writer.writeRow([.text(sheet.subtitle)], number: 2, style: styles.subtitle)
        try writer.writeRow(sheet.columns.map { .text($0.header) }, number: StandardLayout.headerRow, style: styles.header, height: 32)
        try writer.freezePanes(rows: StandardLayout.headerRow)
        if sheet.columns.count > 1 {
            try writer.merge(CellRange(first: CellAddress(row: 1, column: 1), last: CellAddress(row: 1, column: sheet.columns.count)))
            try writer.merge(CellRange(first: CellAddress(row: 2, column: 1), last: CellAddress(row: 2, column: sheet.columns.count)))
        }
        // In the cascading matrix a cell takes the colour of its column group's level, and only
        // where a node is (its own cell or the merged block over its descendants).
        var merged = Set<CellAddress>()
        for merge in sheet.merges {
            for row in merge.range.first.row...merge.range.last.row {
                for column in merge.range.first.column...merge.range.last.column { merged.insert(CellAddress(row: row, column: column)) }
            }
        }
        for (offset, row) in sheet.rows.enumerated() {
            let rowNumber = StandardLayout.headerRow + 1 + offset
            try writer.beginRow(rowNumber, height: Self.height(of: row, in: sheet))
            for (index, value) in row.values.enumerated() {
                let column = sheet.columns[index]
                let indent = column.kind == .longText && index == 2 && sheet.role == .tahap3 ? max((row.level?.depth ?? 1) - 1, 0) : 0
                var level = row.level
                if sheet.role == .cascading, row.level != nil || !value.isEmpty {
                    let covered = !value.isEmpty || merged.contains(CellAddress(row: rowNumber, column: index + 1))
                    level = covered ? Level.allCases[min(index / 4, Level.allCases.count - 1)] : nil
                }
                let style = styles.cell(level: level, indent: indent, code: column.kind == .code)
                try writer.write(value.isEmpty ? .empty : .text(value), column: index + 1, style: style)
            }
        }
        for merge in sheet.merges { try writer.merge(merge.range) }
        // Drop-down lists of the standard words, over the data and spare rows below it.
        let lastRow = StandardLayout.headerRow + sheet.rows.count + spareRows
        for (index, column) in sheet.columns.enumerated() {
            guard case .list(let axis) = column.kind else { continue }
            let range = CellRange(first: CellAddress(row: StandardLayout.headerRow + 1, column: index + 1),
                                  last: CellAddress(row: lastRow, column: index + 1))
            try writer.addValidation(XLSXDataValidation(
                range: range, source: .list(axis.words), allowBlank: true, strict: true,
                prompt: (title: column.header, text: "Pilih dari daftar: " + axis.words.joined(separator: ", ")),
                errorMessage: (title: "Isian tidak dikenal", text: "Pilih salah satu isian dari daftar " + column.header + ".")))
        }
    }

    /// A row height that shows every wrapped line (spreadsheet programs do not grow rows for
    /// wrapped text written by another program): about 1.1 characters per width unit, 15 points a line.
    static func height(of row: StandardLayout.TableRow, in sheet: StandardLayout.Sheet) -> Double? {
        var lines = 1
        for (index, value) in row.values.enumerated() where !value.isEmpty {
            let perLine = max(Int(sheet.columns[index].width * 1.1), 1)
            let count = value.split(separator: "\n", omittingEmptySubsequences: false)
                .reduce(0) { $0 + max(1, ($1.count + perLine - 1) / perLine) }
            lines = max(lines, count)
        }
        return lines > 1 ? Double(lines) * 15 : nil
    }

    private static func tabLevel(_ role: StageRole) -> Level? {
        switch role {
        case .tahap1: return .outcome
        case .tahap2: return .csf
        case .tahap3: return .kondisiAntaraUtama
        case .tahap4, .tahap5: return .kondisiOperasional
        default: return nil
        }
    }

    private func writeInstructions(_ book: XLSXWriter, _ styles: Styles) throws {
        let sheet = try book.addSheet(named: "Petunjuk")
        sheet.showGridLines = false
        sheet.pageSetup = XLSXPageSetup(orientation: .portrait, paperSize: .a4, fitToWidth: 1, fitToHeight: 0)
        try sheet.setColumnWidth(1, 18)
        try sheet.setColumnWidth(2, 110)
        var row = 0
        func line(_ text: String, _ style: XLSXStyleID, height: Double? = nil) throws {
            row += 1
            try sheet.writeRow([.empty, .text(text)], number: row, style: style, height: height)
        }
        try line("Petunjuk Pengisian Templat Pohon Kinerja", styles.title, height: 24)
        // The agency's identity sits in fixed cells (B2, B3) that the pokin-standar mapping reads.
        row += 1
        try sheet.writeRow([.text("Perangkat Daerah"), model.agency.name.map { .text($0) } ?? .empty], number: row, style: styles.heading)
        row += 1
        try sheet.writeRow([.text("Singkatan"), model.agency.shortName.map { .text($0) } ?? .empty], number: row, style: styles.heading)
        row += 1
        for (heading, paragraphs) in TemplateInstructions.sections {
            try line(heading, styles.heading, height: 20)
            for paragraph in paragraphs {
                try line(paragraph, styles.paragraph, height: Double(15 * max(1, paragraph.count / 105 + 1)))
            }
            row += 1
        }
        try line("Arti warna baris", styles.heading, height: 20)
        for level in Level.allCases {
            row += 1
            try sheet.beginRow(row)
            try sheet.write(.empty, column: 1, style: styles.cell(level: level))
            try sheet.write(.text(StandardLayout.word(level) + " — " + TemplateInstructions.colourMeaning(level)), column: 2,
                            style: styles.cell(level: level))
        }
    }
}

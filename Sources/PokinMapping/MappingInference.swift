import Foundation
import PokinCore
import PokinModel

/// Drafts a mapping file for a workbook of unknown layout: which sheet plays which role, where
/// each table's header is, which column holds which field (by the header synonyms agencies use,
/// `research/domain.md` (b), and, for columns without a header, by the words found in them).
/// The draft is YAML for a person to review: every guess is a line they can correct, and what
/// could not be placed is listed as a comment.
public struct MappingInference {
    /// Header words per field, most specific first (compared as `TextKey.loose`, `*` = anything).
    static let synonyms: [(field: String, headers: [String])] = [
        ("parent-id", ["Kode Induk", "Induk", "Kode Parent", "Parent"]),
        ("id", ["Kode", "Kode Kinerja", "ID"]),
        ("stage", ["Rujukan Tahapan", "Rujukan", "Tahapan", "Tahap"]),
        ("parent", ["CSF yang sudah dirubah*", "CSF yang sudah diubah*", "Tautan kinerja*"]),
        ("indicator", ["Indikator Kinerja*", "Indikator*", "IK", "IKU", "Indikator Pohon Kinerja"]),
        ("unit", ["Satuan", "Sat"]),
        ("performance", ["Jenis Kinerja", "Kinerja Strategis/Taktikal/Operasional"]),
        ("planning", ["Komponen Perencanaan", "Komponen"]),
        ("position", ["Kinerja Jabatan", "Jabatan", "Pejabat", "PK/SKP", "Pemilik Kinerja"]),
        ("level", ["Keterangan", "Level", "Jenis", "Jenis Pohon", "Level Pohon", "Tingkat"]),
        ("crosscutting", ["Crosscutting*", "Croscutting*", "Cross Cutting*"]),
        ("nomenclature", ["Program / Kegiatan / Sub Kegiatan", "Program/Kegiatan/Sub Kegiatan", "Nomenklatur*", "Program", "Kegiatan", "Sub Kegiatan"]),
        ("numbering", ["No", "Nomor", "No Urut"]),
        ("notes", ["Catatan", "Keterangan Tambahan"]),
        ("statement", ["Kinerja", "Kondisi yang diperlukan*", "Kondisi*", "Uraian*", "Sasaran*", "Tujuan*", "Outcome*", "CSF*",
                       "Pernyataan Kinerja", "Nama Pohon", "Rumusan*"]),
    ]

    let workbook: TableWorkbook
    let vocabulary = LevelVocabulary.standard

    public init(workbook: TableWorkbook) {
        self.workbook = workbook
    }

    /// One sheet's findings.
    struct SheetGuess {
        var sheet: String
        var role: StageRole?
        var headerRow: Int?
        var headerText: String?
        var columns: [(field: String, header: String?, letter: String)] = []
        var targets: [String] = []
        var unplaced: [String] = []
        /// Level groups, when the header is a path layout (`layout: levels`).
        var levels: [DraftLevel] = []
    }

    /// The draft mapping as YAML text.
    public func draft(name: String) throws -> String {
        var guesses: [SheetGuess] = []
        for sheet in workbook.sheets {
            var source = try workbook.rows(ofSheet: sheet.name)
            var rows: [Row] = []
            var row = Row(number: 0)
            while try source.read(into: &row), rows.count < 2_000 { rows.append(row) }
            guesses.append(guess(sheet: sheet.name, rows: rows))
        }
        return yaml(name: name, guesses: guesses)
    }

    static func role(ofSheetNamed name: String) -> StageRole? {
        let key = TextKey(name).loose
        if let match = key.range(of: "tahap ?0?([1-5])", options: .regularExpression) {
            let digit = key[match].last.flatMap { Int(String($0)) }
            return digit.flatMap { StageRole(rawValue: "tahap-\($0)") }
        }
        if key.contains("cascad") { return .cascading }
        if key.contains("pohon") { return .pohon }
        return nil
    }

    func guess(sheet: String, rows: [Row]) -> SheetGuess {
        var result = SheetGuess(sheet: sheet, role: Self.role(ofSheetNamed: sheet))
        // The header: the row among the first 60 whose cells match the most field synonyms.
        var best: (row: Row, score: Int)?
        for row in rows.prefix(60) {
            let score = row.cells.filter { cell in field(forHeader: cell.value.displayText) != nil }.count
            if score >= 1, best == nil || score > best!.score { best = (row, score) }
        }
        guard let header = best?.row else { return result }
        result.headerRow = header.number
        result.levels = draftLevels(header: header)
        if !result.levels.isEmpty {
            if result.role == nil || result.role == .tahap1 || result.role == .tahap2 { result.role = .cascading }
            return result
        }
        var taken = Set<String>()
        for cell in header.cells {
            let text = TableExtractor.clean(cell.value.displayText)
            let letter = CellAddress.columnName(cell.column)
            if TableExtractor.year(in: text) != nil, field(forHeader: text) == nil || TextKey(text).loose.hasPrefix("target") {
                result.targets.append(text)
                continue
            }
            if let field = field(forHeader: text), !taken.contains(field) {
                taken.insert(field)
                result.columns.append((field, text, letter))
                if field == "statement" || result.headerText == nil { result.headerText = text }
            } else if !text.isEmpty {
                result.unplaced.append("\(letter) \"\(text)\"")
            }
        }
        if let statement = result.columns.first(where: { $0.field == "statement" }) { result.headerText = statement.header }
        // Columns with data but no header: name them by the words they hold.
        let data = rows.filter { $0.number > header.number }
        let headed = Set(header.cells.map(\.column))
        let dataColumns = Set(data.flatMap { $0.cells.map(\.column) }).subtracting(headed).sorted()
        for column in dataColumns {
            let values = data.map { $0[column].displayText }.filter { !TableExtractor.clean($0).isEmpty }
            guard values.count >= 2 else { continue }
            let share = { (test: (String) -> Bool) in Double(values.filter(test).count) / Double(values.count) }
            let letter = CellAddress.columnName(column)
            if !taken.contains("planning"), share({ vocabulary.planning($0) != nil }) >= 0.6 {
                taken.insert("planning"); result.columns.append(("planning", nil, letter))
            } else if !taken.contains("position"), share({ vocabulary.position($0) != nil }) >= 0.6 {
                taken.insert("position"); result.columns.append(("position", nil, letter))
            } else if !taken.contains("level"), share({ vocabulary.level($0) != nil || vocabulary.performance($0) != nil }) >= 0.6 {
                taken.insert("level"); result.columns.append(("level", nil, letter))
            } else {
                result.unplaced.append("\(letter) (no header; \(values.count) values such as \"\(StageReader.short(values[0]))\")")
            }
        }
        // A sheet not named after a stage: its columns say what it is.
        if result.role == nil {
            let fields = Set(result.columns.map(\.field))
            if fields.contains("stage") && fields.contains("statement") {
                result.role = fields.contains("planning") || fields.contains("position") ? .tahap5 : .tahap4
            } else if fields.contains("parent") && fields.contains("statement") {
                result.role = .tahap3
            }
        }
        return result
    }

    func field(forHeader text: String) -> String? {
        let clean = TableExtractor.clean(text)
        guard !clean.isEmpty else { return nil }
        for (field, headers) in Self.synonyms where headers.map(HeaderPattern.init).contains(where: { $0.matches(clean) }) {
            return field
        }
        return nil
    }

    private func yaml(name: String, guesses: [SheetGuess]) -> String {
        var lines = [
            "# Draft mapping made by `pokin mapping infer`. Review every line, then check it with",
            "# `pokin mapping check` and use it with `--mapping`. Mappings/README.md explains each key.",
            "pokin-mapping: 1",
            "name: \(Self.slug(name))",
            "title: \(Self.quoted("Layout of \(name)"))",
            "",
            "sheets:",
        ]
        var usedRoles = Set<StageRole>()
        for guess in guesses {
            guard let role = guess.role, !usedRoles.contains(role) else {
                lines.append("  # sheet \(Self.quoted(guess.sheet)): role not recognised\(guess.headerRow.map { "; a header seems to be on row \($0)" } ?? ""); add it by hand if it holds tahap data")
                continue
            }
            usedRoles.insert(role)
            if guess.headerRow == nil && role != .pohon {
                lines.append("  # \(role.rawValue): sheet \(Self.quoted(guess.sheet)) has no header row pokin recognised; describe it by hand:")
                lines.append("  #   \(role.rawValue):")
                lines.append("  #     sheet: {names: [\(Self.quoted(guess.sheet))]}")
                lines.append("  #     header: {row: N}")
                lines.append("  #     columns: {statement: {letter: A}}")
                continue
            }
            lines.append("  \(role.rawValue):")
            lines.append("    sheet: {names: [\(Self.quoted(guess.sheet))]}")
            if !guess.levels.isEmpty {
                lines += levelsYAML(guess.levels)
                continue
            }
            if role == .pohon {
                lines.append("    # a diagram sheet: pokin reads only the agency's name from it (agency: name: {sheet: pohon, cell: …})")
                continue
            }
            if role == .cascading {
                if let row = guess.headerRow { lines.append("    header: {row: \(row), rows: 2}") }
                lines.append("    layout: matrix")
                continue
            }
            guard let row = guess.headerRow else {
                lines.append("    # no header row found: give it with `header: {row: N}` and name the columns")
                continue
            }
            if let text = guess.headerText {
                lines.append("    header: {find: [\(Self.quoted(text))]}   # found on row \(row)")
            } else {
                lines.append("    header: {row: \(row)}")
            }
            lines.append("    columns:")
            for column in guess.columns {
                if let header = column.header {
                    lines.append("      \(column.field): [\(Self.quoted(header))]   # column \(column.letter)")
                } else {
                    lines.append("      \(column.field): {letter: \(column.letter)}   # no header; its values are \(column.field) words")
                }
            }
            if !guess.targets.isEmpty {
                lines.append("      targets: {header: [\(guess.targets.map(Self.quoted).joined(separator: ", "))]}")
            }
            for item in guess.unplaced { lines.append("      # not placed: \(item)") }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func slug(_ text: String) -> String {
        let lowered = TextKey(text).value
        var result = ""
        for scalar in lowered.unicodeScalars {
            if CharacterSet.alphanumerics.contains(scalar) && scalar.isASCII { result.unicodeScalars.append(scalar) } else if !result.hasSuffix("-") { result += "-" }
        }
        let trimmed = result.trimmingCharacters(in: CharacterSet(charactersIn: "-"))
        return trimmed.isEmpty ? "layout" : trimmed
    }

    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: " ") + "\""
    }
}

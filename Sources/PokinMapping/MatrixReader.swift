import PokinModel

/// Reads a cascading matrix into columns of lines: each column is a planning level (from its
/// header, with the job named on the header's second row), each line a non-empty cell.
struct MatrixReader {
    let mapping: SheetMapping
    let vocabulary: LevelVocabulary
    let file: String?

    struct Line {
        var row: Int
        var text: String
        var at: String
    }

    struct Column {
        var planning: KomponenPerencanaan
        var planningLabel: String
        var positionLabel: String?
        var lines: [Line]
    }

    /// The planning-level columns, left to right, with their lines top to bottom.
    func columns(headers: [Int: String], records: [SheetRecord]) -> [Column] {
        var result: [Column] = []
        for column in headers.keys.sorted() {
            let parts = headers[column]!.components(separatedBy: " › ")
            guard let planningLabel = parts.first, let planning = vocabulary.planning(planningLabel) else { continue }
            let positionLabel = parts.dropFirst().first { vocabulary.position($0) != nil }
            let lines = records.compactMap { record -> Line? in
                guard let text = record.cells[column] else { return nil }
                return Line(row: record.row, text: text,
                            at: CellReference.format(file: file, sheet: record.sheet, row: record.row, column: column))
            }
            result.append(Column(planning: planning, planningLabel: planningLabel, positionLabel: positionLabel, lines: lines))
        }
        return result
    }
}

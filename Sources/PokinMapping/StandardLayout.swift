import PokinCore
import PokinModel

/// pokin's standard template as tables: what each sheet holds, row by row, built from the
/// model. Formats draw it (the XLSX template with styles and drop-down lists, CSV files
/// plainly); the `pokin-standar` mapping reads it back.
///
/// Every tahap sheet starts with two title rows and a header on row 3; column A is the node's
/// "Kode" (its id), so that a workbook written and read again gives the same tree.
public struct StandardLayout {
    /// The header row of every table sheet.
    public static let headerRow = 3

    public struct Column: Sendable {
        public enum Kind: Sendable, Equatable {
            case code, text, longText, list(LevelAxis)
        }
        public var header: String
        public var kind: Kind
        public var width: Double
    }

    public struct TableRow: Sendable {
        /// One text per column ("" for an empty cell).
        public var values: [String]
        /// The node's level, for the fill colour and indentation.
        public var level: Level?
    }

    /// A block of merged cells in the cascading sheet (rows and columns are 1-based sheet cells).
    public struct Merge: Sendable, Hashable {
        public var range: CellRange
    }

    public struct Sheet: Sendable {
        public var role: StageRole?
        public var name: String
        public var title: String
        public var subtitle: String
        public var columns: [Column]
        public var rows: [TableRow]
        public var merges: [Merge] = []
    }

    /// The level axes whose words the template offers as drop-down lists.
    public enum LevelAxis: String, Sendable, CaseIterable {
        case level, performance, planning, position

        /// The standard words, in ladder order.
        public var words: [String] {
            switch self {
            case .level: return Level.allCases.map(StandardLayout.word)
            case .performance: return JenisKinerja.allCases.map(StandardLayout.word)
            case .planning: return KomponenPerencanaan.allCases.map(StandardLayout.word)
            case .position: return Jabatan.allCases.map(StandardLayout.word)
            }
        }
    }

    // MARK: Standard words (what the template writes; the built-in vocabulary reads them back)

    public static func word(_ level: Level) -> String {
        switch level {
        case .outcome: return "Outcome"
        case .csf: return "CSF"
        case .kondisiAntaraUtama: return "Kondisi Antara Utama"
        case .kondisiAntara: return "Kondisi Antara"
        case .kondisiOperasional: return "Kondisi Operasional"
        }
    }

    public static func word(_ performance: JenisKinerja) -> String {
        switch performance {
        case .strategisSKPD: return "Kinerja Strategis SKPD"
        case .strategis: return "Kinerja Strategis"
        case .taktikalIntermediate: return "Kinerja Taktikal Intermediate"
        case .taktikalImmediate: return "Kinerja Taktikal Immediate"
        case .operasional: return "Kinerja Operasional"
        }
    }

    public static func word(_ planning: KomponenPerencanaan) -> String {
        switch planning {
        case .tujuan: return "Tujuan SKPD"
        case .sasaranSKPD: return "Sasaran SKPD"
        case .sasaranProgram: return "Sasaran Program"
        case .sasaranKegiatan: return "Sasaran Kegiatan"
        case .sasaranSubKegiatan: return "Sasaran Sub Kegiatan"
        }
    }

    public static func word(_ position: Jabatan) -> String {
        switch position {
        case .jpt: return "PK JPT"
        case .administrator: return "PK Administrator"
        case .pengawas: return "PK Pengawas"
        case .jf: return "PK/SKP JF"
        case .pelaksana: return "SKP Pelaksana"
        }
    }

    // MARK: Building

    public let model: PohonKinerja
    private let byID: [String: Kinerja]
    /// Whether the model says on which stages each node appears (a model read from sheets);
    /// a model without any stage records is written on every stage its level belongs to.
    private let usesStageRecords: Bool

    public init(model: PohonKinerja) {
        self.model = model
        byID = Dictionary(model.nodes.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        usesStageRecords = model.nodes.contains { !$0.stages.isEmpty }
    }

    /// The sheets in tab order: Tahap 1–5 and Cascading (the instructions sheet is the format's).
    public func sheets() -> [Sheet] {
        [tahap1(), tahap2(), tahap3(), tahap4(), tahap5(), cascading()]
    }

    private var agencyTitle: String {
        [model.agency.name, model.agency.shortName.map { "(\($0))" }].compactMap { $0 }.joined(separator: " ")
    }

    private func appears(_ node: Kinerja, on role: StageRole, byDefault: Bool) -> Bool {
        usesStageRecords ? node.stages[role] != nil : byDefault
    }

    /// The node's wording on a stage: as that sheet wrote it, else the canonical statement.
    private func text(_ node: Kinerja, _ role: StageRole) -> String {
        node.stages[role]?.text ?? node.statement
    }

    private func indicators(_ node: Kinerja, _ role: StageRole) -> String {
        (node.stages[role]?.indicators ?? node.indicators.map(\.name)).joined(separator: "\n")
    }

    private func stageReference(_ node: Kinerja) -> String {
        switch node.level {
        case .outcome: return "Tahap 1"
        case .csf: return "Tahap 2"
        default: return "Tahap 3"
        }
    }

    private func sheet(_ role: StageRole, _ title: String, _ subtitle: String, _ columns: [Column], _ rows: [TableRow]) -> Sheet {
        Sheet(role: role, name: role.title, title: title, subtitle: subtitle, columns: columns, rows: rows)
    }

    private static let codeColumn = Column(header: "Kode", kind: .code, width: 10)
    private static let parentColumn = Column(header: "Kode Induk", kind: .code, width: 10)

    private func tahap1() -> Sheet {
        let rows = model.nodes.filter { $0.level == .outcome && appears($0, on: .tahap1, byDefault: true) }.map {
            TableRow(values: [$0.id, text($0, .tahap1)], level: .outcome)
        }
        return sheet(.tahap1, "Tahap 1 — Menentukan Outcome", agencyTitle,
                     [Self.codeColumn, Column(header: "Outcome", kind: .longText, width: 80)], rows)
    }

    private func tahap2() -> Sheet {
        let rows = model.nodes.filter { $0.level == .csf && appears($0, on: .tahap2, byDefault: true) }.map {
            TableRow(values: [$0.id, $0.parent ?? "", text($0, .tahap2), $0.crosscutting.map(\.partner).joined(separator: "\n")], level: .csf)
        }
        return sheet(.tahap2, "Tahap 2 — Faktor Kunci Keberhasilan (CSF)", agencyTitle,
                     [Self.codeColumn, Self.parentColumn, Column(header: "CSF (Kondisi yang Diperlukan)", kind: .longText, width: 70),
                      Column(header: "Crosscutting dengan", kind: .text, width: 32)], rows)
    }

    private func tahap3() -> Sheet {
        let rows = model.nodes.filter { $0.level != .outcome && appears($0, on: .tahap3, byDefault: true) }.map {
            TableRow(values: [$0.id, $0.parent ?? "", text($0, .tahap3), Self.word($0.level),
                              $0.crosscutting.map(\.partner).joined(separator: "\n")], level: $0.level)
        }
        return sheet(.tahap3, "Tahap 3 — Menguraikan CSF ke Kondisi Antara sampai Kondisi Operasional", agencyTitle,
                     [Self.codeColumn, Self.parentColumn, Column(header: "Kondisi yang Diperlukan", kind: .longText, width: 70),
                      Column(header: "Level", kind: .list(.level), width: 24),
                      Column(header: "Crosscutting dengan", kind: .text, width: 32)], rows)
    }

    /// The years any indicator has a target for, in order.
    private var targetYears: [Int] {
        Set(model.nodes.flatMap { $0.indicators.flatMap { $0.targets.map(\.year) } }).sorted()
    }

    /// Units and targets of a node's indicators, one line per indicator ("—" where one has none;
    /// not "-", which CSV formula defusing would prefix with an apostrophe),
    /// so that several indicators in one cell keep their own unit and targets.
    private func perIndicator(_ node: Kinerja, _ value: (Indikator) -> String?) -> String {
        let values = node.indicators.map(value)
        guard values.contains(where: { $0 != nil }) else { return "" }
        return values.map { $0 ?? "—" }.joined(separator: "\n")
    }

    private func tahap4() -> Sheet {
        let years = targetYears
        let rows = model.nodes.filter { appears($0, on: .tahap4, byDefault: true) }.map { node in
            TableRow(values: [node.id, stageReference(node), text(node, .tahap4), indicators(node, .tahap4),
                              node.performance.map(Self.word) ?? "", perIndicator(node) { $0.unit }]
                        + years.map { year in perIndicator(node) { $0.targets.first { $0.year == year }?.value } },
                     level: node.level)
        }
        return sheet(.tahap4, "Tahap 4 — Merumuskan Indikator Kinerja", agencyTitle,
                     [Self.codeColumn, Column(header: "Rujukan Tahapan", kind: .text, width: 12),
                      Column(header: "Kinerja", kind: .longText, width: 60), Column(header: "Indikator Kinerja", kind: .longText, width: 60),
                      Column(header: "Jenis Kinerja", kind: .list(.performance), width: 30),
                      Column(header: "Satuan", kind: .text, width: 12)]
                        + years.map { Column(header: "Target \($0)", kind: .text, width: 11) }, rows)
    }

    private func tahap5() -> Sheet {
        let rows = model.nodes.filter { appears($0, on: .tahap5, byDefault: $0.crosscutting.isEmpty) }.map { node in
            TableRow(values: [node.id, stageReference(node), text(node, .tahap5), indicators(node, .tahap5),
                              node.performance.map(Self.word) ?? "", node.planning.map(Self.word) ?? "",
                              node.position.map(Self.word) ?? "",
                              node.nomenclature?.name ?? "", node.nomenclature?.code ?? "",
                              node.nomenclature?.statement ?? "", node.nomenclature?.indicators.joined(separator: "\n") ?? ""],
                     level: node.level)
        }
        return sheet(.tahap5, "Tahap 5 — Komponen Perencanaan dan Kinerja Jabatan", agencyTitle,
                     [Self.codeColumn, Column(header: "Rujukan Tahapan", kind: .text, width: 12),
                      Column(header: "Kinerja", kind: .longText, width: 55), Column(header: "Indikator Kinerja", kind: .longText, width: 55),
                      Column(header: "Jenis Kinerja", kind: .list(.performance), width: 28),
                      Column(header: "Komponen Perencanaan", kind: .list(.planning), width: 24),
                      Column(header: "Kinerja Jabatan", kind: .list(.position), width: 20),
                      Column(header: "Program / Kegiatan / Sub Kegiatan", kind: .longText, width: 45),
                      Column(header: "Kode Nomenklatur", kind: .code, width: 18),
                      Column(header: "Sasaran Nomenklatur", kind: .longText, width: 45),
                      Column(header: "Indikator Nomenklatur", kind: .longText, width: 45)], rows)
    }

    /// The cascading matrix: one column group per planning level (sasaran, indicators, program /
    /// kegiatan / sub kegiatan, position), one row per root-to-leaf path, each node's cells
    /// merged down over its descendants' rows. Crosscutting CSFs follow in their own block.
    private func cascading() -> Sheet {
        let groups = KomponenPerencanaan.allCases
        var columns: [Column] = []
        for planning in groups {
            let name = Self.word(planning)
            columns.append(Column(header: name, kind: .longText, width: 30))
            columns.append(Column(header: "Indikator · \(name)", kind: .longText, width: 26))
            columns.append(Column(header: planning == .tujuan || planning == .sasaranSKPD ? "Keterangan · \(name)" : "Nomenklatur · \(name)",
                                  kind: .longText, width: 22))
            columns.append(Column(header: "Jabatan · \(name)", kind: .text, width: 12))
        }
        var children: [String?: [Kinerja]] = [:]
        for node in model.nodes where node.crosscutting.isEmpty { children[node.parent, default: []].append(node) }
        var rows: [TableRow] = []
        var merges: [Merge] = []
        let firstDataRow = Self.headerRow + 1

        func group(of node: Kinerja, below parentGroup: Int?) -> Int {
            let planning = node.planning ?? LevelTable.planning(for: node.level)
            let own = groups.firstIndex(of: planning)!
            // A child never shares its parent's column group (it would overwrite the parent).
            guard let parentGroup else { return own }
            return min(max(own, parentGroup + 1), groups.count - 1)
        }
        // Depth-first: a node occupies rows first…last of its subtree's leaves.
        func place(_ node: Kinerja, group: Int, into row: inout [String]) -> Int {
            let column = group * 4
            row[column] = text(node, .cascading)
            row[column + 1] = node.indicators.map(\.name).joined(separator: "\n")
            row[column + 2] = node.nomenclature?.name ?? ""
            row[column + 3] = node.position.map(Self.word) ?? ""
            return column
        }
        func walk(_ node: Kinerja, prefix: [String], parentGroup: Int?) {
            var row = prefix
            let nodeGroup = group(of: node, below: parentGroup)
            let column = place(node, group: nodeGroup, into: &row)
            let start = rows.count
            let kids = children[node.id] ?? []
            if kids.isEmpty {
                rows.append(TableRow(values: row, level: node.level))
            } else {
                for (offset, child) in kids.enumerated() {
                    // Only the first row of a block carries the ancestors' text; the merges show it over the rest.
                    walk(child, prefix: offset == 0 ? row : Array(repeating: "", count: columns.count), parentGroup: nodeGroup)
                }
            }
            let end = rows.count - 1
            if end > start {
                for offset in 0..<4 {
                    merges.append(Merge(range: CellRange(first: CellAddress(row: firstDataRow + start, column: column + offset + 1),
                                                         last: CellAddress(row: firstDataRow + end, column: column + offset + 1))))
                }
            }
        }
        for root in children[nil] ?? [] { walk(root, prefix: Array(repeating: "", count: columns.count), parentGroup: nil) }
        let crosscutting = model.nodes.filter { !$0.crosscutting.isEmpty }
        if !crosscutting.isEmpty {
            rows.append(TableRow(values: Array(repeating: "", count: columns.count), level: nil))
            var heading = Array(repeating: "", count: columns.count)
            heading[4] = "Crosscutting"
            rows.append(TableRow(values: heading, level: nil))
            for node in crosscutting {
                var row = Array(repeating: "", count: columns.count)
                row[4] = text(node, .cascading)
                row[6] = node.crosscutting.map { "Crosscutting dengan \($0.partner)" }.joined(separator: "\n")
                rows.append(TableRow(values: row, level: node.level))
            }
        }
        var sheet = Sheet(role: .cascading, name: StageRole.cascading.title, title: "Cascading Kinerja", subtitle: agencyTitle,
                          columns: columns, rows: rows)
        sheet.merges = merges
        return sheet
    }
}

import PokinCore

/// One node of the tree: an outcome, a CSF or a condition (kondisi), with what Tahap 4 and 5
/// add to it.
public struct Kinerja: Hashable, Sendable {
    public var id: String
    /// The parent's id; nil for a root (a Tahap 1 outcome).
    public var parent: String?
    /// The canonical wording (the wording of the stage that owns the node, usually Tahap 3).
    public var statement: String
    /// Always set; where a layout does not state it, it follows from depth or planning component
    /// and an `info` diagnostic says so.
    public var level: Level
    public var performance: JenisKinerja?
    public var planning: KomponenPerencanaan?
    public var position: Jabatan?
    public var indicators: [Indikator]
    public var crosscutting: [Crosscutting]
    /// The program / kegiatan / sub kegiatan that delivers the node, where the source names one.
    public var nomenclature: Nomenklatur?
    /// The node as each stage's sheet shows it (wording, labels as written, the cell it came from).
    /// The keys also say on which stages the node appears.
    public var stages: [StageRole: StageRecord]
    public var extensions: [JSONMember]

    public init(id: String, parent: String? = nil, statement: String, level: Level,
                performance: JenisKinerja? = nil, planning: KomponenPerencanaan? = nil, position: Jabatan? = nil,
                indicators: [Indikator] = [], crosscutting: [Crosscutting] = [],
                nomenclature: Nomenklatur? = nil, stages: [StageRole: StageRecord] = [:], extensions: [JSONMember] = []) {
        self.id = id
        self.parent = parent
        self.statement = statement
        self.level = level
        self.performance = performance
        self.planning = planning
        self.position = position
        self.indicators = indicators
        self.crosscutting = crosscutting
        self.nomenclature = nomenclature
        self.stages = stages
        self.extensions = extensions
    }

    /// A crosscutting CSF: `level` csf with at least one partner.
    public var isCrosscuttingCSF: Bool { level == .csf && !crosscutting.isEmpty }
}

/// A performance indicator (indikator kinerja) of a node.
public struct Indikator: Hashable, Sendable {
    public var name: String
    /// Satuan, as written ("%", "Dokumen").
    public var unit: String?
    /// Targets per year, as text (targets are text first: "80 poin", "0,70", "WTP").
    public var targets: [Target]
    public var extensions: [JSONMember]

    public init(name: String, unit: String? = nil, targets: [Target] = [], extensions: [JSONMember] = []) {
        self.name = name
        self.unit = unit
        self.targets = targets
        self.extensions = extensions
    }

    /// One year's target.
    public struct Target: Hashable, Sendable {
        public var year: Int
        public var value: String
        public init(year: Int, value: String) {
            self.year = year
            self.value = value
        }
    }
}

/// Another body a condition depends on (crosscutting partner).
public struct Crosscutting: Hashable, Sendable {
    /// The partner's name as written ("DINAS PMPTSP").
    public var partner: String
    public var extensions: [JSONMember]

    public init(partner: String, extensions: [JSONMember] = []) {
        self.partner = partner
        self.extensions = extensions
    }
}

/// How one stage's sheet shows a node: the text and labels exactly as written there, and where.
/// Used to write each sheet back as it was and to report drift between stages.
public struct StageRecord: Hashable, Sendable {
    /// The node's wording on this stage.
    public var text: String?
    /// Indicator names as written on this stage, in order.
    public var indicators: [String]?
    /// The level / class word as written ("Kondisi antara utama", "kinerja taktikal intermediate").
    public var levelLabel: String?
    /// The planning component as written ("Sasaran Pertama SKPD").
    public var planningLabel: String?
    /// The job label as written ("PK Jabatan Pimpinan Tinggi").
    public var positionLabel: String?
    /// The cell the node's text came from: `file.xlsx!'Tahap 3'!B12`.
    public var at: String?

    public init(text: String? = nil, indicators: [String]? = nil, levelLabel: String? = nil,
                planningLabel: String? = nil, positionLabel: String? = nil, at: String? = nil) {
        self.text = text
        self.indicators = indicators
        self.levelLabel = levelLabel
        self.planningLabel = planningLabel
        self.positionLabel = positionLabel
        self.at = at
    }
}

/// An import warning or a consistency finding, with the cell it concerns.
public struct Diagnostic: Hashable, Sendable {
    public var code: String
    public var severity: Severity
    public var message: String
    /// `file.xlsx!'Tahap 3'!B12`, or nil when it concerns the whole document.
    public var at: String?
    public var extensions: [JSONMember]

    public init(code: String, severity: Severity, message: String, at: String? = nil, extensions: [JSONMember] = []) {
        self.code = code
        self.severity = severity
        self.message = message
        self.at = at
        self.extensions = extensions
    }
}

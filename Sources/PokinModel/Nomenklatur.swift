/// The program, kegiatan or sub kegiatan (Kepmendagri nomenclature) a node is delivered through,
/// as a cascading sheet or a Tahap 5 extension names it.
public struct Nomenklatur: Hashable, Sendable {
    public enum Kind: String, CaseIterable, Sendable, Hashable {
        case program
        case kegiatan
        case subKegiatan = "sub-kegiatan"
    }

    public var kind: Kind
    /// The code as written, always text ("2.17.05.2.01.0001"; 2- or 4-digit sub kegiatan kept).
    public var code: String?
    /// The name as written ("PROGRAM PENDIDIKAN DAN LATIHAN PERKOPERASIAN").
    public var name: String
    /// A sasaran worded from the nomenclature, beside the tree's own ("Terfasilitasinya …").
    public var statement: String?
    /// Indicators that belong to the nomenclature sasaran rather than to the tree node.
    public var indicators: [String]

    public init(kind: Kind, code: String? = nil, name: String, statement: String? = nil, indicators: [String] = []) {
        self.kind = kind
        self.code = code
        self.name = name
        self.statement = statement
        self.indicators = indicators
    }
}

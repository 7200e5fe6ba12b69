import Foundation
import PokinCore
import PokinModel
import PokinTestSupport
import Testing

/// `canonicalJSONBytes()` writes the model straight into bytes; `jsonValue.serialized()` is the
/// reference it must match byte for byte on every model.
@Suite("Canonical JSON writer: the same bytes as jsonValue.serialized() on every kind of model")
struct CanonicalJSONWriterTests {
    static func expectIdentical(_ model: PohonKinerja, sourceLocation: SourceLocation = #_sourceLocation) {
        let reference = model.jsonValue.serialized()
        let written = model.canonicalJSONBytes()
        #expect(written == Array(reference.utf8), "the direct writer differs from the reference:\n\(String(decoding: written, as: UTF8.self))",
                sourceLocation: sourceLocation)
        #expect(model.canonicalJSON() == reference, sourceLocation: sourceLocation)
        #expect(model.withCanonicalJSONBytes { Array($0) } == written, sourceLocation: sourceLocation)
    }

    static let awkwardTexts: [String] = [
        "quote \" and backslash \\", "new\nline and cr\r and crlf\r\n", "tab\tend", "\u{08}\u{0C}\u{00}\u{01}\u{1F}\u{7F}",
        "line\u{2028}sep\u{2029}para", "en–dash ’quote’ …", "\u{2027}\u{202A}", "Kepuasan Masyarakat 😀🇮🇩",
        "e\u{301}", "\u{301}leading combining mark", "ends with \\", "",
    ]

    @Test("the small sample tree and the empty model")
    func sampleAndEmpty() {
        Self.expectIdentical(SampleTrees.small)
        Self.expectIdentical(PohonKinerja())
        Self.expectIdentical(PohonKinerja(agency: PerangkatDaerah(name: "", shortName: nil)))
    }

    @Test("escapes in every text field: quotes, backslash, control characters, DEL, U+2028/U+2029, other 0xE2 text")
    func escapesEverywhere() {
        for text in Self.awkwardTexts {
            let stage = StageRecord(text: text, indicators: [text, text], levelLabel: text, planningLabel: text,
                                    positionLabel: text, at: text)
            let node = Kinerja(id: text, parent: text, statement: text, level: .csf,
                               indicators: [Indikator(name: text, unit: text, targets: [.init(year: 2025, value: text)])],
                               crosscutting: [Crosscutting(partner: text)],
                               nomenclature: Nomenklatur(kind: .subKegiatan, code: text, name: text, statement: text, indicators: [text]),
                               stages: [.tahap4: stage])
            let model = PohonKinerja(agency: PerangkatDaerah(name: text, shortName: text), nodes: [node],
                                     diagnostics: [Diagnostic(code: text, severity: .warning, message: text, at: text)])
            Self.expectIdentical(model)
        }
    }

    @Test("indicator lists on one line exactly up to 100 characters with the indent, non-ASCII counted as Characters")
    func oneLineRuleNearTheLimit() {
        // Each unit has a different byte / scalar / Character count; the padding reaches every
        // line length around the limit, in stage indicators (deeper) and nomenclature indicators.
        let units = ["a", "é", "e\u{301}", "😀", "🇮🇩", "👨‍👩‍👧", "\u{301}", "\"", "\u{01}", "\u{2028}", "–"]
        for unit in units {
            var nodes: [Kinerja] = []
            for repeats in 1...100 {
                for padding in 0...6 {
                    let indicators = [String(repeating: unit, count: repeats), String(repeating: "p", count: padding)]
                    nodes.append(Kinerja(id: "\(repeats).\(padding)", statement: "S", level: .outcome,
                                         nomenclature: Nomenklatur(kind: .program, name: "N", indicators: indicators),
                                         stages: [.tahap5: StageRecord(indicators: indicators)]))
                }
            }
            Self.expectIdentical(PohonKinerja(nodes: nodes))
        }
    }

    @Test("empty arrays and objects: no nodes, no indicators, an empty stage record, an empty indicator list")
    func emptyContainers() {
        let node = Kinerja(id: "1", statement: "S", level: .outcome,
                           indicators: [Indikator(name: "I", targets: [])],
                           nomenclature: Nomenklatur(kind: .kegiatan, name: "K", indicators: []),
                           stages: [.tahap1: StageRecord(), .tahap2: StageRecord(indicators: []), .pohon: StageRecord(at: "x")])
        Self.expectIdentical(PohonKinerja(nodes: [node]))
        Self.expectIdentical(PohonKinerja(nodes: [Kinerja(id: "1", statement: "S", level: .csf)]))
    }

    @Test("stages come in role order whatever order the dictionary holds them in")
    func stageOrder() {
        var stages: [StageRole: StageRecord] = [:]
        for (index, role) in StageRole.allCases.reversed().enumerated() {
            stages[role] = StageRecord(text: "stage \(index)", at: "f.xlsx!'\(role.title)'!A\(index + 1)")
        }
        Self.expectIdentical(PohonKinerja(nodes: [Kinerja(id: "1", statement: "S", level: .outcome, stages: stages)]))
        for role in StageRole.allCases {
            let some = stages.filter { $0.key != role }
            Self.expectIdentical(PohonKinerja(nodes: [Kinerja(id: "1", statement: "S", level: .outcome, stages: some)]))
        }
    }

    @Test("target years: zero, negative, large, beyond 1e15, Int.max and Int.min print as the reference")
    func targetYears() {
        let years = [0, 2025, -1, -2025, 99_999, 999_999_999_999_999, 1_000_000_000_000_000, -1_000_000_000_000_001,
                     9_007_199_254_740_993, Int.max, Int.min]
        let indicator = Indikator(name: "I", targets: years.map { .init(year: $0, value: "\($0)") })
        Self.expectIdentical(PohonKinerja(nodes: [Kinerja(id: "1", statement: "S", level: .outcome, indicators: [indicator])]))
    }

    @Test("extension members at every level: nested, empty, long and short scalar arrays, odd keys, every kind of number")
    func extensionsEverywhere() {
        let values: [JSONValue] = [
            .null, .bool(true), .bool(false), .number(0), .number(-0.0), .number(-7), .number(0.1), .number(-2.5e-8),
            .number(1e15), .number(123_456_789_012_345.6), .number(1e300), .number(.nan), .number(.infinity),
            .string("teks \"x\"\n\u{2028}"), .array([]), .object([]),
            .array([.number(1), .string("a"), .null, .bool(false)]),
            .array((0..<40).map { .string("indikator \($0) é") }),
            .array([.object([("a", .array([]))]), .number(2)]),
            .object([("nested", .object([("deeper", .array([.array([.number(1)]), .object([])]))]))]),
        ]
        let keys = ["kode", "bobot", "key \"quoted\"", "baris\nbaru", "ключ", "", "😀"]
        func members(_ salt: Int) -> [JSONMember] {
            values.enumerated().map { index, value in JSONMember("\(keys[(index + salt) % keys.count])\(index)", value) }
        }
        let node = Kinerja(id: "1", statement: "S", level: .outcome,
                           indicators: [Indikator(name: "I", unit: "%", targets: [.init(year: 2026, value: "80")], extensions: members(1))],
                           crosscutting: [Crosscutting(partner: "P", extensions: members(2))],
                           nomenclature: Nomenklatur(kind: .program, code: nil, name: "N"),
                           stages: [.tahap3: StageRecord(text: "S")], extensions: members(3))
        let model = PohonKinerja(agency: PerangkatDaerah(name: nil, shortName: "X", extensions: members(4)), nodes: [node],
                                 diagnostics: [Diagnostic(code: "c", severity: .info, message: "m", extensions: members(5))],
                                 extensions: members(6))
        Self.expectIdentical(model)
    }

    @Test("the agency fixtures' golden models, read and written again, match the reference and the files")
    func fixtureGoldens() throws {
        let root = Fixtures.url("agencies")
        let folders = try FileManager.default.contentsOfDirectory(atPath: root.path).sorted()
        var checked = 0
        for folder in folders {
            let path = root.appendingPathComponent(folder).appendingPathComponent("expected.json").path
            guard FileManager.default.fileExists(atPath: path) else { continue }
            let model = try PohonKinerja.read(path: path)
            Self.expectIdentical(model)
            #expect(model.canonicalJSONBytes() == Array(try Data(contentsOf: URL(fileURLWithPath: path))), "\(folder)")
            checked += 1
        }
        #expect(checked >= 5)
    }

    @Test("pseudo-random models (fixed seed) with optional fields, awkward texts and extensions match the reference")
    func randomModels() {
        var random = SeededGenerator(seed: 0xC0FF_EE00)
        for _ in 0..<150 {
            Self.expectIdentical(random.model())
        }
    }
}

/// Deterministic random models (the seeded generator), so each run checks the same ones.
private extension SeededGenerator {
    mutating func text() -> String {
        let pieces = CanonicalJSONWriterTests.awkwardTexts + ["Meningkatnya ", "Indeks Kepuasan ", "%", "2.17.05", " ", "x", "é"]
        return (0..<below(14)).map { _ in pick(pieces) }.joined()
    }

    mutating func optionalText() -> String? { chance() ? text() : nil }

    mutating func texts() -> [String] { (0..<below(5)).map { _ in text() } }

    mutating func extensions() -> [JSONMember] {
        guard below(4) == 0 else { return [] }
        return (0..<below(3) + 1).map { _ in JSONMember(text(), value(depth: 0)) }
    }

    mutating func value(depth: Int) -> JSONValue {
        switch below(depth > 2 ? 4 : 6) {
        case 0: return .null
        case 1: return .number(pick([0, -1, 2025, 0.5, -3.25e-5, 1e15, 4.5e20]))
        case 2: return .bool(chance())
        case 3: return .string(text())
        case 4: return .array((0..<below(5)).map { _ in value(depth: depth + 1) })
        default: return .object((0..<below(4)).map { _ in (text(), value(depth: depth + 1)) })
        }
    }

    mutating func stage() -> StageRecord {
        StageRecord(text: optionalText(), indicators: chance() ? texts() : nil, levelLabel: optionalText(),
                    planningLabel: optionalText(), positionLabel: optionalText(), at: optionalText())
    }

    mutating func node(_ index: Int) -> Kinerja {
        var stages: [StageRole: StageRecord] = [:]
        for role in StageRole.allCases where chance() { stages[role] = stage() }
        return Kinerja(
            id: "\(index)", parent: index == 0 ? nil : "\(below(index))", statement: text(),
            level: pick(Level.allCases), performance: chance() ? pick(JenisKinerja.allCases) : nil,
            planning: chance() ? pick(KomponenPerencanaan.allCases) : nil, position: chance() ? pick(Jabatan.allCases) : nil,
            indicators: (0..<below(3)).map { _ in
                Indikator(name: text(), unit: optionalText(),
                          targets: (0..<below(3)).map { _ in .init(year: 2024 + below(6), value: text()) },
                          extensions: extensions())
            },
            crosscutting: (0..<below(2)).map { _ in Crosscutting(partner: text(), extensions: extensions()) },
            nomenclature: chance() ? Nomenklatur(kind: pick(Nomenklatur.Kind.allCases), code: optionalText(), name: text(),
                                                 statement: optionalText(), indicators: texts()) : nil,
            stages: stages, extensions: extensions())
    }

    mutating func model() -> PohonKinerja {
        PohonKinerja(agency: PerangkatDaerah(name: optionalText(), shortName: optionalText(), extensions: extensions()),
                     nodes: (0..<below(8)).map { node($0) },
                     diagnostics: (0..<below(3)).map { _ in
                         Diagnostic(code: text(), severity: pick(Severity.allCases), message: text(), at: optionalText(),
                                    extensions: extensions())
                     },
                     extensions: extensions())
    }
}

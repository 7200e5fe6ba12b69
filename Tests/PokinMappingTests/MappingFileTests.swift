import Foundation
import PokinCore
import PokinMapping
import PokinModel
import PokinTestSupport
import Testing

@Suite("Mapping files: loading and checking")
struct MappingFileTests {
    @Test("every built-in mapping in Mappings/ loads without a problem")
    func builtInMappingsLoad() throws {
        let catalog = MappingCatalog(folder: Fixtures.repositoryFile("Mappings"))
        #expect(!catalog.paths.isEmpty)
        for path in catalog.paths {
            let (mapping, problems) = MappingLoader.check(yaml: try String(contentsOfFile: path, encoding: .utf8), file: path)
            #expect(problems.isEmpty, "\(path): \(problems)")
            #expect(mapping?.name == URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent,
                    "a mapping's name is its file name, so --mapping NAME finds it")
        }
    }

    @Test("a broken mapping reports every problem with its line")
    func brokenMappingProblemsHaveLines() {
        let yaml = """
            pokin-mapping: 1
            name: contoh dinas
            sheets:
              tahap-3:
                sheet: {names: [Tahap 3]}
                header: {find: [CSF]}
                columns:
                  statment: [Kondisi]
                  level: {letter: "3C"}
              tahap-9:
                sheet: [X]
              tahap-4:
                sheet: {patterns: ['(unclosed']}
                header: {row: 0}
                columns: {statement: {letter: B}}
                indicators: commas
            vocabulary:
              level:
                kondisi-antara-kecil: [KAK]
            """
        let (_, problems) = MappingLoader.check(yaml: yaml, file: "contoh.yaml")
        let byLine = Dictionary(grouping: problems, by: { $0.line ?? 0 })
        #expect(byLine[2]?.first?.message.contains("one word") == true, "name with a space, line 2")
        #expect(byLine[8]?.first?.message.contains("unknown field \"statment\"") == true)
        #expect(byLine[9]?.first?.message.contains("not a column letter") == true)
        #expect(byLine[10]?.first?.message.contains("not a sheet role") == true)
        #expect(byLine[13]?.first?.message.contains("regular expression") == true)
        #expect(byLine[14]?.first?.message.contains("row number") == true)
        #expect(byLine[16]?.first?.message.contains("none, lines, numbered") == true)
        #expect(byLine[19]?.first?.message.contains("kondisi-antara-kecil") == true)
        #expect(problems.contains { $0.message.contains("at least the statement column") }, "tahap-3 lacks a statement column")
    }

    @Test("YAML that does not parse is reported with its line, not a crash")
    func invalidYAML() {
        let (mapping, problems) = MappingLoader.check(yaml: "pokin-mapping: 1\nsheets: [\n  a: b\n", file: "x.yaml")
        #expect(mapping == nil)
        #expect(problems.count == 1)
        #expect(problems[0].line != nil)
    }

    @Test("loading a mapping by a name that does not exist lists the built-in names")
    func unknownName() throws {
        let catalog = MappingCatalog(folder: Fixtures.repositoryFile("Mappings"))
        #expect { try catalog.mapping(named: "tidak-ada") } throws: { error in
            (error as? PokinError)?.message.contains("permenpan-lembar-kerja") == true
        }
    }
}

@Suite("Level words in the agencies' own spelling")
struct LevelVocabularyTests {
    let vocabulary = LevelVocabulary.standard

    @Test("case, spacing and non-breaking spaces do not matter",
          arguments: ["Kondisi antara utama", "kondisi  ANTARA utama", "Kondisi\u{00A0}antara utama ", "KONDISI ANTARA UTAMA"])
    func levelVariants(word: String) {
        #expect(vocabulary.level(word) == .kondisiAntaraUtama)
    }

    @Test("the seed's Tahap 4 and 5 words map to the kinerja classes of domain.md (c)")
    func performanceWords() {
        #expect(vocabulary.performance("kinerja strategis skpd") == .strategisSKPD)
        #expect(vocabulary.performance("Kinerja Strategis") == .strategis)
        #expect(vocabulary.performance("kinerja taktikal intermediate") == .taktikalIntermediate)
        #expect(vocabulary.performance("Kinerja taktikal") == .taktikalImmediate)
        #expect(vocabulary.performance("Kinerja taktikal immediate") == .taktikalImmediate)
        #expect(vocabulary.performance("kinerja operasional") == .operasional)
        #expect(vocabulary.performance("Kinerja Strategik Daerah") == nil)
    }

    @Test("planning components and job labels as the seed writes them")
    func planningAndPositions() {
        #expect(vocabulary.planning("Tujuan SKPD") == .tujuan)
        #expect(vocabulary.planning("Sasaran Pertama SKPD") == .sasaranSKPD)
        #expect(vocabulary.planning("Sasaran Sub Kegiatan") == .sasaranSubKegiatan)
        #expect(vocabulary.planning("SASARAN SUB KEG") == .sasaranSubKegiatan)
        #expect(vocabulary.position("PK Jabatan Pimpinan Tinggi") == .jpt)
        #expect(vocabulary.position("PK Jabatan Pimpinan") == .jpt)
        #expect(vocabulary.position("PK Jabatan Administrator") == .administrator)
        #expect(vocabulary.position("PK/SKP JF") == .jf)
        #expect(vocabulary.position("PK /SKP JF/JP") == .pelaksana)
        #expect(vocabulary.position("PK /SKP KABID") == .administrator)
    }
}

@Suite("Matching the same node across stages")
struct TextSimilarityTests {
    func score(_ a: String, _ b: String) -> Double { TextSimilarity.score(TextKey(a), TextKey(b)) }

    @Test("the seed's drifted wordings still match (verb prefix, typo, truncation, a dropped word)")
    func driftMatches() {
        #expect(score("Terlaksananya Pembinaan dan Penyuluhan Koperasi", "Terselenggaranya Pembinaan dan Penyuluhan Koperasi") >= 0.9)
        #expect(score("Terlaksananya Fasilitasi Usaha Mikro dalam Pengembangan Produksi", "Terlaksananya Fasilitas Usaha Mikro dalam Pengembangan Produksi") >= 0.85)
        #expect(score("Terlaksananya Pemeriksaan Kepatuhan Koperasi terhadap Peraturan", "Terlaksananya Pemeriksaan Kepatuhan Koperasi terhadap") >= 0.85)
        #expect(score("Meningkatnya Kompetensi SDM Usaha Mikro", "Meningkatnya Kompetensi Usaha Mikro") >= 0.8)
        #expect(score("Terselenggaranya Pemberdayaan Melalui Kemiteraan UMKM", "Terselenggaranya Pemberdayaan Melalui Kemitraan UMKM") >= 0.95)
        #expect(score("Meningkatnya Produktifitas Koperasi", "meningkatnya  produktivitas\u{00A0}koperasi") >= 0.95)
    }

    @Test("different nodes do not match")
    func differentNodes() {
        #expect(score("Meningkatkan produktifitas usaha mikro", "Meningkatnya Produktifitas Koperasi dan Usaha Mikro") < 0.75)
        #expect(score("Terlaksananya Pengawasan Koperasi", "Terlaksananya Pembinaan dan Penyuluhan Koperasi") < 0.75)
        #expect(score("Meningkatnya Koperasi Aktif", "Meningkatnya Koperasi yang Berkualitas") < 0.75)
        #expect(score("Rendahnya Koperasi yang Berkualitas", "Meningkatnya Koperasi yang Berkualitas") < 0.75)
    }

    @Test("the banded edit distance agrees with the full Levenshtein table on 2,000 seeded pairs")
    func bandedDistanceIsExact() {
        func full(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
            var previous = Array(0...b.count)
            for i in 1...max(a.count, 1) where !a.isEmpty {
                var current = [i] + [Int](repeating: 0, count: b.count)
                for j in stride(from: 1, through: b.count, by: 1) {
                    current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                }
                previous = current
            }
            return previous[b.count]
        }
        var state: UInt64 = 20261129
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        let alphabet = Array("aabcdé ".unicodeScalars)
        for _ in 0..<2000 {
            let a = String(String.UnicodeScalarView((0..<next(14)).map { _ in alphabet[next(alphabet.count)] }))
            let b = String(String.UnicodeScalarView((0..<next(14)).map { _ in alphabet[next(alphabet.count)] }))
            let limit = next(6)
            let exact = full(Array(a.unicodeScalars), Array(b.unicodeScalars))
            let banded = TextSimilarity.distance(a, b, limit: limit)
            #expect(exact <= limit ? banded == exact : banded == limit + 1, "\(a) / \(b) limit \(limit): \(banded), exact \(exact)")
            #expect(TextSimilarity.distance(a, b) == exact)
        }
    }

    @Test("texts that differ only in a number are different nodes, whatever their verbs")
    func differentNumbers() {
        #expect(score("Meningkatnya Akreditasi Fasilitas Kesehatan 5", "Terlaksananya Akreditasi Fasilitas Kesehatan 17") < 0.75)
        #expect(score("Terlaksananya Akreditasi Puskesmas 1", "Terlaksananya Akreditasi Puskesmas 2") < 0.75)
        #expect(score("Capaian Tahun 2024", "Capaian Tahun 2025") < 0.75)
        // The same number survives the usual drift.
        #expect(score("Terlaksananya Akreditasi Puskesmas 12", "Terselenggaranya Akreditasi  Puskesmas 12") >= 0.9)
    }
}

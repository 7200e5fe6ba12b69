import Foundation
import PokinModel
import PokinTestSupport

/// Models the render tests draw: the seed's golden model, and generated agency-shaped trees.
enum RenderFixtures {
    static var seedPath: String { Fixtures.url("agencies/dkukmpp-seed/expected.json").path }

    static func seed() throws -> PohonKinerja {
        try PohonKinerja.read(path: seedPath)
    }

    private static let words = [
        "Meningkatnya", "Terselenggaranya", "Terlaksananya", "kualitas", "pelayanan", "koperasi", "usaha", "mikro",
        "pembinaan", "pendampingan", "Kabupaten/Kota", "sumber", "daya", "manusia", "dan", "yang", "terhadap",
        "peraturan", "perundang-undangan", "pengembangan", "produk", "pemasaran", "digital", "E-Commerce", "UMKM",
        "kemitraan", "fasilitasi", "akreditasi", "Puskesmas", "pendataan", "perizinan", "Persentase", "Jumlah",
    ]

    private static func sentence(_ count: Int, _ random: inout SeededGenerator) -> String {
        (0..<count).map { _ in words.randomElement(using: &random)! }.joined(separator: " ")
    }

    /// An agency-shaped tree of at least `minimum` nodes: 1–3 outcomes, CSFs (some crosscutting
    /// partners beside them, one crosscutting CSF with children), conditions down to the
    /// operational level, statements of 3–30 words, 0–3 indicators, planning components that
    /// sometimes skip a level and sometimes are missing.
    static func generated(minimum: Int, seed: UInt64) -> PohonKinerja {
        var random = SeededGenerator(seed: seed)
        var nodes: [Kinerja] = []
        let levels: [Level] = [.outcome, .csf, .kondisiAntaraUtama, .kondisiAntara, .kondisiOperasional]
        func make(_ id: String, parent: String?, depth: Int) -> Kinerja {
            var planning = KomponenPerencanaan.allCases[min(depth, 4)]
            let roll = Int.random(in: 0..<20, using: &random)
            if roll == 0, depth >= 2, depth < 4 { planning = KomponenPerencanaan.allCases[depth + 1] }  // skips a row
            let indicators = (0..<Int.random(in: 0...3, using: &random)).map { _ in
                Indikator(name: sentence(Int.random(in: 3...14, using: &random), &random))
            }
            return Kinerja(id: id, parent: parent, statement: sentence(Int.random(in: 3...30, using: &random), &random),
                           level: levels[min(depth, 4)], planning: roll == 1 ? nil : planning, position: depth == 0 ? nil : .jf,
                           indicators: indicators)
        }
        var queue: [(id: String, depth: Int)] = []
        let roots = Int.random(in: 1...3, using: &random)
        for root in 1...roots {
            nodes.append(make("\(root)", parent: nil, depth: 0))
            queue.append(("\(root)", 0))
        }
        var head = 0
        while head < queue.count || nodes.count < minimum {
            if head == queue.count {  // grow another CSF under the first outcome
                let id = "1.\(nodes.count)"
                nodes.append(make(id, parent: "1", depth: 1))
                queue.append((id, 1))
            }
            let (id, depth) = queue[head]
            head += 1
            guard depth < 4 else { continue }
            let count = depth == 0 ? Int.random(in: 2...5, using: &random) : Int.random(in: 1...4, using: &random)
            for number in 1...count {
                let childID = "\(id).\(number)"
                nodes.append(make(childID, parent: id, depth: depth + 1))
                queue.append((childID, depth + 1))
            }
            if depth == 0 {
                for number in 0..<Int.random(in: 0...3, using: &random) {
                    var partner = make("\(id).x\(number)", parent: id, depth: 1)
                    partner.crosscutting = [Crosscutting(partner: "DINAS \(number) \(sentence(Int.random(in: 1...4, using: &random), &random))")]
                    partner.planning = nil
                    nodes.append(partner)
                }
            }
        }
        // One CSF becomes crosscutting though it has children (drawn in the tree, dashed).
        if let index = nodes.firstIndex(where: { $0.level == .csf && $0.crosscutting.isEmpty }) {
            nodes[index].crosscutting = [Crosscutting(partner: "BANK DAERAH")]
        }
        // Parents first: the generator appends children after their parent already.
        return PohonKinerja(agency: PerangkatDaerah(name: "Dinas Uji \(seed)", shortName: "DU\(seed)"), nodes: nodes)
    }
}

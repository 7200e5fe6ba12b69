import Foundation
import PokinModel

extension TreeAssembler {
    /// Words an indicator usually starts with (a line starting so is read as an indicator even
    /// when it matches no node's indicator: the nomenclature's own indicators).
    static let indicatorWords: Set<String> = [
        "persentase", "prosentase", "jumlah", "indeks", "rasio", "nilai", "tingkat", "angka", "cakupan", "proporsi",
        "rata-rata", "rerata", "predikat", "skor", "capaian", "luas", "panjang", "banyaknya",
    ]

    /// Reads a cascading matrix into the tree built from the tahap sheets. In each column, boxes
    /// are runs of lines: a box closes where a non-indicator line follows its indicators, at a
    /// crosscutting marker, or at a "Crosscutting" heading. A line that matches a node of the
    /// column's planning level is that node's cascading wording; lines before it name the
    /// nomenclature (a sub kegiatan box opens with its name), lines after it name the program or
    /// kegiatan, or restate a sub kegiatan's sasaran; indicators go to the node whose
    /// indicators they match, the rest to the nomenclature.
    mutating func addMatrix(role: StageRole, columns: [MatrixReader.Column], marker: String?) {
        let markerPattern = marker.flatMap { try? CompiledPattern.cached($0, caseInsensitive: true) }
        var matched = Set<Int>()
        for column in columns {
            var box = MatrixBox()
            for line in column.lines {
                let key = TextKey(line.text)
                if key.loose == "crosscutting" || key.loose == "croscutting" {
                    close(&box, column: column, role: role)
                    continue
                }
                if let markerPattern, markerPattern.matches(line.text) {
                    close(&box, column: column, role: role)
                    continue
                }
                if isIndicator(line.text, box: box) {
                    box.indicators.append(line)
                    continue
                }
                if !box.indicators.isEmpty { close(&box, column: column, role: role) }
                if let node = matchNode(line.text, planning: column.planning, excluding: matched) {
                    matched.insert(node)
                    box.nodes.append((node, line))
                } else if box.nodes.isEmpty {
                    box.before.append(line)
                } else {
                    box.after.append(line)
                }
            }
            close(&box, column: column, role: role)
        }
    }

    private func isIndicator(_ text: String, box: MatrixBox) -> Bool {
        let prepared = texts[text]
        if let first = prepared.key.words.first, Self.indicatorWords.contains(String(first)) { return true }
        for (node, _) in box.nodes where bestIndicatorScore(prepared, node: node) >= Self.matchThreshold { return true }
        return false
    }

    /// The best score of the text against the node's indicators, exact when it reaches the
    /// match threshold (callers only keep such scores and the best of them).
    private func bestIndicatorScore(_ prepared: MatchText, node: Int) -> Double {
        var best: Double?
        func consider(_ indicator: String) {
            let score = TextSimilarity.score(prepared, texts[indicator], atLeast: Self.matchThreshold)
            if best == nil || score > best! { best = score }
        }
        for indicator in drafts[node].indicators { consider(indicator.name) }
        for record in drafts[node].stages.records { for indicator in record.indicators ?? [] { consider(indicator) } }
        return best ?? 0
    }

    private func matchNode(_ text: String, planning: KomponenPerencanaan, excluding used: Set<Int>) -> Int? {
        let prepared = texts[text]
        var best: (Int, Double)?
        for index in drafts.indices where !used.contains(index) {
            let draftPlanning = drafts[index].planning ?? drafts[index].level.map(LevelTable.planning(for:))
            guard draftPlanning == planning else { continue }
            var score = TextSimilarity.score(prepared, texts[drafts[index].statement], atLeast: Self.matchThreshold)
            for record in drafts[index].stages.records {
                if let other = record.text { score = max(score, TextSimilarity.score(prepared, texts[other], atLeast: Self.matchThreshold)) }
            }
            if score >= Self.matchThreshold, best == nil || score > best!.1 { best = (index, score) }
        }
        return best?.0
    }

    private mutating func close(_ box: inout MatrixBox, column: MatrixReader.Column, role: StageRole) {
        defer { box = MatrixBox() }
        guard !box.nodes.isEmpty else { return }
        // Each indicator goes to the node of the box whose indicators it matches best.
        var indicatorsByNode: [Int: [String]] = [:]
        var unmatched: [String] = []
        for line in box.indicators {
            let prepared = texts[line.text]
            let scored = box.nodes.map { ($0.0, bestIndicatorScore(prepared, node: $0.0)) }.max { $0.1 < $1.1 }
            if let (node, score) = scored, score >= Self.matchThreshold {
                indicatorsByNode[node, default: []].append(line.text)
            } else {
                unmatched.append(line.text)
            }
        }
        let kind: Nomenklatur.Kind?
        switch column.planning {
        case .sasaranProgram: kind = .program
        case .sasaranKegiatan: kind = .kegiatan
        case .sasaranSubKegiatan: kind = .subKegiatan
        default: kind = nil
        }
        var nomenclature: Nomenklatur?
        if let kind {
            // A sub kegiatan box opens with its name; a program or kegiatan names itself after the sasaran.
            let name = kind == .subKegiatan ? (box.before.first ?? box.after.first) : (box.after.first ?? box.before.first)
            if let name {
                let statement = kind == .subKegiatan && !box.before.isEmpty ? box.after.first?.text : nil
                nomenclature = Nomenklatur(kind: kind, name: name.text, statement: statement, indicators: unmatched)
            }
        }
        for (node, line) in box.nodes {
            var entry = StageEntry(role: role, row: line.row, text: line.text, at: line.at)
            entry.planningLabel = column.planningLabel
            entry.positionLabel = column.positionLabel
            entry.indicators = indicatorsByNode[node] ?? []
            entry.nomenclature = nomenclature
            mergeMatrixEntry(entry, into: node)
        }
    }
}

/// One box of a cascading column while it is being read.
struct MatrixBox {
    var nodes: [(Int, MatrixReader.Line)] = []
    var before: [MatrixReader.Line] = []
    var after: [MatrixReader.Line] = []
    var indicators: [MatrixReader.Line] = []
}

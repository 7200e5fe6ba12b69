import Foundation
import PokinCore
import PokinModel

/// Builds the tree from a drawn pohon kinerja: boxes joined by connectors, as pokin's
/// "Pohon Kinerja" sheet draws it or as planning staff draw it by hand in Excel or LibreOffice.
///
/// - Boxes: pokin's own shapes (named `Kinerja <id>`) where there are any; otherwise every box
///   with text that a connector touches (a lone box is taken for a title or label).
/// - Links: a connector's bound shapes (`stCxn`/`endCxn`) where they name one box each,
///   otherwise the boxes its two ends touch. Of two boxes one above the other, the upper is the
///   parent; of two side by side (a crosscutting partner beside the node it serves), the one
///   that is part of the vertical tree is served, the other is its crosscutting partner.
/// - Text: a first paragraph naming a planning level (and position: `SASARAN PROGRAM · PK
///   ADMINISTRATOR`) or `CSF crosscutting · PARTNER` is read as such; then the statement;
///   bullets (`• `, `- `) and `Indikator:` lines are indicators; `Crosscutting: A, B` names partners.
/// - Level: from the planning level where the box names one, else from the depth, each with an
///   `info` diagnostic; the performance class is not drawn and stays null.
public struct DrawnTreeReader {
    public init() {}

    public func tree(from drawing: SheetDrawing, file: String, sheet: String) -> PohonKinerja {
        var builder = Builder(drawing: drawing, at: "\(file)!\(CellAddress.quotedSheetName(sheet))")
        return builder.build()
    }
}

private struct Builder {
    let drawing: SheetDrawing
    let at: String
    var diagnostics: [Diagnostic] = []

    init(drawing: SheetDrawing, at: String) {
        self.drawing = drawing
        self.at = at
    }

    mutating func build() -> PohonKinerja {
        let shapes = drawing.shapes
        let own = shapes.indices.filter { shapes[$0].name.hasPrefix("Kinerja ") }
        // Which boxes each connector joins.
        var links: [(Int, Int, Bool)] = []  // the two boxes, and whether the line meets both on their sides
        let candidates = own.isEmpty ? shapes.indices.filter { !Builder.lines(of: shapes[$0]).isEmpty && shapes[$0].frame != nil } : own
        for connector in drawing.connectors {
            guard let (a, b, sideways) = ends(of: connector, among: candidates), a != b else {
                note("drawing-loose-connector", .warning, "the connector \"\(connector.name)\" does not join two boxes; it is ignored")
                continue
            }
            links.append((a, b, sideways))
        }
        let nodes = own.isEmpty ? candidates.filter { index in links.contains { $0.0 == index || $0.1 == index } } : own
        let nodeSet = Set(nodes)

        // Parents: the upper box of a vertical link; side links make crosscutting partners.
        var parent: [Int: Int] = [:]
        var partnerOf: [Int: Int] = [:]
        var sideLinks: [(Int, Int)] = []
        for (a, b, sideways) in links where nodeSet.contains(a) && nodeSet.contains(b) {
            guard let fa = shapes[a].frame, let fb = shapes[b].frame else { continue }
            if sideways || (fa.y < fb.maxY && fb.y < fa.maxY) {
                sideLinks.append((a, b))
                continue
            }
            let (upper, lower) = fa.y <= fb.y ? (a, b) : (b, a)
            attach(lower, to: upper, &parent)
        }
        for (a, b) in sideLinks {
            let aInTree = parent[a] != nil || parent.values.contains(a)
            let bInTree = parent[b] != nil || parent.values.contains(b)
            let leftFirst = (shapes[a].frame?.x ?? 0) <= (shapes[b].frame?.x ?? 0)
            let served = aInTree != bInTree ? (aInTree ? a : b) : (leftFirst ? a : b)
            let partner = served == a ? b : a
            if parent[partner] == nil, !isAncestor(partner, of: served, parent) {
                parent[partner] = served
                partnerOf[partner] = served
            }
        }

        // Order: roots left to right, children left to right, partners after them top-down.
        func x(_ index: Int) -> Int { shapes[index].frame?.x ?? 0 }
        func y(_ index: Int) -> Int { shapes[index].frame?.y ?? 0 }
        var children: [Int: [Int]] = [:]
        for node in nodes { if let p = parent[node] { children[p, default: []].append(node) } }
        for key in children.keys {
            children[key]!.sort { lhs, rhs in
                let (pl, pr) = (partnerOf[lhs] != nil, partnerOf[rhs] != nil)
                if pl != pr { return !pl }
                return pl ? (y(lhs), x(lhs)) < (y(rhs), x(rhs)) : (x(lhs), y(lhs)) < (x(rhs), y(rhs))
            }
        }
        var order: [(index: Int, depth: Int)] = []
        var stack = nodes.filter { parent[$0] == nil }.sorted { (x($0), y($0)) > (x($1), y($1)) }.map { ($0, 0) }
        while let (node, depth) = stack.popLast() {
            order.append((node, depth))
            stack += (children[node] ?? []).reversed().map { ($0, depth + 1) }
        }

        // Ids: pokin's own where they are unique, else g1, g2, … in reading order.
        var ids: [Int: String] = [:]
        let ownIDs = order.map { String(shapes[$0.index].name.dropFirst("Kinerja ".count)) }
        let useOwn = !own.isEmpty && Set(ownIDs).count == ownIDs.count && !ownIDs.contains("")
        for (position, entry) in order.enumerated() { ids[entry.index] = useOwn ? ownIDs[position] : "g\(position + 1)" }

        var result: [Kinerja] = []
        for (index, depth) in order {
            let node = read(shapes[index], id: ids[index]!, parent: parent[index].flatMap { ids[$0] }, depth: depth,
                            partner: partnerOf[index] != nil)
            result.append(node)
        }
        return PohonKinerja(agency: agency(), nodes: result, diagnostics: diagnostics)
    }

    /// Attaches `child` under `parent` unless it has a parent already or that would make a cycle.
    private mutating func attach(_ child: Int, to parentIndex: Int, _ parent: inout [Int: Int]) {
        if let existing = parent[child], existing != parentIndex {
            note("drawing-two-parents", .warning,
                 "the box \"\(drawing.shapes[child].name)\" hangs under two boxes; it is kept under \"\(drawing.shapes[existing].name)\"")
            return
        }
        guard !isAncestor(child, of: parentIndex, parent) else {
            note("drawing-cycle", .warning, "connectors around \"\(drawing.shapes[child].name)\" go in a circle; one is ignored")
            return
        }
        parent[child] = parentIndex
    }

    private func isAncestor(_ candidate: Int, of node: Int, _ parent: [Int: Int]) -> Bool {
        var current: Int? = node
        var steps = 0
        while let index = current, steps <= parent.count {
            if index == candidate { return true }
            current = parent[index]
            steps += 1
        }
        return false
    }

    /// The two boxes a connector joins (its bound shapes where each id names exactly one
    /// candidate, else the candidates its ends touch), and whether it meets both on their left
    /// or right sides (a partner drawn beside the node it serves).
    private func ends(of connector: DrawnConnector, among candidates: [Int]) -> (Int, Int, Bool)? {
        func bound(_ connection: DrawnConnection?) -> Int? {
            guard let connection else { return nil }
            let matches = candidates.filter { drawing.shapes[$0].id == connection.shapeID }
            return matches.count == 1 ? matches[0] : nil
        }
        let endpoints = connector.endpoints
        func touched(_ point: (x: Double, y: Double)?) -> Int? {
            guard let point else { return nil }
            var best: (Int, Double)?
            for index in candidates {
                guard let frame = drawing.shapes[index].frame else { continue }
                let dx = max(Double(frame.x) - point.x, 0, point.x - Double(frame.maxX))
                let dy = max(Double(frame.y) - point.y, 0, point.y - Double(frame.maxY))
                let distance = (dx * dx + dy * dy).squareRoot()
                let tolerance = max(Double(min(frame.width, frame.height)) * 0.1, 38_100)  // 3 pt at least
                if distance <= tolerance, distance < (best?.1 ?? .infinity) { best = (index, distance) }
            }
            return best?.0
        }
        guard let a = bound(connector.start) ?? touched(endpoints?.start),
              let b = bound(connector.end) ?? touched(endpoints?.end) else { return nil }
        func onSide(_ connection: DrawnConnection?, _ point: (x: Double, y: Double)?, _ index: Int) -> Bool {
            if let connection, bound(connection) != nil { return connection.site == 1 || connection.site == 3 }
            guard let point, let frame = drawing.shapes[index].frame else { return false }
            let horizontal = min(abs(point.x - Double(frame.x)), abs(point.x - Double(frame.maxX)))
            let vertical = min(abs(point.y - Double(frame.y)), abs(point.y - Double(frame.maxY)))
            return horizontal < vertical
        }
        return (a, b, onSide(connector.start, endpoints?.start, a) && onSide(connector.end, endpoints?.end, b))
    }

    /// A box's lines: paragraphs split at line breaks, trimmed, no-break spaces as spaces, empty ones dropped.
    static func lines(of shape: DrawnShape) -> [String] {
        shape.paragraphs.flatMap { $0.split(separator: "\n", omittingEmptySubsequences: true) }
            .map { $0.replacingOccurrences(of: "\u{A0}", with: " ").trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
    }

    private mutating func read(_ shape: DrawnShape, id: String, parent: String?, depth: Int, partner: Bool) -> Kinerja {
        var lines = Builder.lines(of: shape)
        var planning: KomponenPerencanaan?
        var position: Jabatan?
        var partners: [String] = []
        var levelFromHeader: Level?
        if let first = lines.first {
            let parts = first.components(separatedBy: "·").map { $0.trimmingCharacters(in: .whitespaces) }
            let head = parts[0].uppercased()
            if head == "CSF CROSSCUTTING" {
                partners = parts.dropFirst().joined(separator: "·").components(separatedBy: ",")
                    .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                levelFromHeader = .csf
                lines.removeFirst()
            } else if let kind = KomponenPerencanaan.allCases.first(where: { Builder.planningWords($0) == head }) {
                planning = kind
                if parts.count > 1 { position = Jabatan.allCases.first { Builder.positionWords($0) == parts[1].uppercased() } }
                lines.removeFirst()
            } else if let level = Level.allCases.first(where: { Builder.levelWords($0) == head }) {
                levelFromHeader = level
                if parts.count > 1 { position = Jabatan.allCases.first { Builder.positionWords($0) == parts[1].uppercased() } }
                lines.removeFirst()
            }
        }
        var statement = ""
        var indicators: [Indikator] = []
        for line in lines {
            if let rest = Builder.strip(line, prefixes: ["• ", "- ", "Indikator:", "IK:"]) {
                indicators.append(Indikator(name: rest))
            } else if let rest = Builder.strip(line, prefixes: ["Crosscutting:"]) {
                partners += rest.components(separatedBy: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            } else if statement.isEmpty {
                statement = line
            } else if indicators.isEmpty {
                statement += " " + line  // a statement wrapped over several paragraphs by hand
            }
        }
        let level: Level
        if let levelFromHeader {
            level = levelFromHeader
        } else if let planning {
            level = LevelTable.level(for: planning)
            note("drawing-level-from-planning", .info, "the level of \"\(shape.name)\" follows from its planning level \(planning.rawValue)")
        } else {
            level = partner ? .csf : Level.allCases[min(depth, Level.allCases.count - 1)]
            note("drawing-level-from-depth", .info, "the level of \"\(shape.name)\" follows from its depth \(depth) in the drawing")
        }
        return Kinerja(id: id, parent: parent, statement: statement, level: level, planning: planning, position: position,
                       indicators: indicators, crosscutting: partners.map { Crosscutting(partner: $0) },
                       stages: [.pohon: StageRecord(text: statement, indicators: indicators.map(\.name), at: "\(at)!\(shape.name)")])
    }

    private static func strip(_ line: String, prefixes: [String]) -> String? {
        for prefix in prefixes where line.lowercased().hasPrefix(prefix.lowercased()) {
            let rest = line.dropFirst(prefix.count).trimmingCharacters(in: .whitespaces)
            return rest.isEmpty ? nil : rest
        }
        return nil
    }

    private static func planningWords(_ kind: KomponenPerencanaan) -> String {
        switch kind {
        case .tujuan: return "TUJUAN"
        case .sasaranSKPD: return "SASARAN SKPD"
        case .sasaranProgram: return "SASARAN PROGRAM"
        case .sasaranKegiatan: return "SASARAN KEGIATAN"
        case .sasaranSubKegiatan: return "SASARAN SUB KEGIATAN"
        }
    }

    private static func levelWords(_ level: Level) -> String {
        switch level {
        case .outcome: return "OUTCOME"
        case .csf: return "CSF"
        case .kondisiAntaraUtama: return "KONDISI ANTARA UTAMA"
        case .kondisiAntara: return "KONDISI ANTARA"
        case .kondisiOperasional: return "KONDISI OPERASIONAL"
        }
    }

    private static func positionWords(_ position: Jabatan) -> String {
        switch position {
        case .jpt: return "PK JPT"
        case .administrator: return "PK ADMINISTRATOR"
        case .pengawas: return "PK PENGAWAS"
        case .jf: return "PK/SKP JF"
        case .pelaksana: return "SKP PELAKSANA"
        }
    }

    /// The agency from pokin's title box ("Pohon Kinerja — NAME (SHORT)").
    private func agency() -> PerangkatDaerah {
        guard let title = drawing.shapes.first(where: { $0.name == "Judul" }).flatMap({ Builder.lines(of: $0).first }),
              let dash = title.range(of: " — ") else { return PerangkatDaerah() }
        let rest = String(title[dash.upperBound...])
        if rest.hasSuffix(")"), let open = rest.range(of: " (", options: .backwards) {
            return PerangkatDaerah(name: String(rest[..<open.lowerBound]), shortName: String(rest[open.upperBound...].dropLast()))
        }
        return PerangkatDaerah(name: rest)
    }

    private mutating func note(_ code: String, _ severity: Severity, _ message: String) {
        diagnostics.append(Diagnostic(code: code, severity: severity, message: message, at: at))
    }
}

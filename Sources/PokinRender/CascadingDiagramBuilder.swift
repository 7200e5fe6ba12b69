import PokinModel

/// Lays out the cascading view left to right: one column per planning level (tujuan, sasaran
/// SKPD, sasaran program, sasaran kegiatan, sasaran sub kegiatan) headed by the job that holds
/// it (PK/SKP JPT, KABID, JF, JF/JP); each box gives the statement, indicators, the program /
/// kegiatan / sub kegiatan of the nomenclature and the node's own position; parents centred on
/// their children; crosscutting CSFs listed in a block of their own below.
struct CascadingDiagramBuilder {
    let style: DiagramStyle

    func build(_ model: PohonKinerja, title: String) -> Diagram {
        let forest = Forest(model.nodes)
        let nodes = model.nodes
        let text = BoxText(style: style)
        let ranks = forest.ranks()
        let chrome = DiagramChrome(style: style).make(title: title)
        let rankCount = (forest.preorder.map { ranks[$0] }.max() ?? -1) + 1
        let columnStep = style.boxWidth + style.rankGap

        // Column headings: the level's words and the job heading of the cascading sheet.
        let names = forest.rankLabels(ranks)
        var labels: [DiagramLabel] = []
        var headingHeight = 0.0
        for rank in 0..<rankCount {
            var paragraphs = [text.labelParagraph(names[rank].uppercased(), width: style.boxWidth)]
            if let job = KomponenPerencanaan.allCases.first(where: { $0.label == names[rank] })?.cascadingJobLabel {
                paragraphs.append(text.labelParagraph(job, width: style.boxWidth))
            }
            let height = paragraphs.map(\.height).reduce(0, +)
            headingHeight = max(headingHeight, height)
            labels.append(DiagramLabel(kind: .column,
                                       frame: DiagramRect(x: style.margin + Double(rank) * columnStep, y: chrome.contentTop,
                                                          width: style.boxWidth, height: height),
                                       paragraphs: paragraphs))
        }
        let top = chrome.contentTop + headingHeight + 20

        var headers: [DiagramParagraph] = []
        var bodies: [[DiagramParagraph]] = []
        var heights: [Double] = []
        for (index, node) in nodes.enumerated() {
            let satellite = forest.isSatellite(index)
            let header = text.header(for: node, satellite: satellite, withPosition: false)
            let body = satellite ? satelliteBody(node, served: forest.parent[index].map { nodes[$0] }, text)
                : cascadingBody(node, text)
            headers.append(header)
            bodies.append(body)
            heights.append(text.headerHeight(header) + text.bodyHeight(body))
        }

        let items = nodes.indices.map { index in
            TidyTreeLayout.Item(children: forest.children[index], rank: ranks[index], breadth: heights[index], side: nil)
        }
        let layout = TidyTreeLayout(gap: 12, rootGap: 28, sideGap: 0).layout(items, roots: forest.roots)
        var frames = Array(repeating: DiagramRect(x: 0, y: 0, width: 0, height: 0), count: nodes.count)
        for index in forest.preorder {
            frames[index] = DiagramRect(x: style.margin + Double(ranks[index]) * columnStep,
                                        y: top + layout.centres[index] - heights[index] / 2,
                                        width: style.boxWidth, height: heights[index])
        }
        var connectors: [DiagramConnector] = []
        for index in forest.preorder {
            for child in forest.children[index] {
                connectors.append(PohonDiagramBuilder.elbowRight(from: index, frames[index], to: child, frames[child],
                                                                 busX: frames[index].maxX + style.rankGap / 2, dashed: false))
            }
        }

        // Crosscutting CSFs: a block of their own below the tree, as the cascading sheets list them.
        let satellites = forest.preorder.flatMap { forest.satellites[$0] }
        var bottom = (forest.preorder.map { frames[$0].maxY }.max() ?? top)
        let treeRight = style.margin + Double(max(rankCount, 1)) * columnStep - style.rankGap
        if !satellites.isEmpty {
            let heading = text.labelParagraph("CSF CROSSCUTTING (DILAKSANAKAN BERSAMA MITRA)", width: max(treeRight - style.margin, style.boxWidth))
            let headingFrame = DiagramRect(x: style.margin, y: bottom + 36, width: treeRight - style.margin, height: heading.height)
            labels.append(DiagramLabel(kind: .section, frame: headingFrame, paragraphs: [heading]))
            let across = max(1, Int((treeRight - style.margin + style.gap) / (style.boxWidth + style.gap)))
            var rowTop = headingFrame.maxY + 12
            for start in stride(from: 0, to: satellites.count, by: across) {
                let row = Array(satellites[start..<min(start + across, satellites.count)])
                let rowHeight = row.map { heights[$0] }.max()!
                for (column, index) in row.enumerated() {
                    frames[index] = DiagramRect(x: style.margin + Double(column) * (style.boxWidth + style.gap), y: rowTop,
                                                width: style.boxWidth, height: rowHeight)
                }
                rowTop += rowHeight + style.gap
            }
            bottom = rowTop - style.gap
        }

        let boxes = nodes.enumerated().map { index, node in
            DiagramBox(nodeID: node.id, frame: frames[index], tier: KinerjaTier.of(node), crosscutting: !node.crosscutting.isEmpty,
                       header: headers[index], headerHeight: text.headerHeight(headers[index]), body: bodies[index])
        }
        let right = max(frames.map(\.maxX).max() ?? 0, treeRight,
                        DiagramChrome.rightEdge(titleFrame: chrome.titleFrame, legend: chrome.legend))
        return Diagram(title: title, width: (right + style.margin).rounded(.up),
                       height: (max(bottom, top) + style.margin).rounded(.up), boxes: boxes, connectors: connectors,
                       labels: labels, legend: chrome.legend, titleFrame: chrome.titleFrame, heading: chrome.heading)
    }

    /// Statement and indicators; the nomenclature (program, kegiatan or sub kegiatan, with its
    /// own sasaran and indicators where they differ); the position; crosscutting partners.
    private func cascadingBody(_ node: Kinerja, _ text: BoxText) -> [DiagramParagraph] {
        var body = [text.paragraph(node.statement, style.statementText)]
        body += node.indicators.map { text.paragraph($0.name, style.indicatorText, bullet: true) }
        if let nomenclature = node.nomenclature {
            let code = nomenclature.code.map { " (\($0))" } ?? ""
            body.append(text.paragraph("\(nomenclature.kind.label): \(nomenclature.name)\(code)", style.nomenclatureText))
            if let statement = nomenclature.statement, statement != node.statement {
                body.append(text.paragraph("Sasaran nomenklatur: \(statement)", style.noteText))
            }
            let own = Set(node.indicators.map(\.name))
            body += nomenclature.indicators.filter { !own.contains($0) }.map { text.paragraph($0, style.noteText, bullet: true) }
        }
        if let position = node.position {
            body.append(text.paragraph("Jabatan: \(position.label)", style.nomenclatureText))
        }
        if !node.crosscutting.isEmpty {
            body.append(text.paragraph("Crosscutting: " + node.crosscutting.map(\.partner).joined(separator: ", "), style.noteText))
        }
        return body
    }

    private func satelliteBody(_ node: Kinerja, served: Kinerja?, _ text: BoxText) -> [DiagramParagraph] {
        var body = [text.paragraph(node.statement, style.statementText)]
        body += node.indicators.map { text.paragraph($0.name, style.indicatorText, bullet: true) }
        if let served { body.append(text.paragraph("Mendukung: \(served.statement)", style.noteText)) }
        return body
    }
}

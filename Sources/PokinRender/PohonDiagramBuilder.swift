import PokinModel

/// Lays out the pohon kinerja top-down: one row per planning level (tujuan, sasaran SKPD,
/// sasaran program, sasaran kegiatan, sasaran sub kegiatan; by depth where the model has no
/// planning components), every box of a row the same height, parents centred over their
/// children, elbow connectors from a parent's bottom to each child's top, and crosscutting
/// partners stacked beside the node they serve with dashed connectors.
struct PohonDiagramBuilder {
    let style: DiagramStyle

    func build(_ model: PohonKinerja, title: String) -> Diagram {
        let forest = Forest(model.nodes)
        let nodes = model.nodes
        let text = BoxText(style: style)
        let ranks = forest.ranks()
        let chrome = DiagramChrome(style: style).make(title: title)

        // Box texts and heights; every box of a row takes the row's tallest height.
        var headers: [DiagramParagraph] = []
        var bodies: [[DiagramParagraph]] = []
        var heights: [Double] = []
        for (index, node) in nodes.enumerated() {
            let satellite = forest.isSatellite(index)
            let header = text.header(for: node, satellite: satellite)
            let body = text.pohonBody(for: node, satellite: satellite)
            headers.append(header)
            bodies.append(body)
            heights.append(text.headerHeight(header) + text.bodyHeight(body))
        }
        let rankCount = (forest.preorder.map { ranks[$0] }.max() ?? -1) + 1
        var rowHeights = Array(repeating: 0.0, count: rankCount)
        for index in forest.preorder { rowHeights[ranks[index]] = max(rowHeights[ranks[index]], heights[index]) }
        var rowTops: [Double] = []
        var y = chrome.contentTop
        for height in rowHeights {
            rowTops.append(y)
            y += height + style.rankGap
        }

        // Crosscutting partners beside their node: which rows the stack reaches.
        func stackHeight(_ members: [Int]) -> Double {
            members.map { heights[$0] }.reduce(0, +) + Double(max(members.count - 1, 0)) * 12
        }
        var items: [TidyTreeLayout.Item] = nodes.indices.map { index in
            TidyTreeLayout.Item(children: forest.children[index], rank: ranks[index], breadth: style.boxWidth, side: nil)
        }
        for index in forest.preorder where !forest.satellites[index].isEmpty {
            let bottom = rowTops[ranks[index]] + stackHeight(forest.satellites[index])
            var last = ranks[index]
            while last + 1 < rankCount, rowTops[last + 1] - style.rankGap / 2 < bottom { last += 1 }
            items[index].side = TidyTreeLayout.SideStack(breadth: style.boxWidth, ranks: ranks[index]...last)
        }
        let layout = TidyTreeLayout(gap: style.gap, rootGap: style.rootGap, sideGap: style.sideGap)
            .layout(items, roots: forest.roots)
        let left = style.margin + style.labelWidth

        var frames = Array(repeating: DiagramRect(x: 0, y: 0, width: 0, height: 0), count: nodes.count)
        for index in forest.preorder {
            frames[index] = DiagramRect(x: left + layout.centres[index] - style.boxWidth / 2, y: rowTops[ranks[index]],
                                        width: style.boxWidth, height: rowHeights[ranks[index]])
        }
        for index in forest.preorder where !forest.satellites[index].isEmpty {
            var top = frames[index].y
            let x = left + layout.sideEdges[index]!
            for satellite in forest.satellites[index] {
                frames[satellite] = DiagramRect(x: x, y: top, width: style.boxWidth, height: heights[satellite])
                top += heights[satellite] + 12
            }
        }

        var boxes: [DiagramBox] = []
        for (index, node) in nodes.enumerated() {
            boxes.append(DiagramBox(nodeID: node.id, frame: frames[index], tier: KinerjaTier.of(node),
                                    crosscutting: !node.crosscutting.isEmpty, header: headers[index],
                                    headerHeight: text.headerHeight(headers[index]), body: bodies[index]))
        }
        var connectors: [DiagramConnector] = []
        for index in forest.preorder {
            let parent = frames[index]
            for child in forest.children[index] {
                connectors.append(Self.elbowDown(from: index, parent, to: child, frames[child], gap: style.rankGap))
            }
            for satellite in forest.satellites[index] {
                connectors.append(Self.elbowRight(from: index, parent, to: satellite, frames[satellite],
                                                  busX: frames[satellite].x - style.sideGap / 2, dashed: true))
            }
        }

        let rowNames = forest.rankLabels(ranks)
        let labels = rowHeights.indices.map { rank in
            let paragraph = text.labelParagraph(rowNames[rank].uppercased(), width: style.labelWidth - 16)
            return DiagramLabel(kind: .row, frame: DiagramRect(x: style.margin, y: rowTops[rank], width: style.labelWidth - 16,
                                                                height: rowHeights[rank]),
                                paragraphs: [paragraph])
        }
        let right = max(frames.map(\.maxX).max() ?? 0, DiagramChrome.rightEdge(titleFrame: chrome.titleFrame, legend: chrome.legend))
        let bottom = max(frames.map(\.maxY).max() ?? 0, chrome.contentTop)
        return Diagram(title: title, width: (right + style.margin).rounded(.up), height: (bottom + style.margin).rounded(.up),
                       boxes: boxes, connectors: connectors, labels: labels, legend: chrome.legend,
                       titleFrame: chrome.titleFrame, heading: chrome.heading)
    }

    /// Parent's bottom, down to the middle of the gap, across, down to the child's top.
    static func elbowDown(from parent: Int, _ parentFrame: DiagramRect, to child: Int, _ childFrame: DiagramRect,
                          gap: Double) -> DiagramConnector {
        let start = parentFrame.point(on: .bottom)
        let end = childFrame.point(on: .top)
        let bus = start.y + gap / 2
        let points = start.x == end.x ? [start, end]
            : [start, DiagramPoint(x: start.x, y: bus), DiagramPoint(x: end.x, y: bus), end]
        return DiagramConnector(from: parent, to: child, fromSide: .bottom, toSide: .top, points: points, dashed: false)
    }

    /// A box's right side, across to `busX`, up or down, across to the other box's left side.
    static func elbowRight(from source: Int, _ sourceFrame: DiagramRect, to target: Int, _ targetFrame: DiagramRect,
                           busX: Double, dashed: Bool) -> DiagramConnector {
        let start = sourceFrame.point(on: .right)
        let end = targetFrame.point(on: .left)
        let points = start.y == end.y ? [start, end]
            : [start, DiagramPoint(x: busX, y: start.y), DiagramPoint(x: busX, y: end.y), end]
        return DiagramConnector(from: source, to: target, fromSide: .right, toSide: .left, points: points, dashed: dashed)
    }
}

extension BoxText {
    func labelParagraph(_ text: String, width: Double) -> DiagramParagraph {
        let clean = BoxText.clean(text)
        return DiagramParagraph(text: clean, style: style.labelText,
                                lines: TextMetrics.wrap(clean, width: width, size: style.labelText.size, bold: true))
    }
}

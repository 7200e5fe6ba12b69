import PokinModel

/// Which picture of the tree to draw.
public enum DiagramView: String, CaseIterable, Hashable, Sendable {
    /// The pohon kinerja: top-down boxes, one row per planning level.
    case pohon
    /// The cascading view: planning levels as columns, with program / kegiatan / sub kegiatan
    /// and the responsible position.
    case cascading
}

/// One page of a rendering: the whole tree, or one CSF's part of it.
public struct DiagramPage: Hashable, Sendable {
    public var title: String
    public var diagram: Diagram

    public init(title: String, diagram: Diagram) {
        self.title = title
        self.diagram = diagram
    }
}

/// Draws the model: the entry point of `pokin render` and of the workbook's "Pohon Kinerja" sheet.
///
/// ```swift
/// let diagram = PohonRenderer.diagram(of: model)               // lay out
/// let svg = SVGWriter.document(diagram)                         // draw
/// let pages = PohonRenderer.pages(of: model, splitByCSF: true)  // one page per CSF
/// let html = HTMLWriter.document(pages, title: PohonRenderer.title(of: model, view: .pohon))
/// ```
public enum PohonRenderer {
    /// The whole tree laid out in `view`.
    public static func diagram(of model: PohonKinerja, view: DiagramView = .pohon,
                               style: DiagramStyle = DiagramStyle()) -> Diagram {
        layout(model, view: view, title: title(of: model, view: view), style: style)
    }

    /// The whole tree as one page, or with `splitByCSF` one page per CSF: the outcome above the
    /// CSF's subtree; the outcome's crosscutting CSFs on a page of their own; an outcome with
    /// neither alone on its page.
    public static func pages(of model: PohonKinerja, view: DiagramView = .pohon, splitByCSF: Bool,
                             style: DiagramStyle = DiagramStyle()) -> [DiagramPage] {
        let heading = title(of: model, view: view)
        guard splitByCSF else {
            return [DiagramPage(title: heading, diagram: layout(model, view: view, title: heading, style: style))]
        }
        return CSFSplit.parts(of: model).map { part in
            DiagramPage(title: part.title, diagram: layout(part.model, view: view, title: heading + " — " + part.title, style: style))
        }
    }

    /// "Pohon Kinerja — DINAS KOPERASI … (DKUKMPP)".
    public static func title(of model: PohonKinerja, view: DiagramView) -> String {
        let kind = view == .pohon ? "Pohon Kinerja" : "Cascading Kinerja"
        switch (model.agency.name, model.agency.shortName) {
        case let (name?, short?) where name != short: return "\(kind) — \(name) (\(short))"
        case let (name?, _): return "\(kind) — \(name)"
        case let (nil, short?): return "\(kind) — \(short)"
        case (nil, nil): return kind
        }
    }

    static func layout(_ model: PohonKinerja, view: DiagramView, title: String, style: DiagramStyle) -> Diagram {
        switch view {
        case .pohon: return PohonDiagramBuilder(style: style).build(model, title: title)
        case .cascading: return CascadingDiagramBuilder(style: style).build(model, title: title)
        }
    }
}

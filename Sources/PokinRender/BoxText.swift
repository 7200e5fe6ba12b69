import Foundation
import PokinModel

/// Composes the text of a node's box: wrapped paragraphs at the box's text width.
struct BoxText {
    let style: DiagramStyle

    func paragraph(_ text: String, _ textStyle: DiagramTextStyle, bullet: Bool = false) -> DiagramParagraph {
        let clean = BoxText.clean(text)
        guard bullet else {
            let lines = TextMetrics.wrap(clean, width: style.textWidth, size: textStyle.size, bold: textStyle.bold)
            return DiagramParagraph(text: clean, style: textStyle, lines: lines)
        }
        let mark = "• "
        let indent = TextMetrics.width(mark, size: textStyle.size, bold: textStyle.bold)
        var lines = TextMetrics.wrap(clean, width: style.textWidth - indent, size: textStyle.size, bold: textStyle.bold)
        lines[0] = mark + lines[0]
        return DiagramParagraph(text: mark + clean, style: textStyle, lines: lines, hangingIndent: indent)
    }

    /// Height of a header band holding `header`.
    func headerHeight(_ header: DiagramParagraph) -> Double { header.height + 8 }

    /// Height of the body below the band: top margin, paragraphs 4 px apart, bottom margin.
    func bodyHeight(_ body: [DiagramParagraph]) -> Double {
        guard !body.isEmpty else { return style.padding }
        return 6 + body.map(\.height).reduce(0, +) + Double(body.count - 1) * 4 + style.padding
    }

    /// The band's words: planning component (else level) and the job instrument, or for a
    /// crosscutting partner the partner's name.
    func header(for node: Kinerja, satellite: Bool, withPosition: Bool = true) -> DiagramParagraph {
        var text: String
        if satellite {
            text = "CSF crosscutting · " + node.crosscutting.map(\.partner).joined(separator: ", ")
        } else {
            text = (node.planning?.label ?? node.level.label).uppercased()
            // Wraps, if it must, after the dot: the level and the position each stay on one line.
            if withPosition, let position = node.position {
                text = text.replacingOccurrences(of: " ", with: "\u{A0}") + "\u{A0}· "
                    + position.label.uppercased().replacingOccurrences(of: " ", with: "\u{A0}")
            }
        }
        return paragraph(text, style.headerText)
    }

    /// Statement, indicators (bullets), and the partners of a crosscutting node that is not
    /// drawn as a satellite.
    func pohonBody(for node: Kinerja, satellite: Bool) -> [DiagramParagraph] {
        var body = [paragraph(node.statement, style.statementText)]
        body += node.indicators.map { paragraph($0.name, style.indicatorText, bullet: true) }
        if !satellite && !node.crosscutting.isEmpty {
            body.append(paragraph("Crosscutting: " + node.crosscutting.map(\.partner).joined(separator: ", "), style.noteText))
        }
        return body
    }

    /// Text the XML of a picture can hold: control characters (other than line breaks and tabs)
    /// become spaces, as do the non-characters U+FFFE and U+FFFF.
    static func clean(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isUnwritable) else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { scalars.append(isUnwritable(scalar) ? " " : scalar) }
        return String(scalars)
    }

    private static func isUnwritable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A: return false
        case 0x00...0x1F, 0x7F, 0xFFFE, 0xFFFF: return true
        default: return false
        }
    }
}

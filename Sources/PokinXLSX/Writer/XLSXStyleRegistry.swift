/// The styles of a workbook being written, deduplicated, and their `styles.xml`.
///
/// Index 0 of each table is Excel's default; fills 0 and 1 are the two fills Excel reserves
/// (`none`, `gray125`).
final class XLSXStyleRegistry {
    private struct Format: Hashable {
        var numberFormat: Int
        var font: Int
        var fill: Int
        var border: Int
        var alignment: XLSXAlignment
    }

    /// What a date-like value needs from its style when the style has no number format.
    enum TemporalKind { case date, dateTime, time, duration }

    private var styles: [XLSXCellStyle] = [.standard]
    private var styleIndex: [XLSXCellStyle: Int] = [.standard: 0]
    private var formats: [Format] = []
    private var fonts: [XLSXFont] = [XLSXFont()]
    private var fontIndex: [XLSXFont: Int] = [XLSXFont(): 0]
    private var fills: [XLSXColor?] = [nil, nil]
    private var fillIndex: [XLSXColor: Int] = [:]
    private var borders: [XLSXBorder] = [.none]
    private var borderIndex: [XLSXBorder: Int] = [.none: 0]
    private var customFormats: [String] = []
    private var customFormatIndex: [String: Int] = [:]
    /// Style id × kind → style id with the kind's number format (for dates written with a plain style).
    private var temporalStyles: [Int: [TemporalKind: Int]] = [:]

    init() {
        formats.append(Format(numberFormat: 0, font: 0, fill: 0, border: 0, alignment: XLSXAlignment()))
    }

    var count: Int { styles.count }

    func register(_ style: XLSXCellStyle) -> XLSXStyleID {
        if let index = styleIndex[style] { return XLSXStyleID(index: index) }
        let format = Format(numberFormat: numberFormatID(style.numberFormat), font: font(style.font),
                            fill: fill(style.fill), border: border(style.border), alignment: style.alignment)
        styles.append(style)
        formats.append(format)
        styleIndex[style] = styles.count - 1
        return XLSXStyleID(index: styles.count - 1)
    }

    func style(_ id: XLSXStyleID) -> XLSXCellStyle? {
        styles.indices.contains(id.index) ? styles[id.index] : nil
    }

    /// The style to write a date, time or duration with: `id` itself when it has a number format
    /// other than General, else a copy with the kind's standard format.
    func temporalStyle(_ id: XLSXStyleID, _ kind: TemporalKind) -> Int {
        if let known = temporalStyles[id.index]?[kind] { return known }
        var style = styles[id.index]
        if style.numberFormat == .general {
            switch kind {
            case .date: style.numberFormat = .date
            case .dateTime: style.numberFormat = .dateTime
            case .time: style.numberFormat = .time
            case .duration: style.numberFormat = .duration
            }
        }
        let result = register(style).index
        temporalStyles[id.index, default: [:]][kind] = result
        return result
    }

    private func numberFormatID(_ format: XLSXNumberFormat) -> Int {
        if let builtin = format.builtinID { return builtin }
        if let index = customFormatIndex[format.code] { return 164 + index }
        customFormats.append(format.code)
        customFormatIndex[format.code] = customFormats.count - 1
        return 164 + customFormats.count - 1
    }

    private func font(_ font: XLSXFont) -> Int {
        if let index = fontIndex[font] { return index }
        fonts.append(font)
        fontIndex[font] = fonts.count - 1
        return fonts.count - 1
    }

    private func fill(_ color: XLSXColor?) -> Int {
        guard let color else { return 0 }
        if let index = fillIndex[color] { return index }
        fills.append(color)
        fillIndex[color] = fills.count - 1
        return fills.count - 1
    }

    private func border(_ border: XLSXBorder) -> Int {
        if let index = borderIndex[border] { return index }
        borders.append(border)
        borderIndex[border] = borders.count - 1
        return borders.count - 1
    }

    // MARK: styles.xml

    func xml() throws -> [UInt8] {
        let out = XMLSpool()
        try out.append(XLSXParts.declaration)
        try out.append(#"<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#)
        if !customFormats.isEmpty {
            try out.append(#"<numFmts count=""#)
            try out.appendDecimal(customFormats.count)
            try out.append(#"">"#)
            for (index, code) in customFormats.enumerated() {
                try out.append(#"<numFmt numFmtId=""#)
                try out.appendDecimal(164 + index)
                try out.append(#"" formatCode=""#)
                try out.appendAttributeText(code)
                try out.append(#""/>"#)
            }
            try out.append("</numFmts>")
        }
        try out.append(#"<fonts count=""#)
        try out.appendDecimal(fonts.count)
        try out.append(#"">"#)
        for font in fonts { try writeFont(font, to: out) }
        try out.append("</fonts>")

        try out.append(#"<fills count=""#)
        try out.appendDecimal(fills.count)
        try out.append(#""><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>"#)
        for color in fills.dropFirst(2) {
            try out.append(#"<fill><patternFill patternType="solid"><fgColor rgb=""#)
            try out.appendRaw(color?.argb ?? "FFFFFFFF")
            try out.append(#""/><bgColor indexed="64"/></patternFill></fill>"#)
        }
        try out.append("</fills>")

        try out.append(#"<borders count=""#)
        try out.appendDecimal(borders.count)
        try out.append(#"">"#)
        for border in borders {
            try out.append("<border>")
            try writeEdge("left", border.left, to: out)
            try writeEdge("right", border.right, to: out)
            try writeEdge("top", border.top, to: out)
            try writeEdge("bottom", border.bottom, to: out)
            try out.append("<diagonal/></border>")
        }
        try out.append("</borders>")

        try out.append(#"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#)
        try out.append(#"<cellXfs count=""#)
        try out.appendDecimal(formats.count)
        try out.append(#"">"#)
        for format in formats { try writeFormat(format, to: out) }
        try out.append("</cellXfs>")
        try out.append(#"<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>"#)
        try out.append(#"<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium9" defaultPivotStyle="PivotStyleLight16"/>"#)
        try out.append("</styleSheet>")
        return out.bytes
    }

    private func writeFont(_ font: XLSXFont, to out: XMLSpool) throws {
        try out.append("<font>")
        if font.bold { try out.append("<b/>") }
        if font.italic { try out.append("<i/>") }
        if font.underline { try out.append("<u/>") }
        try out.append(#"<sz val=""#)
        try out.appendNumber(font.size)
        try out.append(#""/>"#)
        if let color = font.color {
            try out.append(#"<color rgb=""#)
            try out.appendRaw(color.argb)
            try out.append(#""/>"#)
        }
        try out.append(#"<name val=""#)
        try out.appendAttributeText(font.name)
        try out.append(#""/><family val="2"/></font>"#)
    }

    private func writeEdge(_ name: StaticString, _ line: XLSXBorderLine?, to out: XMLSpool) throws {
        try out.append("<")
        try out.append(name)
        guard let line else {
            try out.append("/>")
            return
        }
        try out.append(#" style=""#)
        try out.appendRaw(line.style.rawValue)
        try out.append(#"">"#)
        try out.append(#"<color "#)
        if let color = line.color {
            try out.append(#"rgb=""#)
            try out.appendRaw(color.argb)
            try out.append(#""/>"#)
        } else {
            try out.append(#"indexed="64"/>"#)
        }
        try out.append("</")
        try out.append(name)
        try out.append(">")
    }

    private func writeFormat(_ format: Format, to out: XMLSpool) throws {
        try out.append(#"<xf numFmtId=""#)
        try out.appendDecimal(format.numberFormat)
        try out.append(#"" fontId=""#)
        try out.appendDecimal(format.font)
        try out.append(#"" fillId=""#)
        try out.appendDecimal(format.fill)
        try out.append(#"" borderId=""#)
        try out.appendDecimal(format.border)
        try out.append(#"" xfId="0""#)
        if format.numberFormat != 0 { try out.append(#" applyNumberFormat="1""#) }
        if format.font != 0 { try out.append(#" applyFont="1""#) }
        if format.fill != 0 { try out.append(#" applyFill="1""#) }
        if format.border != 0 { try out.append(#" applyBorder="1""#) }
        let alignment = format.alignment
        if alignment.isDefault {
            try out.append("/>")
            return
        }
        try out.append(#" applyAlignment="1"><alignment"#)
        if let horizontal = alignment.horizontal {
            try out.append(#" horizontal=""#)
            try out.appendRaw(horizontal.rawValue)
            try out.append(#"""#)
        }
        if let vertical = alignment.vertical {
            try out.append(#" vertical=""#)
            try out.appendRaw(vertical.rawValue)
            try out.append(#"""#)
        }
        if let rotation = alignment.textRotation {
            try out.append(#" textRotation=""#)
            try out.appendDecimal(rotation)
            try out.append(#"""#)
        }
        if alignment.wrapText { try out.append(#" wrapText="1""#) }
        if alignment.indent > 0 {
            try out.append(#" indent=""#)
            try out.appendDecimal(alignment.indent)
            try out.append(#"""#)
        }
        try out.append("/></xf>")
    }
}

@available(*, unavailable)
extension XLSXStyleRegistry: Sendable {}

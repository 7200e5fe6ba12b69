/// An honest estimate of how wide text is drawn, and line wrapping by it.
///
/// The diagrams name the font stack `Liberation Sans, Arial, Helvetica, DejaVu Sans, sans-serif`.
/// For every printable ASCII and Latin-1 character the table holds the larger of the advance
/// widths of Liberation Sans (metrically Arial) and DejaVu Sans (the usual fallback on Linux),
/// in thousandths of an em, measured from the fonts' `hmtx` tables. Text measured with it fits
/// in whichever of those fonts the viewer has; with Arial it leaves some room to spare.
public enum TextMetrics {
    /// Width in pixels of `text` at `size` pixels.
    public static func width(_ text: Substring, size: Double, bold: Bool) -> Double {
        var units = 0
        for scalar in text.unicodeScalars { units += advance(scalar, bold: bold) }
        return Double(units) * size / 1000
    }

    public static func width(_ text: String, size: Double, bold: Bool) -> Double {
        width(text[...], size: size, bold: bold)
    }

    /// Advance width of one scalar in thousandths of an em.
    static func advance(_ scalar: Unicode.Scalar, bold: Bool) -> Int {
        let value = Int(scalar.value)
        switch value {
        case 0x20...0x7E: return (bold ? boldASCII : regularASCII)[value - 0x20]
        case 0xA0...0xFF: return (bold ? boldLatin1 : regularLatin1)[value - 0xA0]
        case 0x0300...0x036F, 0x200B...0x200F, 0xFE00...0xFE0F: return 0  // combining marks, zero-width
        case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFF00...0xFF60, 0x1F300...0x1FAFF:
            return 1000  // wide: CJK, Hangul, full-width forms, emoji
        case 0x00...0x1F, 0x7F...0x9F: return 0
        default: return bold ? 740 : 680  // other letters: about the widest Latin letters
        }
    }

    /// Splits `text` into lines no wider than `width` pixels. Runs of white space become one
    /// space; a line break in the text forces a new line; a word wider than a line is cut
    /// between characters. Never returns an empty array (an empty text is one empty line).
    public static func wrap(_ text: String, width: Double, size: Double, bold: Bool) -> [String] {
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let words = paragraph.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
            var line = ""
            var lineWidth = 0.0
            let space = Self.width(" ", size: size, bold: bold)
            for word in words {
                let wordWidth = Self.width(word, size: size, bold: bold)
                if line.isEmpty {
                    if wordWidth <= width {
                        line = String(word)
                        lineWidth = wordWidth
                    } else {
                        var pieces = cut(word, width: width, size: size, bold: bold)
                        line = pieces.removeLast()
                        lineWidth = Self.width(line, size: size, bold: bold)
                        lines += pieces
                    }
                } else if lineWidth + space + wordWidth <= width {
                    line += " " + word
                    lineWidth += space + wordWidth
                } else {
                    lines.append(line)
                    line = ""
                    lineWidth = 0
                    if wordWidth <= width {
                        line = String(word)
                        lineWidth = wordWidth
                    } else {
                        var pieces = cut(word, width: width, size: size, bold: bold)
                        line = pieces.removeLast()
                        lineWidth = Self.width(line, size: size, bold: bold)
                        lines += pieces
                    }
                }
            }
            lines.append(line)
        }
        return lines
    }

    /// Cuts one over-long word between characters (grapheme clusters) into pieces that fit.
    private static func cut(_ word: Substring, width: Double, size: Double, bold: Bool) -> [String] {
        var pieces: [String] = []
        var piece = ""
        var pieceWidth = 0.0
        for character in word {
            let characterWidth = Self.width(String(character), size: size, bold: bold)
            if !piece.isEmpty && pieceWidth + characterWidth > width {
                pieces.append(piece)
                piece = ""
                pieceWidth = 0
            }
            piece.append(character)
            pieceWidth += characterWidth
        }
        pieces.append(piece)
        return pieces
    }

    // Code points 0x20–0x7E, then 0xA0–0xFF: max(Liberation Sans, DejaVu Sans) advance, 1/1000 em.
    private static let regularASCII: [Int] = [
        318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337, 636, 636, 636, 636, 636, 636,
        636, 636, 636, 636, 337, 337, 838, 838, 838, 556, 1015, 684, 686, 722, 770, 667, 611, 778, 752, 295, 500, 667,
        557, 863, 748, 787, 667, 787, 722, 667, 611, 732, 684, 989, 685, 667, 685, 390, 337, 390, 838, 556, 500, 613,
        635, 550, 635, 615, 352, 635, 634, 278, 278, 579, 278, 974, 634, 612, 635, 635, 411, 521, 392, 634, 592, 818,
        592, 592, 525, 636, 337, 636, 838,
    ]
    private static let regularLatin1: [Int] = [
        318, 401, 636, 636, 636, 636, 337, 556, 500, 1000, 471, 612, 838, 361, 1000, 552, 500, 838, 401, 401, 500, 636,
        636, 318, 500, 401, 471, 612, 969, 969, 969, 611, 684, 684, 684, 684, 684, 684, 1000, 722, 667, 667, 667, 667,
        295, 295, 295, 295, 775, 748, 787, 787, 787, 787, 787, 838, 787, 732, 732, 732, 732, 667, 667, 630, 613, 613,
        613, 613, 613, 613, 982, 550, 615, 615, 615, 615, 278, 278, 278, 278, 612, 634, 612, 612, 612, 612, 612, 838,
        612, 634, 634, 634, 634, 592, 635, 592,
    ]
    private static let boldASCII: [Int] = [
        348, 456, 521, 838, 696, 1002, 872, 306, 457, 457, 523, 838, 380, 415, 380, 365, 696, 696, 696, 696, 696, 696,
        696, 696, 696, 696, 400, 400, 838, 838, 838, 611, 1000, 774, 762, 734, 830, 683, 683, 821, 837, 372, 556, 775,
        637, 995, 837, 850, 733, 850, 770, 720, 682, 812, 774, 1103, 771, 724, 725, 457, 365, 457, 838, 556, 500, 675,
        716, 593, 716, 678, 435, 716, 712, 343, 343, 665, 343, 1042, 712, 687, 716, 716, 493, 595, 478, 712, 652, 924,
        645, 652, 582, 712, 365, 712, 838,
    ]
    private static let boldLatin1: [Int] = [
        348, 456, 696, 696, 636, 696, 365, 556, 500, 1000, 564, 646, 838, 415, 1000, 552, 500, 838, 438, 438, 500, 736,
        636, 380, 500, 438, 564, 646, 1035, 1035, 1035, 611, 774, 774, 774, 774, 774, 774, 1085, 734, 683, 683, 683, 683,
        372, 372, 372, 372, 838, 837, 850, 850, 850, 850, 850, 838, 850, 812, 812, 812, 812, 724, 738, 719, 675, 675,
        675, 675, 675, 675, 1048, 593, 678, 678, 678, 678, 343, 343, 343, 343, 687, 712, 687, 687, 687, 687, 687, 838,
        687, 712, 712, 712, 712, 652, 716, 652,
    ]
}

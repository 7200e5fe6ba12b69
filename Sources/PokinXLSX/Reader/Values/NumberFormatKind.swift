/// What a cell's number format makes of the number it holds.
enum NumberFormatKind: UInt8, Sendable {
    /// A plain number (General, `0.00`, `#,##0`, percentages, currencies, text `@`…).
    case number
    /// A calendar date, a time of day, or both.
    case dateTime
    /// Elapsed time: `[h]:mm:ss`, `[mm]`, `[s]`.
    case duration

    /// The built-in formats (ECMA-376 Part 1, 18.8.30) that are dates, times or durations:
    /// 14–22 and 45–47 everywhere; 27–36 and 50–58 are the East Asian (ja/zh/ko) dates and
    /// times that Japanese, Chinese and Korean Excel write by id only; 71–81 the Thai ones.
    static func builtIn(_ id: Int) -> NumberFormatKind {
        switch id {
        case 46, 79: return .duration
        case 14...22, 27...36, 45, 47, 50...58, 71...78, 80, 81: return .dateTime
        default: return .number
        }
    }

    /// Classifies a custom format code by its first section (the one positive numbers use).
    ///
    /// Text in quotes, the character after `\`, `_` or `*`, and bracketed parts (`[Red]`,
    /// `[$-409]`, `[>=100]`) are skipped, except elapsed-time brackets `[h]`, `[mm]`, `[s]`,
    /// which make a duration. Then the first date/time token (`d m y h s`, `AM/PM`, `A/P`, the
    /// era letters `g` and `e`) makes a date; whichever of the two comes first wins.
    static func classify(_ code: String) -> NumberFormatKind {
        let scalars = Array(code.unicodeScalars)
        var index = 0
        var inQuote = false
        while index < scalars.count {
            let scalar = scalars[index]
            if inQuote {
                if scalar == "\"" { inQuote = false }
                index += 1
                continue
            }
            switch scalar {
            case "\"":
                inQuote = true
            case "\\", "_", "*":
                index += 1  // the next character is a literal (or a width / fill character)
            case ";":
                return .number
            case "[":
                var end = index + 1
                while end < scalars.count, scalars[end] != "]" { end += 1 }
                let content = String(String.UnicodeScalarView(scalars[(index + 1)..<min(end, scalars.count)])).lowercased()
                if let first = content.first, "hms".contains(first), content.allSatisfy({ $0 == first }) {
                    return .duration
                }
                index = end
            default:
                if matches(scalars, at: index, "general") {
                    index += 7
                    continue
                }
                if matches(scalars, at: index, "am/pm") || matches(scalars, at: index, "a/p") {
                    return .dateTime
                }
                switch scalar {
                case "d", "D", "m", "M", "y", "Y", "h", "H", "s", "S", "g", "G":
                    return .dateTime
                case "e", "E":
                    // `E+` / `E-` is a scientific exponent; a lone `e` is the era year.
                    let next = index + 1 < scalars.count ? scalars[index + 1] : " "
                    if next != "+" && next != "-" { return .dateTime }
                default:
                    break
                }
            }
            index += 1
        }
        return .number
    }

    private static func matches(_ scalars: [Unicode.Scalar], at index: Int, _ word: String) -> Bool {
        var position = index
        for expected in word.unicodeScalars {
            guard position < scalars.count else { return false }
            let actual = scalars[position]
            let lowered = ("A"..."Z").contains(actual) ? Unicode.Scalar(actual.value | 0x20)! : actual
            if lowered != expected { return false }
            position += 1
        }
        return true
    }
}

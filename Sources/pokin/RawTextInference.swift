import PokinCore

/// Decides what a CSV field becomes in a workbook when converting cell for cell: a number only
/// when the text is a plain number that a spreadsheet shows back exactly as written; a date
/// for ISO 8601 dates; `TRUE`/`FALSE` as booleans; everything else stays text.
///
/// Text stays text when turning it into a number would change it: leading zeros (`007`), a
/// trailing zero in the fraction (`2.10`, a code), more than 15 significant digits or integer
/// digits (NIP, NIK, account numbers: Excel keeps 15), thousands separators, exponents, `+`,
/// `-0`, codes with several dots (`2.17.05.2.01`).
enum RawTextInference {
    /// - Parameter decimalSeparator: `.`, or `,` for decimal-comma files (then `.` is text).
    static func value(of text: String, decimalSeparator: UInt8 = UInt8(ascii: ".")) -> CellValue {
        var copy = text
        return copy.withUTF8 { utf8 -> CellValue in
            guard let first = utf8.first else { return .text(text) }
            switch first {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"):
                if let number = plainNumber(utf8, decimalSeparator: decimalSeparator) { return .number(number) }
                if let moment = isoDate(utf8) { return .dateTime(moment) }
                return .text(text)
            case UInt8(ascii: "T"):
                return utf8.count == 4 && text == "TRUE" ? .boolean(true) : .text(text)
            case UInt8(ascii: "F"):
                return utf8.count == 5 && text == "FALSE" ? .boolean(false) : .text(text)
            default:
                return .text(text)
            }
        }
    }

    /// `-?(0|[1-9][0-9]*)(SEP[0-9]*[1-9])?` with at most 15 significant and 15 integer digits.
    static func plainNumber(_ utf8: UnsafeBufferPointer<UInt8>, decimalSeparator: UInt8) -> Double? {
        var index = 0
        let count = utf8.count
        let negative = utf8[0] == UInt8(ascii: "-")
        if negative { index = 1 }
        let integerStart = index
        while index < count, utf8[index] >= 48, utf8[index] <= 57 { index += 1 }
        let integerDigits = index - integerStart
        guard integerDigits >= 1, integerDigits <= 15 else { return nil }
        if integerDigits > 1, utf8[integerStart] == UInt8(ascii: "0") { return nil }
        var significant = utf8[integerStart] == UInt8(ascii: "0") ? 0 : integerDigits
        var fractionDigits = 0
        if index < count {
            guard utf8[index] == decimalSeparator else { return nil }
            index += 1
            let fractionStart = index
            while index < count, utf8[index] >= 48, utf8[index] <= 57 { index += 1 }
            fractionDigits = index - fractionStart
            guard index == count, fractionDigits >= 1, utf8[count - 1] != UInt8(ascii: "0") else { return nil }
            if significant == 0 {
                var firstNonZero = fractionStart
                while utf8[firstNonZero] == UInt8(ascii: "0") { firstNonZero += 1 }
                significant = count - firstNonZero
            } else {
                significant += fractionDigits
            }
        }
        guard significant <= 15 else { return nil }
        if negative, significant == 0 { return nil }  // "-0"
        // Integers: exact without parsing through Double's text parser.
        if fractionDigits == 0 {
            var value: Int64 = 0
            for position in integerStart..<count { value = value * 10 + Int64(utf8[position] - 48) }
            return Double(negative ? -value : value)
        }
        var ascii = String(decoding: utf8, as: UTF8.self)
        if decimalSeparator != UInt8(ascii: ".") {
            ascii = String(decoding: utf8.map { $0 == decimalSeparator ? UInt8(ascii: ".") : $0 }, as: UTF8.self)
        }
        return Double(ascii)
    }

    /// `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM:SS[.ffffff]` (or a space for `T`), and `HH:MM:SS` (a
    /// time of day), years 1900–9999, with valid fields.
    static func isoDate(_ utf8: UnsafeBufferPointer<UInt8>) -> CivilDateTime? {
        func digits(_ start: Int, _ length: Int) -> Int? {
            guard start + length <= utf8.count else { return nil }
            var value = 0
            for position in start..<(start + length) {
                let byte = utf8[position]
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        func time(at start: Int) -> (Int, Int, Int, Int)? {
            guard start + 8 <= utf8.count, let hour = digits(start, 2), utf8[start + 2] == UInt8(ascii: ":"), let minute = digits(start + 3, 2),
                  utf8[start + 5] == UInt8(ascii: ":"), let second = digits(start + 6, 2),
                  hour < 24, minute < 60, second < 60 else { return nil }
            var end = start + 8
            var micros = 0
            if end < utf8.count {
                guard utf8[end] == UInt8(ascii: "."), utf8.count - end - 1 >= 1, utf8.count - end - 1 <= 6,
                      let fraction = digits(end + 1, utf8.count - end - 1) else { return nil }
                var scale = 1
                for _ in 0..<(6 - (utf8.count - end - 1)) { scale *= 10 }
                micros = fraction * scale
                end = utf8.count
            }
            return (hour, minute, second, micros)
        }
        if utf8.count >= 8, utf8.count <= 15, utf8[2] == UInt8(ascii: ":") {
            guard let (hour, minute, second, micros) = time(at: 0) else { return nil }
            return CivilDateTime(year: 1899, month: 12, day: 30, hour: hour, minute: minute, second: second,
                                 microsecond: micros, timeOnly: true)
        }
        guard utf8.count == 10 || (utf8.count >= 19 && utf8.count <= 26),
              let year = digits(0, 4), utf8[4] == UInt8(ascii: "-"), let month = digits(5, 2),
              utf8[7] == UInt8(ascii: "-"), let day = digits(8, 2),
              (1900...9999).contains(year), (1...12).contains(month), day >= 1,
              day <= daysIn(month: month, year: year) else { return nil }
        if utf8.count == 10 { return CivilDateTime(year: year, month: month, day: day) }
        guard utf8[10] == UInt8(ascii: "T") || utf8[10] == UInt8(ascii: " "),
              let (hour, minute, second, micros) = time(at: 11) else { return nil }
        return CivilDateTime(year: year, month: month, day: day, hour: hour, minute: minute, second: second,
                             microsecond: micros)
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

/// Reads the text of a `<v>` element as a Double without making a String.
///
/// A fast path handles what spreadsheets write almost always (an optional sign, up to 19
/// significant digits, an optional fraction and exponent) exactly when the digits fit in 53 bits
/// and the power of ten is at most 22 (both exactly representable, so one correctly rounded
/// multiplication or division gives the correctly rounded result). Everything else goes to the
/// standard library's correctly rounded parser.
enum NumberText {
    /// 10^exponent for 0...22, all exactly representable.
    @inline(__always)
    private static func powerOfTen(_ exponent: Int) -> Double {
        switch exponent {
        case 0: return 1e0
        case 1: return 1e1
        case 2: return 1e2
        case 3: return 1e3
        case 4: return 1e4
        case 5: return 1e5
        case 6: return 1e6
        case 7: return 1e7
        case 8: return 1e8
        case 9: return 1e9
        case 10: return 1e10
        case 11: return 1e11
        case 12: return 1e12
        case 13: return 1e13
        case 14: return 1e14
        case 15: return 1e15
        case 16: return 1e16
        case 17: return 1e17
        case 18: return 1e18
        case 19: return 1e19
        case 20: return 1e20
        case 21: return 1e21
        default: return 1e22
        }
    }

    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        guard !bytes.isEmpty else { return nil }
        // The commonest value of all: a plain integer of up to 15 digits, exact in a Double.
        if bytes.count <= 15 {
            var integer: UInt64 = 0
            var plain = true
            for byte in bytes {
                let digit = byte &- UInt8(ascii: "0")
                if digit >= 10 { plain = false; break }
                integer = integer &* 10 &+ UInt64(digit)
            }
            if plain { return Double(integer) }
        }
        // Values rarely have edge whitespace; trim only when they do.
        var range = TextTrimming.isSpace(bytes[0]) || TextTrimming.isSpace(bytes[bytes.count - 1])
            ? TextTrimming.trimmed(bytes) : 0..<bytes.count
        guard !range.isEmpty else { return nil }
        var negative = false
        if bytes[range.lowerBound] == UInt8(ascii: "-") || bytes[range.lowerBound] == UInt8(ascii: "+") {
            negative = bytes[range.lowerBound] == UInt8(ascii: "-")
            range = (range.lowerBound + 1)..<range.upperBound
        }
        var index = range.lowerBound
        var mantissa: UInt64 = 0
        var digits = 0
        var sawDigit = false
        var decimalExponent = 0
        while index < range.upperBound, let digit = digitValue(bytes[index]) {
            sawDigit = true
            if mantissa == 0 && digit == 0 {
                // leading zeros do not count
            } else if digits < 19 {
                mantissa = mantissa &* 10 &+ UInt64(digit)
                digits += 1
            } else {
                return slowParse(bytes)
            }
            index += 1
        }
        if index < range.upperBound, bytes[index] == UInt8(ascii: ".") {
            index += 1
            while index < range.upperBound, let digit = digitValue(bytes[index]) {
                sawDigit = true
                if mantissa == 0 && digit == 0 {
                    decimalExponent -= 1
                } else if digits < 19 {
                    mantissa = mantissa &* 10 &+ UInt64(digit)
                    digits += 1
                    decimalExponent -= 1
                } else if digit != 0 {
                    return slowParse(bytes)
                }
                index += 1
            }
        }
        guard sawDigit else { return nil }
        if index < range.upperBound, bytes[index] | 0x20 == UInt8(ascii: "e") {
            index += 1
            var exponentNegative = false
            if index < range.upperBound, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
                exponentNegative = bytes[index] == UInt8(ascii: "-")
                index += 1
            }
            var exponent = 0
            var sawExponentDigit = false
            while index < range.upperBound, let digit = digitValue(bytes[index]) {
                sawExponentDigit = true
                if exponent < 100_000 { exponent = exponent * 10 + Int(digit) }
                index += 1
            }
            guard sawExponentDigit else { return nil }
            decimalExponent += exponentNegative ? -exponent : exponent
        }
        guard index == range.upperBound else { return nil }
        if mantissa == 0 { return negative ? -0.0 : 0.0 }
        guard mantissa <= 1 << 53, abs(decimalExponent) <= 22 else { return slowParse(bytes) }
        var value = Double(mantissa)
        if decimalExponent < 0 {
            value /= powerOfTen(-decimalExponent)
        } else {
            value *= powerOfTen(decimalExponent)
        }
        return negative ? -value : value
    }

    @inline(__always)
    private static func digitValue(_ byte: UInt8) -> UInt8? {
        let value = byte &- UInt8(ascii: "0")
        return value < 10 ? value : nil
    }

    private static func slowParse(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        let range = TextTrimming.trimmed(bytes)
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        guard let value = Double(text) else { return nil }
        if value.isFinite { return value }
        return largestDouble(overflowing: text)
    }

    /// ±`greatestFiniteMagnitude` for a decimal numeral just past it: writers that print 16
    /// significant digits (openpyxl, xlsxwriter: `%.16g`) write the largest double
    /// 1.7976931348623157e308 as 1.797693134862316e+308, which rounds to infinity. Nil for
    /// `inf`, `nan` and numerals further out (kept as text by the caller).
    private static func largestDouble(overflowing text: String) -> Double? {
        guard text.utf8.allSatisfy({ (0x30...0x39).contains($0) || $0 == 0x2E || $0 == 0x2B || $0 == 0x2D || $0 | 0x20 == 0x65 })
        else { return nil }
        // The same numeral divided by ten (exponent lowered by one) is finite; compare that.
        let parts = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "e" || $0 == "E" })
        guard parts.count <= 2, let exponent = parts.count == 2 ? Int(parts[1]) : 0,
              let tenth = Double("\(parts[0])e\(exponent - 1)"), tenth.isFinite,
              tenth.magnitude < 1.7976931348623165e307 else { return nil }
        return tenth < 0 ? -Double.greatestFiniteMagnitude : Double.greatestFiniteMagnitude
    }
}

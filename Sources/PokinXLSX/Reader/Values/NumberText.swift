/// Reads the text of a `<v>` element as a Double without making a String.
///
/// A fast path handles what spreadsheets write almost always (an optional sign, up to 19
/// significant digits, an optional fraction and exponent) exactly when the digits fit in 53 bits
/// and the power of ten is at most 22 (both exactly representable, so one correctly rounded
/// multiplication or division gives the correctly rounded result). Everything else goes to the
/// standard library's correctly rounded parser.
enum NumberText {
    private static let powersOfTen: [Double] = (0...22).map { exponent in
        var value = 1.0
        for _ in 0..<exponent { value *= 10 }
        return value
    }

    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        var range = TextTrimming.trimmed(bytes)
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
            value /= powersOfTen[-decimalExponent]
        } else {
            value *= powersOfTen[decimalExponent]
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
        guard let value = Double(text), value.isFinite else { return nil }
        return value
    }
}

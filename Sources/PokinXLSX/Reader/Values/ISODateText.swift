import PokinCore

/// Reads the ISO 8601 text of a `t="d"` cell: `2021-01-01`, `2021-01-01T10:10:10`,
/// `2014-02-14T08:27:48.765Z`, or a time of day alone, `10:10:10`. A zone designator (`Z`,
/// `+07:00`) is accepted and dropped: spreadsheets have no time zones, and the written wall
/// time is what the user typed. The value is never shifted by the workbook's date system.
enum ISODateText {
    static func parse(_ text: String) -> CivilDateTime? {
        var scanner = Scanner(bytes: Array(text.utf8))
        scanner.skipSpaces()
        if scanner.looksLikeTime() {
            guard let (hour, minute, second, micro) = scanner.time() else { return nil }
            scanner.skipZone()
            scanner.skipSpaces()
            guard scanner.atEnd else { return nil }
            return CivilDateTime(year: 1899, month: 12, day: 30, hour: hour, minute: minute, second: second,
                                 microsecond: micro, timeOnly: true)
        }
        guard let year = scanner.number(digits: 4), scanner.take(UInt8(ascii: "-")),
              let month = scanner.number(digits: 2), scanner.take(UInt8(ascii: "-")),
              let day = scanner.number(digits: 2),
              (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day) else { return nil }
        var result = CivilDateTime(year: year, month: month, day: day)
        if scanner.take(UInt8(ascii: "T")) || scanner.take(UInt8(ascii: " ")) {
            guard let (hour, minute, second, micro) = scanner.time() else { return nil }
            result.hour = hour
            result.minute = minute
            result.second = second
            result.microsecond = micro
            scanner.skipZone()
        }
        scanner.skipSpaces()
        return scanner.atEnd ? result : nil
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    private struct Scanner {
        let bytes: [UInt8]
        var index = 0

        var atEnd: Bool { index == bytes.count }

        mutating func skipSpaces() {
            while index < bytes.count, TextTrimming.isSpace(bytes[index]) { index += 1 }
        }

        mutating func take(_ byte: UInt8) -> Bool {
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
            return true
        }

        /// `HH:` at the cursor: a time without a date.
        func looksLikeTime() -> Bool {
            index + 2 < bytes.count && bytes[index + 2] == UInt8(ascii: ":")
        }

        mutating func number(digits: Int) -> Int? {
            guard index + digits <= bytes.count else { return nil }
            var value = 0
            for offset in 0..<digits {
                let byte = bytes[index + offset]
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            index += digits
            return value
        }

        mutating func time() -> (Int, Int, Int, Int)? {
            guard let hour = number(digits: 2), take(UInt8(ascii: ":")), let minute = number(digits: 2) else { return nil }
            var second = 0
            var micro = 0
            if take(UInt8(ascii: ":")) {
                guard let value = number(digits: 2) else { return nil }
                second = value
                if take(UInt8(ascii: ".")) || take(UInt8(ascii: ",")) {
                    var scale = 100_000
                    var sawDigit = false
                    while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
                        micro += Int(bytes[index] - UInt8(ascii: "0")) * scale
                        scale /= 10
                        sawDigit = true
                        index += 1
                    }
                    guard sawDigit else { return nil }
                }
            }
            guard hour < 24, minute < 60, second < 60 else { return nil }
            return (hour, minute, second, micro)
        }

        mutating func skipZone() {
            if take(UInt8(ascii: "Z")) || take(UInt8(ascii: "z")) { return }
            guard index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") else { return }
            let start = index
            index += 1
            guard number(digits: 2) != nil else { index = start; return }
            _ = take(UInt8(ascii: ":"))
            _ = number(digits: 2)
        }
    }
}

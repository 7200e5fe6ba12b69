/// Splits an ASCII cell written as a numbered list ("1. Nilai LHE AKIP 2. Indeks Kepuasan")
/// without a regular expression: the same result as `StageReader.splitNumbered`'s pattern
/// `(?:^|\s)(\d{1,2})[.)]\s+`, found left to right without overlapping, on bytes.
enum NumberedList {
    /// The items, or `[text]` when the text is not a list starting at 1; nil when the text is
    /// not plain ASCII (or holds a vertical tab, where regular-expression dialects disagree on
    /// `\s`), for the caller's general path.
    static func split(_ text: String) -> [String]? {
        var text = text
        return text.withUTF8 { bytes -> [String]? in
            var hasDigit = false
            for byte in bytes {
                if byte >= 0x80 || byte == 0x0B { return nil }
                if byte >= 0x30 && byte <= 0x39 { hasDigit = true }
            }
            guard hasDigit else { return [String(decoding: bytes, as: UTF8.self)] }
            var matches: [(start: Int, number: Range<Int>, end: Int)] = []
            var position = 0
            while position < bytes.count {
                if let match = self.match(in: bytes, at: position) {
                    matches.append(match)
                    position = match.end
                } else {
                    position += 1
                }
            }
            guard matches.count >= 2, matches[0].number.count == 1, bytes[matches[0].number.lowerBound] == 0x31 else {
                return [String(decoding: bytes, as: UTF8.self)]
            }
            var parts: [String] = []
            for (index, match) in matches.enumerated() {
                let end = index + 1 < matches.count ? matches[index + 1].start : bytes.count
                let cleaned = TableExtractor.clean(String(decoding: bytes[match.end..<end], as: UTF8.self))
                if !cleaned.isEmpty { parts.append(cleaned) }
            }
            return parts
        }
    }

    /// The match starting at `position`: `^` (at the start) or one white space, then one or two
    /// digits, `.` or `)`, and a run of white space.
    private static func match(in bytes: UnsafeBufferPointer<UInt8>, at position: Int) -> (start: Int, number: Range<Int>, end: Int)? {
        if position == 0, let found = list(in: bytes, digitsAt: 0) { return (0, found.number, found.end) }
        if isSpace(bytes[position]), let found = list(in: bytes, digitsAt: position + 1) {
            return (position, found.number, found.end)
        }
        return nil
    }

    private static func list(in bytes: UnsafeBufferPointer<UInt8>, digitsAt start: Int) -> (number: Range<Int>, end: Int)? {
        guard start < bytes.count, isDigit(bytes[start]) else { return nil }
        // `\d{1,2}` is greedy: with two digits the mark must follow the second (with one digit
        // the next character is the second digit, not a mark).
        let digits = start + 1 < bytes.count && isDigit(bytes[start + 1]) ? 2 : 1
        let mark = start + digits
        guard mark < bytes.count, bytes[mark] == 0x2E || bytes[mark] == 0x29 else { return nil }
        var end = mark + 1
        guard end < bytes.count, isSpace(bytes[end]) else { return nil }
        while end < bytes.count, isSpace(bytes[end]) { end += 1 }
        return (start..<(start + digits), end)
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }
}

/// XML text generation on a `XMLSpool`: escaping for cell text (with OOXML's `_xHHHH_`),
/// ordinary element text and attribute values, and numbers.
extension XMLSpool {
    /// Appends cell text (the content of a `<t>` element) escaped for XML and OOXML:
    /// `& < >` as entities; CR as `&#13;` (a literal CR would be read back as LF); the C0
    /// control characters XML 1.0 forbids, U+FFFE and U+FFFF as `_xHHHH_`; and a literal
    /// `_xHHHH_` as `_x005F_xHHHH_` so that readers do not decode it.
    func appendCellText(_ text: UnsafeBufferPointer<UInt8>) throws {
        var start = 0
        let total = text.count
        while start < total {
            let end = min(total, start + 16_384)
            try reserve((end - start) * 7)
            var index = start
            while index < end {
                let byte = text[index]
                switch byte {
                case UInt8(ascii: "&"): appendUnchecked("&amp;")
                case UInt8(ascii: "<"): appendUnchecked("&lt;")
                case UInt8(ascii: ">"): appendUnchecked("&gt;")
                case 0x0D: appendUnchecked("&#13;")
                case 0x09, 0x0A: appendUnchecked(byte)
                case 0x00..<0x20: appendControlEscape(UInt32(byte))
                case UInt8(ascii: "_"):
                    if XMLSpool.startsOOXMLEscape(text, at: index) {
                        appendUnchecked("_x005F_")
                    } else {
                        appendUnchecked(byte)
                    }
                case 0xEF where index + 2 < total && text[index + 1] == 0xBF && (text[index + 2] == 0xBE || text[index + 2] == 0xBF):
                    appendControlEscape(text[index + 2] == 0xBE ? 0xFFFE : 0xFFFF)
                    index += 2
                default: appendUnchecked(byte)
                }
                index += 1
            }
            start = index
        }
    }

    /// Whether `text[index...]` is `_xHHHH_` (four hex digits), which readers would decode.
    @inline(__always)
    static func startsOOXMLEscape(_ text: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        guard index + 6 < text.count, text[index + 1] == UInt8(ascii: "x"), text[index + 6] == UInt8(ascii: "_") else {
            return false
        }
        for offset in 2...5 where !isHexDigit(text[index + offset]) { return false }
        return true
    }

    @inline(__always)
    static func isHexDigit(_ byte: UInt8) -> Bool {
        (byte >= 48 && byte <= 57) || (byte | 0x20 >= 97 && byte | 0x20 <= 102)
    }

    @inline(__always)
    private func appendControlEscape(_ scalar: UInt32) {
        let hex: StaticString = "0123456789ABCDEF"
        appendUnchecked("_x")
        for shift in stride(from: 12, through: 0, by: -4) {
            appendUnchecked(hex.utf8Start[Int((scalar >> UInt32(shift)) & 0xF)])
        }
        appendUnchecked(UInt8(ascii: "_"))
    }

    /// Whether cell text needs `xml:space="preserve"`: whitespace at either edge, or a TAB,
    /// LF or CR anywhere.
    static func needsSpacePreserve(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = text.first, let last = text.last else { return false }
        if isXMLSpace(first) || isXMLSpace(last) { return true }
        for byte in text where byte == 0x09 || byte == 0x0A || byte == 0x0D { return true }
        return false
    }

    @inline(__always)
    static func isXMLSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    /// Appends text for an element that is not a cell (titles, formulas, list items): entities
    /// for `& < >`, and characters XML cannot hold replaced by a space.
    func appendElementText(_ text: String) throws {
        try appendEscaped(text, quotes: false)
    }

    /// Appends an attribute value: entities for `& < > "`, TAB/LF/CR as character references.
    func appendAttributeText(_ text: String) throws {
        try appendEscaped(text, quotes: true)
    }

    private func appendEscaped(_ text: String, quotes: Bool) throws {
        var text = text
        try text.withUTF8 { utf8 in
            try reserve(utf8.count * 6)
            var index = 0
            while index < utf8.count {
                let byte = utf8[index]
                switch byte {
                case UInt8(ascii: "&"): appendUnchecked("&amp;")
                case UInt8(ascii: "<"): appendUnchecked("&lt;")
                case UInt8(ascii: ">"): appendUnchecked("&gt;")
                case UInt8(ascii: "\"") where quotes: appendUnchecked("&quot;")
                case 0x09 where quotes: appendUnchecked("&#9;")
                case 0x0A where quotes: appendUnchecked("&#10;")
                case 0x0D: appendUnchecked("&#13;")
                case 0x09, 0x0A: appendUnchecked(byte)
                case 0x00..<0x20: appendUnchecked(UInt8(ascii: " "))
                case 0xEF where index + 2 < utf8.count && utf8[index + 1] == 0xBF && (utf8[index + 2] == 0xBE || utf8[index + 2] == 0xBF):
                    appendUnchecked(UInt8(ascii: " "))
                    index += 2
                default: appendUnchecked(byte)
                }
                index += 1
            }
        }
    }

    /// Appends a finite number as the shortest decimal that reads back as the same `Double`,
    /// with `.` and no locale: integers without a fraction, others as Swift's shortest
    /// round-trip form (`0.1`, `1e-05`, `1.2345678901234567e+20`).
    @inline(__always)
    func appendNumberUnchecked(_ number: Double) {
        if number == number.rounded(.towardZero), abs(number) < 1e15 {
            appendDecimalUnchecked(Int(number))
            return
        }
        appendShortestDouble(number)
    }

    private func appendShortestDouble(_ number: Double) {
        var text = number.description
        text.withUTF8 { utf8 in
            var length = utf8.count
            // Swift writes integral values as "1234.0"; the fraction is dropped.
            if length > 2, utf8[length - 2] == UInt8(ascii: "."), utf8[length - 1] == UInt8(ascii: "0") { length -= 2 }
            appendUnchecked(UnsafeBufferPointer(rebasing: utf8.prefix(length)))
        }
    }

    /// Appends a number (reserving room first).
    func appendNumber(_ number: Double) throws {
        try reserve(32)
        appendNumberUnchecked(number)
    }
}

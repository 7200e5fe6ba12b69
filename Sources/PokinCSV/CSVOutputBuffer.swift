/// The byte buffer a ``CSVWriter`` fills: raw memory, grown on demand, and the field encoding
/// (quoting, doubling quotes, defusing formulas) written straight into it.
struct CSVOutputBuffer {
    private(set) var bytes: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
        bytes = .allocate(capacity: capacity)
    }

    func deallocate() { bytes.deallocate() }

    mutating func removeAll() { count = 0 }

    var buffer: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: bytes, count: count) }

    @inline(__always)
    mutating func reserve(_ extra: Int) {
        guard count + extra > capacity else { return }
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: max(count + extra, capacity * 2))
        grown.update(from: bytes, count: count)
        bytes.deallocate()
        bytes = grown
        capacity = max(count + extra, capacity * 2)
    }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        reserve(1)
        bytes[count] = byte
        count += 1
    }

    @inline(__always)
    mutating func append(_ source: UnsafeBufferPointer<UInt8>) {
        guard let base = source.baseAddress, source.count > 0 else { return }
        reserve(source.count)
        (bytes + count).update(from: base, count: source.count)
        count += source.count
    }

    mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { append($0) }
    }

    /// Whether text starting with this byte runs as a formula in a spreadsheet (`=` `+` `-` `@`
    /// TAB CR: the OWASP list).
    @inline(__always)
    static func isFormulaTrigger(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D: return true
        default: return false
        }
    }

    /// Appends one field: quoted when it holds the delimiter, the quote, CR or LF (quotes inside
    /// doubled); with `defuse`, a `'` goes first when the field starts with a formula trigger.
    ///
    /// The bytes are copied first and checked where they landed, sixteen at a time: the buffer
    /// keeps sixteen spare bytes, so a vector read past a short field stays inside it.
    mutating func appendField(_ field: UnsafeBufferPointer<UInt8>, defuse: Bool, delimiter: UInt8, quote: UInt8) {
        guard let base = field.baseAddress, field.count > 0 else { return }
        let length = field.count
        let prefixed = defuse && CSVOutputBuffer.isFormulaTrigger(base[0])
        reserve(length + 3 + 16)
        let start = count
        if prefixed {
            bytes[count] = UInt8(ascii: "'")
            count += 1
        }
        let copy = bytes + count
        copy.update(from: base, count: length)
        if !CSVOutputBuffer.containsSpecial(copy, length, delimiter: delimiter, quote: quote) {
            count += length
            return
        }
        // Rare: quote the field, doubling the quotes inside.
        count = start
        bytes[count] = quote
        count += 1
        if prefixed {
            bytes[count] = UInt8(ascii: "'")
            count += 1
        }
        var runStart = 0
        for index in 0..<length where base[index] == quote {
            append(UnsafeBufferPointer(rebasing: field[runStart...index]))
            append(quote)
            runStart = index + 1
        }
        append(UnsafeBufferPointer(rebasing: field[runStart...]))
        append(quote)
    }

    /// `appendField` over a String's UTF-8, without copying a native string.
    mutating func appendField(_ text: String, defuse: Bool, delimiter: UInt8, quote: UInt8) {
        if let done: Void = text.utf8.withContiguousStorageIfAvailable({
            appendField($0, defuse: defuse, delimiter: delimiter, quote: quote)
        }) {
            return done
        }
        var copy = text
        copy.withUTF8 { appendField($0, defuse: defuse, delimiter: delimiter, quote: quote) }
    }

    /// Whether any of the `count` bytes at `base` is the delimiter, the quote, CR or LF,
    /// sixteen bytes at a time; `base` must have sixteen readable bytes past `count`.
    @inline(__always)
    private static func containsSpecial(_ base: UnsafePointer<UInt8>, _ count: Int, delimiter: UInt8, quote: UInt8) -> Bool {
        let raw = UnsafeRawPointer(base)
        let d = SIMD16<UInt8>(repeating: delimiter), q = SIMD16<UInt8>(repeating: quote)
        let cr = SIMD16<UInt8>(repeating: 0x0D), lf = SIMD16<UInt8>(repeating: 0x0A)
        let lanes = SIMD16<UInt8>(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15)
        var index = 0
        while index < count {
            let vector = raw.loadUnaligned(fromByteOffset: index, as: SIMD16<UInt8>.self)
            var hits = (vector .== d) .| (vector .== q) .| (vector .== cr) .| (vector .== lf)
            let left = count - index
            if left < 16 { hits = hits .& (lanes .< SIMD16<UInt8>(repeating: UInt8(left))) }
            if any(hits) { return true }
            index += 16
        }
        return false
    }
}

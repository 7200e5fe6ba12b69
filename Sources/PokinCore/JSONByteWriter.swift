/// Writes pretty-printed JSON straight into UTF-8 bytes, in exactly the form
/// `JSONValue.serialized()` gives (two-space indent, `"key": value`, arrays of scalars on one line
/// when the line is at most 100 characters with its indent), without building a `JSONValue` tree
/// or a `String` first.
///
/// Writers of fixed shapes (the canonical model) drive it member by member:
///
///     var first = true
///     writer.member("id", first: &first, indent: indent)   // `{` or `,`, newline, indent, key
///     writer.string(id)
///     writer.closeObject(empty: first, indent: indent)     // `{}` or newline, indent, `}`
///
/// Values of unknown shape (extension members) go through `value(_:indent:)`.
///
/// The bytes live in a buffer the writer owns (hence not copyable); `bytes()` copies them out.
public struct JSONByteWriter: ~Copyable {
    @usableFromInline var storage: UnsafeMutablePointer<UInt8>
    @usableFromInline var capacity: Int
    @usableFromInline var count = 0

    /// The widest line (indent included, counted in Characters) an array of scalars keeps on one line.
    static let lineLimit = 100

    public init(capacity: Int = 1024) {
        self.capacity = max(capacity, 64)
        storage = .allocate(capacity: self.capacity)
    }

    deinit {
        storage.deallocate()
    }

    /// The number of bytes written so far.
    public var byteCount: Int { count }

    /// A copy of the bytes written so far.
    public func bytes() -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            buffer.baseAddress!.update(from: storage, count: count)
            initialized = count
        }
    }

    /// Calls `body` with the bytes written so far (valid only during the call), without copying them.
    public func withBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        try body(UnsafeRawBufferPointer(start: storage, count: count))
    }

    /// Makes room for `extra` more bytes.
    @inlinable
    mutating func reserve(_ extra: Int) {
        if count + extra > capacity { grow(toHold: count + extra) }
    }

    @usableFromInline
    mutating func grow(toHold needed: Int) {
        let newCapacity = max(capacity * 2, needed)
        let newStorage = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newStorage.update(from: storage, count: count)
        storage.deallocate()
        storage = newStorage
        capacity = newCapacity
    }

    /// Appends one byte; room must have been reserved.
    @inlinable
    mutating func put(_ byte: UInt8) {
        storage[count] = byte
        count += 1
    }

    @inlinable
    mutating func put(_ bytes: UnsafeBufferPointer<UInt8>) {
        if let base = bytes.baseAddress {
            (storage + count).update(from: base, count: bytes.count)
        }
        count += bytes.count
    }

    /// A newline and `indent` spaces; room must have been reserved.
    @inlinable
    mutating func putNewline(indent: Int) {
        storage[count] = 0x0A
        (storage + count + 1).update(repeating: 0x20, count: indent)
        count += 1 + indent
    }

    // MARK: - Layout

    /// ASCII text as is (keys and punctuation known to need no escape).
    @inlinable
    public mutating func raw(_ text: StaticString) {
        reserve(text.utf8CodeUnitCount)
        put(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// One byte as is.
    @inlinable
    public mutating func raw(byte: UInt8) {
        reserve(1)
        put(byte)
    }

    /// A newline and `indent` spaces.
    @inlinable
    public mutating func newline(indent: Int) {
        reserve(indent + 1)
        putNewline(indent: indent)
    }

    /// Starts a member of an object written at `indent`: `{` before the first member, `,`
    /// before the others, then a new line, the member's indent and `"key": `. `key` must be
    /// plain ASCII with nothing to escape (the contract's field names).
    @inlinable
    public mutating func member(_ key: StaticString, first: inout Bool, indent: Int) {
        reserve(key.utf8CodeUnitCount + indent + 8)
        put(first ? 0x7B : 0x2C)
        first = false
        putNewline(indent: indent + 2)
        put(0x22)
        put(UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount))
        put(0x22)
        put(0x3A)
        put(0x20)
    }

    /// Starts a member whose key is any text (escaped as needed).
    public mutating func member(key: String, first: inout Bool, indent: Int) {
        reserve(indent + 4)
        put(first ? 0x7B : 0x2C)
        first = false
        putNewline(indent: indent + 2)
        string(key)
        reserve(2)
        put(0x3A)
        put(0x20)
    }

    /// Ends an object written at `indent`: `{}` when no member was written.
    @inlinable
    public mutating func closeObject(empty: Bool, indent: Int) {
        reserve(indent + 2)
        if empty {
            put(0x7B)
        } else {
            putNewline(indent: indent)
        }
        put(0x7D)
    }

    /// Starts an element of an array of objects or arrays written at `indent` (arrays of
    /// scalars go through `stringArray` or `value`, which apply the one-line rule).
    @inlinable
    public mutating func element(first: inout Bool, indent: Int) {
        reserve(indent + 4)
        put(first ? 0x5B : 0x2C)
        first = false
        putNewline(indent: indent + 2)
    }

    /// Ends an array written at `indent`: `[]` when no element was written.
    @inlinable
    public mutating func closeArray(empty: Bool, indent: Int) {
        reserve(indent + 2)
        if empty {
            put(0x5B)
        } else {
            putNewline(indent: indent)
        }
        put(0x5D)
    }

    // MARK: - Scalars

    @inlinable
    public mutating func null() {
        raw("null")
    }

    /// A string or null.
    @inlinable
    public mutating func optional(_ text: String?) {
        if let text { string(text) } else { null() }
    }

    /// An integer, as `JSONValue.number(Double(value))` prints it.
    public mutating func integer(_ value: Int) {
        // Below 1e15 a Double holds every integer exactly, and formatNumber prints the digits.
        guard value.magnitude < 1_000_000_000_000_000 else {
            append(JSONValue.formatNumber(Double(value)))
            return
        }
        reserve(16)
        if value < 0 { put(0x2D) }
        var magnitude = value.magnitude
        var digits = 1
        var scale: UInt = 10
        while scale <= magnitude {
            digits += 1
            scale *= 10
        }
        var position = count + digits
        count = position
        repeat {
            position -= 1
            storage[position] = 0x30 + UInt8(magnitude % 10)
            magnitude /= 10
        } while magnitude > 0
    }

    /// A number, exactly as `JSONValue` prints it (integral values without a fraction,
    /// others in Swift's shortest round-trip form, non-finite as null).
    public mutating func number(_ value: Double) {
        if value.isFinite, value == value.rounded(), abs(value) < 1e15 {
            integer(Int(value))
        } else {
            append(JSONValue.formatNumber(value))
        }
    }

    /// Text known to need no escape, as its UTF-8 bytes.
    private mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            reserve(utf8.count)
            put(utf8)
        }
    }

    /// A quoted string, escaped exactly as `JSONValue` escapes it: `\"`, `\\`, `\n`, `\r`, `\t`,
    /// `\b`, `\f`, `\u00XX` for other control characters and DEL, `\u2028`/`\u2029`; everything
    /// else as its UTF-8 bytes.
    public mutating func string(_ text: String) {
        if let done: Void = text.utf8.withContiguousStorageIfAvailable({ appendQuoted($0) }) {
            return done
        }
        var text = text
        text.withUTF8 { appendQuoted($0) }
    }

    private mutating func appendQuoted(_ utf8: UnsafeBufferPointer<UInt8>) {
        // Most texts need no escape at all: copied whole.
        if !Self.needsEscape(utf8) {
            reserve(utf8.count + 2)
            put(0x22)
            put(utf8)
            put(0x22)
            return
        }
        reserve(6 * utf8.count + 2)  // the longest escape, \u00XX, is six bytes for one
        put(0x22)
        var index = 0
        while index < utf8.count {
            let byte = utf8[index]
            index += 1
            switch byte {
            case 0x22: put(0x5C); put(0x22)
            case 0x5C: put(0x5C); put(0x5C)
            case 0x0A: put(0x5C); put(0x6E)
            case 0x0D: put(0x5C); put(0x72)
            case 0x09: put(0x5C); put(0x74)
            case 0x08: put(0x5C); put(0x62)
            case 0x0C: put(0x5C); put(0x66)
            case 0..<0x20, 0x7F:
                putUnicodeEscape(UInt16(byte))
            case 0xE2 where index + 1 < utf8.count && utf8[index] == 0x80 && (utf8[index + 1] == 0xA8 || utf8[index + 1] == 0xA9):
                // U+2028 LINE SEPARATOR and U+2029 PARAGRAPH SEPARATOR (E2 80 A8 / E2 80 A9).
                putUnicodeEscape(utf8[index + 1] == 0xA8 ? 0x2028 : 0x2029)
                index += 2
            default:
                put(byte)
            }
        }
        put(0x22)
    }

    /// Whether any byte is one `appendQuoted` may escape: below 0x20, `"`, `\`, DEL, or 0xE2 (the
    /// lead byte of U+2028/U+2029). Eight bytes at a time: each test below is nonzero exactly when
    /// some byte of the word matches.
    static func needsEscape(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = utf8.baseAddress else { return false }
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        var index = 0
        while index + 8 <= utf8.count {
            let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
            let below20 = (word &- ones &* 0x20) & ~word & highs
            let quote = word ^ (ones &* 0x22)
            let backslash = word ^ (ones &* 0x5C)
            let delete = word ^ (ones &* 0x7F)
            let lineSeparatorLead = word ^ (ones &* 0xE2)
            let zeros = ((quote &- ones) & ~quote)
                | ((backslash &- ones) & ~backslash)
                | ((delete &- ones) & ~delete)
                | ((lineSeparatorLead &- ones) & ~lineSeparatorLead)
            if (below20 | (zeros & highs)) != 0 { return true }
            index += 8
        }
        while index < utf8.count {
            let byte = base[index]
            if byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F || byte == 0xE2 { return true }
            index += 1
        }
        return false
    }

    /// `\uXXXX` with four lowercase hex digits; room must have been reserved.
    private mutating func putUnicodeEscape(_ value: UInt16) {
        put(0x5C)
        put(0x75)
        for shift in stride(from: 12, through: 0, by: -4) {
            let digit = UInt8((value >> UInt16(shift)) & 0xF)
            put(digit < 10 ? 0x30 + digit : 0x61 + digit - 10)
        }
    }

    // MARK: - Arrays of strings

    /// An array of strings: `[]` when empty, on one line when it fits (see `lineLimit`),
    /// otherwise one item a line.
    public mutating func stringArray(_ items: [String], indent: Int) {
        if items.isEmpty {
            raw("[]")
            return
        }
        let start = count
        raw(byte: 0x5B)
        for (index, item) in items.enumerated() {
            if index > 0 { raw(", ") }
            string(item)
        }
        raw(byte: 0x5D)
        if lineFits(from: start, indent: indent) { return }
        count = start
        var first = true
        for item in items {
            element(first: &first, indent: indent)
            string(item)
        }
        closeArray(empty: first, indent: indent)
    }

    /// Whether the one-line array written from `start` stays within the limit: its length in
    /// Characters (what `String.count` gives for the same text) plus `indent`. An all-ASCII line
    /// (escaped text never holds a raw CR LF) has as many Characters as bytes, and no line has
    /// more Characters than bytes, so the grapheme count is needed only for a long non-ASCII line.
    private func lineFits(from start: Int, indent: Int) -> Bool {
        let byteCount = count - start
        if byteCount + indent <= Self.lineLimit { return true }
        let line = UnsafeBufferPointer(start: storage + start, count: byteCount)
        if !line.contains(where: { $0 >= 0x80 }) { return false }
        return String(decoding: line, as: UTF8.self).count + indent <= Self.lineLimit
    }

    // MARK: - Any value

    /// `value` laid out exactly as `JSONValue.serialized()` lays it out at `indent`.
    public mutating func value(_ value: JSONValue, indent: Int) {
        switch value {
        case .array(let items):
            if items.isEmpty {
                raw("[]")
                return
            }
            if items.allSatisfy(\.isScalarValue) {
                let start = count
                raw(byte: 0x5B)
                for (index, item) in items.enumerated() {
                    if index > 0 { raw(", ") }
                    scalar(item)
                }
                raw(byte: 0x5D)
                if lineFits(from: start, indent: indent) { return }
                count = start
            }
            var first = true
            for item in items {
                element(first: &first, indent: indent)
                self.value(item, indent: indent + 2)
            }
            closeArray(empty: first, indent: indent)
        case .object(let members):
            var first = true
            for (key, member) in members {
                self.member(key: key, first: &first, indent: indent)
                self.value(member, indent: indent + 2)
            }
            closeObject(empty: first, indent: indent)
        default:
            scalar(value)
        }
    }

    private mutating func scalar(_ value: JSONValue) {
        switch value {
        case .null: null()
        case .bool(let flag): if flag { raw("true") } else { raw("false") }
        case .number(let number): self.number(number)
        case .string(let text): string(text)
        case .array, .object: preconditionFailure("scalar(_:) is only called on scalars")
        }
    }
}

extension JSONValue {
    /// The same bytes as `Array(serialized().utf8)`, written straight into a byte buffer.
    public func serializedBytes() -> [UInt8] {
        var writer = JSONByteWriter(capacity: 1024)
        writer.value(self, indent: 0)
        writer.raw(byte: 0x0A)
        return writer.bytes()
    }

    var isScalarValue: Bool {
        switch self {
        case .array, .object: return false
        default: return true
        }
    }
}

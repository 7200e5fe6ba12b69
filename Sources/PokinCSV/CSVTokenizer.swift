/// A CSV tokenizer that does no I/O: the caller feeds it chunks of bytes, however they are split,
/// and it hands back one record at a time (the design of rust-csv's `csv-core`).
///
/// Quoting follows RFC 4180 (`""` is a quote inside a quoted field; delimiters, CR and LF inside
/// quotes are content). Records end at CRLF, LF or a lone CR. Like Python's `csv` and
/// `csv-core` it is lenient where RFC 4180 is silent: a quote inside an unquoted field is
/// content, and text after a closing quote is appended to the field. A blank line is a record
/// with no fields. An optional escape byte (inside quotes) and comment byte (at the start of a
/// record) serve files such as rust-csv's `strange.csv`.
///
/// The tokenizer counts bytes, physical lines (CRLF counts once) and records. It works on bytes:
/// every delimiter is ASCII, so UTF-8 (and Windows-1252) text passes through unchanged.
///
/// ```swift
/// var tokenizer = CSVTokenizer()
/// let (status, consumed) = input.withUnsafeBufferPointer { tokenizer.feed($0) }
/// if status == .record { print(tokenizer.fieldCount) }
/// ```
public struct CSVTokenizer: @unchecked Sendable {
    /// The bytes that shape the syntax.
    public struct Configuration: Hashable, Sendable {
        public var delimiter: UInt8
        public var quote: UInt8
        /// Inside a quoted field, the byte after this one is content (`\"` with `\`). Nil: none.
        public var escape: UInt8?
        /// A record starting with this byte is a comment line and is skipped. Nil: none.
        public var comment: UInt8?

        public init(delimiter: UInt8 = UInt8(ascii: ","), quote: UInt8 = UInt8(ascii: "\""),
                    escape: UInt8? = nil, comment: UInt8? = nil) {
            self.delimiter = delimiter
            self.quote = quote
            self.escape = escape
            self.comment = comment
        }
    }

    /// A place in the input: bytes from the start (0-based), physical line (1-based) and
    /// record number (1-based).
    public struct Position: Hashable, Sendable {
        public var byte: Int
        public var line: Int
        public var record: Int

        public init(byte: Int = 0, line: Int = 1, record: Int = 1) {
            self.byte = byte
            self.line = line
            self.record = record
        }
    }

    /// What `feed` stopped for.
    public enum Status: Hashable, Sendable {
        /// Every byte given was consumed and no record is complete yet: feed more.
        case needInput
        /// A record is complete: read it (``fieldCount``, ``withField(_:_:)``) before feeding again.
        case record
    }

    /// What `finish` found at the end of the input.
    public enum End: Hashable, Sendable {
        /// The last record, which had no line end, is complete: read it, then call `finish` again.
        case record
        /// Nothing is pending.
        case finished
        /// The input ended inside a quoted field opened at ``openQuoteLine``: the file is
        /// malformed, and the pending record is not returned.
        case unterminatedQuote
    }

    private enum State: UInt8, Sendable {
        case recordStart, recordStartAfterCR, fieldStart, unquoted, quoted, quoteInQuoted, escapeInQuoted, comment, ended
    }

    private static let stopsUnquoted: UInt8 = 1
    private static let stopsQuoted: UInt8 = 2
    /// The delimiter, the quote, CR and LF: a field starting with one is not plain unquoted text.
    private static let special: UInt8 = 4
    private static let carriageReturn: UInt8 = 0x0D
    private static let lineFeed: UInt8 = 0x0A

    public let configuration: Configuration
    /// Byte classes (owned by `storage`): bit 1 ends a run of unquoted content, bit 2 a run of
    /// quoted content.
    private var classes: UnsafeMutablePointer<UInt8>
    private var state: State = .recordStart
    private var recordReady = false
    /// The current record: field bytes back to back (`bytes`) and where each field ends (`ends`).
    /// The pointers are cached from `storage`, which owns them and is copied before writing
    /// when another tokenizer value shares it.
    private var storage: RecordStorage
    private var bytes: UnsafeMutablePointer<UInt8>
    private var byteCount = 0
    private var byteCapacity: Int
    private var ends: UnsafeMutablePointer<Int>
    private var endCount = 0
    private var endCapacity: Int
    /// Where the record last returned (or being read) starts.
    public private(set) var recordStart = Position()
    /// Bytes consumed so far, the current line, and the number of the next record.
    public private(set) var position = Position()
    /// The line on which the quoted field being read opened.
    public private(set) var openQuoteLine = 1
    private var lastWasCR = false

    public init(_ configuration: Configuration = Configuration(), startLine: Int = 1) {
        self.configuration = configuration
        var classes = [UInt8](repeating: 0, count: 256)
        classes[Int(configuration.delimiter)] |= CSVTokenizer.stopsUnquoted
        classes[Int(CSVTokenizer.carriageReturn)] |= CSVTokenizer.stopsUnquoted | CSVTokenizer.stopsQuoted
        classes[Int(CSVTokenizer.lineFeed)] |= CSVTokenizer.stopsUnquoted | CSVTokenizer.stopsQuoted
        classes[Int(configuration.quote)] |= CSVTokenizer.stopsQuoted
        if let escape = configuration.escape { classes[Int(escape)] |= CSVTokenizer.stopsQuoted }
        for byte in [configuration.delimiter, configuration.quote, CSVTokenizer.carriageReturn, CSVTokenizer.lineFeed] {
            classes[Int(byte)] |= CSVTokenizer.special
        }
        let storage = RecordStorage(classes: classes)
        self.classes = storage.classes
        self.storage = storage
        bytes = storage.bytes
        byteCapacity = storage.byteCapacity
        ends = storage.ends
        endCapacity = storage.endCapacity
        self.position.line = startLine
        self.recordStart.line = startLine
    }

    /// Number of fields of the record returned last (0 for a blank line).
    public var fieldCount: Int { endCount }

    /// True while the tokenizer is inside a quoted field.
    public var isInQuotedField: Bool { state == .quoted || state == .escapeInQuoted }

    /// Bytes held for the record being read (grows with a field that never ends).
    public var pendingBytes: Int { byteCount }

    /// The record returned last: its field bytes back to back, and the offset where each field
    /// ends. Valid only inside `body`.
    public func withRecord<Result>(_ body: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<Int>) throws -> Result) rethrows -> Result {
        try body(UnsafeBufferPointer(start: bytes, count: byteCount), UnsafeBufferPointer(start: ends, count: endCount))
    }

    /// Where field `index` of the record returned last ends in its bytes.
    public func fieldEnd(_ index: Int) -> Int {
        precondition(index >= 0 && index < endCount, "field index out of range")
        return ends[index]
    }

    /// The content bytes of field `index` of the record returned last.
    public func withField<Result>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        precondition(index >= 0 && index < endCount, "field index out of range")
        let start = index == 0 ? 0 : ends[index - 1]
        return try body(UnsafeBufferPointer(start: bytes + start, count: ends[index] - start))
    }

    /// Field `index` of the record returned last, decoded as UTF-8 (for tests and small tools).
    public func field(_ index: Int) -> String {
        withField(index) { String(decoding: $0, as: UTF8.self) }
    }

    /// All fields of the record returned last, decoded as UTF-8.
    public var fields: [String] { (0..<fieldCount).map(field) }

    /// Consumes bytes from `input` until a record is complete or the input is used up.
    /// Returns the status and how many bytes were consumed; feed the rest again after reading
    /// the record. The record stays readable until the next call.
    public mutating func feed(_ input: UnsafeBufferPointer<UInt8>) -> (status: Status, consumed: Int) {
        prepareForWriting()
        guard let base = input.baseAddress, input.count > 0, state != .ended else { return (.needInput, 0) }
        let (status, consumed) = run(base, input.count, classes)
        position.byte += consumed
        return (status, consumed)
    }

    /// Tells the tokenizer the input has ended. Returns `.record` once when a last record
    /// without a line end is pending, then `.finished`; `.unterminatedQuote` when a quoted
    /// field never closed.
    public mutating func finish() -> End {
        prepareForWriting()
        switch state {
        case .recordStart, .recordStartAfterCR, .comment, .ended:
            state = .ended
            return .finished
        case .quoted, .escapeInQuoted:
            return .unterminatedQuote
        case .fieldStart, .unquoted, .quoteInQuoted:
            endField()
            completeRecord()
            state = .ended
            return .record
        }
    }

    /// Clears the record returned last, and makes the storage this value's own.
    private mutating func prepareForWriting() {
        if recordReady {
            byteCount = 0
            endCount = 0
            recordReady = false
        }
        if !isKnownUniquelyReferenced(&storage) {
            storage = storage.copy(byteCount: byteCount, endCount: endCount)
            bytes = storage.bytes
            ends = storage.ends
            classes = storage.classes
        }
    }

    /// Appends `count` bytes from `source`, where `readable` bytes may be read. A short run is
    /// copied as one 16-byte vector (the bytes past `count` are overwritten later), which beats
    /// calling `memcpy` for the typical field of a few bytes.
    @inline(__always)
    private mutating func append(_ source: UnsafePointer<UInt8>, _ count: Int, readable: Int) {
        if count <= 16, readable >= 16, byteCount + 16 <= byteCapacity {
            let vector = UnsafeRawPointer(source).loadUnaligned(as: SIMD16<UInt8>.self)
            UnsafeMutableRawPointer(bytes + byteCount).storeBytes(of: vector, as: SIMD16<UInt8>.self)
            byteCount += count
            return
        }
        if byteCount + count > byteCapacity {
            storage.growBytes(to: byteCount + count, keeping: byteCount)
            bytes = storage.bytes
            byteCapacity = storage.byteCapacity
        }
        (bytes + byteCount).update(from: source, count: count)
        byteCount += count
    }

    @inline(__always)
    private mutating func append(_ byte: UInt8) {
        if byteCount == byteCapacity {
            storage.growBytes(to: byteCount + 1, keeping: byteCount)
            bytes = storage.bytes
            byteCapacity = storage.byteCapacity
        }
        bytes[byteCount] = byte
        byteCount += 1
    }

    @inline(__always)
    private mutating func endField() {
        if endCount == endCapacity {
            storage.growEnds(to: endCount + 1, keeping: endCount)
            ends = storage.ends
            endCapacity = storage.endCapacity
        }
        ends[endCount] = byteCount
        endCount += 1
    }

    // MARK: - The state machine

    /// The loop over one chunk. Runs of ordinary bytes are found with the class table and copied
    /// at once; only structural bytes go through the switch.
    private mutating func run(_ base: UnsafePointer<UInt8>, _ count: Int, _ table: UnsafePointer<UInt8>) -> (Status, Int) {
        let delimiter = configuration.delimiter
        let quote = configuration.quote
        let cr = CSVTokenizer.carriageReturn
        let lf = CSVTokenizer.lineFeed
        let unquotedMasks = CSVTokenizer.masks(delimiter, cr, lf)
        let quotedMasks = CSVTokenizer.masks(quote, cr, lf)
        let hasEscape = configuration.escape != nil
        var index = 0
        while index < count {
            switch state {
            case .fieldStart:
                let byte = base[index]
                if byte == quote {
                    index += 1
                    state = .quoted
                    openQuoteLine = position.line
                    continue
                } else if byte == delimiter {
                    index += 1
                    endField()
                    continue
                } else if byte == cr || byte == lf {
                    index += 1
                    endField()
                    endRecord(lineEnd: byte)
                    return (.record, index)
                }
                state = .unquoted
                fallthrough

            case .unquoted:
                // The common case stays in this loop: unquoted fields one after another.
                while true {
                    let start = index
                    index = CSVTokenizer.scan(base, from: index, to: count, masks: unquotedMasks)
                    if index + 16 > count {
                        while index < count, table[Int(base[index])] & CSVTokenizer.stopsUnquoted == 0 { index += 1 }
                    }
                    if index > start { append(base + start, index - start, readable: count - start) }
                    if index == count { return (.needInput, index) }
                    let byte = base[index]
                    index += 1
                    endField()
                    if byte != delimiter {
                        endRecord(lineEnd: byte)
                        return (.record, index)
                    }
                    if index == count {
                        state = .fieldStart
                        return (.needInput, index)
                    }
                    if table[Int(base[index])] & CSVTokenizer.special != 0 {
                        state = .fieldStart
                        break
                    }
                }

            case .quoted:
                let start = index
                if !hasEscape { index = CSVTokenizer.scan(base, from: index, to: count, masks: quotedMasks) }
                while index < count, table[Int(base[index])] & CSVTokenizer.stopsQuoted == 0 { index += 1 }
                if index > start {
                    append(base + start, index - start, readable: count - start)
                    lastWasCR = false
                }
                if index == count { return (.needInput, index) }
                let byte = base[index]
                index += 1
                if byte == quote {
                    state = .quoteInQuoted
                    lastWasCR = false
                } else if byte == cr || byte == lf {
                    append(byte)
                    countLineBreak(byte)
                } else {
                    state = .escapeInQuoted
                    lastWasCR = false
                }

            case .quoteInQuoted:
                let byte = base[index]
                index += 1
                if byte == quote {
                    append(quote)
                    state = .quoted
                } else if byte == delimiter {
                    endField()
                    state = .fieldStart
                } else if byte == cr || byte == lf {
                    endField()
                    endRecord(lineEnd: byte)
                    return (.record, index)
                } else {
                    append(byte)
                    state = .unquoted
                }

            case .escapeInQuoted:
                let byte = base[index]
                index += 1
                append(byte)
                if byte == cr || byte == lf { countLineBreak(byte) } else { lastWasCR = false }
                state = .quoted

            case .recordStart, .recordStartAfterCR:
                let byte = base[index]
                if byte == lf && state == .recordStartAfterCR {
                    // The LF of a CRLF whose CR ended the previous record (or a blank line).
                    index += 1
                    state = .recordStart
                    continue
                }
                recordStart = Position(byte: position.byte + index, line: position.line, record: position.record)
                if byte == cr || byte == lf {
                    // A blank line: a record with no fields, as Python's csv returns it.
                    index += 1
                    endRecord(lineEnd: byte)
                    return (.record, index)
                }
                if let comment = configuration.comment, byte == comment {
                    index += 1
                    state = .comment
                    continue
                }
                state = .fieldStart

            case .comment:
                let byte = base[index]
                index += 1
                if byte == cr {
                    position.line += 1
                    state = .recordStartAfterCR
                } else if byte == lf {
                    position.line += 1
                    state = .recordStart
                }

            case .ended:
                return (.needInput, index)
            }
        }
        return (.needInput, index)
    }

    /// The three bytes a scan stops at, in every lane of a 16-byte vector.
    private static func masks(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> (SIMD16<UInt8>, SIMD16<UInt8>, SIMD16<UInt8>) {
        (SIMD16(repeating: a), SIMD16(repeating: b), SIMD16(repeating: c))
    }

    /// Skips sixteen bytes at a time to the first byte equal to one of the three mask bytes.
    /// Returns its offset, or where fewer than sixteen bytes are left (the byte loop finishes
    /// from there).
    @inline(__always)
    private static func scan(_ base: UnsafePointer<UInt8>, from start: Int, to count: Int,
                             masks: (SIMD16<UInt8>, SIMD16<UInt8>, SIMD16<UInt8>)) -> Int {
        let raw = UnsafeRawPointer(base)
        var index = start
        while index + 16 <= count {
            let vector = raw.loadUnaligned(fromByteOffset: index, as: SIMD16<UInt8>.self)
            let hits = (vector .== masks.0) .| (vector .== masks.1) .| (vector .== masks.2)
            if any(hits) {
                // Lanes of a mask are all ones or all zeros; the first set lane is the match.
                let lanes = unsafeBitCast(hits, to: SIMD2<UInt64>.self)
                let low = UInt64(littleEndian: lanes[0])
                if low != 0 { return index + low.trailingZeroBitCount >> 3 }
                return index + 8 + UInt64(littleEndian: lanes[1]).trailingZeroBitCount >> 3
            }
            index += 16
        }
        return index
    }

    /// A line break inside a quoted field: CR counts a line, LF counts one unless it follows CR.
    private mutating func countLineBreak(_ byte: UInt8) {
        if byte == CSVTokenizer.carriageReturn {
            position.line += 1
            lastWasCR = true
        } else {
            if !lastWasCR { position.line += 1 }
            lastWasCR = false
        }
    }

    private mutating func endRecord(lineEnd: UInt8) {
        position.line += 1
        lastWasCR = false
        state = lineEnd == CSVTokenizer.carriageReturn ? .recordStartAfterCR : .recordStart
        completeRecord()
    }

    private mutating func completeRecord() {
        recordReady = true
        position.record += 1
    }
}

import PokinCore

/// Reads a CSV file one record at a time, in 64 KiB chunks: memory does not grow with the file.
///
/// On opening it looks at the first chunk to settle the dialect: a byte order mark (UTF-8,
/// UTF-16 LE/BE; UTF-16 is transcoded), otherwise UTF-8 with a Windows-1252 fallback when the
/// bytes are not valid UTF-8; Excel's `sep=;` hint line; the delimiter among `,` `;` TAB `|`
/// (``CSVDelimiterDetector``). Options can fix any of these instead.
///
/// Records are numbered from 1 and become the row numbers of a ``Row`` (every value `.text`,
/// empty fields left out); ``line`` is the physical line where the record starts. Ragged
/// records are kept and reported in ``warnings``; an unterminated quote is an error.
public final class CSVReader: RowSource {
    /// What to detect and what to take as given.
    public struct Options: Sendable {
        /// The delimiter; nil detects it.
        public var delimiter: UInt8?
        /// The encoding; nil detects it (byte order mark, else UTF-8 with Windows-1252 fallback).
        public var encoding: CSVDialect.Encoding?
        public var quote: UInt8
        /// An escape byte inside quoted fields (`\`); nil for RFC 4180 files.
        public var escape: UInt8?
        /// A comment byte starting lines to skip (`#`); nil for RFC 4180 files.
        public var comment: UInt8?
        /// A record larger than this is refused (a quote that never closes would otherwise
        /// hold the rest of the file in memory).
        public var maxRecordBytes: Int
        /// Ragged records listed one by one in ``CSVReader/warnings``; the rest are counted.
        public var maxRaggedWarnings: Int

        public init(delimiter: UInt8? = nil, encoding: CSVDialect.Encoding? = nil, quote: UInt8 = UInt8(ascii: "\""),
                    escape: UInt8? = nil, comment: UInt8? = nil, maxRecordBytes: Int = 64 << 20,
                    maxRaggedWarnings: Int = 20) {
            self.delimiter = delimiter
            self.encoding = encoding
            self.quote = quote
            self.escape = escape
            self.comment = comment
            self.maxRecordBytes = maxRecordBytes
            self.maxRaggedWarnings = maxRaggedWarnings
        }
    }

    /// The size of one read.
    public static let chunkSize = 64 * 1024

    /// The file as errors and warnings name it.
    public let file: String?
    /// The dialect found (or given): delimiter, encoding, byte order mark, line terminator.
    public private(set) var dialect: CSVDialect
    /// What was noticed and worked around so far (complete once reading has returned false).
    public private(set) var warnings: [CSVWarning] = []
    /// The number of the record returned last (1-based; 0 before the first).
    public private(set) var recordNumber = 0
    /// The physical line on which the record returned last starts.
    public private(set) var line = 0

    private let options: Options
    private let input: FileInput
    private var tokenizer: CSVTokenizer
    private let raw: UnsafeMutablePointer<UInt8>
    private let decoded: UnsafeMutablePointer<UInt8>?
    private var transcoder: UTF16Transcoder?
    /// The bytes being fed: in `raw` (UTF-8, Windows-1252) or `decoded` (UTF-16).
    private var current: UnsafeMutablePointer<UInt8>
    private var currentStart = 0
    private var currentEnd = 0
    private var atEndOfFile = false
    /// True once the bytes are known not to be UTF-8.
    private var readsWindows1252: Bool
    /// True once the text has to be checked as UTF-8 (not UTF-16, not Windows-1252).
    private let validatesUTF8: Bool
    private var expectedFieldCount: Int?
    private var firstRecordLine = 0
    private var raggedCount = 0
    private var finished = false

    /// Opens a CSV file and settles its dialect.
    /// - Throws: `PokinError` `file-not-found`, `file-unreadable`.
    public convenience init(path: String, options: Options = Options()) throws {
        try self.init(input: FileInput(path: path), options: options)
    }

    /// Reads an open file descriptor (standard input, a pipe), named `name` in messages.
    public convenience init(fileDescriptor: Int32, name: String? = nil, closeWhenDone: Bool = false,
                            options: Options = Options()) throws {
        try self.init(input: FileInput(descriptor: fileDescriptor, name: name, closeWhenDone: closeWhenDone), options: options)
    }

    private init(input: FileInput, options: Options) throws {
        self.input = input
        self.options = options
        self.file = input.name
        let chunkSize = CSVReader.chunkSize
        let rawBuffer = UnsafeMutablePointer<UInt8>.allocate(capacity: chunkSize)
        raw = rawBuffer
        var ownsDecoded: UnsafeMutablePointer<UInt8>?
        var cleanUp = true
        defer {
            if cleanUp {
                rawBuffer.deallocate()
                ownsDecoded?.deallocate()
            }
        }

        // The first chunk is the sample the dialect is settled on.
        let sampleCount = try input.readFully(into: rawBuffer, count: chunkSize)
        let wholeFile = sampleCount < chunkSize
        atEndOfFile = wholeFile
        let sample = UnsafeBufferPointer(start: rawBuffer, count: sampleCount)
        let textStart: UnsafeMutablePointer<UInt8>
        let textCount: Int

        var encoding = options.encoding ?? .utf8
        var bomLength = 0
        if sample.starts(with: [0xEF, 0xBB, 0xBF]), options.encoding == nil || options.encoding == .utf8 {
            encoding = .utf8; bomLength = 3
        } else if sample.starts(with: [0xFF, 0xFE]), options.encoding == nil || options.encoding == .utf16LittleEndian {
            encoding = .utf16LittleEndian; bomLength = 2
        } else if sample.starts(with: [0xFE, 0xFF]), options.encoding == nil || options.encoding == .utf16BigEndian {
            encoding = .utf16BigEndian; bomLength = 2
        }

        if encoding == .utf16LittleEndian || encoding == .utf16BigEndian {
            let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: UTF16Transcoder.maxOutput(forInput: chunkSize) + 8)
            ownsDecoded = buffer
            var transcoder = UTF16Transcoder(bigEndian: encoding == .utf16BigEndian)
            var count = transcoder.transcode(UnsafeBufferPointer(rebasing: sample[bomLength...]), into: buffer)
            if wholeFile { count += transcoder.finish(into: buffer + count) }
            self.transcoder = transcoder
            textStart = buffer
            textCount = count
        } else {
            textStart = rawBuffer + bomLength
            textCount = sampleCount - bomLength
        }
        decoded = ownsDecoded

        let text = UnsafeBufferPointer(start: textStart, count: textCount)
        var fallbackWarning: CSVWarning?
        if options.encoding == nil, encoding == .utf8, bomLength == 0,
           let bad = UTF8Validation.firstInvalidByte(text, allowTruncatedEnd: !wholeFile) {
            encoding = .windows1252
            fallbackWarning = CSVReader.fallbackWarning(file: input.name, line: CSVReader.lineOf(offset: bad, in: text, startLine: 1),
                                                        byte: text[bad], fromStart: true)
        }
        readsWindows1252 = encoding == .windows1252
        validatesUTF8 = encoding == .utf8

        // Excel's `sep=;` first line names the delimiter and is not a record.
        var startLine = 1
        var hinted: UInt8?
        var hintLength = 0
        if let (delimiter, length) = CSVReader.separatorHint(text) {
            hinted = delimiter
            hintLength = length
            startLine = 2
        }
        let body = UnsafeBufferPointer(rebasing: text[hintLength...])
        current = UnsafeMutablePointer(mutating: body.baseAddress ?? UnsafePointer(rawBuffer))
        currentStart = 0
        currentEnd = body.count
        let delimiter = options.delimiter ?? hinted
            ?? CSVDelimiterDetector.detect(body, quote: options.quote, escape: options.escape, comment: options.comment,
                                           sampleIsWhole: wholeFile)
            ?? UInt8(ascii: ",")
        let configuration = CSVTokenizer.Configuration(delimiter: delimiter, quote: options.quote,
                                                       escape: options.escape, comment: options.comment)
        tokenizer = CSVTokenizer(configuration, startLine: startLine)
        dialect = CSVDialect(delimiter: delimiter, quote: options.quote,
                             lineTerminator: CSVDelimiterDetector.lineTerminator(body, configuration),
                             byteOrderMark: bomLength > 0, encoding: encoding)
        if let fallbackWarning { warnings.append(fallbackWarning) }
        cleanUp = false
    }

    deinit {
        raw.deallocate()
        decoded?.deallocate()
    }

    // MARK: - Reading

    /// Reads the next record's fields, empty ones included, into `fields`.
    /// Returns false at the end of the file.
    /// - Throws: `PokinError` `malformed-csv` for an unterminated quote (naming its line and
    ///   record), `file-unreadable` when reading fails.
    public func readRecord(into fields: inout [String]) throws -> Bool {
        fields.removeAll(keepingCapacity: true)
        guard try nextRecord() else { return false }
        try decodeFields(skipEmpty: false) { _, text in fields.append(text) }
        return true
    }

    /// Reads the next record as a row: number = record number, one `.text` cell per non-empty
    /// field, columns 1-based. Returns false at the end of the file.
    public func read(into row: inout Row) throws -> Bool {
        row.cells.removeAll(keepingCapacity: true)
        guard try nextRecord() else { return false }
        let number = recordNumber
        row.number = number
        try decodeFields(skipEmpty: true) { column, text in
            row.cells.append(Cell(row: number, column: column, value: .text(text)))
        }
        return true
    }

    /// The location of the record returned last: file, row (= record number) and line.
    public var location: Location { Location(file: file, row: recordNumber, line: line) }

    private func nextRecord() throws -> Bool {
        if finished { return false }
        while true {
            if currentStart < currentEnd {
                let (status, consumed) = tokenizer.feed(UnsafeBufferPointer(start: current + currentStart,
                                                                            count: currentEnd - currentStart))
                currentStart += consumed
                if status == .record { return recordReady() }
                if tokenizer.pendingBytes > options.maxRecordBytes { throw oversizedRecord() }
            } else if atEndOfFile {
                switch tokenizer.finish() {
                case .record:
                    return recordReady()
                case .finished:
                    finish()
                    return false
                case .unterminatedQuote:
                    throw unterminatedQuote()
                }
            } else {
                try refill()
            }
        }
    }

    private func refill() throws {
        let count = try input.read(into: raw, count: CSVReader.chunkSize)
        if count == 0 { atEndOfFile = true }
        if var transcoder, let decoded {
            var produced = transcoder.transcode(UnsafeBufferPointer(start: raw, count: count), into: decoded)
            if atEndOfFile { produced += transcoder.finish(into: decoded + produced) }
            self.transcoder = transcoder
            current = decoded
            currentStart = 0
            currentEnd = produced
        } else {
            current = raw
            currentStart = 0
            currentEnd = count
        }
    }

    private func recordReady() -> Bool {
        recordNumber = tokenizer.recordStart.record
        line = tokenizer.recordStart.line
        let count = tokenizer.fieldCount
        if count > 0 {
            if let expected = expectedFieldCount {
                if count != expected { noteRagged(count: count, expected: expected) }
            } else {
                expectedFieldCount = count
                firstRecordLine = line
            }
        }
        return true
    }

    private func finish() {
        finished = true
        input.close()
        if let transcoder, transcoder.replacements > 0 {
            warnings.append(CSVWarning(.invalidUTF16,
                                       "\(transcoder.replacements) malformed UTF-16 code unit(s) (an unpaired surrogate or an odd final byte) were read as U+FFFD",
                                       at: Location(file: file)))
        }
        if raggedCount > options.maxRaggedWarnings {
            let more = raggedCount - options.maxRaggedWarnings
            warnings.append(CSVWarning(.moreRaggedRows,
                                       "\(more) more record(s) have a different number of fields than the first record (\(raggedCount) in all)",
                                       at: Location(file: file)))
        }
    }

    private func noteRagged(count: Int, expected: Int) {
        raggedCount += 1
        guard raggedCount <= options.maxRaggedWarnings else { return }
        warnings.append(CSVWarning(.raggedRow,
                                   "record \(recordNumber) has \(count) field(s) but the first record (line \(firstRecordLine)) has \(expected); the record is kept as it is",
                                   at: location))
    }

    // MARK: - Decoding fields

    private func decodeFields(skipEmpty: Bool, _ take: (Int, String) -> Void) throws {
        let count = tokenizer.fieldCount
        guard count > 0 else { return }
        tokenizer.recordBytes.withUnsafeBufferPointer { all in
            tokenizer.fieldEnds.withUnsafeBufferPointer { ends in
                let checkUTF8 = validatesUTF8 && !readsWindows1252 && UTF8Validation.containsNonASCII(all)
                if checkUTF8 {
                    var start = 0
                    for index in 0..<count {
                        let field = UnsafeBufferPointer(rebasing: all[start..<ends[index]])
                        if let bad = UTF8Validation.firstInvalidByte(field) {
                            switchToWindows1252(badOffset: start + bad, in: all)
                            break
                        }
                        start = ends[index]
                    }
                }
                var start = 0
                for index in 0..<count {
                    let end = ends[index]
                    if end > start || !skipEmpty {
                        let field = UnsafeBufferPointer(rebasing: all[start..<end])
                        let text = readsWindows1252 && UTF8Validation.containsNonASCII(field)
                            ? Windows1252.decode(field)
                            : String(decoding: field, as: UTF8.self)
                        take(index + 1, text)
                    }
                    start = end
                }
            }
        }
    }

    private func switchToWindows1252(badOffset: Int, in record: UnsafeBufferPointer<UInt8>) {
        readsWindows1252 = true
        dialect.encoding = .windows1252
        warnings.append(CSVReader.fallbackWarning(file: file, line: CSVReader.lineOf(offset: badOffset, in: record, startLine: line),
                                                  byte: record[badOffset], fromStart: false))
    }

    private static func fallbackWarning(file: String?, line: Int, byte: UInt8, fromStart: Bool) -> CSVWarning {
        let hex = String(byte, radix: 16, uppercase: true)
        let scope = fromStart ? "the file was read as Windows-1252"
                              : "this line and the rest of the file were read as Windows-1252 (the lines before were valid UTF-8)"
        return CSVWarning(.encodingFallback,
                          "byte 0x\(hex) on line \(line) is not valid UTF-8, so \(scope); save the file as \"CSV UTF-8\" to be sure of its characters",
                          at: Location(file: file, line: line))
    }

    /// The physical line of byte `offset` of `bytes`, counting CRLF, LF and CR as one break each.
    private static func lineOf(offset: Int, in bytes: UnsafeBufferPointer<UInt8>, startLine: Int) -> Int {
        var line = startLine
        var index = 0
        while index < offset {
            let byte = bytes[index]
            if byte == 0x0A {
                line += 1
            } else if byte == 0x0D {
                line += 1
                if index + 1 < offset, bytes[index + 1] == 0x0A { index += 1 }
            }
            index += 1
        }
        return line
    }

    /// `sep=X` on the first line, followed by a line end: the delimiter and the bytes to skip.
    private static func separatorHint(_ text: UnsafeBufferPointer<UInt8>) -> (UInt8, Int)? {
        guard text.count >= 5, text[0] | 0x20 == UInt8(ascii: "s"), text[1] | 0x20 == UInt8(ascii: "e"),
              text[2] | 0x20 == UInt8(ascii: "p"), text[3] == UInt8(ascii: "="), text[4] < 0x80,
              text[4] != 0x0A, text[4] != 0x0D else { return nil }
        var length = 5
        if length == text.count { return (text[4], length) }
        if text[length] == 0x0D { length += 1 }
        if length < text.count, text[length] == 0x0A { length += 1 }
        return length > 5 ? (text[4], length) : nil
    }

    // MARK: - Errors

    private func unterminatedQuote() -> PokinError {
        let record = tokenizer.recordStart.record
        let quoteLine = tokenizer.openQuoteLine
        return PokinError(.malformedCSV,
                          "unterminated quote: the quoted field that opens on line \(quoteLine) (record \(record)) is never closed, so the rest of the file would become one cell; close the quote (a quote inside a quoted field is written twice: \"\")",
                          at: Location(file: file, row: record, line: quoteLine))
    }

    private func oversizedRecord() -> PokinError {
        let record = tokenizer.recordStart.record
        if tokenizer.isInQuotedField {
            let quoteLine = tokenizer.openQuoteLine
            return PokinError(.malformedCSV,
                              "the quoted field that opens on line \(quoteLine) (record \(record)) runs past \(options.maxRecordBytes >> 20) MiB without closing: most likely an unterminated quote; close the quote (a quote inside a quoted field is written twice: \"\")",
                              at: Location(file: file, row: record, line: quoteLine))
        }
        return PokinError(.malformedCSV,
                          "record \(record) (line \(tokenizer.recordStart.line)) is larger than \(options.maxRecordBytes >> 20) MiB; check the delimiter and the line ends",
                          at: Location(file: file, row: record, line: tokenizer.recordStart.line))
    }
}

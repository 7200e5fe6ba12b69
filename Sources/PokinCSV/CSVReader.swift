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
        /// Reads `'=…`, `'+…`, `'-…`, `'@…` (and `'` before TAB or CR) without the apostrophe: the
        /// guard that ``CSVWriter`` and other careful writers put before text a spreadsheet would
        /// run as a formula. Off by default (`pokin dump` shows the file as it is); the model
        /// import turns it on, so a statement such as "- Meningkatnya …" survives a round trip.
        public var removesFormulaGuard = false

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
    public var dialect: CSVDialect { stream.dialect }
    /// What was noticed and worked around so far (complete once reading has returned false).
    public var warnings: [CSVWarning] { stream.warnings }
    /// The number of the record returned last (1-based; 0 before the first).
    public var recordNumber: Int { stream.recordNumber }
    /// The physical line on which the record returned last starts.
    public var line: Int { stream.line }
    /// The location of the record returned last: file, row (= record number) and line.
    public var location: Location { stream.location }

    private var stream: CSVRecordStream

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
        let chunkSize = CSVReader.chunkSize
        let raw = UnsafeMutablePointer<UInt8>.allocate(capacity: chunkSize)
        var decoded: UnsafeMutablePointer<UInt8>?
        var cleanUp = true
        defer {
            if cleanUp {
                raw.deallocate()
                decoded?.deallocate()
            }
        }

        // The first chunk is the sample the dialect is settled on.
        let sampleCount = try input.readFully(into: raw, count: chunkSize)
        let wholeFile = sampleCount < chunkSize
        let sample = UnsafeBufferPointer(start: raw, count: sampleCount)

        var encoding = options.encoding ?? .utf8
        var bomLength = 0
        if sample.starts(with: [0xEF, 0xBB, 0xBF]), options.encoding == nil || options.encoding == .utf8 {
            encoding = .utf8; bomLength = 3
        } else if sample.starts(with: [0xFF, 0xFE]), options.encoding == nil || options.encoding == .utf16LittleEndian {
            encoding = .utf16LittleEndian; bomLength = 2
        } else if sample.starts(with: [0xFE, 0xFF]), options.encoding == nil || options.encoding == .utf16BigEndian {
            encoding = .utf16BigEndian; bomLength = 2
        }

        let textStart: UnsafeMutablePointer<UInt8>
        let textCount: Int
        var transcoder: UTF16Transcoder?
        if encoding == .utf16LittleEndian || encoding == .utf16BigEndian {
            let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: UTF16Transcoder.maxOutput(forInput: chunkSize) + 8)
            decoded = buffer
            var utf16 = UTF16Transcoder(bigEndian: encoding == .utf16BigEndian)
            var count = utf16.transcode(UnsafeBufferPointer(rebasing: sample[bomLength...]), into: buffer)
            if wholeFile { count += utf16.finish(into: buffer + count) }
            transcoder = utf16
            textStart = buffer
            textCount = count
        } else {
            textStart = raw + bomLength
            textCount = sampleCount - bomLength
        }

        let text = UnsafeBufferPointer(start: textStart, count: textCount)
        var warnings: [CSVWarning] = []
        if options.encoding == nil, encoding == .utf8, bomLength == 0,
           let bad = UTF8Validation.firstInvalidByte(text, allowTruncatedEnd: !wholeFile) {
            encoding = .windows1252
            warnings.append(CSVReader.fallbackWarning(file: input.name, line: CSVReader.lineOf(offset: bad, in: text, startLine: 1),
                                                      byte: text[bad], fromStart: true))
        }

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
        let delimiter = options.delimiter ?? hinted
            ?? CSVDelimiterDetector.detect(body, quote: options.quote, escape: options.escape, comment: options.comment,
                                           sampleIsWhole: wholeFile)
            ?? UInt8(ascii: ",")
        let configuration = CSVTokenizer.Configuration(delimiter: delimiter, quote: options.quote,
                                                       escape: options.escape, comment: options.comment)
        let dialect = CSVDialect(delimiter: delimiter, quote: options.quote,
                                 lineTerminator: CSVDelimiterDetector.lineTerminator(body, configuration),
                                 byteOrderMark: bomLength > 0, encoding: encoding)
        stream = CSVRecordStream(
            file: input.name, options: options, input: input,
            tokenizer: CSVTokenizer(configuration, startLine: startLine),
            raw: raw, decoded: decoded, transcoder: transcoder,
            current: UnsafeMutablePointer(mutating: body.baseAddress ?? UnsafePointer(raw)),
            currentStart: 0, currentEnd: body.count, atEndOfFile: wholeFile,
            readsWindows1252: encoding == .windows1252, validatesUTF8: encoding == .utf8,
            dialect: dialect, warnings: warnings)
        file = input.name
        cleanUp = false
    }

    deinit {
        stream.raw.deallocate()
        stream.decoded?.deallocate()
    }


    // MARK: - Reading

    /// Reads the next record's fields, empty ones included, into `fields`.
    /// Returns false at the end of the file.
    /// - Throws: `PokinError` `malformed-csv` for an unterminated quote (naming its line and
    ///   record), `file-unreadable` when reading fails.
    public func readRecord(into fields: inout [String]) throws -> Bool {
        try stream.readRecord(into: &fields)
    }

    /// Reads the next record as a row: number = record number, one `.text` cell per non-empty
    /// field, columns 1-based. Returns false at the end of the file.
    public func read(into row: inout Row) throws -> Bool {
        try stream.read(into: &row)
    }

    static func fallbackWarning(file: String?, line: Int, byte: UInt8, fromStart: Bool) -> CSVWarning {
        let hex = String(byte, radix: 16, uppercase: true)
        let scope = fromStart ? "the file was read as Windows-1252"
                              : "this line and the rest of the file were read as Windows-1252 (the lines before were valid UTF-8)"
        return CSVWarning(.encodingFallback,
                          "byte 0x\(hex) on line \(line) is not valid UTF-8, so \(scope); save the file as \"CSV UTF-8\" to be sure of its characters",
                          at: Location(file: file, line: line))
    }

    /// The physical line of byte `offset` of `bytes`, counting CRLF, LF and CR as one break each.
    static func lineOf(offset: Int, in bytes: UnsafeBufferPointer<UInt8>, startLine: Int) -> Int {
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
    static func separatorHint(_ text: UnsafeBufferPointer<UInt8>) -> (UInt8, Int)? {
        guard text.count >= 5, text[0] | 0x20 == UInt8(ascii: "s"), text[1] | 0x20 == UInt8(ascii: "e"),
              text[2] | 0x20 == UInt8(ascii: "p"), text[3] == UInt8(ascii: "="), text[4] < 0x80,
              text[4] != 0x0A, text[4] != 0x0D else { return nil }
        var length = 5
        if length == text.count { return (text[4], length) }
        if text[length] == 0x0D { length += 1 }
        if length < text.count, text[length] == 0x0A { length += 1 }
        return length > 5 ? (text[4], length) : nil
    }

}

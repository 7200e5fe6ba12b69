import PokinCore

/// Writes CSV records as they come, through a 64 KiB buffer: memory does not grow with the output.
///
/// Quoting is RFC 4180's minimal quoting: a field is quoted when it holds the delimiter, the
/// quote, CR or LF, and quotes inside are doubled. A record of one empty field is written `""`
/// so it does not read back as a blank line. Values print as people expect them in a cell:
/// numbers in their shortest round-trip form (with the dialect's decimal separator), dates as
/// ISO 8601 (`2024-03-31`, or `2024-03-31T08:30:00` with a time), booleans `TRUE`/`FALSE`.
///
/// Text that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, TAB or CR)
/// gets a leading `'` unless ``Options/defuseFormulas`` is off (OWASP "CSV injection"); real
/// numbers are never touched, so `-5` as a number stays `-5`.
public final class CSVWriter {
    public struct Options: Sendable {
        /// Prefix `'` to text that starts with `=`, `+`, `-`, `@`, TAB or CR. On by default.
        public var defuseFormulas: Bool

        public init(defuseFormulas: Bool = true) {
            self.defuseFormulas = defuseFormulas
        }
    }

    /// The bytes that make a spreadsheet read a text cell as a formula.
    public static let formulaTriggers: Set<UInt8> = [UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"),
                                                    UInt8(ascii: "@"), 0x09, 0x0D]

    public let dialect: CSVDialect
    public let options: Options
    /// Records written so far.
    public private(set) var recordCount = 0

    private static let bufferLimit = 64 * 1024
    private let sink: (UnsafeBufferPointer<UInt8>) throws -> Void
    private let close: () throws -> Void
    private var buffer: [UInt8] = []
    private var encoded: [UInt8] = []
    private var startedOutput = false
    private var finished = false

    /// Writes to the file at `path` (created or truncated).
    /// - Throws: `PokinError` `file-unwritable`, `unsupported-format` for a Windows-1252 dialect.
    public convenience init(path: String, dialect: CSVDialect = .rfc4180, options: Options = Options()) throws {
        try CSVWriter.checkEncoding(dialect, path: path)
        let output = try FileOutput(path: path)
        try self.init(dialect: dialect, options: options, sink: { try output.write($0) }, close: { try output.close() })
    }

    /// Writes to an open file descriptor (standard output: 1), closing it at the end when told to.
    public convenience init(fileDescriptor: Int32, name: String? = nil, closeWhenDone: Bool = false,
                            dialect: CSVDialect = .rfc4180, options: Options = Options()) throws {
        try CSVWriter.checkEncoding(dialect, path: name)
        let output = FileOutput(descriptor: fileDescriptor, name: name, closeWhenDone: closeWhenDone)
        try self.init(dialect: dialect, options: options, sink: { try output.write($0) }, close: { try output.close() })
    }

    /// Writes to any byte sink (a test's array, a zip entry); `sink` gets each full buffer.
    public convenience init(dialect: CSVDialect = .rfc4180, options: Options = Options(),
                            sink: @escaping (UnsafeBufferPointer<UInt8>) throws -> Void) throws {
        try CSVWriter.checkEncoding(dialect, path: nil)
        try self.init(dialect: dialect, options: options, sink: sink, close: {})
    }

    private init(dialect: CSVDialect, options: Options, sink: @escaping (UnsafeBufferPointer<UInt8>) throws -> Void,
                 close: @escaping () throws -> Void) throws {
        self.dialect = dialect
        self.options = options
        self.sink = sink
        self.close = close
        buffer.reserveCapacity(CSVWriter.bufferLimit + 4096)
    }

    private static func checkEncoding(_ dialect: CSVDialect, path: String?) throws {
        if dialect.encoding == .windows1252 {
            throw PokinError(.unsupportedFormat, "pokin writes CSV as UTF-8 or UTF-16 only; Windows-1252 cannot hold every character",
                             at: path.map { Location(file: $0) })
        }
    }

    deinit {
        if !finished { _ = try? finish() }
    }

    // MARK: - Records

    /// Writes one record of cell values (`.empty` is an empty field).
    public func write(_ values: [CellValue]) throws {
        if values.count == 1, values[0].isEmpty || values[0] == .text("") {
            appendEmptyOnlyRecord()
        } else {
            for (index, value) in values.enumerated() {
                if index > 0 { buffer.append(dialect.delimiter) }
                appendValue(value)
            }
        }
        try endRecord()
    }

    /// Writes one record of text fields.
    public func write(fields: [String]) throws {
        if fields.count == 1, fields[0].isEmpty {
            appendEmptyOnlyRecord()
        } else {
            for (index, field) in fields.enumerated() {
                if index > 0 { buffer.append(dialect.delimiter) }
                appendText(field)
            }
        }
        try endRecord()
    }

    /// Writes a row, its cells placed by column from column 1; gaps are empty fields.
    /// `columns` pads the record to that many fields (a table's width).
    public func write(_ row: Row, columns: Int = 0) throws {
        let width = max(columns, row.cells.map(\.column).max() ?? 0)
        var values = [CellValue](repeating: .empty, count: width)
        for cell in row.cells where cell.column >= 1 { values[cell.column - 1] = cell.value }
        try write(values)
    }

    /// Writes what is buffered.
    public func flush() throws {
        try writeOut()
    }

    /// Writes what is buffered and closes the output. Call once at the end.
    public func finish() throws {
        guard !finished else { return }
        finished = true
        try writeOut()
        try close()
    }

    // MARK: - Fields

    private func appendEmptyOnlyRecord() {
        buffer.append(dialect.quote)
        buffer.append(dialect.quote)
    }

    private func appendValue(_ value: CellValue) {
        switch value {
        case .empty: return
        case .text(let text): appendText(text)
        case .number(let number): appendPlain(formatNumber(number))
        case .duration(let seconds): appendPlain(formatNumber(seconds))
        case .boolean(let flag): appendPlain(flag ? "TRUE" : "FALSE")
        case .dateTime(let moment): appendPlain(CSVWriter.formatDate(moment))
        case .error(let code): appendPlain(code)
        }
    }

    /// Text a person typed: defused when it would run as a formula, quoted when needed.
    private func appendText(_ text: String) {
        let defuse = options.defuseFormulas && text.utf8.first.map { CSVWriter.formulaTriggers.contains($0) } == true
        appendField(text, prefix: defuse ? UInt8(ascii: "'") : nil)
    }

    /// A value pokin printed itself (a number, a date): never defused, quoted when needed.
    private func appendPlain(_ text: String) {
        appendField(text, prefix: nil)
    }

    private func appendField(_ text: String, prefix: UInt8?) {
        var text = text
        text.withUTF8 { bytes in
            let delimiter = dialect.delimiter
            let quote = dialect.quote
            var needsQuotes = false
            for byte in bytes where byte == delimiter || byte == quote || byte == 0x0A || byte == 0x0D {
                needsQuotes = true
                break
            }
            if !needsQuotes {
                if let prefix { buffer.append(prefix) }
                buffer.append(contentsOf: bytes)
                return
            }
            buffer.append(quote)
            if let prefix { buffer.append(prefix) }
            var runStart = 0
            for index in 0..<bytes.count where bytes[index] == quote {
                buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...index]))
                buffer.append(quote)
                runStart = index + 1
            }
            buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
            buffer.append(quote)
        }
    }

    private func formatNumber(_ number: Double) -> String {
        let text = CellValue.formatNumber(number)
        guard dialect.decimalSeparator != UInt8(ascii: "."), text.utf8.contains(UInt8(ascii: ".")) else { return text }
        let separator = Character(UnicodeScalar(dialect.decimalSeparator))
        return String(text.map { $0 == "." ? separator : $0 })
    }

    /// `2024-03-31` at midnight, `2024-03-31T08:30:00` with a time, `08:30:00` for a time alone.
    static func formatDate(_ moment: CivilDateTime) -> String {
        let text = moment.iso8601
        if !moment.timeOnly, moment.hour == 0, moment.minute == 0, moment.second == 0, moment.microsecond == 0 {
            return String(text.prefix(while: { $0 != "T" }))
        }
        return text
    }

    private func endRecord() throws {
        buffer.append(contentsOf: dialect.lineTerminator.bytes)
        recordCount += 1
        if buffer.count >= CSVWriter.bufferLimit { try writeOut() }
    }

    // MARK: - Output

    private func writeOut() throws {
        if !startedOutput {
            startedOutput = true
            if dialect.byteOrderMark {
                switch dialect.encoding {
                case .utf8, .windows1252: try [0xEF, 0xBB, 0xBF].withUnsafeBufferPointer(sink)
                case .utf16LittleEndian: try [0xFF, 0xFE].withUnsafeBufferPointer(sink)
                case .utf16BigEndian: try [0xFE, 0xFF].withUnsafeBufferPointer(sink)
                }
            }
        }
        guard !buffer.isEmpty else { return }
        switch dialect.encoding {
        case .utf8, .windows1252:
            try buffer.withUnsafeBufferPointer(sink)
        case .utf16LittleEndian, .utf16BigEndian:
            encodeUTF16(bigEndian: dialect.encoding == .utf16BigEndian)
            try encoded.withUnsafeBufferPointer(sink)
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// The buffer (whole fields, so whole characters) as UTF-16 in `encoded`.
    private func encodeUTF16(bigEndian: Bool) {
        encoded.removeAll(keepingCapacity: true)
        let text = String(decoding: buffer, as: UTF8.self)
        for unit in text.utf16 {
            if bigEndian {
                encoded.append(UInt8(unit >> 8)); encoded.append(UInt8(unit & 0xFF))
            } else {
                encoded.append(UInt8(unit & 0xFF)); encoded.append(UInt8(unit >> 8))
            }
        }
    }
}

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
    /// Records are encoded here, one exclusive access per record; written out past 64 KiB.
    private var output = CSVOutputBuffer(capacity: 64 * 1024 + 4096)
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
    }

    private static func checkEncoding(_ dialect: CSVDialect, path: String?) throws {
        if dialect.encoding == .windows1252 {
            throw PokinError(.unsupportedFormat, "pokin writes CSV as UTF-8 or UTF-16 only; Windows-1252 cannot hold every character",
                             at: path.map { Location(file: $0) })
        }
    }

    deinit {
        if !finished { _ = try? finish() }
        output.deallocate()
    }

    // MARK: - Records

    /// Writes one record of cell values (`.empty` is an empty field).
    public func write(_ values: [CellValue]) throws {
        CSVWriter.encode(values: values, into: &output, fieldEncoding)
        try endRecord()
    }

    /// Writes one record of text fields.
    public func write(fields: [String]) throws {
        CSVWriter.encode(fields: fields, into: &output, fieldEncoding)
        try endRecord()
    }

    /// Writes a row, its cells placed by column from column 1; gaps are empty fields.
    /// `columns` pads the record to that many fields (a table's width).
    public func write(_ row: Row, columns: Int = 0) throws {
        CSVWriter.encode(row: row, columns: columns, into: &output, fieldEncoding)
        try endRecord()
    }

    // Each record is encoded by one static function over `inout` output: one exclusive access
    // to the buffer per record rather than one per byte appended.

    private static func encode(values: [CellValue], into output: inout CSVOutputBuffer, _ encoding: FieldEncoding) {
        if values.count == 1, values[0].isEmpty || values[0] == .text("") {
            appendEmptyOnlyRecord(&output, encoding)
            return
        }
        for (index, value) in values.enumerated() {
            if index > 0 { output.append(encoding.delimiter) }
            appendValue(value, &output, encoding)
        }
    }

    private static func encode(fields: [String], into output: inout CSVOutputBuffer, _ encoding: FieldEncoding) {
        if fields.count == 1, fields[0].isEmpty {
            appendEmptyOnlyRecord(&output, encoding)
            return
        }
        for (index, field) in fields.enumerated() {
            if index > 0 { output.append(encoding.delimiter) }
            appendText(field, &output, encoding)
        }
    }

    private static func encode(row: Row, columns: Int, into output: inout CSVOutputBuffer, _ encoding: FieldEncoding) {
        let cells = row.cells
        var last = 0
        for cell in cells {
            guard cell.column > last else {
                // Cells out of order: place them by column first.
                let width = max(columns, cells.map(\.column).max() ?? 0)
                var values = [CellValue](repeating: .empty, count: width)
                for cell in cells where cell.column >= 1 { values[cell.column - 1] = cell.value }
                return encode(values: values, into: &output, encoding)
            }
            last = cell.column
        }
        let width = max(columns, last)
        if width == 1, cells.isEmpty || cells[0].value.isEmpty || cells[0].value == .text("") {
            appendEmptyOnlyRecord(&output, encoding)
            return
        }
        var column = 1
        for index in cells.indices {
            let target = cells[index].column
            while column < target {
                output.append(encoding.delimiter)
                column += 1
            }
            appendValue(cells[index].value, &output, encoding)
        }
        while column < width {
            output.append(encoding.delimiter)
            column += 1
        }
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

    /// What encoding a field needs from the dialect and options, read once per record.
    struct FieldEncoding {
        var delimiter: UInt8
        var quote: UInt8
        var decimalSeparator: UInt8
        var defuseFormulas: Bool
    }

    private var fieldEncoding: FieldEncoding {
        FieldEncoding(delimiter: dialect.delimiter, quote: dialect.quote, decimalSeparator: dialect.decimalSeparator,
                      defuseFormulas: options.defuseFormulas)
    }

    private static func appendEmptyOnlyRecord(_ output: inout CSVOutputBuffer, _ encoding: FieldEncoding) {
        output.append(encoding.quote)
        output.append(encoding.quote)
    }

    private static func appendValue(_ value: CellValue, _ output: inout CSVOutputBuffer, _ encoding: FieldEncoding) {
        switch value {
        case .empty: return
        case .text(let text): appendText(text, &output, encoding)
        case .number(let number): appendPlain(formatNumber(number, encoding), &output, encoding)
        case .duration(let seconds): appendPlain(formatNumber(seconds, encoding), &output, encoding)
        case .boolean(let flag): appendPlain(flag ? "TRUE" : "FALSE", &output, encoding)
        case .dateTime(let moment): appendPlain(formatDate(moment), &output, encoding)
        case .error(let code): appendPlain(code, &output, encoding)
        }
    }

    /// Text a person typed: defused when it would run as a formula, quoted when needed.
    @inline(__always)
    private static func appendText(_ text: String, _ output: inout CSVOutputBuffer, _ encoding: FieldEncoding) {
        output.appendField(text, defuse: encoding.defuseFormulas, delimiter: encoding.delimiter, quote: encoding.quote)
    }

    /// A value pokin printed itself (a number, a date): never defused, quoted when needed.
    private static func appendPlain(_ text: String, _ output: inout CSVOutputBuffer, _ encoding: FieldEncoding) {
        output.appendField(text, defuse: false, delimiter: encoding.delimiter, quote: encoding.quote)
    }

    private static func formatNumber(_ number: Double, _ encoding: FieldEncoding) -> String {
        let text = CellValue.formatNumber(number)
        guard encoding.decimalSeparator != UInt8(ascii: "."), text.utf8.contains(UInt8(ascii: ".")) else { return text }
        let separator = Character(UnicodeScalar(encoding.decimalSeparator))
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
        switch dialect.lineTerminator {
        case .crlf: output.append(0x0D); output.append(0x0A)
        case .lf: output.append(0x0A)
        case .cr: output.append(0x0D)
        }
        recordCount += 1
        if output.count >= CSVWriter.bufferLimit { try writeOut() }
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
        guard output.count > 0 else { return }
        switch dialect.encoding {
        case .utf8, .windows1252:
            try sink(output.buffer)
        case .utf16LittleEndian, .utf16BigEndian:
            encodeUTF16(bigEndian: dialect.encoding == .utf16BigEndian)
            try encoded.withUnsafeBufferPointer(sink)
        }
        output.removeAll()
    }

    /// The buffer (whole fields, so whole characters) as UTF-16 in `encoded`.
    private func encodeUTF16(bigEndian: Bool) {
        encoded.removeAll(keepingCapacity: true)
        let text = String(decoding: output.buffer, as: UTF8.self)
        for unit in text.utf16 {
            if bigEndian {
                encoded.append(UInt8(unit >> 8)); encoded.append(UInt8(unit & 0xFF))
            } else {
                encoded.append(UInt8(unit & 0xFF)); encoded.append(UInt8(unit >> 8))
            }
        }
    }
}

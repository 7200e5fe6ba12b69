import PokinCore

/// The state of a ``CSVReader`` while it reads: the tokenizer, the chunk being fed, the
/// encoding decisions and the warnings. A struct, so the reader's hot path runs through one
/// exclusive access per record instead of one per property.
struct CSVRecordStream {
    let file: String?
    let options: CSVReader.Options
    let input: FileInput
    var tokenizer: CSVTokenizer
    let raw: UnsafeMutablePointer<UInt8>
    let decoded: UnsafeMutablePointer<UInt8>?
    var transcoder: UTF16Transcoder?
    /// The bytes being fed: in `raw` (UTF-8, Windows-1252) or `decoded` (UTF-16).
    var current: UnsafeMutablePointer<UInt8>
    var currentStart: Int
    var currentEnd: Int
    var atEndOfFile: Bool
    /// True once the bytes are known not to be UTF-8.
    var readsWindows1252: Bool
    /// True when the text has to be checked as UTF-8 (not UTF-16, not Windows-1252 given).
    let validatesUTF8: Bool
    var dialect: CSVDialect
    var warnings: [CSVWarning]
    var recordNumber = 0
    var line = 0
    var expectedFieldCount: Int?
    var firstRecordLine = 0
    var raggedCount = 0
    var finished = false

    /// Reads the next record's fields, empty ones included, into `fields`.
    /// Returns false at the end of the file.
    /// - Throws: `PokinError` `malformed-csv` for an unterminated quote (naming its line and
    ///   record), `file-unreadable` when reading fails.
    mutating func readRecord(into fields: inout [String]) throws -> Bool {
        fields.removeAll(keepingCapacity: true)
        guard try nextRecord() else { return false }
        prepareDecoding()
        let windows1252 = readsWindows1252
        let removesGuard = options.removesFormulaGuard
        tokenizer.withRecord { all, ends in
            var start = 0
            for end in ends {
                fields.append(CSVRecordStream.decode(CSVRecordStream.unguarded(UnsafeBufferPointer(rebasing: all[start..<end]), removesGuard),
                                                     windows1252: windows1252))
                start = end
            }
        }
        return true
    }

    /// Reads the next record as a row: number = record number, one `.text` cell per non-empty
    /// field, columns 1-based. Returns false at the end of the file.
    mutating func read(into row: inout Row) throws -> Bool {
        guard try nextRecord() else {
            row.cells.removeAll(keepingCapacity: true)
            return false
        }
        let number = recordNumber
        row.number = number
        prepareDecoding()
        // Cells are overwritten in place and the surplus dropped at the end: cheaper than
        // emptying the array first, which destroys every cell through the generic path.
        let windows1252 = readsWindows1252
        let removesGuard = options.removesFormulaGuard
        var used = 0
        tokenizer.withRecord { all, ends in
            var start = 0
            var index = 0
            let existing = row.cells.count
            // Overwrite the cells of the previous row in place (one uniqueness check per row) …
            row.cells.withUnsafeMutableBufferPointer { slots in
                while index < ends.count, used < existing {
                    let end = ends[index]
                    if end > start {
                        let text = CSVRecordStream.decode(CSVRecordStream.unguarded(UnsafeBufferPointer(rebasing: all[start..<end]), removesGuard),
                                                          windows1252: windows1252)
                        slots[used] = Cell(row: number, column: index + 1, value: .text(text))
                        used += 1
                    }
                    start = end
                    index += 1
                }
            }
            // … and append the rest.
            while index < ends.count {
                let end = ends[index]
                if end > start {
                    let text = CSVRecordStream.decode(CSVRecordStream.unguarded(UnsafeBufferPointer(rebasing: all[start..<end]), removesGuard),
                                                          windows1252: windows1252)
                    row.cells.append(Cell(row: number, column: index + 1, value: .text(text)))
                    used += 1
                }
                start = end
                index += 1
            }
        }
        if used < row.cells.count { row.cells.removeLast(row.cells.count - used) }
        return true
    }

    /// The location of the record returned last: file, row (= record number) and line.
    var location: Location { Location(file: file, row: recordNumber, line: line) }

    private mutating func nextRecord() throws -> Bool {
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

    private mutating func refill() throws {
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

    private mutating func recordReady() -> Bool {
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

    private mutating func finish() {
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

    private mutating func noteRagged(count: Int, expected: Int) {
        raggedCount += 1
        guard raggedCount <= options.maxRaggedWarnings else { return }
        warnings.append(CSVWarning(.raggedRow,
                                   "record \(recordNumber) has \(count) field(s) but the first record (line \(firstRecordLine)) has \(expected); the record is kept as it is",
                                   at: location))
    }

    // MARK: - Decoding fields

    /// Before the fields of a record are decoded: a record with bytes that are not ASCII is
    /// checked field by field while the file still reads as UTF-8; the first invalid field
    /// switches the rest of the file to Windows-1252.
    private mutating func prepareDecoding() {
        guard validatesUTF8, !readsWindows1252 else { return }
        let bad: Int? = tokenizer.withRecord { all, ends in
            guard UTF8Validation.containsNonASCII(all) else { return nil }
            var start = 0
            for end in ends {
                if let bad = UTF8Validation.firstInvalidByte(UnsafeBufferPointer(rebasing: all[start..<end])) {
                    return start + bad
                }
                start = end
            }
            return nil
        }
        if let bad {
            let (line, byte) = tokenizer.withRecord { all, _ in
                (CSVReader.lineOf(offset: bad, in: all, startLine: self.line), all[bad])
            }
            switchToWindows1252(line: line, byte: byte)
        }
    }

    /// The field without the formula guard (`'` before a formula trigger), when asked.
    @inline(__always)
    private static func unguarded(_ field: UnsafeBufferPointer<UInt8>, _ removesGuard: Bool) -> UnsafeBufferPointer<UInt8> {
        guard removesGuard, field.count >= 2, field[0] == UInt8(ascii: "'"),
              CSVWriter.formulaTriggers.contains(field[1]) else { return field }
        return UnsafeBufferPointer(rebasing: field[1...])
    }

    @inline(__always)
    private static func decode(_ field: UnsafeBufferPointer<UInt8>, windows1252: Bool) -> String {
        if windows1252, UTF8Validation.containsNonASCII(field) { return Windows1252.decode(field) }
        return String(decoding: field, as: UTF8.self)
    }

    private mutating func switchToWindows1252(line: Int, byte: UInt8) {
        readsWindows1252 = true
        dialect.encoding = .windows1252
        warnings.append(CSVReader.fallbackWarning(file: file, line: line, byte: byte, fromStart: false))
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

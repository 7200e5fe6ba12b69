import FuzzSupport
import PokinCore
import PokinCSV

/// The CSV tokenizer and reader. The first input byte chooses the options (delimiter detected
/// or given, encoding detected or forced, escape, comment, a small record limit, the input
/// repeated past the reader's 64 KiB chunk boundary); the rest is the file.
///
/// Checks beyond "no trap": the tokenizer returns the same records whether it is fed all at
/// once or in small chunks, and the reader and `CSVWorkbook` end with rows or a `PokinError`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let mode = data[0]
    let original = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    var body = original
    if mode & 0x80 != 0, !body.isEmpty {
        // Cross the reader's chunk boundary (64 KiB): split UTF-8 sequences, UTF-16 units, CRLF.
        let copy = body
        while body.count < CSVReader.chunkSize + 4096 { body += copy }
    }
    let delimiters: [UInt8?] = [nil, UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t"), UInt8(ascii: "|")]
    let encodings: [CSVDialect.Encoding?] = [nil] + CSVDialect.Encoding.allCases.map { $0 }
    var options = CSVReader.Options()
    options.delimiter = delimiters[Int(mode & 0x07) % delimiters.count]
    options.encoding = encodings[Int((mode >> 3) & 0x07) % encodings.count]
    if mode & 0x40 != 0 {
        options.escape = UInt8(ascii: "\\")
        options.comment = UInt8(ascii: "#")
        options.maxRecordBytes = 4096
    }

    let chunks = [1, 2, 3, 5, 8, 13, 64, 1000]
    checkTokenizerChunking(original, chunk: chunks[Int((mode >> 2) & 0x07)], options: options)

    let path = FuzzInput.file(body, named: "input.csv")
    endsWithValueOrPokinError {
        let reader = try CSVReader(path: path, options: options)
        var row = Row(number: 0)
        var digest = 0
        while try reader.read(into: &row) {
            digest &+= row.cells.count
            for cell in row.cells { digest &+= cell.value.displayText.utf8.count }
        }
        digest &+= reader.warnings.count &+ reader.dialect.description.utf8.count
    }
    endsWithValueOrPokinError {
        let workbook = try CSVWorkbook(path: path, options: options)
        for sheet in workbook.sheets {
            var source = try workbook.rows(ofSheet: sheet.name)
            _ = try source.readAll()
        }
    }
    return 0
}

/// Tokenizes `bytes` in one piece and in chunks of `chunk` bytes; the records must agree.
func checkTokenizerChunking(_ bytes: [UInt8], chunk: Int, options: CSVReader.Options) {
    let configuration = CSVTokenizer.Configuration(delimiter: options.delimiter ?? UInt8(ascii: ","),
                                                   quote: options.quote, escape: options.escape, comment: options.comment)
    let whole = tokenize(bytes, chunk: max(bytes.count, 1), configuration)
    let pieces = tokenize(bytes, chunk: chunk, configuration)
    if whole != pieces {
        fatalError("the tokenizer's records depend on how the input is split (chunk \(chunk)): \(whole.records.count) vs \(pieces.records.count) records")
    }
}

struct Tokenized: Equatable {
    var records: [[[UInt8]]] = []
    var end: CSVTokenizer.End = .finished
    var lines = 0
}

func tokenize(_ bytes: [UInt8], chunk: Int, _ configuration: CSVTokenizer.Configuration) -> Tokenized {
    var tokenizer = CSVTokenizer(configuration)
    var result = Tokenized()
    func take(_ tokenizer: CSVTokenizer) {
        result.records.append((0..<tokenizer.fieldCount).map { index in tokenizer.withField(index) { Array($0) } })
    }
    bytes.withUnsafeBufferPointer { all in
        var offset = 0
        while offset < all.count {
            let end = min(offset + chunk, all.count)
            var piece = UnsafeBufferPointer(rebasing: all[offset..<end])
            while !piece.isEmpty {
                let (status, consumed) = tokenizer.feed(piece)
                piece = UnsafeBufferPointer(rebasing: piece[consumed...])
                if status == .record { take(tokenizer) }
                if status == .needInput && consumed == 0 { break }
            }
            offset = end
        }
    }
    while true {
        let end = tokenizer.finish()
        if end == .record { take(tokenizer); continue }
        result.end = end
        break
    }
    result.lines = tokenizer.position.line
    return result
}

/// Guesses the delimiter of a CSV file from a sample of its first records.
///
/// Each candidate (`,` `;` TAB `|`) tokenizes the sample with real quoting rules. A candidate
/// must split records into two or more fields. Among those, the winner is the one whose records
/// most often have the same number of fields; then the one whose fields least often contain
/// another candidate delimiter, where a comma inside a number (`1,5`, `2.500,75`) does not
/// count, because that is the decimal comma of Indonesian (and European) Excel. So
/// `1,5;2,25;3` is three fields split by `;`, not three fields split by `,` (`5;2` is no value).
/// Remaining ties go to `;`, the list separator of Indonesian Excel, then `,`, TAB, `|`.
enum CSVDelimiterDetector {
    /// Candidates in the order that breaks ties.
    static let candidates: [UInt8] = [UInt8(ascii: ";"), UInt8(ascii: ","), 0x09, UInt8(ascii: "|")]
    /// Records looked at, at most.
    static let maxRecords = 200

    private struct Score {
        var delimiter: UInt8
        var modeCount: Int
        var consistency: Double
        var foreignRate: Double
    }

    /// The delimiter, or nil when no candidate splits the records (a one-column file).
    /// `sampleIsWhole` says the sample is the entire input (so its last record is complete).
    static func detect(_ sample: UnsafeBufferPointer<UInt8>, quote: UInt8, escape: UInt8?, comment: UInt8?,
                       sampleIsWhole: Bool) -> UInt8? {
        var best: Score?
        for candidate in candidates {
            let configuration = CSVTokenizer.Configuration(delimiter: candidate, quote: quote, escape: escape, comment: comment)
            guard let score = score(sample, configuration, sampleIsWhole: sampleIsWhole) else { continue }
            if let current = best {
                if isBetter(score, than: current) { best = score }
            } else {
                best = score
            }
        }
        return best?.delimiter
    }

    private static func isBetter(_ score: Score, than other: Score) -> Bool {
        if score.consistency != other.consistency { return score.consistency > other.consistency }
        if score.foreignRate != other.foreignRate { return score.foreignRate < other.foreignRate }
        return false  // candidates come in tie-break order
    }

    private static func score(_ sample: UnsafeBufferPointer<UInt8>, _ configuration: CSVTokenizer.Configuration,
                              sampleIsWhole: Bool) -> Score? {
        var tokenizer = CSVTokenizer(configuration)
        var counts: [Int: Int] = [:]
        var records = 0
        var fields = 0
        var foreign = 0
        func take() {
            let count = tokenizer.fieldCount
            guard count > 0 else { return }  // blank lines say nothing
            records += 1
            counts[count, default: 0] += 1
            fields += count
            for index in 0..<count where tokenizer.withField(index, { containsForeignDelimiter($0, configuration.delimiter) }) {
                foreign += 1
            }
        }
        var offset = 0
        while offset < sample.count, records < maxRecords {
            let (status, consumed) = tokenizer.feed(UnsafeBufferPointer(rebasing: sample[offset...]))
            offset += consumed
            if status == .record { take() }
        }
        if sampleIsWhole, records < maxRecords, tokenizer.finish() == .record { take() }
        guard records > 0, let mode = counts.max(by: { ($0.value, $0.key) < ($1.value, $1.key) }), mode.key >= 2 else {
            return nil
        }
        return Score(delimiter: configuration.delimiter, modeCount: mode.key,
                     consistency: Double(mode.value) / Double(records),
                     foreignRate: Double(foreign) / Double(max(fields, 1)))
    }

    /// Whether a field holds a candidate delimiter other than its own, not counting the decimal
    /// comma of a number.
    private static func containsForeignDelimiter(_ field: UnsafeBufferPointer<UInt8>, _ own: UInt8) -> Bool {
        var sawComma = false
        for byte in field where byte != own && candidates.contains(byte) {
            if byte == UInt8(ascii: ",") {
                sawComma = true
            } else {
                return true
            }
        }
        return sawComma && !looksLikeNumber(field)
    }

    /// Digits with `.` `,` sign, `%` or spaces (also no-break spaces) only (`1,5`, `-2.500,75`, `12 345,6`).
    private static func looksLikeNumber(_ field: UnsafeBufferPointer<UInt8>) -> Bool {
        var digits = 0
        for byte in field {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digits += 1
            case UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "%"), 0x20, 0xA0, 0xC2:
                continue
            default: return false
            }
        }
        return digits > 0
    }

    /// The line terminator that ends the first record of the sample, CRLF when none is seen.
    static func lineTerminator(_ sample: UnsafeBufferPointer<UInt8>, _ configuration: CSVTokenizer.Configuration) -> CSVDialect.LineTerminator {
        var tokenizer = CSVTokenizer(configuration)
        var offset = 0
        while offset < sample.count {
            let (status, consumed) = tokenizer.feed(UnsafeBufferPointer(rebasing: sample[offset...]))
            offset += consumed
            if status == .record {
                let end = sample[offset - 1]
                if end == 0x0A { return .lf }
                if end == 0x0D { return offset < sample.count && sample[offset] == 0x0A ? .crlf : .cr }
            }
        }
        return .crlf
    }
}

/// A text prepared for matching: its key, its matching form (verb prefix and spelling folded),
/// and what comparing forms needs (scalars, words, numbers). Made once per text, compared many
/// times.
///
/// Nearly every worksheet text is ASCII: its form is kept as bytes (`ascii`), compared byte for
/// byte — for ASCII that is exactly what comparing Strings, Characters and scalars means — with
/// words and numbers found in one pass. Any other text keeps the Unicode-aware form (`general`).
///
/// A class, so that comparing many pairs passes one reference instead of copying arrays. The
/// comparison forms are made on first use: texts that only ever meet texts of the same form
/// (most wordings repeated across the tahap sheets) never need them. Not for sharing across
/// threads (each import keeps its own texts).
public final class MatchText {
    public let key: TextKey
    public let form: String
    private var prepared = false
    private var preparedASCII: ASCIIForm?
    private var preparedGeneral: GeneralForm?

    public init(_ key: TextKey) {
        self.key = key
        form = TextSimilarity.matchingForm(key)
    }

    public convenience init(_ text: String) { self.init(TextKey(text)) }

    /// The form's bytes and what is found in them, when the form is all ASCII.
    var ascii: ASCIIForm? {
        prepare()
        return preparedASCII
    }

    /// The Unicode-aware form of a text that is not all ASCII.
    var general: GeneralForm? {
        prepare()
        return preparedGeneral
    }

    @inline(__always)
    private func prepare() {
        if !prepared { prepareForms() }
    }

    private func prepareForms() {
        prepared = true
        if let bytes = Self.asciiBytes(form) {
            preparedASCII = ASCIIForm(bytes)
        } else {
            preparedGeneral = GeneralForm(form)
        }
    }

    /// The Unicode-aware form, made on demand for an ASCII text compared with a non-ASCII one.
    var generalForm: GeneralForm { general ?? GeneralForm(form) }

    private static func asciiBytes(_ text: String) -> [UInt8]? {
        var text = text
        return text.withUTF8 { bytes in bytes.allSatisfy { $0 < 0x80 } ? Array(bytes) : nil }
    }

    /// The form of a text that is not all ASCII: scalars for the edit distance, the set of words,
    /// and the runs of digit characters.
    struct GeneralForm: Sendable {
        let scalars: [Unicode.Scalar]
        let words: Set<Substring>
        /// The runs of digits, in order ("Puskesmas 5 Tahun 2025" → 5, 2025).
        let numbers: [Substring]

        init(_ form: String) {
            scalars = Array(form.unicodeScalars)
            words = Set(form.split(separator: " "))
            numbers = form.split { !("0"..."9").contains($0) }
        }
    }

    /// The form of an all-ASCII text.
    final class ASCIIForm: Sendable {
        let bytes: [UInt8]
        /// Each distinct word once, in order of first appearance.
        let words: [Word]
        /// The runs of digits joined by commas ("5,2025"): equal exactly when the runs are.
        let numbers: [UInt8]
        /// How many bytes fall in each of 32 character classes: half the summed difference of
        /// two histograms is a lower bound of the edit distance (a substitution changes the sum by
        /// at most 2, an insertion or deletion by 1), which rules out most pairs without the
        /// edit-distance table.
        /// One count a byte, eight to a word (class `c` in byte `c % 8` of word `c / 8`), so that
        /// comparing two histograms is a few word operations. Counts saturate at 127 (a smaller
        /// difference keeps the bound a lower bound; the free top bit lets the difference of two
        /// counts be taken in all eight bytes at once).
        let histogram: (UInt64, UInt64, UInt64, UInt64)

        /// A word: its hash and its byte range in `bytes`.
        struct Word: Sendable {
            let hash: UInt64
            let start: Int
            let end: Int
        }

        init(_ bytes: [UInt8]) {
            self.bytes = bytes
            var words: [Word] = []
            words.reserveCapacity(16)
            var numbers: [UInt8] = []
            // Counted in plain integers on the stack (a SIMD lane picked by a variable index is
            // a store and reload per byte), then saturated into the histogram.
            var histogram: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
            bytes.withUnsafeBufferPointer { bytes in
                withUnsafeTemporaryAllocation(of: Int.self, capacity: 32) { counts in
                    counts.initialize(repeating: 0)
                    Self.characterClass.withUnsafeBufferPointer { classes in
                        var wordStart = 0
                        var inNumber = false
                        for index in 0...bytes.count {
                            // A word ends at a space or at the end (index == bytes.count).
                            if index == bytes.count || bytes[index] == 0x20 {
                                if wordStart < index {
                                    let word = Self.word(bytes, wordStart, index)
                                    if !words.contains(where: { Self.same($0, word, bytes) }) { words.append(word) }
                                }
                                wordStart = index + 1
                                if index == bytes.count { break }
                            }
                            let byte = bytes[index]
                            counts[Int(classes[Int(byte)])] &+= 1
                            if byte >= 0x30 && byte <= 0x39 {
                                if !inNumber && !numbers.isEmpty { numbers.append(0x2C) }
                                numbers.append(byte)
                                inNumber = true
                            } else {
                                inNumber = false
                            }
                        }
                    }
                    func packed(_ word: Int) -> UInt64 {
                        (0..<8).reduce(0) { $0 | UInt64(min(counts[word * 8 + $1], 127)) << UInt64(8 * $1) }
                    }
                    histogram = (packed(0), packed(1), packed(2), packed(3))
                }
            }
            self.words = words
            self.numbers = numbers
            self.histogram = histogram
        }

        private static func word(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Word {
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for index in start..<end { hash = (hash ^ UInt64(bytes[index])) &* 0x100_0000_01b3 }
            return Word(hash: hash, start: start, end: end)
        }

        /// Whether two words of the same bytes are the same word.
        private static func same(_ a: Word, _ b: Word, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            a.hash == b.hash && a.end - a.start == b.end - b.start
                && bytes[a.start..<a.end].elementsEqual(bytes[b.start..<b.end])
        }

        /// Letters a–z (either case) one class each, digits, space, and four classes for the rest.
        static let characterClass: [UInt8] = (0..<128).map { byte -> UInt8 in
            switch byte {
            case 0x61...0x7A: return UInt8(byte - 0x61)
            case 0x41...0x5A: return UInt8(byte - 0x41)
            case 0x30...0x39: return 26
            case 0x20: return 27
            default: return 28 + UInt8(byte % 4)
            }
        }

        /// The lower bound of the edit distance from the histograms and the lengths.
        func editLowerBound(_ other: ASCIIForm) -> Int {
            let lengths = abs(bytes.count - other.bytes.count)
            let sum = Self.differenceSum(histogram.0, other.histogram.0) + Self.differenceSum(histogram.1, other.histogram.1)
                + Self.differenceSum(histogram.2, other.histogram.2) + Self.differenceSum(histogram.3, other.histogram.3)
            return max(lengths, (sum + 1) / 2)
        }

        /// The sum over the eight bytes of |a − b|, for bytes of at most 127 each.
        static func differenceSum(_ a: UInt64, _ b: UInt64) -> Int {
            let high: UInt64 = 0x8080_8080_8080_8080
            // In each byte, 128 + a − b and 128 + b − a: no borrow crosses a byte, and the top
            // bit says which of a, b is larger.
            let aMinusB = (a | high) &- b
            let bMinusA = (b | high) &- a
            let aLarger = ((aMinusB & high) >> 7) &* 0xFF
            let difference = ((aMinusB ^ high) & aLarger) | ((bMinusA ^ high) & ~aLarger)
            // Bytes summed in pairs (16-bit lanes of at most 254), then the four lanes.
            let pairs = (difference & 0x00FF_00FF_00FF_00FF) &+ ((difference >> 8) & 0x00FF_00FF_00FF_00FF)
            return Int((pairs &* 0x0001_0001_0001_0001) >> 48)
        }

        /// How many distinct words the two forms share.
        func sharedWords(_ other: ASCIIForm) -> Int {
            var shared = 0
            for word in words {
                for otherWord in other.words where otherWord.hash == word.hash {
                    if bytes[word.start..<word.end].elementsEqual(other.bytes[otherWord.start..<otherWord.end]) {
                        shared += 1
                        break
                    }
                }
            }
            return shared
        }

        func hasPrefix(_ other: ASCIIForm) -> Bool {
            bytes.count >= other.bytes.count && bytes[0..<other.bytes.count].elementsEqual(other.bytes)
        }
    }
}

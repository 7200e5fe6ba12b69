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

    private func prepare() {
        guard !prepared else { return }
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
        /// (Counts saturate at 255: a smaller difference keeps the bound a lower bound.)
        let histogram: SIMD32<UInt8>

        /// A word: its hash and its byte range in `bytes`.
        struct Word: Sendable {
            let hash: UInt64
            let start: Int
            let end: Int
        }

        init(_ bytes: [UInt8]) {
            self.bytes = bytes
            var words: [Word] = []
            var numbers: [UInt8] = []
            // Counted in plain integers on the stack (a SIMD lane picked by a variable index is
            // a store and reload per byte), then saturated into the histogram.
            var histogram = SIMD32<UInt8>()
            bytes.withUnsafeBufferPointer { bytes in
                func addWord(_ start: Int, _ end: Int) {
                    guard start < end else { return }
                    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
                    for index in start..<end { hash = (hash ^ UInt64(bytes[index])) &* 0x100_0000_01b3 }
                    for word in words where word.hash == hash && word.end - word.start == end - start {
                        if bytes[word.start..<word.end].elementsEqual(bytes[start..<end]) { return }
                    }
                    words.append(Word(hash: hash, start: start, end: end))
                }
                withUnsafeTemporaryAllocation(of: Int.self, capacity: 32) { counts in
                    counts.initialize(repeating: 0)
                    Self.characterClass.withUnsafeBufferPointer { classes in
                        var wordStart = 0
                        var inNumber = false
                        for index in 0..<bytes.count {
                            let byte = bytes[index]
                            counts[Int(classes[Int(byte)])] &+= 1
                            if byte == 0x20 {
                                addWord(wordStart, index)
                                wordStart = index + 1
                            }
                            if byte >= 0x30 && byte <= 0x39 {
                                if !inNumber && !numbers.isEmpty { numbers.append(0x2C) }
                                numbers.append(byte)
                                inNumber = true
                            } else {
                                inNumber = false
                            }
                        }
                        addWord(wordStart, bytes.count)
                    }
                    for lane in 0..<32 { histogram[lane] = UInt8(min(counts[lane], 255)) }
                }
            }
            self.words = words
            self.numbers = numbers
            self.histogram = histogram
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
            var sum = 0
            for lane in 0..<32 {
                let mine = histogram[lane], theirs = other.histogram[lane]
                sum &+= Int(mine > theirs ? mine &- theirs : theirs &- mine)
            }
            return max(lengths, (sum + 1) / 2)
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

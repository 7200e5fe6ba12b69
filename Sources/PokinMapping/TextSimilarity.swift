/// Text similarity for matching the same node across stages.
public enum TextSimilarity {
    /// Condition and action verbs that agencies swap between stages for the same node
    /// ("Terlaksananya" / "Terselenggaranya" …). Treated as one word for matching.
    static let equivalentPrefixes: [String] = [
        "terlaksananya", "terselenggaranya", "terfasilitasinya", "meningkatnya", "meningkatkan", "tersedianya",
        "terwujudnya", "tercapainya", "terpenuhinya", "terkelolanya", "optimalnya", "menurunnya",
    ]

    /// The key with a leading condition verb replaced by a placeholder and common spelling
    /// variants folded (Produktivitas/Produktifitas, Ijin/Izin, Kemiteraan/Kemitraan …).
    public static func matchingForm(_ key: TextKey) -> String {
        var value = key.value
        switch value.withUTF8({ asciiShortcut($0) }) {
        case .notASCII: return generalMatchingForm(key)
        case .key: return value
        case .placeholder(let restStart):
            return value.withUTF8 { key in
                String(unsafeUninitializedCapacity: 1 + key.count - restStart) { output in
                    output[0] = 0x7E  // "~"
                    _ = output[1...].initialize(from: key[restStart...])
                    return 1 + key.count - restStart
                }
            }
        case .build: return value.withUTF8 { asciiMatchingForm($0) }
        }
    }

    /// What the matching form of a key is, from one pass over its bytes.
    private enum ASCIIShortcut {
        case notASCII
        /// The key is its own form: single spaces, no edge space, no verb prefix, nothing to fold.
        case key
        /// The same, but the first word is a verb prefix: "~" and the key from this byte on.
        case placeholder(restStart: Int)
        /// Any other ASCII key: built word by word.
        case build
    }

    private static func asciiShortcut(_ key: UnsafeBufferPointer<UInt8>) -> ASCIIShortcut {
        var firstSpace = key.count
        var wellSpaced = key.first != 0x20 && key.last != 0x20
        var previous: UInt8 = 0
        for index in key.indices {
            let byte = key[index]
            if byte >= 0x80 { return .notASCII }
            if byte == 0x20 {
                if previous == 0x20 { wellSpaced = false }
                if firstSpace == key.count { firstSpace = index }
            }
            previous = byte
        }
        // (A key is always well spaced; the check keeps this path exact for any string.)
        guard wellSpaced, !containsFold(key) else { return .build }
        let first = key[0..<firstSpace]
        if first.count >= minimumPrefixLength, prefixBytes.contains(where: { $0.elementsEqual(first) }) {
            return .placeholder(restStart: firstSpace)
        }
        return .key
    }

    /// Whether any spelling fold occurs in the key.
    private static func containsFold(_ key: UnsafeBufferPointer<UInt8>) -> Bool {
        for start in key.indices {
            var candidates = foldsByFirstByte[Int(key[start])]
            while candidates != 0 {
                let index = candidates.trailingZeroBitCount
                candidates &= candidates - 1
                let from = foldBytes[index].from
                if key.count - start >= from.count, from.indices.allSatisfy({ key[start + $0] == from[$0] }) { return true }
            }
        }
        return false
    }

    /// `matchingForm` on Characters (any key; the byte path for ASCII keys must give the same).
    static func generalMatchingForm(_ key: TextKey) -> String {
        var words = key.words.map(String.init)
        if let first = words.first, equivalentPrefixes.contains(first) { words[0] = "~" }
        return words.map(foldSpelling).joined(separator: " ")
    }

    static func foldSpelling(_ word: String) -> String {
        var word = word
        for (from, to) in spellingFolds where word.utf8.count >= from.utf8.count && word.containsBytes(of: from) {
            word = word.replacingAll(from, with: to)
        }
        return word
    }

    /// `matchingForm` of an all-ASCII key, on bytes: the same words, placeholder and folds.
    private static func asciiMatchingForm(_ key: UnsafeBufferPointer<UInt8>) -> String {
        // The folds found anywhere in the key: a word not yet changed by a fold can only hold
        // those (most keys hold none, and their words are copied as they are).
        var present = 0
        for start in key.indices {
            // The folds whose first byte this is (checked whole only then).
            var candidates = foldsByFirstByte[Int(key[start])] & ~present
            while candidates != 0 {
                let index = candidates.trailingZeroBitCount
                candidates &= candidates - 1
                let from = foldBytes[index].from
                if key.count - start >= from.count, from.indices.allSatisfy({ key[start + $0] == from[$0] }) {
                    present |= 1 << index
                }
            }
        }
        var output: [UInt8] = []
        output.reserveCapacity(key.count + 4)
        var index = 0
        var wordCount = 0
        while index < key.count {
            while index < key.count, key[index] == 0x20 { index += 1 }
            guard index < key.count else { break }
            let start = index
            while index < key.count, key[index] != 0x20 { index += 1 }
            let word = key[start..<index]
            if wordCount > 0 { output.append(0x20) }
            if wordCount == 0, word.count >= minimumPrefixLength, prefixBytes.contains(where: { $0.elementsEqual(word) }) {
                output.append(0x7E)  // "~"
            } else if present == 0 {
                output.append(contentsOf: word)
            } else {
                appendFolded(word, present: present, to: &output)
            }
            wordCount += 1
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static let prefixBytes: [[UInt8]] = equivalentPrefixes.map { Array($0.utf8) }
    private static let minimumPrefixLength = equivalentPrefixes.map(\.utf8.count).min() ?? 0
    private static let foldBytes: [(from: [UInt8], to: [UInt8])] = spellingFolds.map { (Array($0.0.utf8), Array($0.1.utf8)) }
    /// For each byte value, the folds (bit i: `foldBytes[i]`) whose text starts with it.
    private static let foldsByFirstByte: [Int] = (0..<256).map { byte in
        foldBytes.indices.reduce(0) { mask, index in foldBytes[index].from.first == UInt8(byte) ? mask | 1 << index : mask }
    }

    /// Appends a word with the spelling folds applied in order, each replacing every
    /// non-overlapping occurrence from the left (as `foldSpelling` does). Until a fold changes
    /// the word, only the folds in `present` (those the whole key holds) are tried.
    private static func appendFolded(_ word: Slice<UnsafeBufferPointer<UInt8>>, present: Int, to output: inout [UInt8]) {
        var folded: [UInt8]?
        for (index, fold) in foldBytes.enumerated() {
            if let current = folded {
                if let replaced = replacingAll(fold.from, with: fold.to, in: current) { folded = replaced }
            } else if present & (1 << index) != 0, let replaced = replacingAll(fold.from, with: fold.to, in: word) {
                folded = replaced
            }
        }
        if let folded { output.append(contentsOf: folded) } else { output.append(contentsOf: word) }
    }

    /// `haystack` with every non-overlapping occurrence of `needle` replaced, from the left; nil
    /// when there is none.
    private static func replacingAll<C: RandomAccessCollection>(_ needle: [UInt8], with replacement: [UInt8], in haystack: C) -> [UInt8]?
    where C.Element == UInt8, C.Index == Int {
        guard !needle.isEmpty, haystack.count >= needle.count else { return nil }
        var result: [UInt8]?
        var copied = haystack.startIndex
        var index = haystack.startIndex
        let last = haystack.endIndex - needle.count
        while index <= last {
            if haystack[index] == needle[0], haystack[index..<(index + needle.count)].elementsEqual(needle) {
                if result == nil { result = [] }
                result!.append(contentsOf: haystack[copied..<index])
                result!.append(contentsOf: replacement)
                index += needle.count
                copied = index
            } else {
                index += 1
            }
        }
        guard var result else { return nil }
        result.append(contentsOf: haystack[copied..<haystack.endIndex])
        return result
    }

    static let spellingFolds = [("fitas", "vitas"), ("ijin", "izin"), ("perijinan", "perizinan"), ("kemiteraan", "kemitraan"),
                                ("perkeroperasian", "perkoperasian"), ("croscutting", "crosscutting")]

    /// Levenshtein distance over Unicode scalars, giving up (returning `limit + 1`) once it
    /// exceeds `limit`.
    public static func distance(_ a: String, _ b: String, limit: Int = .max) -> Int {
        distance(Array(a.unicodeScalars), Array(b.unicodeScalars), limit: limit)
    }

    /// A score in 0…1 of how surely two texts are the same node: 1 for equal matching forms,
    /// high for small typo distance, a strict prefix (truncation) or one changed word.
    public static func score(_ a: TextKey, _ b: TextKey) -> Double {
        score(MatchText(a), MatchText(b))
    }

    /// The same score on texts prepared once (callers comparing many pairs keep `MatchText`s).
    public static func score(_ a: MatchText, _ b: MatchText) -> Double {
        score(a, b, atLeast: 0)
    }

    /// The score when it is at least `threshold`; otherwise some value below `threshold` (0 when
    /// a bound shows the pair cannot reach it). Callers that only keep scores above a threshold
    /// (and the best of them) get the same answers as with `score(_:_:)`, faster: most pairs of
    /// a sheet are ruled out by their lengths and word counts without comparing words.
    public static func score(_ a: MatchText, _ b: MatchText, atLeast threshold: Double) -> Double {
        // Equal forms have equal numbers: 1 for equal keys, else 0.97 (as below), without
        // preparing the forms for comparison.
        if a.form == b.form { return a.key == b.key ? 1 : 0.97 }
        guard let asciiA = a.ascii, let asciiB = b.ascii else { return generalScore(a, b) }
        // Texts that differ in their numbers name different things ("… Kesehatan 5" and
        // "… Kesehatan 17", "Tahun 2024" and "Tahun 2025"), however alike the words are.
        if asciiA.numbers != asciiB.numbers { return 0.3 }
        if asciiA.bytes == asciiB.bytes { return 0.97 }
        let longest = max(asciiA.bytes.count, asciiB.bytes.count)
        guard longest > 0 else { return 0 }
        // Truncation: one is a strict prefix of the other and keeps most of it.
        if asciiA.hasPrefix(asciiB) || asciiB.hasPrefix(asciiA) {
            let shorter = min(asciiA.bytes.count, asciiB.bytes.count)
            if Double(shorter) / Double(longest) >= 0.6 { return 0.9 }
        }
        let limit = max(2, longest / 5)
        let wordsA = asciiA.words.count, wordsB = asciiB.words.count
        let editsPossible = abs(asciiA.bytes.count - asciiB.bytes.count) <= limit
        if editsPossible, asciiA.editLowerBound(asciiB) <= limit {
            let edits = byteDistance(asciiA.bytes, asciiB.bytes, limit: limit)
            if edits <= limit { return 0.95 - 0.5 * Double(edits) / Double(longest) }
        }
        // The words shared are at most the smaller word count.
        if threshold > 0, overlapScore(shared: min(wordsA, wordsB), wordsA, wordsB) < threshold { return 0 }
        return overlapScore(shared: asciiA.sharedWords(asciiB), wordsA, wordsB)
    }

    /// The score of texts of which at least one is not all ASCII (Unicode-aware comparison; for
    /// ASCII texts it gives what the byte path gives).
    static func generalScore(_ a: MatchText, _ b: MatchText) -> Double {
        if a.key == b.key { return 1 }
        let formA = a.generalForm, formB = b.generalForm
        if formA.numbers != formB.numbers { return 0.3 }
        if a.form == b.form { return 0.97 }
        let longest = max(formA.scalars.count, formB.scalars.count)
        guard longest > 0 else { return 0 }
        if a.form.hasPrefix(b.form) || b.form.hasPrefix(a.form) {
            let shorter = min(formA.scalars.count, formB.scalars.count)
            if Double(shorter) / Double(longest) >= 0.6 { return 0.9 }
        }
        let limit = max(2, longest / 5)
        let edits = distance(formA.scalars, formB.scalars, limit: limit)
        if edits <= limit { return 0.95 - 0.5 * Double(edits) / Double(longest) }
        let shared = formA.words.reduce(0) { formB.words.contains($1) ? $0 + 1 : $0 }
        return overlapScore(shared: shared, formA.words.count, formB.words.count)
    }

    /// Word overlap (a dropped or swapped word: "Kompetensi SDM Usaha Mikro" / "Kompetensi Usaha Mikro").
    private static func overlapScore(shared: Int, _ countA: Int, _ countB: Int) -> Double {
        let overlap = Double(shared) / Double(max(countA + countB - shared, 1))
        return overlap >= 0.7 ? 0.6 + 0.3 * (overlap - 0.7) / 0.3 : overlap * 0.5
    }

    /// `distance(_:_:limit:)` of two byte strings (the same answer): when the shorter has at most
    /// 64 bytes, the whole table is worked out a column at a time in one 64-bit word (Myers'
    /// bit-parallel edit distance, in Hyyrö's form for global distance) instead of cell by cell.
    static func byteDistance(_ a: [UInt8], _ b: [UInt8], limit: Int) -> Int {
        if abs(a.count - b.count) > limit { return limit + 1 }
        let (pattern, text) = a.count <= b.count ? (a, b) : (b, a)
        guard pattern.count <= 64 else { return distance(a, b, limit: limit) }
        if pattern.isEmpty { return min(text.count, limit + 1) }
        return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 256) { positions -> Int in
            // Bit i of positions[c]: pattern[i] == c.
            positions.initialize(repeating: 0)
            for (index, byte) in pattern.enumerated() { positions[Int(byte)] |= 1 << UInt64(index) }
            let last: UInt64 = 1 << UInt64(pattern.count - 1)
            // Vertical deltas of the current column (+1 / -1 per row); the column starts 0, 1, 2, …
            var plus: UInt64 = pattern.count == 64 ? .max : (1 << UInt64(pattern.count)) - 1
            var minus: UInt64 = 0
            var score = pattern.count
            for (column, byte) in text.enumerated() {
                let equal = positions[Int(byte)]
                let xVertical = equal | minus
                let xHorizontal = (((equal & plus) &+ plus) ^ plus) | equal
                var plusHorizontal = minus | ~(xHorizontal | plus)
                var minusHorizontal = plus & xHorizontal
                if plusHorizontal & last != 0 { score += 1 } else if minusHorizontal & last != 0 { score -= 1 }
                // Row 0 of the table is 0, 1, 2, …: every horizontal delta into row 1 is +1.
                plusHorizontal = (plusHorizontal << 1) | 1
                minusHorizontal <<= 1
                plus = minusHorizontal | ~(xVertical | plusHorizontal)
                minus = plusHorizontal & xVertical
                // Each remaining column lowers the last row by at most one.
                if score - (text.count - column - 1) > limit { return limit + 1 }
            }
            return min(score, limit + 1)
        }
    }

    /// Levenshtein distance over prepared scalars (or bytes of ASCII texts), giving up past `limit`.
    static func distance<Element: Equatable>(_ a: [Element], _ b: [Element], limit: Int) -> Int {
        if abs(a.count - b.count) > limit { return limit + 1 }
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        // Only the band |i - j| <= limit can hold a path of at most `limit` edits; cells
        // outside it count as "too far" (limit + 1).
        let far = limit == .max ? Int.max - 1 : limit + 1
        let band = min(limit, max(a.count, b.count))
        var previous = [Int](repeating: far, count: b.count + 1)
        var current = [Int](repeating: far, count: b.count + 1)
        for j in 0...min(b.count, band) { previous[j] = j }
        for i in 1...a.count {
            let low = max(1, i - band)
            let high = min(b.count, i + band)
            current[0] = i <= band ? i : far
            if low > 1 { current[low - 1] = far }
            var rowMinimum = current[0]
            if low <= high {
                for j in low...high {
                    let cost = a[i - 1] == b[j - 1] ? 0 : 1
                    let value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                    current[j] = min(value, far)
                    rowMinimum = min(rowMinimum, current[j])
                }
            }
            if high < b.count { current[high + 1] = far }
            if rowMinimum > limit { return limit + 1 }
            swap(&previous, &current)
        }
        return min(previous[b.count], far)
    }
}

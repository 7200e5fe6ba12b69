/// Normalised text for matching only (never for output): case folded, non-breaking and other
/// Unicode spaces made plain, runs of whitespace collapsed, edges trimmed.
public struct TextKey: Hashable, Sendable, CustomStringConvertible {
    public let value: String

    public init(_ text: String) {
        // Built as UTF-8 bytes and made a String once: appending scalars one by one to a
        // String costs a capacity check and a grapheme-aware append each.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                // ASCII (nearly every character of a worksheet): no Unicode tables needed.
                if value == 0x20 || (value >= 0x09 && value <= 0x0D) {
                    pendingSpace = !bytes.isEmpty
                    continue
                }
                if pendingSpace {
                    bytes.append(0x20)
                    pendingSpace = false
                }
                bytes.append(UInt8(truncatingIfNeeded: value >= 0x41 && value <= 0x5A ? value + 0x20 : value))
                continue
            }
            if scalar.properties.isWhitespace || scalar == "\u{00A0}" || scalar == "\u{200B}" || scalar == "\u{FEFF}" {
                pendingSpace = !bytes.isEmpty
                continue
            }
            if pendingSpace {
                bytes.append(0x20)
                pendingSpace = false
            }
            bytes.append(contentsOf: String(scalar).lowercased().utf8)
        }
        value = String(decoding: bytes, as: UTF8.self)
    }

    public var isEmpty: Bool { value.isEmpty }
    public var description: String { value }

    /// The key with separators `_ / . - :` turned into spaces (header matching, domain.md (b)).
    public var loose: String {
        // The separators are ASCII, and no byte of a multi-byte UTF-8 sequence is ASCII, so
        // the bytes can be scanned directly.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(value.utf8.count)
        var pendingSpace = false
        for byte in value.utf8 {
            if byte == 0x5F || byte == 0x2F || byte == 0x2E || byte == 0x2D || byte == 0x3A || byte == 0x20 {
                pendingSpace = !bytes.isEmpty
                continue
            }
            if pendingSpace { bytes.append(0x20); pendingSpace = false }
            bytes.append(byte)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Words of the key.
    public var words: [Substring] { value.split(separator: " ") }
}

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
        if a.key == b.key { return 1 }
        // Texts that differ in their numbers name different things ("… Kesehatan 5" and
        // "… Kesehatan 17", "Tahun 2024" and "Tahun 2025"), however alike the words are.
        if a.numbers != b.numbers { return 0.3 }
        if a.form == b.form { return 0.97 }
        let longest = max(a.scalars.count, b.scalars.count)
        guard longest > 0 else { return 0 }
        // Truncation: one is a strict prefix of the other and keeps most of it.
        if a.form.hasPrefix(b.form) || b.form.hasPrefix(a.form) {
            let shorter = min(a.scalars.count, b.scalars.count)
            if Double(shorter) / Double(longest) >= 0.6 { return 0.9 }
        }
        let limit = max(2, longest / 5)
        let edits = distance(a.scalars, b.scalars, limit: limit)
        if edits <= limit { return 0.95 - 0.5 * Double(edits) / Double(longest) }
        // Word overlap (a dropped or swapped word: "Kompetensi SDM Usaha Mikro" / "Kompetensi Usaha Mikro").
        let shared = a.words.reduce(0) { b.words.contains($1) ? $0 + 1 : $0 }
        let overlap = Double(shared) / Double(max(a.words.count + b.words.count - shared, 1))
        return overlap >= 0.7 ? 0.6 + 0.3 * (overlap - 0.7) / 0.3 : overlap * 0.5
    }

    /// Levenshtein distance over prepared scalars, giving up past `limit`.
    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int) -> Int {
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

/// A text prepared for matching: its key, its matching form (verb prefix and spelling folded),
/// the form's scalars and words. Made once per text, compared many times.
public struct MatchText: Sendable {
    public let key: TextKey
    public let form: String
    let scalars: [Unicode.Scalar]
    let words: Set<Substring>
    /// The runs of digits, in order ("Puskesmas 5 Tahun 2025" → 5, 2025).
    let numbers: [Substring]

    public init(_ key: TextKey) {
        self.key = key
        form = TextSimilarity.matchingForm(key)
        scalars = Array(form.unicodeScalars)
        words = Set(form.split(separator: " "))
        numbers = form.split { !("0"..."9").contains($0) }
    }

    public init(_ text: String) { self.init(TextKey(text)) }
}

/// Prepared texts by their raw string, so each text is prepared once however often it is compared.
final class MatchTextCache {
    private var storage: [String: MatchText] = [:]

    subscript(_ text: String) -> MatchText {
        if let cached = storage[text] { return cached }
        let prepared = MatchText(text)
        storage[text] = prepared
        return prepared
    }

    func score(_ a: String, _ b: String) -> Double {
        TextSimilarity.score(self[a], self[b])
    }
}

extension String {
    /// Whether `needle`'s UTF-8 bytes occur in this string's (a plain byte search: Foundation's
    /// `contains` goes through UTF-16 and locale-aware comparison).
    func containsBytes(of needle: String) -> Bool {
        var haystack = self
        var needle = needle
        return haystack.withUTF8 { haystack in
            needle.withUTF8 { needle in
                guard let first = needle.first else { return true }
                guard haystack.count >= needle.count else { return false }
                var index = 0
                let last = haystack.count - needle.count
                while index <= last {
                    if haystack[index] == first {
                        var matched = 1
                        while matched < needle.count, haystack[index + matched] == needle[matched] { matched += 1 }
                        if matched == needle.count { return true }
                    }
                    index += 1
                }
                return false
            }
        }
    }

    func replacingAll(_ target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}

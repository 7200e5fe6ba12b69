import Foundation

/// A header alias: compared as `TextKey.loose`; `*` matches any run of characters.
///
/// An alias with `*` means the regular expression `^part.*part…$` over the key (each part
/// literal); it is matched natively: the key's UTF-8 bytes must start with the first part, end
/// with the last and hold the others in order between, which is the regex's code-point
/// equality because UTF-8 is self-synchronising. The regex's `.` does not cross a line
/// terminator and its `$` also matches before a final one; loose keys hold none (TextKey turns
/// all white space into spaces), and a key that does is given to the regex itself.
struct HeaderPattern {
    /// The alias as a loose key.
    let exact: String
    /// The alias's parts between `*`, as UTF-8; nil when it has no `*`.
    private let parts: [[UInt8]]?

    init(_ alias: String) {
        exact = TextKey(alias).loose
        parts = exact.utf8.contains(UInt8(ascii: "*"))
            ? exact.utf8.split(separator: UInt8(ascii: "*"), omittingEmptySubsequences: false).map(Array.init)
            : nil
        requiredPrefix = parts.map { LooseKeyPrefix(ofKey: $0[0], asciiOnly: false).droppingWholeness }
            ?? LooseKeyPrefix(ofKey: exact.utf8, asciiOnly: true)
    }

    func matches(_ text: String) -> Bool {
        matches(looseKey: TextKey(text).loose)
    }

    /// Matches a text already turned into `TextKey(text).loose`.
    func matches(looseKey key: String) -> Bool {
        guard let parts else { return key == exact }
        var key = key
        return key.withUTF8 { bytes in
            if Self.hasLineTerminator(bytes) { return regexMatches(key: String(decoding: bytes, as: UTF8.self)) }
            return Self.glob(parts, bytes)
        }
    }

    /// Whether `parts` joined by "any run" cover `text` exactly: first part at the start, last
    /// at the end, the middle ones in order (leftmost occurrence each) between them.
    static func glob(_ parts: [[UInt8]], _ text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = parts.first, let last = parts.last, parts.count >= 2 else { return false }
        guard text.count >= first.count + last.count else { return false }
        for offset in 0..<first.count where text[offset] != first[offset] { return false }
        let end = text.count - last.count
        for offset in 0..<last.count where text[end + offset] != last[offset] { return false }
        var position = first.count
        for part in parts.dropFirst().dropLast() where !part.isEmpty {
            guard let found = find(part, in: text, from: position, before: end) else { return false }
            position = found + part.count
        }
        return true
    }

    /// The first index ≥ `start` where `part` occurs wholly before `limit`.
    private static func find(_ part: [UInt8], in text: UnsafeBufferPointer<UInt8>, from start: Int, before limit: Int) -> Int? {
        guard limit - start >= part.count else { return nil }
        var index = start
        while index <= limit - part.count {
            if text[index] == part[0] {
                var matched = 1
                while matched < part.count, text[index + matched] == part[matched] { matched += 1 }
                if matched == part.count { return index }
            }
            index += 1
        }
        return nil
    }

    /// U+000A–U+000D, U+0085, U+2028, U+2029: the characters ICU's `.` does not match.
    static func hasLineTerminator(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for index in bytes.indices {
            let byte = bytes[index]
            if byte >= 0x0A && byte <= 0x0D { return true }
            if byte == 0xC2, index + 1 < bytes.count, bytes[index + 1] == 0x85 { return true }
            if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80,
               bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 { return true }
        }
        return false
    }

    /// The alias's regular expression, for the keys the native match leaves to it.
    private func regexMatches(key: String) -> Bool {
        let escaped = exact.split(separator: "*", omittingEmptySubsequences: false)
            .map { NSRegularExpression.escapedPattern(for: String($0)) }.joined(separator: ".*")
        guard let regex = try? NSRegularExpression(pattern: "^" + escaped + "$") else { return key == exact }
        return regex.firstMatch(in: key, range: NSRange(key.startIndex..., in: key)) != nil
    }

    /// Bytes every matching key starts with (possibly none): the first part of an alias with
    /// `*` (compared bytewise), or the ASCII start of one without, whole when the alias is
    /// ASCII of at most 8 bytes. `==` compares canonically ("e" + U+0301 equals a precomposed
    /// "é"), so only the bytes before the first non-ASCII one count: in canonical decomposition
    /// an ASCII character stays where it is, so equal keys agree on their ASCII starts.
    let requiredPrefix: LooseKeyPrefix
}

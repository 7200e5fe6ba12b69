import Foundation

/// Plain text that a mapping's regular expression matches, for writing a cell the reader must
/// recognise (a sheet name given only as a pattern, a `stop` row, a crosscutting marker). The
/// common constructs of mapping files are undone (`^`, `$`, `\b`, `\s*`, `0?`, `(s){1,2}`,
/// `[ -]?`); the result is checked against the pattern, and nil means no sample was found.
enum PatternSample {
    static func text(matching pattern: String, preferring preferred: String? = nil) -> String? {
        guard let regex = try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive]) else { return nil }
        func matches(_ text: String) -> Bool {
            regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
        }
        if let preferred, matches(preferred) { return preferred }
        var text = pattern
        for (from, to) in [("\\b", ""), ("\\s+", " "), ("\\s*", " "), ("\\s", " "), ("[\\s:]*", " "), ("[ -]?", ""), ("(s){1,2}", "s"),
                           ("{1,2}", ""), ("0?", ""), ("\\.", "."), ("\\-", "-"), ("\\(", "("), ("\\)", ")")] {
            text = text.replacingOccurrences(of: from, with: to)
        }
        text = text.replacingOccurrences(of: "^", with: "").replacingOccurrences(of: "$", with: "")
        // "-{2,}" and the like: the character twice.
        text = text.replacingOccurrences(of: #"(.)\{(\d+),\d*\}"#, with: "$1$1", options: .regularExpression)
        text = text.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
        if !text.isEmpty, matches(text) { return text }
        return nil
    }
}

import Foundation
import PokinMapping

/// A header alias of a mapping (`Kinerja`, `"Target *"`, `"CSF yang sudah dirubah*"`): the text
/// to write for it, and whether a header text matches it the way the mapping's reader compares
/// (`TextKey.loose`, `*` for any run of characters).
struct HeaderAlias {
    let alias: String
    private let exact: String
    private let regex: NSRegularExpression?

    init(_ alias: String) {
        self.alias = alias
        exact = TextKey(alias).loose
        if exact.contains("*") {
            let escaped = exact.split(separator: "*", omittingEmptySubsequences: false)
                .map { NSRegularExpression.escapedPattern(for: String($0)) }.joined(separator: ".*")
            regex = try? NSRegularExpression(pattern: "^" + escaped + "$")
        } else {
            regex = nil
        }
    }

    func matches(_ text: String) -> Bool {
        let key = TextKey(text).loose
        if let regex { return regex.firstMatch(in: key, range: NSRange(key.startIndex..., in: key)) != nil }
        return key == exact
    }

    /// The alias as plain text when it reads as itself (no `*`, or a `*` that may stand for nothing).
    var plainText: String? {
        guard alias.contains("*") else { return alias }
        let bare = alias.replacingOccurrences(of: "*", with: "").trimmingCharacters(in: .whitespaces)
        return !bare.isEmpty && matches(bare) ? bare : nil
    }

    /// The text to write: the alias with `*` left out, or standing for `filler` where the alias
    /// needs something there ("Target *" → "Target 2025").
    func text(filler: String = "…") -> String {
        guard alias.contains("*") else { return alias }
        let bare = alias.replacingOccurrences(of: "*", with: "").trimmingCharacters(in: .whitespaces)
        if !bare.isEmpty, matches(bare) { return bare }
        return alias.replacingOccurrences(of: "*", with: filler).trimmingCharacters(in: .whitespaces)
    }
}

import Foundation

/// A mapping's regular expression (ICU syntax, as `NSRegularExpression` reads it), compiled
/// once, with a test that answers "cannot match" for most texts without running the regex.
///
/// Mappings test their `skip` and `stop` patterns against every cell of every row, and the
/// built-in ones are anchored at the start of the text (`^\s*Identifikasi CSF`): a cell whose
/// first visible character is another ASCII letter cannot match, and most cells are rejected
/// that way (see `PatternPrefilter` for what is analysed and why it is sound). Every other text,
/// and every pattern the prefilter does not understand, goes to the regex: the answers are
/// always the regex's.
///
/// Immutable, so one instance serves every thread (`NSRegularExpression` matching is
/// thread-safe). `cached(_:caseInsensitive:)` compiles each pattern once per process.
public final class CompiledPattern: @unchecked Sendable {
    public let pattern: String
    public let caseInsensitive: Bool
    private let regex: NSRegularExpression
    /// nil when the pattern's start is not understood: every text goes to the regex.
    let prefilter: PatternPrefilter?

    /// Compiles `pattern`; throws what `NSRegularExpression` throws for an invalid one.
    public init(_ pattern: String, caseInsensitive: Bool) throws {
        self.pattern = pattern
        self.caseInsensitive = caseInsensitive
        regex = try NSRegularExpression(pattern: pattern, options: caseInsensitive ? [.caseInsensitive] : [])
        prefilter = PatternPrefilter(pattern: pattern, caseInsensitive: caseInsensitive)
    }

    /// The pattern compiled once per process (and per case option): later calls with the same
    /// pattern return the same instance. Safe from any thread.
    public static func cached(_ pattern: String, caseInsensitive: Bool) throws -> CompiledPattern {
        try CompiledPatternCache.shared.pattern(pattern, caseInsensitive: caseInsensitive)
    }

    /// Whether the pattern matches anywhere in `text` (as `firstMatch(in:range:)` over the whole text).
    public func matches(_ text: String) -> Bool {
        if let prefilter, !prefilter.mayMatch(text) { return false }
        return regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    /// `matches(_:)` with the answers for up to `rememberedLimit` texts kept (under a lock, as
    /// the instance is shared by threads): for texts asked about again and again, such as sheet
    /// names (every workbook of a batch has the mappings' sheet patterns tried on the same few
    /// names). When full, the kept answers are dropped and kept anew.
    public func matchesRemembering(_ text: String) -> Bool {
        rememberedLock.lock()
        let known = remembered[text]
        rememberedLock.unlock()
        if let known { return known }
        let answer = matches(text)
        rememberedLock.lock()
        if remembered.count >= Self.rememberedLimit { remembered.removeAll() }
        remembered[text] = answer
        rememberedLock.unlock()
        return answer
    }

    static let rememberedLimit = 64
    private let rememberedLock = NSLock()
    private var remembered: [String: Bool] = [:]

    /// The range of the first match in `text`, nil when none.
    ///
    /// The bounds sit on Unicode scalar boundaries, which need not be `Character` boundaries
    /// (a pattern can end between a letter and its combining accent); `String`'s subscripts
    /// round such an index down to the character, so take the text after the match with
    /// `remainder(afterFirstMatchIn:)` or through `text.unicodeScalars`.
    public func firstMatch(in text: String) -> Range<String.Index>? {
        if let prefilter, !prefilter.mayMatch(text) { return nil }
        guard let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) else { return nil }
        // Through the UTF-16 view: `Range(_:in:)` refuses bounds inside a character.
        let utf16 = text.utf16
        let start = utf16.index(utf16.startIndex, offsetBy: match.range.location)
        let end = utf16.index(start, offsetBy: match.range.length)
        return start..<end
    }

    /// The text after the first match (exactly `(text as NSString).substring(from: end of match)`),
    /// nil when the pattern does not match.
    public func remainder(afterFirstMatchIn text: String) -> String? {
        guard let range = firstMatch(in: text) else { return nil }
        return String(text.unicodeScalars[range.upperBound...])
    }
}

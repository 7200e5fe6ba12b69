import Foundation

/// The process-wide store behind `CompiledPattern.cached`: each distinct pattern (with its case
/// option) compiled once, shared by every thread. A mapping has a handful of patterns, so the
/// store stays small; should it ever pass `limit` entries (patterns made up at run time), it is
/// emptied and refilled rather than grown.
final class CompiledPatternCache: @unchecked Sendable {
    static let shared = CompiledPatternCache()

    private struct Key: Hashable {
        var pattern: String
        var caseInsensitive: Bool
    }

    private let lock = NSLock()
    private var patterns: [Key: CompiledPattern] = [:]
    let limit = 512

    func pattern(_ pattern: String, caseInsensitive: Bool) throws -> CompiledPattern {
        let key = Key(pattern: pattern, caseInsensitive: caseInsensitive)
        lock.lock()
        let found = patterns[key]
        lock.unlock()
        if let found { return found }
        // Compiled outside the lock; two threads compiling the same new pattern at once both
        // get a working instance, and the first stored one stays.
        let compiled = try CompiledPattern(pattern, caseInsensitive: caseInsensitive)
        lock.lock()
        defer { lock.unlock() }
        if let stored = patterns[key] { return stored }
        if patterns.count >= limit { patterns.removeAll() }
        patterns[key] = compiled
        return compiled
    }
}

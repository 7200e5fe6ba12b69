import PokinCore

/// `--shard K/N`: the inputs whose relative path hashes to K (of N, 1-based).
///
/// The hash is FNV-1a (64 bits) of the relative path's UTF-8 bytes, so an input belongs to the
/// same shard whatever order the inputs were listed in, whichever other inputs exist, and on
/// every machine (the relative path does not depend on where the data is mounted). Shards are
/// therefore disjoint and together cover every input; their sizes vary a little around 1/N.
struct Shard: Equatable, Sendable, CustomStringConvertible {
    /// 1-based.
    var index: Int
    var count: Int

    /// Parses `K/N`.
    /// - Throws: `usage` when the text is not two whole numbers with 1 ≤ K ≤ N.
    init(parsing text: String) throws {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0].trimmingSpaces), let count = Int(parts[1].trimmingSpaces),
              count >= 1, index >= 1, index <= count else {
            throw PokinError(.usage, "--shard takes K/N with 1 ≤ K ≤ N (for example 3/8), not \"\(text)\"; a Kubernetes JOB_COMPLETION_INDEX or a Slurm array index that starts at 0 needs +1")
        }
        self.index = index
        self.count = count
    }

    init(index: Int, count: Int) {
        self.index = index
        self.count = count
    }

    /// Whether the input with this relative path belongs to the shard.
    func contains(_ relativePath: String) -> Bool {
        Int(Shard.hash(relativePath) % UInt64(count)) == index - 1
    }

    /// FNV-1a, 64 bits.
    static func hash(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }

    var description: String { "\(index)/\(count)" }
}

private extension Substring {
    var trimmingSpaces: Substring {
        var text = self
        while text.first == " " { text.removeFirst() }
        while text.last == " " { text.removeLast() }
        return text
    }
}

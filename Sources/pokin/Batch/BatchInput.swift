import PokinCore

/// One input of a batch, as listed: where it is and the path its output keeps under `--out`.
struct BatchInput: Sendable, Hashable {
    /// The absolute path (lexically normalised).
    var path: String
    /// The path below the deepest folder shared by everything named on the command line
    /// (`kab-a/dinas-kesehatan.xlsx`); outputs keep it, and shards are chosen by it.
    var relativePath: String
    /// Why the input cannot even be looked at (a file named that does not exist, a pattern
    /// that matches nothing); the batch reports it as failed without opening anything.
    var listingProblem: PokinError.Code?
    var listingMessage: String?

    init(path: String, relativePath: String, listingProblem: PokinError.Code? = nil, listingMessage: String? = nil) {
        self.path = path
        self.relativePath = relativePath
        self.listingProblem = listingProblem
        self.listingMessage = listingMessage
    }

    static func == (lhs: BatchInput, rhs: BatchInput) -> Bool { lhs.path == rhs.path }
    func hash(into hasher: inout Hasher) { hasher.combine(path) }
}

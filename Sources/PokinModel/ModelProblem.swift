import PokinCore

/// One thing wrong with a model document, with the JSON path of the node or field concerned.
public struct ModelProblem: Hashable, Sendable, CustomStringConvertible {
    public var code: PokinError.Code
    public var message: String
    /// `node "n7" (nodes[6])`, `agency.name`, …
    public var path: String

    public init(_ code: PokinError.Code, _ message: String, path: String) {
        self.code = code
        self.message = message
        self.path = path
    }

    public var description: String { "[\(code)] \(message)" }
}

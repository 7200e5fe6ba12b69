private import CLibxml2
import PokinCore

/// What a parse reports back besides its events: an error a handler raised, a DOCTYPE, or a
/// well-formedness error. Lives at a fixed address (handlers reach it through a pointer).
struct SAXStatus {
    /// The first error a handler raised; parsing stops when it is set.
    var failure: PokinError?
    /// Whether `failure` is set (asked on every event of the fast worksheet path: a flag, not a
    /// copy of the optional error).
    private(set) var failed = false
    /// Set when the document declares a DOCTYPE (refused before its internal subset is read).
    var sawDoctype = false
    /// The first fatal well-formedness error libxml2 reported.
    var syntaxError: (message: String, line: Int, column: Int)?
    /// The parser context while a parse runs, so that a handler can stop it.
    var context: UnsafeMutableRawPointer?

    /// Records `error` (the first one wins) and stops the parser at once.
    mutating func fail(_ error: PokinError) {
        if failure == nil { failure = error }
        failed = true
        stop()
    }

    /// The line the parser is at (for error locations), or nil outside a parse.
    var currentLine: Int? {
        guard let context else { return nil }
        let line = xmlSAX2GetLineNumber(context)
        return line > 0 ? Int(line) : nil
    }

    func stop() {
        if let context { xmlStopParser(context.assumingMemoryBound(to: xmlParserCtxt.self)) }
    }
}

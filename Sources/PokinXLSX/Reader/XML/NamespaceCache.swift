/// Whether an element's namespace is SpreadsheetML's, decided once per distinct URI pointer:
/// libxml2 interns namespace URIs in the parser's dictionary, so within one parse the same URI
/// always arrives at the same address, and most checks are one pointer comparison.
struct NamespaceCache {
    private var spreadsheet: UnsafePointer<UInt8>?
    private var other: UnsafePointer<UInt8>?

    @inline(__always)
    mutating func isSpreadsheetML(_ uri: UnsafePointer<UInt8>?) -> Bool {
        guard let uri else { return true }
        if uri == spreadsheet { return true }
        if uri == other { return false }
        let result = SAXName(local: uri, uri: uri).isSpreadsheetML
        if result { spreadsheet = uri } else { other = uri }
        return result
    }
}

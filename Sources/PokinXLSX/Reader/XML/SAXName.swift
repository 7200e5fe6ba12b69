/// An element's name as libxml2's SAX2 parser reports it: local name and namespace URI, both
/// NUL-terminated UTF-8 owned by the parser and valid only during the callback.
///
/// Comparisons work on bytes; no `String` is made on the hot path.
struct SAXName {
    let local: UnsafePointer<UInt8>
    let uri: UnsafePointer<UInt8>?

    /// Whether the local name is exactly `literal` (ASCII).
    @inline(__always)
    func isLocal(_ literal: StaticString) -> Bool {
        SAXName.equals(local, literal)
    }

    /// Whether the element is in one of SpreadsheetML's main namespaces (Transitional or Strict),
    /// or in no namespace at all (some third-party writers omit it).
    var isSpreadsheetML: Bool {
        guard let uri else { return true }
        return SAXName.equals(uri, Namespace.spreadsheetTransitional) || SAXName.equals(uri, Namespace.spreadsheetStrict)
    }

    /// Whether the element is in the OPC relationships namespace (or none).
    var isPackageRelationships: Bool {
        guard let uri else { return true }
        return SAXName.equals(uri, Namespace.packageRelationships)
    }

    /// Whether the element is in the OPC content-types namespace (or none).
    var isContentTypes: Bool {
        guard let uri else { return true }
        return SAXName.equals(uri, Namespace.contentTypes)
    }

    /// The local name as a String, for messages.
    var localString: String { String(cString: local) }

    /// Byte comparison of a NUL-terminated string with an ASCII literal.
    @inline(__always)
    static func equals(_ text: UnsafePointer<UInt8>, _ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        let expected = literal.utf8Start
        for index in 0..<count where text[index] != expected[index] { return false }
        return text[count] == 0
    }
}

/// The namespace URIs the reader matches. Strict OOXML (ISO/IEC 29500 Strict) renames the
/// SpreadsheetML and officeDocument ones; the OPC package namespaces are the same in both.
enum Namespace {
    static let spreadsheetTransitional: StaticString = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let spreadsheetStrict: StaticString = "http://purl.oclc.org/ooxml/spreadsheetml/main"
    static let relationshipsTransitional: StaticString = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let relationshipsStrict: StaticString = "http://purl.oclc.org/ooxml/officeDocument/relationships"
    static let packageRelationships: StaticString = "http://schemas.openxmlformats.org/package/2006/relationships"
    static let contentTypes: StaticString = "http://schemas.openxmlformats.org/package/2006/content-types"
    static let xml: StaticString = "http://www.w3.org/XML/1998/namespace"
}

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

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

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

/// The attributes of one start tag as libxml2's SAX2 parser reports them: five pointers per
/// attribute (local name, prefix, URI, value start, value end). Values are not NUL-terminated
/// and are valid only during the callback.
struct SAXAttributes {
    let base: UnsafeMutablePointer<UnsafePointer<UInt8>?>?
    let count: Int

    /// The value of the attribute with this local name and no namespace (how SpreadsheetML writes
    /// `r`, `t`, `s`, `ref`, `name`…), or nil.
    @inline(__always)
    func value(_ local: StaticString) -> UnsafeBufferPointer<UInt8>? {
        guard let base else { return nil }
        for index in 0..<count {
            let slot = base + index * 5
            guard let name = slot[0], SAXName.equals(name, local) else { continue }
            if slot[2] != nil { continue }
            return SAXAttributes.buffer(slot)
        }
        return nil
    }

    /// The value of an attribute in a given namespace (any prefix), e.g. `r:id` or `xml:space`.
    func value(_ local: StaticString, namespace: StaticString, or other: StaticString? = nil) -> UnsafeBufferPointer<UInt8>? {
        guard let base else { return nil }
        for index in 0..<count {
            let slot = base + index * 5
            guard let name = slot[0], SAXName.equals(name, local), let uri = slot[2] else { continue }
            if SAXName.equals(uri, namespace) { return SAXAttributes.buffer(slot) }
            if let other, SAXName.equals(uri, other) { return SAXAttributes.buffer(slot) }
        }
        return nil
    }

    /// The value as a String (for the small parts: workbook, relationships, styles).
    func string(_ local: StaticString) -> String? {
        value(local).map(SAXAttributes.text)
    }

    /// The text of an attribute value. Without entity substitution (`XML_PARSE_NOENT`, never
    /// set), libxml2 hands `&amp;` and `&#38;` in attribute values on as `&#38;` so that a tree
    /// builder can tell them from entity references; there is no other entity (a DOCTYPE is
    /// refused), so `&#38;` is the only sequence to turn back into `&`.
    static func text(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard bytes.contains(UInt8(ascii: "&")) else { return String(decoding: bytes, as: UTF8.self) }
        let escape = Array("&#38;".utf8)
        var output: [UInt8] = []
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "&"), index + escape.count <= bytes.count,
               bytes[index..<(index + escape.count)].elementsEqual(escape) {
                output.append(UInt8(ascii: "&"))
                index += escape.count
            } else {
                output.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// `xml:space` on this element: true for `preserve`, false for `default`, nil when absent.
    var spaceSetting: Bool? {
        guard let value = value("space", namespace: Namespace.xml) else { return nil }
        return value.elementsEqual("preserve".utf8)
    }

    @inline(__always)
    private static func buffer(_ slot: UnsafeMutablePointer<UnsafePointer<UInt8>?>) -> UnsafeBufferPointer<UInt8> {
        guard let start = slot[3], let end = slot[4] else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeBufferPointer(start: start, count: end - start)
    }
}

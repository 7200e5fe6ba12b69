#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A byte scanner for the plain XML that spreadsheet writers produce, making exactly the calls
/// libxml2's SAX2 parser makes (`SAXPushParser`, options `NONET | NOCDATA`) with the same local
/// names, namespace URIs, attribute views and decoded character data. Character data may be
/// split into other pieces than libxml2's; receivers only append it.
///
/// It reads a subset of XML where that equivalence is certain, and gives up (returns false) on
/// anything else, leaving the receiver in an undefined state: the caller then parses the same
/// bytes with libxml2 from the start. Read: UTF-8 (a byte-order mark allowed), an XML
/// declaration with version 1.0, encoding UTF-8 or none, standalone yes or no; comments;
/// elements with ASCII names, `prefix:local` resolved against `xmlns` / `xmlns:p` declarations
/// in scope (and `xml:`); attribute values without `&`, `<`, TAB, LF or CR; text with the five
/// predefined entities and character references to XML characters. Given up: everything else,
/// among it a DOCTYPE, CDATA, processing instructions, CR in text, attribute values or
/// comments (CR between markup, as after Excel's declaration, is white space), invalid UTF-8 or
/// characters, an unbound prefix, a duplicate attribute local name, `xmlns=""`, misnested or
/// unclosed elements, text outside the root, more than 64 attributes on one element, names
/// over 1000 bytes, nesting deeper than 200, more than 256 prefixes declared in scope, a
/// receiver that failed.
///
/// `text[count]` must be readable and 0 (a sentinel the scanning loops stop at).
struct SheetXMLTokenizer<Receiver: SheetXMLReceiver> {
    private struct OpenElement {
        var nameStart: Int
        var nameCount: Int
        var local: UnsafePointer<UInt8>
        var uri: UnsafePointer<UInt8>?
        var bindingMark: Int
        var savedDefault: UnsafePointer<UInt8>?
    }

    private struct Binding {
        var prefix: UnsafePointer<UInt8>
        var uri: UnsafePointer<UInt8>
    }

    private struct RawAttribute {
        var nameStart: Int
        /// Index of the colon, or -1.
        var colon: Int
        var nameEnd: Int
        var valueStart: Int
        var valueEnd: Int
    }

    static var maxAttributes: Int { 64 }
    static var maxNameBytes: Int { 1000 }
    static var maxDepth: Int { 200 }
    /// Namespace declarations in scope (prefix look-ups are linear).
    static var maxBindings: Int { 256 }

    private let text: UnsafePointer<UInt8>
    private let end: Int
    private var at = 0
    private let receiver: UnsafeMutablePointer<Receiver>
    private var names = NameTable()
    // Raw buffers (no array uniqueness checks or retains on the hot path), bounded by
    // `maxDepth` and `maxAttributes`.
    private let elements: UnsafeMutablePointer<OpenElement>
    private var depth = 0
    private var bindings: [Binding] = []
    private var defaultURI: UnsafePointer<UInt8>?
    private let attributes: UnsafeMutablePointer<RawAttribute>
    private var attributeCount = 0
    private let slots: UnsafeMutablePointer<UnsafePointer<UInt8>?>
    private let scratch: UnsafeMutablePointer<UInt8>
    private let xmlURI: UnsafePointer<UInt8>

    /// Reads `count` bytes at `text` (followed by a 0) into `receiver`; false when it gave up.
    static func run(_ text: UnsafePointer<UInt8>, count: Int, into receiver: UnsafeMutablePointer<Receiver>) -> Bool {
        var position = 0
        return run(text, count: count, into: receiver, position: &position)
    }

    /// As above; `position` is where it stopped (near where it gave up, for diagnostics).
    static func run(_ text: UnsafePointer<UInt8>, count: Int, into receiver: UnsafeMutablePointer<Receiver>,
                    position: inout Int) -> Bool {
        precondition(text[count] == 0, "the tokenizer needs a 0 after the text")
        var tokenizer = SheetXMLTokenizer(text: text, count: count, receiver: receiver)
        defer { tokenizer.release() }
        let accepted = tokenizer.document()
        position = tokenizer.at
        return accepted
    }

    private init(text: UnsafePointer<UInt8>, count: Int, receiver: UnsafeMutablePointer<Receiver>) {
        self.text = text
        self.end = count
        self.receiver = receiver
        slots = .allocate(capacity: 5 * SheetXMLTokenizer.maxAttributes)
        scratch = .allocate(capacity: 8)
        elements = .allocate(capacity: SheetXMLTokenizer.maxDepth)
        attributes = .allocate(capacity: SheetXMLTokenizer.maxAttributes)
        let xml: StaticString = "http://www.w3.org/XML/1998/namespace"
        xmlURI = names.intern(xml.utf8Start, xml.utf8CodeUnitCount)
    }

    private func release() {
        names.release()
        slots.deallocate()
        scratch.deallocate()
        elements.deallocate()
        attributes.deallocate()
    }

    // MARK: - Document

    private mutating func document() -> Bool {
        if text[0] == 0xEF && text[1] == 0xBB && text[2] == 0xBF { at = 3 }
        if text[at] == UInt8(ascii: "<") && text[at + 1] == UInt8(ascii: "?") {
            guard declaration() else { return false }
        }
        // Prolog: white space and comments, then the root.
        while true {
            skipSpace()
            guard text[at] == UInt8(ascii: "<") else { return false }
            let next = text[at + 1]
            if next == UInt8(ascii: "!") {
                guard comment() else { return false }
            } else if SheetXMLTokenizer.isNameStart(next) {
                break
            } else {
                return false  // a processing instruction, a DOCTYPE, or no root
            }
        }
        guard startTag() else { return false }
        if depth > 0 {
            guard content() else { return false }
        }
        // Epilog: white space and comments only.
        while true {
            skipSpace()
            if at == end { return true }
            guard text[at] == UInt8(ascii: "<"), text[at + 1] == UInt8(ascii: "!"), comment() else { return false }
        }
    }

    /// `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`, encoding and standalone optional.
    private mutating func declaration() -> Bool {
        guard matches("<?xml"), SheetXMLTokenizer.isSpace(text[at + 5]) else { return false }
        at += 5
        skipSpace()
        guard matches("version") else { return false }
        at += 7
        guard let version = quotedValue(), version.count == 3,
              text[version.start] == UInt8(ascii: "1"), text[version.start + 1] == UInt8(ascii: "."),
              text[version.start + 2] == UInt8(ascii: "0") else { return false }
        var spaced = skipSpace()
        if matches("encoding") {
            guard spaced else { return false }
            at += 8
            guard let encoding = quotedValue(), encoding.count == 5 else { return false }
            let expected: StaticString = "utf-8"
            for index in 0..<5 where text[encoding.start + index] | 0x20 != expected.utf8Start[index] { return false }
            spaced = skipSpace()
        }
        if matches("standalone") {
            guard spaced else { return false }
            at += 10
            guard let value = quotedValue() else { return false }
            let yes = value.count == 3 && matches("yes", at: value.start)
            let no = value.count == 2 && matches("no", at: value.start)
            guard yes || no else { return false }
            skipSpace()
        }
        guard text[at] == UInt8(ascii: "?"), text[at + 1] == UInt8(ascii: ">") else { return false }
        at += 2
        return true
    }

    /// `S? = S? "value"` in the declaration: ASCII letters, digits, `.`, `-`, `_` only.
    private mutating func quotedValue() -> (start: Int, count: Int)? {
        skipSpace()
        guard text[at] == UInt8(ascii: "=") else { return nil }
        at += 1
        skipSpace()
        let quote = text[at]
        guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else { return nil }
        at += 1
        let start = at
        while SheetXMLTokenizer.isNameChar(text[at]) { at += 1 }
        guard text[at] == quote else { return nil }
        at += 1
        return (start, at - 1 - start)
    }

    /// `<!-- … -->` (at `<!`): no `--` inside, valid characters only.
    private mutating func comment() -> Bool {
        guard text[at + 2] == UInt8(ascii: "-"), text[at + 3] == UInt8(ascii: "-") else { return false }
        var index = at + 4
        while true {
            let byte = text[index]
            if byte == UInt8(ascii: "-") {
                if text[index + 1] == UInt8(ascii: "-") {
                    guard text[index + 2] == UInt8(ascii: ">") else { return false }
                    at = index + 3
                    return true
                }
                index += 1
            } else if (byte >= 0x20 && byte < 0x80) || byte == 0x0A || byte == 0x09 {
                index += 1
            } else if byte >= 0x80 {
                let length = utf8Length(at: index)
                guard length > 0 else { return false }
                index += length
            } else {
                return false
            }
        }
    }

    // MARK: - Content

    /// The content of the open elements, up to the root's end tag.
    private mutating func content() -> Bool {
        while true {
            var index = at
            var byte = text[index]
            while true {
                if byte >= 0x20 && byte < 0x80 {
                    if byte == UInt8(ascii: "<") || byte == UInt8(ascii: "&") { break }
                    if byte == UInt8(ascii: "]") && text[index + 1] == UInt8(ascii: "]") && text[index + 2] == UInt8(ascii: ">") {
                        return false
                    }
                    index += 1
                } else if byte == 0x0A || byte == 0x09 {
                    index += 1
                } else if byte >= 0x80 {
                    let length = utf8Length(at: index)
                    guard length > 0 else { return false }
                    index += length
                } else {
                    return false  // a control character, CR, or the end inside the root
                }
                byte = text[index]
            }
            if index > at {
                receiver.pointee.characters(text + at, index - at)
                if receiver.pointee.stopped { return false }
                at = index
            }
            if byte == UInt8(ascii: "&") {
                guard reference() else { return false }
                continue
            }
            let next = text[at + 1]
            if next == UInt8(ascii: "/") {
                guard endTag() else { return false }
                if depth == 0 { return true }
            } else if next == UInt8(ascii: "!") {
                guard comment() else { return false }
            } else {
                guard SheetXMLTokenizer.isNameStart(next), startTag() else { return false }
            }
        }
    }

    /// `&name;` for the five predefined entities, `&#N;` and `&#xH;` for XML characters.
    private mutating func reference() -> Bool {
        var index = at + 1
        if text[index] == UInt8(ascii: "#") {
            index += 1
            var value = 0
            var digits = 0
            if text[index] == UInt8(ascii: "x") {
                index += 1
                while true {
                    let byte = text[index]
                    let digit: Int
                    switch byte {
                    case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = Int(byte - UInt8(ascii: "0"))
                    case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = Int(byte - UInt8(ascii: "a")) + 10
                    case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = Int(byte - UInt8(ascii: "A")) + 10
                    default: digit = -1
                    }
                    if digit < 0 { break }
                    value = min(value * 16 + digit, 0x110000)
                    digits += 1
                    index += 1
                }
            } else {
                while text[index] >= UInt8(ascii: "0") && text[index] <= UInt8(ascii: "9") {
                    value = min(value * 10 + Int(text[index] - UInt8(ascii: "0")), 0x110000)
                    digits += 1
                    index += 1
                }
            }
            guard digits > 0, text[index] == UInt8(ascii: ";"), SheetXMLTokenizer.isXMLCharacter(value) else { return false }
            let count = SheetXMLTokenizer.encode(value, into: scratch)
            at = index + 1
            receiver.pointee.characters(scratch, count)
            return !receiver.pointee.stopped
        }
        let character: UInt8
        if matches("amp;", at: index) {
            character = UInt8(ascii: "&"); index += 4
        } else if matches("lt;", at: index) {
            character = UInt8(ascii: "<"); index += 3
        } else if matches("gt;", at: index) {
            character = UInt8(ascii: ">"); index += 3
        } else if matches("quot;", at: index) {
            character = UInt8(ascii: "\""); index += 5
        } else if matches("apos;", at: index) {
            character = UInt8(ascii: "'"); index += 5
        } else {
            return false
        }
        scratch[0] = character
        at = index
        receiver.pointee.characters(scratch, 1)
        return !receiver.pointee.stopped
    }

    // MARK: - Tags

    /// A start tag or an empty-element tag (at `<`).
    private mutating func startTag() -> Bool {
        guard depth < SheetXMLTokenizer.maxDepth else { return false }
        let nameStart = at + 1
        guard let (colon, nameEnd) = qualifiedName(at: nameStart) else { return false }
        at = nameEnd
        attributeCount = 0
        var empty = false
        // Whether an attribute may declare a namespace (most tags declare none: their
        // attributes are then all ordinary, and the declarations pass is skipped).
        var declarations = false
        while true {
            let spaced = skipSpace()
            let byte = text[at]
            if byte == UInt8(ascii: ">") {
                at += 1
                break
            }
            if byte == UInt8(ascii: "/") {
                guard text[at + 1] == UInt8(ascii: ">") else { return false }
                at += 2
                empty = true
                break
            }
            guard spaced, attributeCount < SheetXMLTokenizer.maxAttributes,
                  let (attributeColon, attributeEnd) = qualifiedName(at: at) else { return false }
            let attributeStart = at
            if attributeEnd - attributeStart >= 5 && matches("xmlns", at: attributeStart) { declarations = true }
            at = attributeEnd
            skipSpace()
            guard text[at] == UInt8(ascii: "=") else { return false }
            at += 1
            skipSpace()
            let quote = text[at]
            guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else { return false }
            at += 1
            let valueStart = at
            while true {
                let value = text[at]
                if value == quote { break }
                if value < 0x20 || value == UInt8(ascii: "&") || value == UInt8(ascii: "<") { return false }
                if value < 0x80 {
                    at += 1
                } else {
                    let length = utf8Length(at: at)
                    guard length > 0 else { return false }
                    at += length
                }
            }
            attributes[attributeCount] = RawAttribute(nameStart: attributeStart, colon: attributeColon, nameEnd: attributeEnd,
                                                      valueStart: valueStart, valueEnd: at)
            attributeCount += 1
            at += 1
        }

        // Namespace declarations first: they apply to the element and all its attributes.
        let mark = bindings.count
        let savedDefault = defaultURI
        var declaredDefault = false
        var ordinary = declarations ? 0 : attributeCount
        for index in 0..<(declarations ? attributeCount : 0) {
            let attribute = attributes[index]
            if attribute.colon < 0 {
                if attribute.nameEnd - attribute.nameStart == 5 && matches("xmlns", at: attribute.nameStart) {
                    guard !declaredDefault, let uri = namespaceURI(attribute) else { return false }
                    declaredDefault = true
                    defaultURI = uri
                } else {
                    ordinary += 1
                }
            } else if attribute.colon - attribute.nameStart == 5 && matches("xmlns", at: attribute.nameStart) {
                let prefix = names.intern(text + attribute.colon + 1, attribute.nameEnd - attribute.colon - 1)
                guard !SheetXMLTokenizer.isReservedPrefix(prefix), let uri = namespaceURI(attribute) else { return false }
                guard bindings.count < SheetXMLTokenizer.maxBindings else { return false }
                for index in mark..<bindings.count where bindings[index].prefix == prefix { return false }
                bindings.append(Binding(prefix: prefix, uri: uri))
            } else {
                ordinary += 1
            }
        }

        // The element's name.
        let local: UnsafePointer<UInt8>
        let uri: UnsafePointer<UInt8>?
        if colon < 0 {
            local = names.intern(text + nameStart, nameEnd - nameStart)
            uri = defaultURI
        } else {
            let prefix = names.intern(text + nameStart, colon - nameStart)
            guard !SheetXMLTokenizer.isReservedPrefix(prefix), let bound = boundURI(prefix) else { return false }
            local = names.intern(text + colon + 1, nameEnd - colon - 1)
            uri = bound
        }

        // The other attributes, five pointers each, in document order.
        var count = 0
        if ordinary > 0 {
            for attributeIndex in 0..<attributeCount {
                let attribute = attributes[attributeIndex]
                let attributeLocal: UnsafePointer<UInt8>
                var prefix: UnsafePointer<UInt8>?
                var attributeURI: UnsafePointer<UInt8>?
                if attribute.colon < 0 {
                    if attribute.nameEnd - attribute.nameStart == 5 && matches("xmlns", at: attribute.nameStart) { continue }
                    attributeLocal = names.intern(text + attribute.nameStart, attribute.nameEnd - attribute.nameStart)
                } else {
                    if attribute.colon - attribute.nameStart == 5 && matches("xmlns", at: attribute.nameStart) { continue }
                    let attributePrefix = names.intern(text + attribute.nameStart, attribute.colon - attribute.nameStart)
                    if attribute.colon - attribute.nameStart == 3 && matches("xml", at: attribute.nameStart) {
                        attributeURI = xmlURI
                    } else {
                        guard let bound = boundURI(attributePrefix) else { return false }
                        attributeURI = bound
                    }
                    prefix = attributePrefix
                    attributeLocal = names.intern(text + attribute.colon + 1, attribute.nameEnd - attribute.colon - 1)
                }
                // Two attributes with one local name: libxml2 refuses some such pairs (same
                // name, or same namespace under two prefixes); leave them all to it.
                for index in 0..<count where slots[index &* 5] == attributeLocal { return false }
                let slot = slots + count &* 5
                slot[0] = attributeLocal
                slot[1] = prefix
                slot[2] = attributeURI
                slot[3] = text + attribute.valueStart
                slot[4] = text + attribute.valueEnd
                count += 1
            }
        }

        let name = SAXName(local: local, uri: uri)
        receiver.pointee.startElement(name, SAXAttributes(base: slots, count: count))
        if receiver.pointee.stopped { return false }
        if empty {
            receiver.pointee.endElement(name)
            if receiver.pointee.stopped { return false }
            if bindings.count > mark { bindings.removeSubrange(mark...) }
            defaultURI = savedDefault
        } else {
            elements[depth] = OpenElement(nameStart: nameStart, nameCount: nameEnd - nameStart, local: local, uri: uri,
                                          bindingMark: mark, savedDefault: savedDefault)
            depth += 1
        }
        return true
    }

    /// An end tag (at `</`), which must close the innermost open element, written alike.
    private mutating func endTag() -> Bool {
        guard depth > 0 else { return false }
        let open = elements[depth - 1]
        let nameStart = at + 2
        guard nameStart + open.nameCount <= end else { return false }
        // Names are short (`c`, `v`, `row`): a loop beats a call to memcmp.
        var index = 0
        while index < open.nameCount {
            guard text[nameStart &+ index] == text[open.nameStart &+ index] else { return false }
            index &+= 1
        }
        at = nameStart + open.nameCount
        skipSpace()
        guard text[at] == UInt8(ascii: ">") else { return false }
        at += 1
        receiver.pointee.endElement(SAXName(local: open.local, uri: open.uri))
        if receiver.pointee.stopped { return false }
        depth -= 1
        if bindings.count > open.bindingMark { bindings.removeSubrange(open.bindingMark...) }
        defaultURI = open.savedDefault
        return true
    }

    /// A namespace declaration's URI, interned: non-empty printable ASCII without white space,
    /// neither the `xml` nor the `xmlns` namespace (libxml2 refuses binding those).
    private mutating func namespaceURI(_ attribute: RawAttribute) -> UnsafePointer<UInt8>? {
        let count = attribute.valueEnd - attribute.valueStart
        guard count > 0 else { return nil }
        for index in attribute.valueStart..<attribute.valueEnd where text[index] <= 0x20 || text[index] >= 0x7F { return nil }
        let uri = names.intern(text + attribute.valueStart, count)
        if uri == xmlURI { return nil }
        let xmlns: StaticString = "http://www.w3.org/2000/xmlns/"
        if count == xmlns.utf8CodeUnitCount && memcmp(uri, xmlns.utf8Start, count) == 0 { return nil }
        return uri
    }

    /// The URI bound to `prefix` in scope, or nil.
    @inline(__always)
    private func boundURI(_ prefix: UnsafePointer<UInt8>) -> UnsafePointer<UInt8>? {
        var index = bindings.count - 1
        while index >= 0 {
            if bindings[index].prefix == prefix { return bindings[index].uri }
            index -= 1
        }
        return nil
    }

    private static func isReservedPrefix(_ prefix: UnsafePointer<UInt8>) -> Bool {
        SAXName.equals(prefix, "xml") || SAXName.equals(prefix, "xmlns")
    }

    /// `NCName (':' NCName)?` in ASCII at `start`: the colon's index (-1 without) and the end.
    @inline(__always)
    private func qualifiedName(at start: Int) -> (colon: Int, end: Int)? {
        var index = start
        guard SheetXMLTokenizer.isNameStart(text[index]) else { return nil }
        index += 1
        while SheetXMLTokenizer.isNameChar(text[index]) { index += 1 }
        var colon = -1
        if text[index] == UInt8(ascii: ":") {
            colon = index
            index += 1
            guard SheetXMLTokenizer.isNameStart(text[index]) else { return nil }
            index += 1
            while SheetXMLTokenizer.isNameChar(text[index]) { index += 1 }
        }
        let next = text[index]
        guard next != UInt8(ascii: ":"), next < 0x80, index - start <= SheetXMLTokenizer.maxNameBytes else { return nil }
        return (colon, index)
    }

    // MARK: - Bytes

    /// Skips XML white space in markup (the prolog, the epilog, inside tags), where CR is
    /// white space like any other and reaches no receiver; true when there was some. (A CR in
    /// text, an attribute value or a comment makes the tokenizer give up: libxml2 normalises it.)
    @inline(__always)
    @discardableResult
    private mutating func skipSpace() -> Bool {
        let start = at
        while SheetXMLTokenizer.isSpace(text[at]) { at += 1 }
        return at > start
    }

    @inline(__always)
    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
    }

    @inline(__always)
    private static func isNameStart(_ byte: UInt8) -> Bool {
        let folded = byte | 0x20
        return (folded >= UInt8(ascii: "a") && folded <= UInt8(ascii: "z")) || byte == UInt8(ascii: "_")
    }

    @inline(__always)
    private static func isNameChar(_ byte: UInt8) -> Bool {
        isNameStart(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
    }

    /// Whether the bytes at `index` are `literal` (the sentinel stops a comparison at the end).
    @inline(__always)
    private func matches(_ literal: StaticString, at index: Int) -> Bool {
        let count = literal.utf8CodeUnitCount
        let bytes = literal.utf8Start
        for offset in 0..<count where text[index + offset] != bytes[offset] { return false }
        return true
    }

    @inline(__always)
    private func matches(_ literal: StaticString) -> Bool {
        matches(literal, at: at)
    }

    /// The length of the well-formed UTF-8 sequence of an XML character at `index` (a lead byte
    /// of 0x80 or more), or 0: overlong forms, surrogates, U+FFFE, U+FFFF, beyond U+10FFFF and
    /// truncated sequences give 0 (libxml2 refuses them all).
    @inline(__always)
    private func utf8Length(at index: Int) -> Int {
        let lead = text[index]
        @inline(__always) func continuation(_ offset: Int) -> UInt32? {
            let byte = text[index + offset]
            return byte & 0xC0 == 0x80 ? UInt32(byte & 0x3F) : nil
        }
        if lead >= 0xC2 && lead <= 0xDF {
            return continuation(1) == nil ? 0 : 2
        }
        if lead >= 0xE0 && lead <= 0xEF {
            guard let second = continuation(1), let third = continuation(2) else { return 0 }
            let value = UInt32(lead & 0x0F) << 12 | second << 6 | third
            return SheetXMLTokenizer.isXMLCharacter(Int(value)) && value >= 0x800 ? 3 : 0
        }
        if lead >= 0xF0 && lead <= 0xF4 {
            guard let second = continuation(1), let third = continuation(2), let fourth = continuation(3) else { return 0 }
            let value = UInt32(lead & 0x07) << 18 | second << 12 | third << 6 | fourth
            return value >= 0x10000 && value <= 0x10FFFF ? 4 : 0
        }
        return 0
    }

    /// XML 1.0's Char production.
    @inline(__always)
    private static func isXMLCharacter(_ value: Int) -> Bool {
        switch value {
        case 0x09, 0x0A, 0x0D, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }

    /// UTF-8 of a code point known to be an XML character; returns the byte count.
    private static func encode(_ value: Int, into output: UnsafeMutablePointer<UInt8>) -> Int {
        switch value {
        case 0..<0x80:
            output[0] = UInt8(value)
            return 1
        case 0x80..<0x800:
            output[0] = UInt8(0xC0 | value >> 6)
            output[1] = UInt8(0x80 | value & 0x3F)
            return 2
        case 0x800..<0x10000:
            output[0] = UInt8(0xE0 | value >> 12)
            output[1] = UInt8(0x80 | value >> 6 & 0x3F)
            output[2] = UInt8(0x80 | value & 0x3F)
            return 3
        default:
            output[0] = UInt8(0xF0 | value >> 18)
            output[1] = UInt8(0x80 | value >> 12 & 0x3F)
            output[2] = UInt8(0x80 | value >> 6 & 0x3F)
            output[3] = UInt8(0x80 | value & 0x3F)
            return 4
        }
    }
}

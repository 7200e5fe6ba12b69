/// The edge-whitespace rule for `<t>` elements.
///
/// With `xml:space="preserve"` the text is kept exactly. Without it, leading and trailing ASCII
/// whitespace (space, tab, CR, LF) is dropped, as Excel does when it opens such a file and as
/// calamine does (openpyxl keeps it). Excel itself writes `xml:space="preserve"` on every `<t>`
/// whose text has edge whitespace, so its own files are unaffected.
enum TextTrimming {
    @inline(__always)
    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    /// The range of `bytes[start..<end]` without edge whitespace.
    @inline(__always)
    static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        var lower = 0
        var upper = bytes.count
        while lower < upper, isSpace(bytes[lower]) { lower += 1 }
        while upper > lower, isSpace(bytes[upper - 1]) { upper -= 1 }
        return lower..<upper
    }
}

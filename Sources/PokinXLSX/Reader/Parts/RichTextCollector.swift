/// Collects the text of a shared-string item `<si>` or an inline string `<is>`: every `<t>`,
/// plain or inside rich-text runs `<r>`, concatenated in order; phonetic runs `<rPh>` (Japanese
/// furigana readings) skipped; each `<t>` trimmed unless `xml:space="preserve"`.
struct RichTextCollector {
    private(set) var bytes: [UInt8] = []
    private var runStart = 0
    private var preserve = false
    /// Whether character data is being collected (inside a `<t>` that counts).
    private(set) var capturing = false
    private var phoneticDepth = 0
    /// Set when a `<t>` was seen, so that an item without one is known to be "".
    private(set) var sawText = false

    init() {
        bytes.reserveCapacity(256)
    }

    mutating func beginItem() {
        bytes.removeAll(keepingCapacity: true)
        capturing = false
        phoneticDepth = 0
        sawText = false
    }

    /// Call for each start tag inside the item.
    @inline(__always)
    mutating func start(_ name: SAXName, _ attributes: SAXAttributes) {
        if name.isLocal("t") {
            guard phoneticDepth == 0 else { return }
            runStart = bytes.count
            preserve = attributes.spaceSetting ?? false
            capturing = true
            sawText = true
        } else if name.isLocal("rPh") {
            phoneticDepth += 1
        }
    }

    /// Call for each end tag inside the item.
    @inline(__always)
    mutating func end(_ name: SAXName) {
        if name.isLocal("t") {
            guard capturing else { return }
            capturing = false
            if !preserve { trimRun() }
        } else if name.isLocal("rPh") {
            phoneticDepth = max(0, phoneticDepth - 1)
        }
    }

    @inline(__always)
    mutating func append(_ text: UnsafeBufferPointer<UInt8>) {
        if capturing { bytes.append(contentsOf: text) }
    }

    /// The item's text with `_xHHHH_` escapes decoded.
    func makeString() -> String {
        bytes.withUnsafeBufferPointer { XStringDecoder.string($0) }
    }

    private mutating func trimRun() {
        var end = bytes.count
        while end > runStart, TextTrimming.isSpace(bytes[end - 1]) { end -= 1 }
        if end < bytes.count { bytes.removeSubrange(end...) }
        var start = runStart
        while start < bytes.count, TextTrimming.isSpace(bytes[start]) { start += 1 }
        if start > runStart { bytes.removeSubrange(runStart..<start) }
    }
}

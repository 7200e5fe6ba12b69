/// Up to the first 8 bytes of a `TextKey(text).loose` key, worked out from the text without
/// making the key, so header cells that cannot match an alias are passed over cheaply.
///
/// For ASCII the loose key is the text's runs of characters other than white space and the
/// separators `_ / . - :`, lowercased (A–Z only) and joined by single spaces. The prefix is
/// read that way and stops at the first non-ASCII byte (a non-ASCII character may be white
/// space, lowercase to ASCII, or compose with what precedes it: only the key tells).
struct LooseKeyPrefix: Sendable, Equatable {
    /// The bytes, first in the lowest byte.
    private(set) var bytes: UInt64 = 0
    private(set) var count = 0
    /// The whole key is these bytes (the text was read to its end).
    private(set) var isWholeKey = false

    static let capacity = 8

    private mutating func append(_ byte: UInt8) {
        bytes |= UInt64(byte) << UInt64(8 * count)
        count += 1
    }

    /// The prefix of `TextKey(text).loose`.
    init(ofText text: String) {
        if let prefix = text.utf8.withContiguousStorageIfAvailable({ LooseKeyPrefix(ofText: $0) }) {
            self = prefix
        } else {
            self.init(ofText: text.utf8)
        }
    }

    private init(ofText text: some Sequence<UInt8>) {
        var pendingSpace = false
        for byte in text {
            if byte >= 0x80 { return }
            if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
                || byte == 0x5F || byte == 0x2F || byte == 0x2E || byte == 0x2D || byte == 0x3A {
                pendingSpace = count > 0
                continue
            }
            if pendingSpace {
                if count == Self.capacity { return }
                append(0x20)
                pendingSpace = false
            }
            if count == Self.capacity { return }
            append(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte)
        }
        isWholeKey = true
    }

    /// The first bytes of a key, taken as they are (the key's own leading bytes, up to 8).
    init(ofKey key: some Sequence<UInt8>, asciiOnly: Bool) {
        for byte in key {
            if count == Self.capacity || (asciiOnly && byte >= 0x80) { return }
            append(byte)
        }
        isWholeKey = true
    }

    init() {}

    /// The same bytes, no longer claiming to be the whole key (a glob's first part).
    var droppingWholeness: LooseKeyPrefix { withWholeness(false) }

    func withWholeness(_ whole: Bool) -> LooseKeyPrefix {
        var copy = self
        copy.isWholeKey = whole
        return copy
    }

    /// Whether a key with this prefix can match `required` (the bytes every matching key starts
    /// with, or is when whole): they agree on the bytes both know, a whole key is not shorter,
    /// and two whole keys are the same length.
    func allows(_ required: LooseKeyPrefix) -> Bool {
        let shared = min(count, required.count)
        let mask: UInt64 = shared == 8 ? .max : (1 << UInt64(8 * shared)) - 1
        guard (bytes ^ required.bytes) & mask == 0 else { return false }
        if isWholeKey && required.count > count { return false }
        if isWholeKey && required.isWholeKey && count != required.count { return false }
        return true
    }
}

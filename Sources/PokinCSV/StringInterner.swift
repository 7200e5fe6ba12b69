/// Hands out one shared `String` for field bytes seen recently, instead of building a new
/// one per field.
///
/// Performance tables repeat themselves: level words, units, codes, whole indicator statements.
/// A direct-mapped cache (like a CPU cache: each hash has one slot, a new value evicts the old)
/// turns a repeated field of more than 15 bytes into a hash, a byte comparison and a retain,
/// where building a String validates, copies and allocates. Memory is fixed (about 1.3 MB), whatever
/// the file's size. Only valid UTF-8 goes in; strings are values, so sharing is invisible.
final class StringInterner {
    /// Slots (a power of two) and the longest field kept.
    static let slotCount = 8192
    static let maxLength = 128
    private static let slotShift = UInt64(64 - 13)

    private let hashes: UnsafeMutablePointer<UInt64>
    private let lengths: UnsafeMutablePointer<Int>
    private let strings: UnsafeMutablePointer<String>
    private let arena: UnsafeMutablePointer<UInt8>

    init() {
        let count = StringInterner.slotCount
        hashes = .allocate(capacity: count)
        hashes.initialize(repeating: 0, count: count)
        lengths = .allocate(capacity: count)
        lengths.initialize(repeating: -1, count: count)
        strings = .allocate(capacity: count)
        strings.initialize(repeating: "", count: count)
        arena = .allocate(capacity: count * StringInterner.maxLength)
    }

    deinit {
        let count = StringInterner.slotCount
        hashes.deallocate()
        lengths.deallocate()
        strings.deinitialize(count: count)
        strings.deallocate()
        arena.deallocate()
    }

    /// The string of `field`, which must be valid UTF-8.
    @inline(__always)
    func string(_ field: UnsafeBufferPointer<UInt8>) -> String {
        let count = field.count
        // Up to 15 bytes Swift keeps a string inline, without allocating: building it is cheaper
        // than looking it up.
        guard count > 15, count <= StringInterner.maxLength, let source = field.baseAddress else {
            return String(decoding: field, as: UTF8.self)
        }
        let hash = StringInterner.hash(source, count)
        let slot = Int(truncatingIfNeeded: hash >> StringInterner.slotShift)
        let stored = arena + slot * StringInterner.maxLength
        if hashes[slot] == hash, lengths[slot] == count, StringInterner.equal(stored, source, count) {
            return strings[slot]
        }
        let text = String(decoding: field, as: UTF8.self)
        hashes[slot] = hash
        lengths[slot] = count
        stored.update(from: source, count: count)
        strings[slot] = text
        return text
    }

    /// A multiply-xorshift hash over 8-byte words (the last word overlaps when the length is
    /// not a multiple of 8).
    @inline(__always)
    private static func hash(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> UInt64 {
        let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
        let raw = UnsafeRawPointer(bytes)
        var hash = UInt64(count) &* multiplier
        if count >= 8 {
            var index = 0
            while index + 8 < count {
                hash = (hash ^ raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) &* multiplier
                hash ^= hash >> 29
                index += 8
            }
            hash = (hash ^ raw.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)) &* multiplier
        } else {
            var tail: UInt64 = 0
            for index in 0..<count { tail = tail << 8 | UInt64(bytes[index]) }
            hash = (hash ^ tail) &* multiplier
        }
        hash ^= hash >> 32
        return hash &* multiplier
    }

    @inline(__always)
    private static func equal(_ left: UnsafePointer<UInt8>, _ right: UnsafePointer<UInt8>, _ count: Int) -> Bool {
        let a = UnsafeRawPointer(left), b = UnsafeRawPointer(right)
        var index = 0
        while index + 8 <= count {
            if a.loadUnaligned(fromByteOffset: index, as: UInt64.self) != b.loadUnaligned(fromByteOffset: index, as: UInt64.self) {
                return false
            }
            index += 8
        }
        while index < count {
            if left[index] != right[index] { return false }
            index += 1
        }
        return true
    }
}

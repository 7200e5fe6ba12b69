#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The shared-string table of a workbook being written: each distinct text once, in order of
/// first use, found again by a hash of its UTF-8 bytes.
///
/// Memory grows with the distinct strings only (their bytes in one arena plus 16 bytes of index
/// per string). Strings are compared byte for byte, so canonically equivalent but differently
/// encoded texts (precomposed and decomposed é) stay distinct, exactly as written.
final class SharedStringBuilder {
    private struct Entry {
        var offset: Int
        var length: Int32
        var hash: UInt32
    }

    @exclusivity(unchecked) private var arena: UnsafeMutablePointer<UInt8>
    @exclusivity(unchecked) private var arenaCount = 0
    @exclusivity(unchecked) private var arenaCapacity = 1 << 16
    @exclusivity(unchecked) private var entries: [Entry] = []
    /// Open addressing, linear probing; slot value is entry index + 1, 0 when empty.
    @exclusivity(unchecked) private var slots: UnsafeMutablePointer<UInt32>
    @exclusivity(unchecked) private var slotMask: Int
    /// How many string cells refer to the table (`count` in `<sst>`).
    private(set) var references = 0

    init() {
        arena = .allocate(capacity: arenaCapacity)
        slotMask = (1 << 12) - 1
        slots = .allocate(capacity: slotMask + 1)
        slots.initialize(repeating: 0, count: slotMask + 1)
    }

    deinit {
        arena.deallocate()
        slots.deallocate()
    }

    var uniqueCount: Int { entries.count }

    /// The index of `text`, adding it on first use.
    @inline(__always)
    func index(of text: UnsafeBufferPointer<UInt8>) -> Int {
        references += 1
        let hash = SharedStringBuilder.hash(text)
        var slot = Int(hash) & slotMask
        while true {
            let value = slots[slot]
            if value == 0 { break }
            let entry = entries[Int(value) - 1]
            if entry.hash == hash, Int(entry.length) == text.count,
               text.count == 0 || memcmp(arena + entry.offset, text.baseAddress!, text.count) == 0 {
                return Int(value) - 1
            }
            slot = (slot + 1) & slotMask
        }
        return insert(text, hash: hash, slot: slot)
    }

    private func insert(_ text: UnsafeBufferPointer<UInt8>, hash: UInt32, slot: Int) -> Int {
        if arenaCount + text.count > arenaCapacity {
            var capacity = arenaCapacity * 2
            while capacity < arenaCount + text.count { capacity *= 2 }
            let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
            grown.update(from: arena, count: arenaCount)
            arena.deallocate()
            arena = grown
            arenaCapacity = capacity
        }
        if let source = text.baseAddress { (arena + arenaCount).update(from: source, count: text.count) }
        entries.append(Entry(offset: arenaCount, length: Int32(text.count), hash: hash))
        arenaCount += text.count
        slots[slot] = UInt32(entries.count)
        if entries.count * 2 > slotMask { grow() }
        return entries.count - 1
    }

    private func grow() {
        let newMask = (slotMask + 1) * 2 - 1
        let newSlots = UnsafeMutablePointer<UInt32>.allocate(capacity: newMask + 1)
        newSlots.initialize(repeating: 0, count: newMask + 1)
        for (index, entry) in entries.enumerated() {
            var slot = Int(entry.hash) & newMask
            while newSlots[slot] != 0 { slot = (slot + 1) & newMask }
            newSlots[slot] = UInt32(index + 1)
        }
        slots.deallocate()
        slots = newSlots
        slotMask = newMask
    }

    /// Calls `body` with each string's bytes in index order.
    func forEach(_ body: (UnsafeBufferPointer<UInt8>) throws -> Void) rethrows {
        for entry in entries {
            try body(UnsafeBufferPointer(start: arena + entry.offset, count: Int(entry.length)))
        }
    }

    /// A fast 32-bit hash of bytes (8 bytes at a time, multiply-xorshift mixing).
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        guard let base = bytes.baseAddress else { return UInt32(truncatingIfNeeded: state) }
        let raw = UnsafeRawPointer(base)
        var index = 0
        let count = bytes.count
        while index + 8 <= count {
            let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            state = (state ^ word) &* 0xFF51_AFD7_ED55_8CCD
            state ^= state >> 32
            index += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while index < count {
            tail |= UInt64(base[index]) << shift
            shift += 8
            index += 1
        }
        state = (state ^ tail) &* 0xC4CE_B9FE_1A85_EC53
        state ^= state >> 29
        state = state &* 0xFF51_AFD7_ED55_8CCD
        state ^= state >> 32
        return UInt32(truncatingIfNeeded: state)
    }
}

@available(*, unavailable)
extension SharedStringBuilder: Sendable {}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Interned, NUL-terminated copies of the names and namespace URIs of one document, as
/// libxml2's dictionary keeps them: equal bytes give the same pointer, and every pointer stays
/// valid until `release()` (so a `NamespaceCache` comparing URI pointers is never fooled by a
/// freed and reused address).
struct NameTable {
    private struct Entry {
        var hash: UInt32
        var count: Int32
        var name: UnsafeMutablePointer<UInt8>?
    }

    /// A name of two to eight bytes, packed into `key`, and its interned copy.
    private struct ShortEntry {
        var key: UInt64
        var name: UnsafePointer<UInt8>?
    }

    private var entries: [Entry]
    private var used = 0
    /// One-byte names (`c`, `v`, `r`, `s`, `t`) without hashing; filled on first use.
    private let single: UnsafeMutablePointer<UnsafePointer<UInt8>?>
    /// Names of two to eight bytes (`row`, `spans`, `is`): a direct-mapped cache in front of the hash table, keyed by the bytes themselves, so that
    /// the names met on every row are found without hashing or comparing memory.
    private let short: UnsafeMutablePointer<ShortEntry>
    /// A power of two: the slot is the top six bits of the key's Fibonacci hash.
    private static var shortSlots: Int { 64 }

    init() {
        entries = [Entry](repeating: Entry(hash: 0, count: 0, name: nil), count: 64)
        single = .allocate(capacity: 128)
        single.initialize(repeating: nil, count: 128)
        short = .allocate(capacity: NameTable.shortSlots)
        short.initialize(repeating: ShortEntry(key: 0, name: nil), count: NameTable.shortSlots)
    }

    /// Frees every name; the table must not be used afterwards.
    func release() {
        for entry in entries { entry.name?.deallocate() }
        single.deallocate()
        short.deallocate()
    }

    /// The interned copy of `count` bytes at `start` (ASCII names, or a URI).
    @inline(__always)
    mutating func intern(_ start: UnsafePointer<UInt8>, _ count: Int) -> UnsafePointer<UInt8> {
        if count == 1, start[0] < 128 {
            if let name = single[Int(start[0])] { return name }
            let name = lookup(start, count)
            single[Int(start[0])] = name
            return name
        }
        if count <= 8 {
            // Names and URIs hold no 0 byte, so the packed bytes tell the length too.
            var key: UInt64 = 0
            for index in 0..<count { key |= UInt64(start[index]) &<< (8 &* UInt64(index)) }
            let slot = short + Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) &>> 58)
            if slot.pointee.key == key, let name = slot.pointee.name { return name }
            let name = lookup(start, count)
            slot.pointee = ShortEntry(key: key, name: name)
            return name
        }
        return lookup(start, count)
    }

    private mutating func lookup(_ start: UnsafePointer<UInt8>, _ count: Int) -> UnsafePointer<UInt8> {
        var hash: UInt32 = 2_166_136_261
        for index in 0..<count { hash = (hash ^ UInt32(start[index])) &* 16_777_619 }
        let mask = entries.count - 1
        var slot = Int(hash) & mask
        while let name = entries[slot].name {
            if entries[slot].hash == hash, Int(entries[slot].count) == count, memcmp(name, start, count) == 0 {
                return UnsafePointer(name)
            }
            slot = (slot + 1) & mask
        }
        let name = UnsafeMutablePointer<UInt8>.allocate(capacity: count + 1)
        name.initialize(from: start, count: count)
        name[count] = 0
        entries[slot] = Entry(hash: hash, count: Int32(count), name: name)
        used += 1
        if used * 2 > entries.count { grow() }
        return UnsafePointer(name)
    }

    private mutating func grow() {
        let old = entries
        entries = [Entry](repeating: Entry(hash: 0, count: 0, name: nil), count: old.count * 2)
        let mask = entries.count - 1
        for entry in old where entry.name != nil {
            var slot = Int(entry.hash) & mask
            while entries[slot].name != nil { slot = (slot + 1) & mask }
            entries[slot] = entry
        }
    }
}

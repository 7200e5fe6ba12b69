/// Dense ids (0, 1, 2, …) for distinct strings, in the order they are first seen.
///
/// Matching looks up every cell text of every stage: a `[String: Int]` hashes each with SipHash
/// (seeded, finalised per call), which showed as a good share of an import. For ASCII strings
/// (nearly every cell text) this table hashes the bytes eight at a time with a multiply-and-mix
/// hash and keeps open addressing over a power-of-two array; equal hashes are confirmed by
/// comparing the strings, so ids are exact whatever the hash does. For ASCII, equal bytes is
/// exactly `String` equality; any other string goes to a `[String: Int]`, which keeps Swift's
/// canonical equivalence (a precomposed and a decomposed "é" are one string).
struct StringIDTable {
    /// The string of each id.
    private(set) var strings: [String] = []
    /// The hash of each id, nil for a non-ASCII string (kept in `others`, not in `slots`).
    private var hashes: [UInt64?] = []
    /// The id in each slot, -1 for an empty slot. Kept at most half full.
    private var slots: [Int32] = Array(repeating: -1, count: 64)
    private var others: [String: Int] = [:]

    var count: Int { strings.count }

    /// The id of `text`, giving it the next id if it has none; `isNew` says which.
    mutating func id(_ text: String) -> (id: Int, isNew: Bool) {
        guard let hash = Self.asciiHash(text) else {
            if let id = others[text] { return (id, false) }
            let id = append(text, hash: nil)
            others[text] = id
            return (id, true)
        }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let id = Int(slots[slot])
            if id < 0 { break }
            // Both ASCII: String equality is byte equality (and compares whole buffers at once).
            if hashes[id] == hash, strings[id] == text { return (id, false) }
            slot = (slot + 1) & mask
        }
        let id = append(text, hash: hash)
        if (strings.count - others.count) * 2 > slots.count {
            grow()
        } else {
            slots[slot] = Int32(truncatingIfNeeded: id)
        }
        return (id, true)
    }

    private mutating func append(_ text: String, hash: UInt64?) -> Int {
        strings.append(text)
        hashes.append(hash)
        return strings.count - 1
    }

    private mutating func grow() {
        slots = Array(repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for id in strings.indices {
            guard let hash = hashes[id] else { continue }
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(truncatingIfNeeded: id)
        }
    }

    /// A hash of the bytes of an ASCII string (nil for any other): eight bytes at a time, each
    /// word multiplied in and mixed, then a final avalanche (the low bits pick the slot).
    static func asciiHash(_ text: String) -> UInt64? {
        if let hash = text.utf8.withContiguousStorageIfAvailable({ asciiHash(UnsafeRawBufferPointer($0)) }) { return hash }
        return Array(text.utf8).withUnsafeBytes { asciiHash($0) }
    }

    private static func asciiHash(_ bytes: UnsafeRawBufferPointer) -> UInt64? {
        let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
        var hash = UInt64(truncatingIfNeeded: bytes.count) &* multiplier
        var highBits: UInt64 = 0
        var offset = 0
        while offset + 8 <= bytes.count {
            let word = bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            highBits |= word
            hash = (hash ^ word) &* multiplier
            hash ^= hash >> 29
            offset += 8
        }
        if offset < bytes.count {
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while offset < bytes.count {
                tail |= UInt64(bytes[offset]) << shift
                shift += 8
                offset += 1
            }
            highBits |= tail
            hash = (hash ^ tail) &* multiplier
        }
        guard highBits & 0x8080_8080_8080_8080 == 0 else { return nil }
        hash ^= hash >> 32
        hash = hash &* 0xD6E8_FEB8_6659_FD93
        hash ^= hash >> 32
        return hash
    }
}

/// A growable byte buffer at a fixed address, released by its owner (no copy-on-write checks
/// on the hot path of collecting `<v>` text).
struct ByteBuffer {
    private(set) var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    var count = 0

    init(capacity: Int) {
        self.capacity = capacity
        base = .allocate(capacity: capacity)
    }

    var buffer: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

    @inline(__always)
    mutating func append(_ bytes: UnsafePointer<UInt8>, _ length: Int) {
        if count + length > capacity { grow(to: count + length) }
        if length <= 16 {
            // Cell values are a few bytes: a loop beats a call to memcpy.
            for offset in 0..<length { base[count &+ offset] = bytes[offset] }
        } else {
            (base + count).update(from: bytes, count: length)
        }
        count += length
    }

    private mutating func grow(to needed: Int) {
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBase.update(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }

    /// Frees the storage; the buffer must not be used afterwards.
    func release() { base.deallocate() }
}

/// The growable memory behind a ``CSVTokenizer``'s current record: field bytes back to back and
/// the offset where each field ends. Raw pointers, so the tokenizer's hot loop copies with
/// `memcpy` and no per-append bookkeeping; the tokenizer copies it before writing when shared.
final class RecordStorage: @unchecked Sendable {
    private(set) var bytes: UnsafeMutablePointer<UInt8>
    private(set) var byteCapacity: Int
    private(set) var ends: UnsafeMutablePointer<Int>
    private(set) var endCapacity: Int
    /// The tokenizer's 256 byte classes (kept here so they need no reference counting).
    let classes: UnsafeMutablePointer<UInt8>

    init(byteCapacity: Int = 1024, endCapacity: Int = 32, classes: [UInt8]) {
        precondition(classes.count == 256)
        self.byteCapacity = byteCapacity
        self.endCapacity = endCapacity
        bytes = .allocate(capacity: byteCapacity)
        ends = .allocate(capacity: endCapacity)
        self.classes = .allocate(capacity: 256)
        self.classes.initialize(from: classes, count: 256)
    }

    deinit {
        bytes.deallocate()
        ends.deallocate()
        classes.deallocate()
    }

    /// A copy holding the first `byteCount` bytes and `endCount` offsets.
    func copy(byteCount: Int, endCount: Int) -> RecordStorage {
        let copy = RecordStorage(byteCapacity: byteCapacity, endCapacity: endCapacity,
                                 classes: Array(UnsafeBufferPointer(start: classes, count: 256)))
        copy.bytes.update(from: bytes, count: byteCount)
        copy.ends.update(from: ends, count: endCount)
        return copy
    }

    /// Room for at least `needed` bytes, keeping the first `count`.
    func growBytes(to needed: Int, keeping count: Int) {
        let capacity = max(needed, byteCapacity * 2)
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        grown.update(from: bytes, count: count)
        bytes.deallocate()
        bytes = grown
        byteCapacity = capacity
    }

    /// Room for at least `needed` offsets, keeping the first `count`.
    func growEnds(to needed: Int, keeping count: Int) {
        let capacity = max(needed, endCapacity * 2)
        let grown = UnsafeMutablePointer<Int>.allocate(capacity: capacity)
        grown.update(from: ends, count: count)
        ends.deallocate()
        ends = grown
        endCapacity = capacity
    }
}

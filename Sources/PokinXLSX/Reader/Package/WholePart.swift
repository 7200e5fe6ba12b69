/// A small part inflated whole into memory, in the very chunks the streaming reader would have
/// read (same request size, boundaries kept), so that if the fast worksheet tokenizer gives up,
/// libxml2 can be fed exactly what streaming would have fed it, with any stream error at the
/// same point.
///
/// Reading stops after the first chunk that takes the total beyond `bound` (a declared size
/// can lie): `complete` is then false and the rest of the part is still in the stream.
final class WholePart {
    private var storage: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// Bytes held (a 0 follows them, for the tokenizer).
    private(set) var count = 0
    private var chunkEnds: [Int] = []
    /// What the stream threw after the chunks held, if it did.
    private(set) var failure: (any Error)?
    /// True when the stream reached its end within the bound and without an error.
    private(set) var complete = false

    init(stream: PartStream, chunkSize: Int, bound: Int) {
        capacity = min(max(stream.declaredSize, 0), bound) + chunkSize + 1
        storage = .allocate(capacity: capacity)
        while true {
            if count + chunkSize + 1 > capacity { grow(to: max(capacity * 2, count + chunkSize + 1)) }
            let read: Int
            do {
                read = try stream.read(into: UnsafeMutableRawBufferPointer(start: storage + count, count: chunkSize))
            } catch {
                failure = error
                break
            }
            if read == 0 {
                complete = true
                break
            }
            count += read
            chunkEnds.append(count)
            if count > bound { break }
        }
        storage[count] = 0
    }

    deinit {
        storage.deallocate()
    }

    /// The bytes, followed by a 0.
    var bytes: UnsafePointer<UInt8> { UnsafePointer(storage) }

    var chunkCount: Int { chunkEnds.count }

    /// The `index`th chunk as the stream returned it.
    func chunk(_ index: Int) -> UnsafeRawBufferPointer {
        let start = index == 0 ? 0 : chunkEnds[index - 1]
        return UnsafeRawBufferPointer(start: storage + start, count: chunkEnds[index] - start)
    }

    private func grow(to newCapacity: Int) {
        let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        larger.initialize(from: storage, count: count)
        storage.deallocate()
        storage = larger
        capacity = newCapacity
    }
}

@available(*, unavailable)
extension WholePart: Sendable {}

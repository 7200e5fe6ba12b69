#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PokinCore

/// An append-only byte buffer for generating XML without building `String`s.
///
/// Three modes: in memory (the buffer grows; for small parts such as `workbook.xml`); spooled to
/// an already-unlinked temporary file; or deflated — each full buffer goes to a
/// `ParallelDeflater` that compresses it on worker threads into such a file (sheet data and the
/// shared-string table). In the last two, memory stays at the buffer's size however much is written.
final class XMLSpool {
    @exclusivity(unchecked) private(set) var base: UnsafeMutablePointer<UInt8>
    @exclusivity(unchecked) var count = 0
    @exclusivity(unchecked) private var capacity: Int
    @exclusivity(unchecked) private(set) var flushedBytes = 0
    /// The spool file's descriptor, or -1 in memory and deflate modes.
    let fileDescriptor: Int32
    /// In deflate mode, the compressor that full buffers go to.
    let deflater: ParallelDeflater?
    private var isSpooled: Bool { fileDescriptor >= 0 || deflater != nil }
    /// For error messages: the archive being written.
    let label: String

    /// All bytes appended so far, flushed or not.
    var totalBytes: Int { flushedBytes + count }

    /// An in-memory stream.
    init(capacity: Int = 4096) {
        self.capacity = max(capacity, 64)
        base = .allocate(capacity: self.capacity)
        fileDescriptor = -1
        deflater = nil
        label = ""
    }

    /// A stream spooled to a new temporary file in `directory`, unlinked at once so that nothing
    /// is left behind whatever happens; the data is read back through the descriptor.
    init(spoolIn directory: String, label: String, bufferSize: Int = 1 << 20) throws {
        fileDescriptor = try TemporaryFile.create(in: directory, label: label)
        deflater = nil
        capacity = bufferSize
        base = .allocate(capacity: bufferSize)
        self.label = label
    }

    /// A stream whose full buffers are deflated (raw deflate at `level`) on worker threads and
    /// spooled compressed to an unlinked temporary file in `directory`.
    init(deflatingIn directory: String, label: String, level: Int32, bufferSize: Int = 1 << 20) throws {
        fileDescriptor = -1
        deflater = try ParallelDeflater(directory: directory, label: label, level: level)
        capacity = bufferSize
        base = .allocate(capacity: bufferSize)
        self.label = label
    }

    deinit {
        base.deallocate()
        if fileDescriptor >= 0 { close(fileDescriptor) }
        deflater?.stop()
    }

    /// Makes room for `needed` more bytes: flushes to the file, or grows in memory.
    @inline(__always)
    func reserve(_ needed: Int) throws {
        if count + needed > capacity { try makeRoom(needed) }
    }

    private func makeRoom(_ needed: Int) throws {
        if isSpooled {
            try flush()
            if needed <= capacity { return }
        }
        var newCapacity = capacity * 2
        while newCapacity < count + needed { newCapacity *= 2 }
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        grown.update(from: base, count: count)
        base.deallocate()
        base = grown
        capacity = newCapacity
    }

    /// Writes the buffered bytes to the spool file or the compressor (no-op in memory mode).
    func flush() throws {
        guard isSpooled, count > 0 else { return }
        let pending = UnsafeBufferPointer(start: base, count: count)
        if let deflater {
            try deflater.write(pending)
        } else {
            try TemporaryFile.writeAll(fileDescriptor, pending, label: label)
        }
        flushedBytes += count
        count = 0
    }

    /// The bytes of an in-memory stream.
    var bytes: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

    // MARK: Appending (callers reserve first for the `unchecked` variants)

    @inline(__always)
    func appendUnchecked(_ byte: UInt8) {
        base[count] = byte
        count += 1
    }

    @inline(__always)
    func appendUnchecked(_ text: StaticString) {
        (base + count).update(from: text.utf8Start, count: text.utf8CodeUnitCount)
        count += text.utf8CodeUnitCount
    }

    @inline(__always)
    func appendUnchecked(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress else { return }
        (base + count).update(from: source, count: bytes.count)
        count += bytes.count
    }

    /// Appends a non-negative or negative integer in decimal.
    @inline(__always)
    func appendDecimalUnchecked(_ value: Int) {
        var magnitude = value.magnitude
        if value < 0 { appendUnchecked(UInt8(ascii: "-")) }
        if magnitude < 10 {
            appendUnchecked(UInt8(truncatingIfNeeded: magnitude) &+ 48)
            return
        }
        var digits = 0
        var probe = magnitude
        while probe > 0 { digits += 1; probe /= 10 }
        var position = count + digits - 1
        while magnitude > 0 {
            base[position] = UInt8(truncatingIfNeeded: magnitude % 10) &+ 48
            magnitude /= 10
            position -= 1
        }
        count += digits
    }

    func append(_ text: StaticString) throws {
        try reserve(text.utf8CodeUnitCount)
        appendUnchecked(text)
    }

    func append(_ bytes: UnsafeBufferPointer<UInt8>) throws {
        if bytes.count <= capacity {
            try reserve(bytes.count)
            appendUnchecked(bytes)
            return
        }
        try flush()
        var rest = bytes
        while !rest.isEmpty {
            let chunk = UnsafeBufferPointer(rebasing: rest.prefix(capacity))
            try reserve(chunk.count)
            appendUnchecked(chunk)
            rest = UnsafeBufferPointer(rebasing: rest.dropFirst(chunk.count))
        }
    }

    func appendDecimal(_ value: Int) throws {
        try reserve(21)
        appendDecimalUnchecked(value)
    }

    /// Appends a string's UTF-8 bytes as they are (for names known to need no escaping).
    func appendRaw(_ text: String) throws {
        var text = text
        try text.withUTF8 { try append($0) }
    }
}

@available(*, unavailable)
extension XMLSpool: Sendable {}

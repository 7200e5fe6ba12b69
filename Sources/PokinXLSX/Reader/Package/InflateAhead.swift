import Foundation
import PokinCore

/// Inflates a large part on a background thread, a few chunks ahead of the XML parser, so that
/// decompression (about a fifth of reading a sheet) runs on another core. Memory stays bounded:
/// at most `depth` chunks wait; the worker sleeps until the parser frees one.
///
/// Errors (limits, a damaged archive) reach the reader in order, after the chunks before them.
/// `cancel()` (called when the sheet reader goes away) stops the worker and waits for it, so
/// no inflation outlives the reader.
final class InflateAhead: @unchecked Sendable {
    private let condition = NSCondition()
    // All below guarded by `condition`.
    private var stream: PartStream?
    private var filled: [(buffer: [UInt8], count: Int)] = []
    private var spare: [[UInt8]]
    private var ended = false
    private var failure: (any Error)?
    private var cancelled = false
    private var running = true
    private var inflated = 0

    /// Bytes inflated so far by the worker (including chunks not yet parsed).
    var bytesRead: Int {
        condition.lock()
        defer { condition.unlock() }
        return inflated
    }

    init(stream: PartStream, chunkSize: Int, depth: Int = 4) {
        self.stream = stream
        spare = (0..<depth).map { _ in [UInt8](repeating: 0, count: chunkSize) }
        Thread.detachNewThread { [self] in work() }
    }

    /// Hands the next inflated chunk to `body`; false at the end of the part.
    func next(_ body: (UnsafeRawBufferPointer) throws -> Void) throws -> Bool {
        condition.lock()
        while filled.isEmpty && !ended { condition.wait() }
        if filled.isEmpty {
            let failure = self.failure
            condition.unlock()
            if let failure { throw failure }
            return false
        }
        let chunk = filled.removeFirst()
        condition.unlock()
        defer {
            condition.lock()
            spare.append(chunk.buffer)
            condition.signal()
            condition.unlock()
        }
        try chunk.buffer.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[0..<chunk.count])) }
        return true
    }

    /// Stops the worker and waits until it has let go of the archive.
    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        while running { condition.wait() }
        condition.unlock()
    }

    private func work() {
        while true {
            condition.lock()
            while spare.isEmpty && !cancelled { condition.wait() }
            if cancelled { break }
            var buffer = spare.removeLast()
            let stream = self.stream
            condition.unlock()

            var count = 0
            var caught: (any Error)?
            do {
                count = try buffer.withUnsafeMutableBytes { try stream?.read(into: $0) ?? 0 }
            } catch {
                caught = error
            }

            condition.lock()
            if let caught {
                failure = caught
                ended = true
            } else if count == 0 {
                ended = true
            } else {
                filled.append((buffer, count))
                inflated += count
            }
            condition.broadcast()
            if ended || cancelled { break }
            condition.unlock()
        }
        // Holding the lock: close the entry before anyone else can touch the archive.
        stream?.close()
        stream = nil
        running = false
        condition.broadcast()
        condition.unlock()
    }
}

import Foundation
import PokinCore

/// Deflates a long stream of bytes on worker threads while the caller goes on producing it, and
/// spools the compressed data, in order, to an unlinked temporary file.
///
/// The input is cut into chunks; each chunk is compressed on its own (primed with the previous
/// 32 KiB as dictionary, so the ratio is almost that of one stream) and ends with a sync flush,
/// so the chunks concatenate into one valid deflate stream that a final block closes later.
/// At most `2 × workers` chunks are in flight: memory stays at a few MiB however long the input.
final class ParallelDeflater: @unchecked Sendable {
    /// What the spool holds once `finish()` returns.
    struct Result {
        var descriptor: Int32
        var compressedLength: Int
        var uncompressedLength: Int
        var crc: UInt32
    }

    private final class Job {
        let index: Int
        let input: [UInt8]
        let dictionary: [UInt8]
        var output: [UInt8] = []
        var crc: UInt32 = 0
        var failed = false
        init(index: Int, input: [UInt8], dictionary: [UInt8]) {
            self.index = index
            self.input = input
            self.dictionary = dictionary
        }
    }

    private let level: Int32
    private let label: String
    private let descriptor: Int32
    private let condition = NSCondition()
    private var pending: [Job] = []
    private var done: [Int: Job] = [:]
    private var inFlight = 0
    private let maxInFlight: Int
    private var stopping = false
    private var nextIndex = 0
    private var nextToWrite = 0
    private var previousTail: [UInt8] = []
    private var compressedLength = 0
    private var uncompressedLength = 0
    private var crc: UInt32 = 0
    private var failure: PokinError?
    private var threads: [Thread] = []

    init(directory: String, label: String, level: Int32, workers: Int = ParallelDeflater.defaultWorkers) throws {
        self.level = level
        self.label = label
        descriptor = try TemporaryFile.create(in: directory, label: label)
        maxInFlight = max(2, workers * 2)
        for _ in 0..<max(1, workers) {
            let thread = Thread { [self] in workerLoop() }
            thread.stackSize = 1 << 20
            threads.append(thread)
            thread.start()
        }
    }

    /// One worker per core, at most 4.
    static var defaultWorkers: Int { min(max(ProcessInfo.processInfo.activeProcessorCount, 1), 4) }

    deinit {
        stop()
        close(descriptor)
    }

    /// Queues a copy of `bytes` for compression; blocks while too many chunks are in flight.
    func write(_ bytes: UnsafeBufferPointer<UInt8>) throws {
        guard !bytes.isEmpty else { return }
        let input = Array(bytes)
        let job = Job(index: nextIndex, input: input, dictionary: previousTail)
        nextIndex += 1
        previousTail = Array(input.suffix(32 * 1024))
        uncompressedLength += input.count
        condition.lock()
        while inFlight >= maxInFlight && failure == nil {
            condition.wait()
        }
        if let failure {
            condition.unlock()
            throw failure
        }
        inFlight += 1
        pending.append(job)
        condition.broadcast()
        let ready = takeReady()
        condition.unlock()
        try writeOut(ready)
    }

    /// Waits for every chunk, writes the rest, and stops the workers.
    func finish() throws -> Result {
        condition.lock()
        while inFlight > 0 && failure == nil { condition.wait() }
        let ready = takeReady()
        condition.unlock()
        try writeOut(ready)
        stop()
        if let failure { throw failure }
        return Result(descriptor: descriptor, compressedLength: compressedLength,
                      uncompressedLength: uncompressedLength, crc: crc)
    }

    /// Finished chunks that are next in order (called with the lock held).
    private func takeReady() -> [Job] {
        var ready: [Job] = []
        while let job = done.removeValue(forKey: nextToWrite) {
            ready.append(job)
            nextToWrite += 1
        }
        return ready
    }

    private func writeOut(_ jobs: [Job]) throws {
        for job in jobs {
            if job.failed {
                throw PokinError(.zipError, "zlib could not compress \(label)", at: Location(file: label))
            }
            try job.output.withUnsafeBufferPointer { try TemporaryFile.writeAll(descriptor, $0, label: label) }
            compressedLength += job.output.count
            crc = Deflate.combine(crc, job.crc, secondLength: job.input.count)
        }
    }

    /// Lets the workers end (after the chunks queued); `finish()` calls it, and an abandoned
    /// writer's spool does.
    func stop() {
        condition.lock()
        stopping = true
        condition.broadcast()
        condition.unlock()
        // Each thread's closure holds `self`: dropping the threads breaks the cycle, so the
        // deflater (its jobs and spool) is freed once the workers have returned.
        threads.removeAll()
    }

    private func workerLoop() {
        var scratch: [UInt8] = []
        while true {
            condition.lock()
            while pending.isEmpty && !stopping { condition.wait() }
            if pending.isEmpty {
                condition.unlock()
                return
            }
            let job = pending.removeFirst()
            condition.unlock()

            let ok = job.input.withUnsafeBufferPointer { input in
                job.dictionary.withUnsafeBufferPointer { dictionary in
                    Deflate.compress(input, level: level, final: false, dictionary: dictionary, into: &scratch)
                }
            }
            job.output = scratch
            job.crc = job.input.withUnsafeBufferPointer { Deflate.crc32($0) }
            job.failed = !ok

            condition.lock()
            done[job.index] = job
            inFlight -= 1
            condition.broadcast()
            condition.unlock()
        }
    }
}

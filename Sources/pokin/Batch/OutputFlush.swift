import Foundation

/// Flushes a batch's outputs to disk: in the background while the batch runs, and once more at
/// its end, before the report is written.
///
/// Each output is written under a temporary name and renamed when complete, so a killed batch
/// never leaves a partial file under an output's name whether or not it was flushed. What the
/// flush adds is durability against a machine crash: once the report is written, the outputs
/// are on disk. (After a crash before that point, `--resume` reads each output back and redoes
/// any that is not complete.)
///
/// Flushing in the background lets the disk write earlier outputs while the workers convert the
/// next ones, so the final flush waits only for the last few instead of the whole batch.
final class OutputFlush: @unchecked Sendable {
    /// Seconds between background flushes.
    static let interval = 0.25

    private let descriptor: Int32
    private let condition = NSCondition()
    // Guarded by `condition`.
    private var stopped = false
    private var flusherDone = true
    private var flushCount = 0

    /// Flushes made so far, in the background and at the end.
    var flushes: Int {
        condition.lock()
        defer { condition.unlock() }
        return flushCount
    }

    /// Flushes the file system holding `folder` (every file system if it cannot be opened).
    init(folder: String) {
        descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// Starts flushing every `interval` seconds on a thread of its own, until `finish()`.
    func startFlushing(every interval: Double) {
        condition.lock()
        flusherDone = false
        condition.unlock()
        let thread = Thread { [self] in
            condition.lock()
            while !stopped {
                _ = condition.wait(until: Date(timeIntervalSinceNow: interval))
                if stopped { break }
                condition.unlock()
                flushNow()
                condition.lock()
            }
            flusherDone = true
            condition.broadcast()
            condition.unlock()
        }
        thread.start()
    }

    /// Stops the background flushing and flushes once more: when it returns, every output
    /// written before the call is on disk.
    func finish() {
        condition.lock()
        stopped = true
        condition.broadcast()
        while !flusherDone { condition.wait() }
        condition.unlock()
        flushNow()
    }

    private func flushNow() {
        condition.lock()
        flushCount += 1
        condition.unlock()
        // syncfs(2) flushes only the file system holding the outputs; Swift's Glibc module does
        // not declare it, so it is looked up in the C library (sync(2), every file system, if not).
        guard descriptor >= 0, let syncfs = Self.syncFileSystem, syncfs(descriptor) == 0 else {
            sync()
            return
        }
    }

    private typealias SyncFileSystem = @convention(c) (Int32) -> Int32

    private static let syncFileSystem: SyncFileSystem? = dlsym(nil, "syncfs").map {
        unsafeBitCast($0, to: SyncFileSystem.self)
    }
}

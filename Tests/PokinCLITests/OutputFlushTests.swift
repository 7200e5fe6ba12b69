import Foundation
@testable import pokin
import Testing

@Suite("Flushing a batch's outputs")
struct OutputFlushTests {
    @Test("Background flushing runs while the batch runs, and finish() stops it and flushes once more")
    func backgroundFlushesThenFinal() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pokin-flush-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let flush = OutputFlush(folder: folder.path)
        flush.startFlushing(every: 0.01)
        // Wait (bounded) until the background thread has flushed at least twice.
        let deadline = Date(timeIntervalSinceNow: 10)
        while flush.flushes < 2, Date() < deadline { usleep(5_000) }
        #expect(flush.flushes >= 2)
        flush.finish()
        let afterFinish = flush.flushes
        #expect(afterFinish >= 3)
        // Stopped: no flush happens after finish() returned.
        usleep(50_000)
        #expect(flush.flushes == afterFinish)
    }

    @Test("finish() without background flushing flushes exactly once")
    func finishAlone() {
        let flush = OutputFlush(folder: "/nonexistent-\(UUID().uuidString)")
        flush.finish()
        #expect(flush.flushes == 1)
    }
}

import Foundation

/// Runs the tasks of a batch on `jobs` threads, each taking the next input when it is free,
/// and lets the calling thread watch the counts while they work.
///
/// Entries are kept in input order whatever order they finish in. Memory holds one model per
/// thread at a time plus one small entry per input.
final class BatchRunner: @unchecked Sendable {
    private let task: BatchTask
    private let inputs: [BatchInput]
    private let outputs: [String]
    private let jobs: Int
    private let condition = NSCondition()
    // Guarded by `condition`.
    private var nextIndex = 0
    private var entries: [BatchEntry?]
    private var counts: BatchCounts
    private var running = 0

    init(task: BatchTask, inputs: [BatchInput], outputs: [String], jobs: Int) {
        self.task = task
        self.inputs = inputs
        self.outputs = outputs
        self.jobs = max(1, min(jobs, max(inputs.count, 1)))
        entries = Array(repeating: nil, count: inputs.count)
        counts = BatchCounts(total: inputs.count)
    }

    /// Converts every input; calls `watch` with the counts on the calling thread about every
    /// `interval` seconds and once at the end. Returns the entries in input order.
    func run(every interval: Double, watch: (BatchCounts) -> Void) -> [BatchEntry] {
        condition.lock()
        running = jobs
        condition.unlock()
        for _ in 0..<jobs {
            let thread = Thread { [self] in work() }
            thread.stackSize = 16 << 20
            thread.start()
        }
        condition.lock()
        while running > 0 {
            let snapshot = counts
            condition.unlock()
            watch(snapshot)
            condition.lock()
            if running > 0 { _ = condition.wait(until: Date(timeIntervalSinceNow: interval)) }
        }
        let finished = entries.map { $0! }
        let final = counts
        condition.unlock()
        watch(final)
        return finished
    }

    private func work() {
        while true {
            condition.lock()
            guard nextIndex < inputs.count else {
                running -= 1
                condition.broadcast()
                condition.unlock()
                return
            }
            let index = nextIndex
            nextIndex += 1
            condition.unlock()

            let entry = task.run(inputs[index], output: outputs[index])

            condition.lock()
            entries[index] = entry
            counts.add(entry.status)
            condition.unlock()
        }
    }
}

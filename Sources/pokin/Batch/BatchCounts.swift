/// Running totals of a batch, by status.
struct BatchCounts: Sendable, Equatable {
    var total = 0
    var converted = 0
    var convertedWithWarnings = 0
    var failed = 0
    var skipped = 0

    var done: Int { converted + convertedWithWarnings + failed + skipped }

    mutating func add(_ status: BatchEntry.Status) {
        switch status {
        case .converted: converted += 1
        case .convertedWithWarnings: convertedWithWarnings += 1
        case .failed: failed += 1
        case .skipped: skipped += 1
        }
    }
}

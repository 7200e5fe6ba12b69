import Foundation

/// Shows a batch's progress on standard error: a bar redrawn in place on a terminal, a plain
/// line every `lineInterval` seconds otherwise (a log, a CI job, a pipe), nothing with `--quiet`.
final class BatchProgress {
    enum Style: Equatable { case bar, lines, none }

    let style: Style
    /// How often the loop calls `show` (seconds).
    var refreshInterval: Double { style == .bar ? 0.2 : 1 }
    private let lineInterval: Double
    private let started = DispatchTime.now().uptimeNanoseconds
    private var lastLine: UInt64
    private var drewBar = false
    private let label: String

    init(style: Style, label: String = "pokin batch", lineInterval: Double = 10) {
        self.style = style
        self.label = label
        self.lineInterval = lineInterval
        lastLine = started
    }

    /// The style for this process: a bar when standard error is a terminal.
    static func style(quiet: Bool) -> Style {
        if quiet { return .none }
        return isatty(STDERR_FILENO) == 1 ? .bar : .lines
    }

    func show(_ counts: BatchCounts) {
        let now = DispatchTime.now().uptimeNanoseconds
        switch style {
        case .none:
            return
        case .bar:
            let width = BatchProgress.terminalWidth()
            var text = BatchProgress.barLine(counts, seconds: seconds(now), width: width)
            if text.count >= width { text = String(text.prefix(width - 1)) }
            write("\r" + text + "\u{1B}[K")
            drewBar = true
        case .lines:
            guard Double(now - lastLine) / 1e9 >= lineInterval, counts.done < counts.total else { return }
            lastLine = now
            write(BatchProgress.plainLine(counts, seconds: seconds(now), label: label) + "\n")
        }
    }

    /// Clears the bar so that the summary starts on a clean line.
    func finish() {
        if drewBar { write("\r\u{1B}[K") }
    }

    private func seconds(_ now: UInt64) -> Double { Double(now - started) / 1e9 }

    /// `[=====>    ] 412/1000 41% | 390 ok, 20 warn, 2 failed | 37.5/s, 0:16 left`: the bar
    /// takes what room the counts leave on the line.
    static func barLine(_ counts: BatchCounts, seconds: Double, width: Int) -> String {
        var status = "\(counts.converted) ok, \(counts.convertedWithWarnings) warn, \(counts.failed) failed"
        if counts.skipped > 0 { status += ", \(counts.skipped) up to date" }
        let worked = counts.done - counts.skipped
        var rate = "starting"
        if worked > 0, seconds > 0 {
            let perSecond = Double(worked) / seconds
            rate = String(format: "%.1f/s, ", perSecond) + clock(Double(counts.total - counts.done) / perSecond) + " left"
        }
        let tail = " \(counts.done)/\(counts.total) \(percent(counts))% | \(status) | \(rate)"
        let barWidth = max(5, min(40, width - tail.count - 3))
        let filled = counts.total == 0 ? barWidth : barWidth * counts.done / counts.total
        let bar = String(repeating: "=", count: filled) + (filled < barWidth ? ">" + String(repeating: " ", count: barWidth - filled - 1) : "")
        return "[\(bar)]" + tail
    }

    /// `pokin batch: 412/1000 (41%): 390 ok, 20 warnings, 2 failed; 37.5 files/s, about 0:16 left`
    static func plainLine(_ counts: BatchCounts, seconds: Double, label: String) -> String {
        "\(label): \(counts.done)/\(counts.total) (\(percent(counts))%): \(statusText(counts)); \(rateText(counts, seconds))"
    }

    static func percent(_ counts: BatchCounts) -> Int {
        counts.total == 0 ? 100 : 100 * counts.done / counts.total
    }

    static func statusText(_ counts: BatchCounts) -> String {
        var parts = ["\(counts.converted) ok", "\(counts.convertedWithWarnings) with warnings", "\(counts.failed) failed"]
        if counts.skipped > 0 { parts.append("\(counts.skipped) up to date") }
        return parts.joined(separator: ", ")
    }

    /// Files per second over the inputs actually converted (skipped ones cost nothing) and the
    /// time left at that rate.
    static func rateText(_ counts: BatchCounts, _ seconds: Double) -> String {
        let worked = counts.done - counts.skipped
        guard worked > 0, seconds > 0 else { return "starting" }
        let rate = Double(worked) / seconds
        let left = Double(counts.total - counts.done) / rate
        return String(format: "%.1f files/s, ", rate) + clock(left) + " left"
    }

    /// `1:02:03`, `2:05`, `0:07`.
    static func clock(_ seconds: Double) -> String {
        let total = Int(seconds.rounded(.up))
        let hours = total / 3600, minutes = (total / 60) % 60, secs = total % 60
        return hours > 0 ? String(format: "%d:%02d:%02d", hours, minutes, secs) : String(format: "%d:%02d", minutes, secs)
    }

    static func terminalWidth() -> Int {
        var size = winsize()
        if ioctl(STDERR_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 20 { return Int(size.ws_col) }
        return 80
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}

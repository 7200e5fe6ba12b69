import PokinCore

/// What happened to one input of a batch: one entry of the report.
struct BatchEntry: Sendable {
    enum Status: String, Sendable, CaseIterable {
        case converted
        case convertedWithWarnings = "converted-with-warnings"
        case failed
        /// `--resume`: the output is complete and newer than the input.
        case skipped
    }

    var input: BatchInput
    var output: String
    var status: Status
    /// The mapping that read the input (nil for canonical JSON inputs and inputs that failed
    /// before one was chosen), and whether it was recognised rather than named.
    var mapping: String?
    var mappingRecognised = false
    var nodes: Int?
    var errors = 0
    var warnings = 0
    var infos = 0
    var failure: PokinError?
    var seconds: Double = 0

    init(input: BatchInput, output: String, status: Status) {
        self.input = input
        self.output = output
        self.status = status
    }
}

/// The one error type every pokin module throws.
///
/// It carries a stable machine-readable ``Code``, a message for people (what is wrong and
/// what to do), where it happened, and the underlying cause when there is one.
/// Tests assert on `code`, never on `message`.
public struct PokinError: Error, CustomStringConvertible, Sendable {
    public var code: Code
    public var message: String
    public var location: Location?
    public var underlying: (any Error & Sendable)?

    public init(_ code: Code, _ message: String, at location: Location? = nil, underlying: (any Error & Sendable)? = nil) {
        self.code = code
        self.message = message
        self.location = location
        self.underlying = underlying
    }

    /// One line: `file.xlsx: 'Tahap 3'!F17: error[malformed-xml]: message (cause)`.
    public var description: String {
        var text = ""
        if let location { text += "\(location): " }
        text += "error[\(code.rawValue)]: \(message)"
        if let underlying { text += " (cause: \(underlying))" }
        return text
    }

    /// The process exit status the command line uses for this error.
    public var exitStatus: Int32 { code.exitStatus }

    /// Returns a copy whose location names `file` when it did not name one yet.
    public func inFile(_ file: String) -> PokinError {
        var copy = self
        var location = copy.location ?? Location(file: file)
        if location.file == nil { location.file = file }
        copy.location = location
        return copy
    }
}

extension PokinError {
    /// A stable error code. New codes never break callers' `switch` statements.
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        // I/O (exit 3)
        public static let fileNotFound = Code(rawValue: "file-not-found")
        public static let fileUnreadable = Code(rawValue: "file-unreadable")
        public static let fileUnwritable = Code(rawValue: "file-unwritable")
        // container and format (exit 3: the file cannot be read)
        public static let notAZipFile = Code(rawValue: "not-a-zip-file")
        public static let zipError = Code(rawValue: "zip-error")
        public static let encryptedWorkbook = Code(rawValue: "encrypted-workbook")
        public static let unsupportedFormat = Code(rawValue: "unsupported-format")
        public static let missingPart = Code(rawValue: "missing-part")
        public static let sizeLimitExceeded = Code(rawValue: "size-limit-exceeded")
        public static let malformedXML = Code(rawValue: "malformed-xml")
        public static let malformedCSV = Code(rawValue: "malformed-csv")
        public static let malformedJSON = Code(rawValue: "malformed-json")
        public static let invalidCellReference = Code(rawValue: "invalid-cell-reference")
        public static let textTooLong = Code(rawValue: "text-too-long")
        // model (exit 1: the input has errors)
        public static let invalidModel = Code(rawValue: "invalid-model")
        public static let unsupportedVersion = Code(rawValue: "unsupported-version")
        public static let duplicateID = Code(rawValue: "duplicate-id")
        public static let danglingParent = Code(rawValue: "dangling-parent")
        public static let parentCycle = Code(rawValue: "parent-cycle")
        public static let parentAfterChild = Code(rawValue: "parent-after-child")
        public static let invalidEnumValue = Code(rawValue: "invalid-enum-value")
        // mapping
        public static let invalidMapping = Code(rawValue: "invalid-mapping")
        public static let missingSheet = Code(rawValue: "missing-sheet")
        public static let missingColumn = Code(rawValue: "missing-column")
        // command line (exit 2)
        public static let usage = Code(rawValue: "usage")
        public static let notImplemented = Code(rawValue: "not-implemented")

        /// Exit status by the brief: 1 the input has errors, 2 usage, 3 a file could not be read or written.
        public var exitStatus: Int32 {
            switch self {
            case .usage, .notImplemented: return 2
            case .invalidModel, .unsupportedVersion, .duplicateID, .danglingParent, .parentCycle,
                 .parentAfterChild, .invalidEnumValue, .invalidMapping, .missingSheet, .missingColumn:
                return 1
            default: return 3
            }
        }
    }
}

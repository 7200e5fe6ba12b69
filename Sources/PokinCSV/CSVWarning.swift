import PokinCore

/// Something a CSV reader noticed and worked around: the file is read, but a person should know.
public struct CSVWarning: Hashable, Sendable, CustomStringConvertible {
    public struct Kind: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// The bytes are not valid UTF-8; they were read as Windows-1252.
        public static let encodingFallback = Kind(rawValue: "encoding-fallback")
        /// Malformed UTF-16 (an unpaired surrogate or an odd byte) was replaced by U+FFFD.
        public static let invalidUTF16 = Kind(rawValue: "invalid-utf16")
        /// A record has a different number of fields than the first record.
        public static let raggedRow = Kind(rawValue: "ragged-row")
        /// More ragged records than were listed one by one.
        public static let moreRaggedRows = Kind(rawValue: "more-ragged-rows")
    }

    public var kind: Kind
    public var message: String
    public var location: Location

    public init(_ kind: Kind, _ message: String, at location: Location) {
        self.kind = kind
        self.message = message
        self.location = location
    }

    /// One line: `file.csv:12: warning[ragged-row]: message`.
    public var description: String { "\(location): warning[\(kind.rawValue)]: \(message)" }
}

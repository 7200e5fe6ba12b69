/// How a CSV file is written: delimiter, quote, line terminator, byte order mark, encoding and
/// the decimal separator of the numbers a writer prints.
///
/// A reader reports the dialect it found (``CSVReader/dialect``); a writer follows the one it
/// is given. Two dialects have names a user can type: `rfc4180` and `excel-id`.
public struct CSVDialect: Hashable, Sendable, CustomStringConvertible {
    /// The byte sequence that ends a record.
    public enum LineTerminator: String, Hashable, Sendable, CaseIterable {
        case crlf, lf, cr

        public var bytes: [UInt8] {
            switch self {
            case .crlf: return [0x0D, 0x0A]
            case .lf: return [0x0A]
            case .cr: return [0x0D]
            }
        }
    }

    /// The character encoding of the file's bytes.
    public enum Encoding: String, Hashable, Sendable, CaseIterable {
        case utf8 = "utf-8"
        case utf16LittleEndian = "utf-16le"
        case utf16BigEndian = "utf-16be"
        /// The 8-bit Windows code page of Western Europe and Indonesia (a superset of Latin-1).
        case windows1252 = "windows-1252"
    }

    /// An optional name (`rfc4180`, `excel-id`); nil for a dialect found by reading a file.
    public var name: String?
    /// The field separator, an ASCII byte: `,` `;` TAB `|`.
    public var delimiter: UInt8
    /// The quote byte, `"`.
    public var quote: UInt8
    public var lineTerminator: LineTerminator
    /// Whether the file starts (or a writer starts it) with a byte order mark.
    public var byteOrderMark: Bool
    public var encoding: Encoding
    /// The decimal separator a writer uses for numbers: `.` or `,` (decimal-comma locales).
    public var decimalSeparator: UInt8

    public init(name: String? = nil, delimiter: UInt8 = UInt8(ascii: ","), quote: UInt8 = UInt8(ascii: "\""),
                lineTerminator: LineTerminator = .crlf, byteOrderMark: Bool = false,
                encoding: Encoding = .utf8, decimalSeparator: UInt8 = UInt8(ascii: ".")) {
        precondition(delimiter < 0x80 && quote < 0x80, "the delimiter and the quote must be ASCII")
        self.name = name
        self.delimiter = delimiter
        self.quote = quote
        self.lineTerminator = lineTerminator
        self.byteOrderMark = byteOrderMark
        self.encoding = encoding
        self.decimalSeparator = decimalSeparator
    }

    /// RFC 4180: comma, CRLF, no byte order mark, UTF-8, numbers with a decimal point.
    public static let rfc4180 = CSVDialect(name: "rfc4180")

    /// What Excel with Indonesian regional settings opens correctly by double-click: semicolon
    /// (its list separator), UTF-8 with a byte order mark (without it Excel guesses the ANSI code
    /// page), CRLF, and numbers with a decimal comma (`1,5`), because `.` groups thousands there.
    public static let excelID = CSVDialect(name: "excel-id", delimiter: UInt8(ascii: ";"), byteOrderMark: true,
                                           decimalSeparator: UInt8(ascii: ","))

    /// The dialects a user can name, by name.
    public static let named: [String: CSVDialect] = ["rfc4180": .rfc4180, "excel-id": .excelID]

    /// A named dialect (`rfc4180`, `excel-id`), or nil for an unknown name.
    public init?(named name: String) {
        guard let dialect = CSVDialect.named[name.lowercased()] else { return nil }
        self = dialect
    }

    /// A delimiter as people write it: `,` `;` `TAB` `|`.
    public static func displayName(ofDelimiter delimiter: UInt8) -> String {
        switch delimiter {
        case 0x09: return "TAB"
        case 0x20: return "SPACE"
        default: return String(UnicodeScalar(delimiter))
        }
    }

    public var description: String {
        var text = name.map { "\($0): " } ?? ""
        text += "delimiter \(CSVDialect.displayName(ofDelimiter: delimiter)), \(encoding.rawValue)"
        text += byteOrderMark ? " with BOM" : ""
        text += ", \(lineTerminator.rawValue.uppercased())"
        return text
    }
}

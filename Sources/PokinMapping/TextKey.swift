/// Normalised text for matching only (never for output): case folded, non-breaking and other
/// Unicode spaces made plain, runs of whitespace collapsed, edges trimmed.
public struct TextKey: Hashable, Sendable, CustomStringConvertible {
    public let value: String

    public init(_ text: String) {
        // Built as UTF-8 bytes and made a String once: appending scalars one by one to a
        // String costs a capacity check and a grapheme-aware append each.
        if let ascii = Self.asciiKey(text) {
            self.init(key: ascii)
        } else {
            self.init(general: text)
        }
    }

    private init(key: String) {
        value = key
    }

    /// The key built scalar by scalar (any text; the ASCII fast path must give the same).
    init(general text: String) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                if value == 0x20 || (value >= 0x09 && value <= 0x0D) {
                    pendingSpace = !bytes.isEmpty
                    continue
                }
                if pendingSpace {
                    bytes.append(0x20)
                    pendingSpace = false
                }
                bytes.append(UInt8(truncatingIfNeeded: value >= 0x41 && value <= 0x5A ? value + 0x20 : value))
                continue
            }
            if scalar.properties.isWhitespace || scalar == "\u{00A0}" || scalar == "\u{200B}" || scalar == "\u{FEFF}" {
                pendingSpace = !bytes.isEmpty
                continue
            }
            if pendingSpace {
                bytes.append(0x20)
                pendingSpace = false
            }
            bytes.append(contentsOf: String(scalar).lowercased().utf8)
        }
        value = String(decoding: bytes, as: UTF8.self)
    }

    /// The key of an all-ASCII text (nearly every worksheet text), read byte by byte without
    /// decoding scalars; nil when the text has a non-ASCII byte. Same rules as the general path.
    private static func asciiKey(_ text: String) -> String? {
        var text = text
        // nil: not ASCII; true: the text is already a key (lowercase, single inner spaces, no
        // space or control at either edge), kept as it is.
        let alreadyKey = text.withUTF8 { source -> Bool? in
            var isKey = true
            var previousSpace = true
            for byte in source {
                if byte >= 0x80 { return nil }
                if byte == 0x20 {
                    if previousSpace { isKey = false }
                    previousSpace = true
                } else {
                    if (byte >= 0x09 && byte <= 0x0D) || (byte >= 0x41 && byte <= 0x5A) { isKey = false }
                    previousSpace = false
                }
            }
            return isKey && !previousSpace || source.isEmpty
        }
        guard let alreadyKey else { return nil }
        if alreadyKey { return text }
        return text.withUTF8 { source in
            String(unsafeUninitializedCapacity: source.count) { output in
                var count = 0
                var pendingSpace = false
                for byte in source {
                    if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                        pendingSpace = count > 0
                        continue
                    }
                    if pendingSpace {
                        output[count] = 0x20
                        count += 1
                        pendingSpace = false
                    }
                    output[count] = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
                    count += 1
                }
                return count
            }
        }
    }

    public var isEmpty: Bool { value.isEmpty }
    public var description: String { value }

    /// The key with separators `_ / . - :` turned into spaces (header matching, domain.md (b)).
    public var loose: String {
        // The separators are ASCII, and no byte of a multi-byte UTF-8 sequence is ASCII, so
        // the bytes can be scanned directly.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(value.utf8.count)
        var pendingSpace = false
        for byte in value.utf8 {
            if byte == 0x5F || byte == 0x2F || byte == 0x2E || byte == 0x2D || byte == 0x3A || byte == 0x20 {
                pendingSpace = !bytes.isEmpty
                continue
            }
            if pendingSpace { bytes.append(0x20); pendingSpace = false }
            bytes.append(byte)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Words of the key.
    public var words: [Substring] { value.split(separator: " ") }
}

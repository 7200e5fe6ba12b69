/// Fast checks on UTF-8 bytes, for choosing between UTF-8 and the Windows-1252 fallback.
enum UTF8Validation {
    /// True when any byte has the high bit set (the bytes are not plain ASCII).
    static func containsNonASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        let count = bytes.count
        let raw = UnsafeRawPointer(base)
        var index = 0
        var vectors = SIMD16<UInt8>()
        while index + 16 <= count {
            vectors |= raw.loadUnaligned(fromByteOffset: index, as: SIMD16<UInt8>.self)
            index += 16
        }
        var accumulated: UInt8 = vectors.max()
        while index < count {
            accumulated |= base[index]
            index += 1
        }
        return accumulated & 0x80 != 0
    }

    /// The offset of the first byte that is not part of valid UTF-8, or nil when all are valid.
    /// With `allowTruncatedEnd`, a sequence cut off by the end of the buffer counts as valid
    /// (more bytes may follow in the next chunk).
    static func firstInvalidByte(_ bytes: UnsafeBufferPointer<UInt8>, allowTruncatedEnd: Bool = false) -> Int? {
        let count = bytes.count
        var index = 0
        while index < count {
            let lead = bytes[index]
            if lead < 0x80 { index += 1; continue }
            let length: Int
            var lower: UInt8 = 0x80
            var upper: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; upper = 0x9F
            case 0xF0: length = 4; lower = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; upper = 0x8F
            default: return index
            }
            for offset in 1..<length {
                guard index + offset < count else { return allowTruncatedEnd ? nil : index }
                let byte = bytes[index + offset]
                let (low, high) = offset == 1 ? (lower, upper) : (UInt8(0x80), UInt8(0xBF))
                if byte < low || byte > high { return index }
            }
            index += length
        }
        return nil
    }
}

/// Streaming UTF-16 → UTF-8 transcoding. A code unit or a surrogate pair cut by a chunk
/// boundary is carried over to the next chunk; unpaired surrogates become U+FFFD and are counted.
struct UTF16Transcoder {
    let bigEndian: Bool
    private var leftoverByte: UInt8?
    private var pendingHighSurrogate: UInt16?
    /// How many U+FFFD replacement characters were written for malformed input.
    private(set) var replacements = 0

    init(bigEndian: Bool) {
        self.bigEndian = bigEndian
    }

    /// The most UTF-8 bytes `transcode` writes for `inputCount` bytes of input.
    static func maxOutput(forInput inputCount: Int) -> Int { (inputCount + 2) / 2 * 3 + 8 }

    /// Transcodes `input` and writes UTF-8 to `output`; returns the bytes written.
    mutating func transcode(_ input: UnsafeBufferPointer<UInt8>, into output: UnsafeMutablePointer<UInt8>) -> Int {
        var written = 0
        var index = 0
        let count = input.count
        func unit(_ first: UInt8, _ second: UInt8) -> UInt16 {
            bigEndian ? UInt16(first) << 8 | UInt16(second) : UInt16(second) << 8 | UInt16(first)
        }
        if let first = leftoverByte, count > 0 {
            leftoverByte = nil
            written += take(unit(first, input[0]), output + written)
            index = 1
        }
        while index + 1 < count {
            let codeUnit = unit(input[index], input[index + 1])
            if codeUnit < 0x80, pendingHighSurrogate == nil {
                output[written] = UInt8(codeUnit)
                written += 1
            } else {
                written += take(codeUnit, output + written)
            }
            index += 2
        }
        if index < count { leftoverByte = input[index] }
        return written
    }

    /// Flushes what is left at the end of the input (an odd byte or a lone high surrogate).
    mutating func finish(into output: UnsafeMutablePointer<UInt8>) -> Int {
        var written = 0
        if pendingHighSurrogate != nil {
            pendingHighSurrogate = nil
            written += writeScalar(0xFFFD, output + written)
            replacements += 1
        }
        if leftoverByte != nil {
            leftoverByte = nil
            written += writeScalar(0xFFFD, output + written)
            replacements += 1
        }
        return written
    }

    private mutating func take(_ codeUnit: UInt16, _ output: UnsafeMutablePointer<UInt8>) -> Int {
        var written = 0
        if let high = pendingHighSurrogate {
            pendingHighSurrogate = nil
            if (0xDC00...0xDFFF).contains(codeUnit) {
                let scalar = 0x10000 + ((UInt32(high) - 0xD800) << 10) + (UInt32(codeUnit) - 0xDC00)
                return writeScalar(scalar, output)
            }
            written += writeScalar(0xFFFD, output)
            replacements += 1
        }
        switch codeUnit {
        case 0xD800...0xDBFF:
            pendingHighSurrogate = codeUnit
        case 0xDC00...0xDFFF:
            written += writeScalar(0xFFFD, output + written)
            replacements += 1
        default:
            written += writeScalar(UInt32(codeUnit), output + written)
        }
        return written
    }

    private func writeScalar(_ value: UInt32, _ output: UnsafeMutablePointer<UInt8>) -> Int {
        switch value {
        case 0..<0x80:
            output[0] = UInt8(value)
            return 1
        case 0x80..<0x800:
            output[0] = UInt8(0xC0 | (value >> 6))
            output[1] = UInt8(0x80 | (value & 0x3F))
            return 2
        case 0x800..<0x10000:
            output[0] = UInt8(0xE0 | (value >> 12))
            output[1] = UInt8(0x80 | ((value >> 6) & 0x3F))
            output[2] = UInt8(0x80 | (value & 0x3F))
            return 3
        default:
            output[0] = UInt8(0xF0 | (value >> 18))
            output[1] = UInt8(0x80 | ((value >> 12) & 0x3F))
            output[2] = UInt8(0x80 | ((value >> 6) & 0x3F))
            output[3] = UInt8(0x80 | (value & 0x3F))
            return 4
        }
    }
}

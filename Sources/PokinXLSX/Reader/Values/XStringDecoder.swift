/// Decodes the OOXML `_xHHHH_` escape of ST_Xstring (ECMA-376 Part 1, 22.9.2.19), which libxml2
/// does not know: `_x000D_` is a carriage return, `_x0009_` a tab, and `_x005F_` escapes the
/// underscore of a literal `_xHHHH_` (Excel stores a typed `_x000D_` as `_x005F_x000D_`).
/// Surrogate pairs written as two escapes are joined; a lone surrogate (no character) is kept as
/// the seven bytes written, which is what a writer that left `_xD83D_` unescaped meant.
enum XStringDecoder {
    /// The text of `bytes` (UTF-8) with escapes decoded.
    static func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard mayContainEscape(bytes) else { return String(decoding: bytes, as: UTF8.self) }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if let unit = escape(in: bytes, at: index) {
                var scalarValue = UInt32(unit)
                if (0xD800...0xDBFF).contains(unit) {
                    if let low = escape(in: bytes, at: index + 7), (0xDC00...0xDFFF).contains(low) {
                        scalarValue = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
                        index += 7
                    }
                }
                guard let scalar = Unicode.Scalar(scalarValue) else {
                    // A lone surrogate names no character: keep the escape as written.
                    output.append(contentsOf: bytes[index..<(index + 7)])
                    index += 7
                    continue
                }
                index += 7
                output.append(contentsOf: UTF8.encode(scalar)!)
            } else {
                output.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    static func string(_ bytes: [UInt8]) -> String {
        bytes.withUnsafeBufferPointer { string($0) }
    }

    /// A quick test: an escape needs `_x` somewhere.
    @inline(__always)
    static func mayContainEscape(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count >= 7 else { return false }
        var index = 0
        let last = bytes.count - 7
        while index <= last {
            if bytes[index] == UInt8(ascii: "_"), bytes[index + 1] | 0x20 == UInt8(ascii: "x") { return true }
            index += 1
        }
        return false
    }

    /// The UTF-16 code unit of an escape `_xHHHH_` starting at `index`, or nil.
    private static func escape(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> UInt16? {
        guard index + 7 <= bytes.count, bytes[index] == UInt8(ascii: "_"), bytes[index + 1] | 0x20 == UInt8(ascii: "x"),
              bytes[index + 6] == UInt8(ascii: "_") else { return nil }
        var value: UInt16 = 0
        for offset in 2..<6 {
            let byte = bytes[index + offset]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: return nil
            }
            value = value << 4 | UInt16(digit)
        }
        return value
    }
}

/// Decoding of the Windows-1252 code page (WHATWG's mapping: bytes 0x80–0x9F are the
/// typographic characters Windows puts there; the five unassigned ones map to C1 controls).
enum Windows1252 {
    /// Unicode scalars of bytes 0x80–0x9F.
    private static let high: [UInt32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]

    static func scalar(_ byte: UInt8) -> UInt32 {
        (0x80...0x9F).contains(byte) ? high[Int(byte) - 0x80] : UInt32(byte)
    }

    /// The bytes decoded as Windows-1252.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(unsafeUninitializedCapacity: bytes.count * 3) { output in
            var written = 0
            for byte in bytes {
                let value = scalar(byte)
                if value < 0x80 {
                    output[written] = UInt8(value); written += 1
                } else if value < 0x800 {
                    output[written] = UInt8(0xC0 | (value >> 6))
                    output[written + 1] = UInt8(0x80 | (value & 0x3F))
                    written += 2
                } else {
                    output[written] = UInt8(0xE0 | (value >> 12))
                    output[written + 1] = UInt8(0x80 | ((value >> 6) & 0x3F))
                    output[written + 2] = UInt8(0x80 | (value & 0x3F))
                    written += 3
                }
            }
            return written
        }
    }
}

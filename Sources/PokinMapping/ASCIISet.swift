/// A set of ASCII characters (bytes 0–127) as two 64-bit masks.
struct ASCIISet: Sendable, Hashable {
    private var low: UInt64 = 0
    private var high: UInt64 = 0

    init() {}

    mutating func insert(_ byte: UInt8) {
        precondition(byte < 0x80, "ASCII only")
        if byte < 64 { low |= 1 << UInt64(byte) } else { high |= 1 << UInt64(byte - 64) }
    }

    /// False for every byte from 0x80 up.
    func contains(_ byte: UInt8) -> Bool {
        if byte < 64 { return low & (1 << UInt64(byte)) != 0 }
        if byte < 128 { return high & (1 << UInt64(byte - 64)) != 0 }
        return false
    }

    mutating func formUnion(_ other: ASCIISet) {
        low |= other.low
        high |= other.high
    }

    func intersects(_ other: ASCIISet) -> Bool {
        low & other.low != 0 || high & other.high != 0
    }
}

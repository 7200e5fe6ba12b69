/// An opaque RGB colour for fonts, fills, borders and tabs, written as `FFRRGGBB`.
public struct XLSXColor: Hashable, Sendable {
    /// Eight upper-case hex digits, alpha first (`FF1F4E79`).
    public let argb: String

    /// `hex` is `RRGGBB` or `#RRGGBB` (or `AARRGGBB`); nil for anything else.
    public init?(hex: String) {
        var digits = hex.hasPrefix("#") ? String(hex.dropFirst()) : hex
        guard digits.count == 6 || digits.count == 8,
              digits.utf8.allSatisfy({ XMLSpool.isHexDigit($0) }) else { return nil }
        if digits.count == 6 { digits = "FF" + digits }
        argb = digits.uppercased()
    }

    /// Components 0–255.
    public init(red: UInt8, green: UInt8, blue: UInt8) {
        let hex = Array("0123456789ABCDEF".utf8)
        var bytes: [UInt8] = [70, 70]
        for component in [red, green, blue] {
            bytes.append(hex[Int(component >> 4)])
            bytes.append(hex[Int(component & 0xF)])
        }
        argb = String(decoding: bytes, as: UTF8.self)
    }

    public static let black = XLSXColor(red: 0, green: 0, blue: 0)
    public static let white = XLSXColor(red: 255, green: 255, blue: 255)
}

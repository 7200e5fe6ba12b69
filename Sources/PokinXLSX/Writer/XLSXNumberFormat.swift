/// A number format code such as `0.00` or `yyyy-mm-dd`. Codes of Excel's built-in formats are
/// written with their built-in id; others get custom ids from 164.
public struct XLSXNumberFormat: Hashable, Sendable {
    public let code: String

    public init(_ code: String) { self.code = code }

    public static let general = XLSXNumberFormat("General")
    /// Text: what is typed stays text (codes such as `2.10` are not turned into numbers).
    public static let text = XLSXNumberFormat("@")
    public static let integer = XLSXNumberFormat("0")
    public static let twoDecimals = XLSXNumberFormat("0.00")
    public static let thousands = XLSXNumberFormat("#,##0")
    public static let percent = XLSXNumberFormat("0%")
    /// The formats the writer gives date, time and duration values whose style has none.
    public static let date = XLSXNumberFormat("yyyy-mm-dd")
    public static let dateTime = XLSXNumberFormat("yyyy-mm-dd hh:mm:ss")
    public static let time = XLSXNumberFormat("hh:mm:ss")
    public static let duration = XLSXNumberFormat("[h]:mm:ss")

    /// The built-in id of this code, if Excel has one that is the same in every locale.
    var builtinID: Int? {
        switch code {
        case "General": return 0
        case "0": return 1
        case "0.00": return 2
        case "#,##0": return 3
        case "#,##0.00": return 4
        case "0%": return 9
        case "0.00%": return 10
        case "0.00E+00": return 11
        case "h:mm": return 20
        case "h:mm:ss": return 21
        case "[h]:mm:ss": return 46
        case "@": return 49
        default: return nil
        }
    }
}

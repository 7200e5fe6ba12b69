@testable import PokinXLSX
import Testing

@Suite("Number format classification")
struct NumberFormatKindTests {
    @Test("codes classified as in openpyxl's and calamine's test tables", arguments: [
        ("DD/MM/YY", NumberFormatKind.dateTime), ("H:MM:SS;@", .dateTime), ("#,##0\\ [$\\u20bd-46D]", .number),
        ("m\"M\"d\"D\";@", .dateTime), ("[h]:mm:ss", .duration), ("\"Y: \"0.00\"m\";\"Y: \"-0.00\"m\";\"Y: <num>m\";@", .number),
        ("\"$\"#,##0_);[Red](\"$\"#,##0)", .number), ("[$-404]e\"\\xfc\"m\"\\xfc\"d\"\\xfc\"", .dateTime),
        ("0_ ;[Red]\\-0\\ ", .number), ("\\Y000000", .number), ("#,##0.0####\" YMD\"", .number), ("[h]", .duration),
        ("[ss]", .duration), ("[s].000", .duration), ("[m]", .duration), ("[mm]", .duration),
        ("[Blue]\\+[h]:mm;[Red]\\-[h]:mm;[Green][h]:mm", .duration), ("[>=100][Magenta][s].00", .duration),
        ("[h]:mm;[=0]\\-", .duration), ("[>=100][Magenta].00", .number), ("[>=100][Magenta]General", .number),
        ("ha/p\\\\m", .dateTime), ("#,##0.00\\ _M\"H\"_);[Red]#,##0.00\\ _M\"S\"_)", .number), ("#,##0*y", .number),
        ("0\"x\"*d", .number), ("*-#,##0", .number), ("*-yyyy-mm-dd", .dateTime), ("AM/PM", .dateTime), ("A/P", .dateTime),
        ("HH[M]", .dateTime), ("[HH]", .duration), ("0.00E+00", .number), ("@", .number), ("", .number),
    ])
    func classify(code: String, kind: NumberFormatKind) {
        #expect(NumberFormatKind.classify(code) == kind)
    }

    @Test("built-in ids: 14-22, 27-36, 45, 47, 50-58 dates; 46 duration; others numbers")
    func builtIns() {
        let dates = Set(Array(14...22) + Array(27...36) + [45, 47] + Array(50...58) + Array(71...78) + [80, 81])
        for id in 0...200 {
            let expected: NumberFormatKind = id == 46 || id == 79 ? .duration : dates.contains(id) ? .dateTime : .number
            #expect(NumberFormatKind.builtIn(id) == expected, "id \(id)")
        }
    }
}

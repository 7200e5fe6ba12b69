/// A date and time of day with no time zone, as a spreadsheet stores it.
///
/// `timeOnly` marks a value that is a time of day alone (serial below 1 with a time format);
/// it prints `HH:MM:SS`, everything else prints `YYYY-MM-DDTHH:MM:SS[.ffffff]`.
public struct CivilDateTime: Hashable, Sendable, CustomStringConvertible {
    // Stored compactly (16 bytes instead of 57), so a `CellValue` holding any case is no wider
    // than its `String` payload: every row of cells read or written moves half the memory.
    private var storedYear: Int32
    private var storedMicrosecond: Int32
    private var storedMonth: UInt8
    private var storedDay: UInt8
    private var storedHour: UInt8
    private var storedMinute: UInt8
    private var storedSecond: UInt8
    public var timeOnly: Bool

    public var year: Int {
        get { Int(storedYear) }
        set { storedYear = Int32(clamping: newValue) }
    }
    public var month: Int {
        get { Int(storedMonth) }
        set { storedMonth = UInt8(clamping: newValue) }
    }
    public var day: Int {
        get { Int(storedDay) }
        set { storedDay = UInt8(clamping: newValue) }
    }
    public var hour: Int {
        get { Int(storedHour) }
        set { storedHour = UInt8(clamping: newValue) }
    }
    public var minute: Int {
        get { Int(storedMinute) }
        set { storedMinute = UInt8(clamping: newValue) }
    }
    public var second: Int {
        get { Int(storedSecond) }
        set { storedSecond = UInt8(clamping: newValue) }
    }
    /// Microseconds within the second.
    public var microsecond: Int {
        get { Int(storedMicrosecond) }
        set { storedMicrosecond = Int32(clamping: newValue) }
    }

    /// Components outside their storage (years beyond ±2^31, hours above 255) are clamped;
    /// every reader checks its components before building a value.
    public init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0,
                microsecond: Int = 0, timeOnly: Bool = false) {
        storedYear = Int32(clamping: year)
        storedMicrosecond = Int32(clamping: microsecond)
        storedMonth = UInt8(clamping: month)
        storedDay = UInt8(clamping: day)
        storedHour = UInt8(clamping: hour)
        storedMinute = UInt8(clamping: minute)
        storedSecond = UInt8(clamping: second)
        self.timeOnly = timeOnly
    }

    /// Converts a spreadsheet serial number. In the 1900 system serial 1 is 1900-01-01 and
    /// serials below 60 count from 1899-12-31; Lotus's phantom 1900-02-29 (serial 60), a day no
    /// calendar has, reads as 1900-02-28 (as python-calamine and openpyxl read it), and from
    /// serial 61 (1900-03-01) on they count from 1899-12-30. In the 1904 system serial 0 is
    /// 1904-01-01.
    /// Returns nil for serials outside years 1–9999 or not finite.
    public init?(serial: Double, date1904: Bool) {
        guard serial.isFinite, serial >= 0, serial < 2_958_466 else { return nil }
        var totalMicros = (serial * 86_400_000_000).rounded()
        var dayNumber = Int((totalMicros / 86_400_000_000).rounded(.down))
        totalMicros -= Double(dayNumber) * 86_400_000_000
        var micros = Int(totalMicros)
        if micros >= 86_400_000_000 { dayNumber += 1; micros -= 86_400_000_000 }
        // Days since 1970-01-01 of the serial's day.
        let epochDays: Int
        if date1904 {
            epochDays = dayNumber - 24_107  // 1904-01-01 is day -24107
        } else {
            // Excel serial 1 = 1900-01-01; serial 60 is the fictitious 1900-02-29, read as the 28th.
            // For serials >= 60: 1899-12-30 + serial. Below 60: 1899-12-31 + serial.
            epochDays = (dayNumber >= 60 ? dayNumber - 25_569 : dayNumber - 25_568)
        }
        let (y, m, d) = CivilDateTime.civilFromDays(epochDays)
        self.init(year: y, month: m, day: d,
                  hour: micros / 3_600_000_000, minute: (micros / 60_000_000) % 60,
                  second: (micros / 1_000_000) % 60, microsecond: micros % 1_000_000,
                  timeOnly: dayNumber == 0 && !date1904)
    }

    public var iso8601: String {
        let time = pad(hour, 2) + ":" + pad(minute, 2) + ":" + pad(second, 2)
            + (microsecond == 0 ? "" : "." + pad(microsecond, 6))
        if timeOnly { return time }
        return pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2) + "T" + time
    }

    public var description: String { iso8601 }

    private func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }

    /// Howard Hinnant's days-from-civil inverse: days since 1970-01-01 → (year, month, day).
    static func civilFromDays(_ days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (m <= 2 ? y + 1 : y, m, d)
    }
}

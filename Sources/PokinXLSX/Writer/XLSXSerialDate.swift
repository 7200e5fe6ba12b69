import PokinCore

/// Dates as spreadsheet serial numbers (1900 date system, as Excel writes).
enum XLSXSerialDate {
    /// The serial of a date and time: days since 1899-12-30 plus the fraction of the day; dates
    /// before 1900-03-01 count from 1899-12-31, as Excel (which keeps Lotus's phantom 1900-02-29)
    /// shows them. A time-only value is the fraction alone. Nil before 1900-01-01 or after 9999.
    static func serial(of moment: CivilDateTime) -> Double? {
        let fraction = (Double(moment.hour) * 3600 + Double(moment.minute) * 60 + Double(moment.second)
            + Double(moment.microsecond) / 1_000_000) / 86_400
        if moment.timeOnly { return fraction }
        guard (1900...9999).contains(moment.year), (1...12).contains(moment.month), (1...31).contains(moment.day) else {
            return nil
        }
        let days = daysFromCivil(moment.year, moment.month, moment.day)
        let march1900 = daysFromCivil(1900, 3, 1)
        let base = days >= march1900 ? daysFromCivil(1899, 12, 30) : daysFromCivil(1899, 12, 31)
        return Double(days - base) + fraction
    }

    /// Seconds since 1970-01-01T00:00:00 (UTC) of a civil date and time.
    static func unixTime(of moment: CivilDateTime) -> Int {
        daysFromCivil(moment.year, moment.month, moment.day) * 86_400 + moment.hour * 3600 + moment.minute * 60 + moment.second
    }

    /// Howard Hinnant's days-from-civil: days since 1970-01-01 of a proleptic Gregorian date.
    static func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}

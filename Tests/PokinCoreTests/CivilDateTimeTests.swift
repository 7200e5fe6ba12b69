import PokinCore
import Testing

@Suite("Spreadsheet serial dates")
struct CivilDateTimeTests {
    @Test("1900 system: Excel's serials, including the phantom 29 February 1900",
          arguments: [(1.0, "1900-01-01T00:00:00"), (59.0, "1900-02-28T00:00:00"), (61.0, "1900-03-01T00:00:00"),
                      (43_831.0, "2020-01-01T00:00:00"), (43_831.5, "2020-01-01T12:00:00"), (2_958_465.0, "9999-12-31T00:00:00")])
    func system1900(serial: Double, iso: String) {
        #expect(CivilDateTime(serial: serial, date1904: false)?.iso8601 == iso)
    }

    @Test("1904 system starts at 1904-01-01")
    func system1904() {
        #expect(CivilDateTime(serial: 0, date1904: true)?.iso8601 == "1904-01-01T00:00:00")
        #expect(CivilDateTime(serial: 42_369, date1904: true)?.iso8601 == "2020-01-01T00:00:00")
    }

    @Test("a serial below 1 is a time of day alone")
    func timeOnly() {
        #expect(CivilDateTime(serial: 0.75, date1904: false)?.iso8601 == "18:00:00")
    }

    @Test("serials out of range or not finite give no date", arguments: [-1.0, 3e6, Double.nan, Double.infinity])
    func outOfRange(serial: Double) {
        #expect(CivilDateTime(serial: serial, date1904: false) == nil)
    }
}

import PokinCore
@testable import PokinMapping
import PokinTestSupport
import Testing

/// `RecordFields` (a record's fields as an array in the order of names shared by the sheet's
/// records) answers exactly as the `[String: SheetRecord.Field]` it replaces, through names and
/// through keys resolved once, whether the key was resolved against the record's names or not.
@Suite("Record fields behave as a dictionary of fields by name")
struct RecordFieldsTests {
    static func field(_ text: String, _ column: Int) -> SheetRecord.Field {
        .init(text: text, column: column, sourceRow: column + 1, inherited: column % 2 == 0)
    }

    @Test("reads, writes (of shared and other names, and removals), counts and iteration agree with a dictionary")
    func agreesWithDictionary() {
        var random = SeededGenerator(seed: 11)
        let all = ["statement", "indicator", "level", "stage", "unit", "parent", "2.indicator", "code.0", "x"]
        for _ in 0..<300 {
            // The sheet's names: some of `all`; a record has values for some of them.
            let shared = all.filter { _ in random.below(3) > 0 }
            let names = RecordFieldNames(shared)
            var expected: [String: SheetRecord.Field] = [:]
            let values = shared.enumerated().map { offset, name -> SheetRecord.Field? in
                guard random.below(3) > 0 else { return nil }
                let value = Self.field("\(name)-\(offset)", offset)
                expected[name] = value
                return value
            }
            var fields = RecordFields(names: names, values: values)
            let otherNames = RecordFieldNames(all.reversed())
            for step in 0..<12 {
                let name = all[random.below(all.count)]
                switch random.below(4) {
                case 0:
                    let value = Self.field("set\(step)", step)
                    fields[name] = value
                    expected[name] = value
                case 1:
                    fields[names.key(name)] = nil
                    expected[name] = nil
                case 2:
                    let value = Self.field("key\(step)", step)
                    fields[otherNames.key(name)] = value
                    expected[name] = value
                default:
                    let value = Self.field("own\(step)", step)
                    fields[names.key(name)] = value
                    expected[name] = value
                }
                for name in all {
                    #expect(fields[name] == expected[name], "\(name)")
                    #expect(fields[names.key(name)] == expected[name], "\(name) by key")
                    #expect(fields[otherNames.key(name)] == expected[name], "\(name) by another sheet's key")
                    #expect(fields[RecordFieldNames.Key(name)] == expected[name], "\(name) by an unresolved key")
                }
                #expect(fields.count == expected.count)
                #expect(fields.isEmpty == expected.isEmpty)
                let listed = fields.map { "\($0.key)=\($0.value.text)" }
                #expect(listed.sorted() == expected.map { "\($0.key)=\($0.value.text)" }.sorted())
                #expect(Set(fields.map(\.key)).count == listed.count)
            }
        }
    }

    @Test("a record's text and reference through a key equal those through the name")
    func recordKeysEqualNames() {
        let names = RecordFieldNames(["statement", "level"])
        let record = SheetRecord(sheet: "Tahap 4", row: 9,
                                 fields: RecordFields(names: names, values: [Self.field("Kinerja", 2), Self.field("", 4)]),
                                 cells: [2: "Kinerja", 7: "x"])
        for name in ["statement", "level", "indicator"] {
            for key in [names.key(name), RecordFieldNames(["indicator", "level"]).key(name), RecordFieldNames.Key(name)] {
                #expect(record.text(key) == record.text(name))
                #expect(record.reference(key, file: "f.xlsx") == record.reference(name, file: "f.xlsx"))
            }
        }
        #expect(record.text("level") == nil)
        #expect(record.reference("indicator", file: nil) == "'Tahap 4'!B9")
    }
}

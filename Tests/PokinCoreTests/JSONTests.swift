import PokinCore
import Testing

@Suite("JSON reading and writing")
struct JSONTests {
    @Test("objects keep their key order and print the same bytes every time")
    func orderedAndDeterministic() throws {
        let text = #"{"z": 1, "a": [1, 2.5, "x"], "m": {"k": null, "t": true}}"#
        let value = try JSONParser.parse(text)
        #expect(value.objectMembers?.map(\.0) == ["z", "a", "m"])
        let once = value.serialized()
        #expect(once == (try JSONParser.parse(once)).serialized())
        #expect(once == "{\n  \"z\": 1,\n  \"a\": [1, 2.5, \"x\"],\n  \"m\": {\n    \"k\": null,\n    \"t\": true\n  }\n}\n")
    }

    @Test("strings escape quotes, backslashes and control characters, and keep other Unicode as is")
    func stringEscapes() throws {
        let value = JSONValue.string("a\"b\\c\n\t\u{01}é😀\u{2028}")
        #expect(value.compact() == #""a\"b\\c\n\t\u0001é😀\u2028""#)
        #expect(try JSONParser.parse(value.compact()) == value)
        #expect(try JSONParser.parse(#""\ud83d\ude00""#) == .string("😀"))
    }

    @Test("malformed documents are refused with a line number",
          arguments: ["{", "{\"a\":1,}", "[1 2]", "{\"a\":1,\"a\":2}", "01", "\"\\x\"", "\"\\ud800\"", "tru", "{} x", "\"a\nb\""])
    func refusesMalformed(text: String) {
        #expect(throws: PokinError.self) { try JSONParser.parse(text) }
        do { _ = try JSONParser.parse(text) } catch let error as PokinError {
            #expect(error.code == .malformedJSON)
            #expect(error.location?.line != nil)
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test("deep nesting is refused instead of overflowing the stack")
    func deepNesting() {
        let text = String(repeating: "[", count: 100_000)
        #expect(throws: PokinError.self) { try JSONParser.parse(text) }
    }
}

import PokinCore
import PokinTestSupport
import Testing

/// `JSONValue.serializedBytes()` and `JSONByteWriter` must give exactly the bytes of
/// `JSONValue.serialized()`, which stays the reference form.
@Suite("JSON byte writer: the same bytes as JSONValue.serialized()")
struct JSONByteWriterTests {
    /// Texts that exercise every escape, the UTF-8 lead byte 0xE2 with and without U+2028/U+2029,
    /// and non-ASCII text of one, two, three and four bytes a scalar.
    static let awkwardTexts: [String] = [
        "", "plain", "quote \" and backslash \\", "new\nline", "cr\rlf\r\n", "tab\there",
        "\u{08}backspace\u{0C}formfeed", "\u{00}\u{01}\u{1F}\u{7F}", "line\u{2028}sep\u{2029}para",
        "\u{2028}", "en–dash ’quote’ €uro …", "\u{2027}\u{202A}\u{2030}", "é ü ñ", "😀🇮🇩👨‍👩‍👧",
        "e\u{301}", "\u{301}starts with a combining mark", "ends with \\", "\"",
        String(repeating: "a", count: 7) + "\"", String(repeating: "a", count: 8) + "\u{2028}",
        String(repeating: "b", count: 15) + "\u{7F}" + String(repeating: "c", count: 9),
    ]

    static func expectSameBytes(_ value: JSONValue, sourceLocation: SourceLocation = #_sourceLocation) {
        let reference = Array(value.serialized().utf8)
        let written = value.serializedBytes()
        #expect(written == reference, "\(String(decoding: written, as: UTF8.self)) differs from \(value.serialized())",
                sourceLocation: sourceLocation)
    }

    @Test("strings escape exactly as the reference: quotes, backslash, control characters, DEL, U+2028/U+2029, other 0xE2 text")
    func escapes() {
        for text in Self.awkwardTexts {
            Self.expectSameBytes(.string(text))
            Self.expectSameBytes(.object([(text, .string(text))]))
        }
    }

    @Test("every escapable character at every position of a word-sized scan gives the reference bytes")
    func escapesAtEveryPosition() {
        for special in ["\"", "\\", "\n", "\u{01}", "\u{7F}", "\u{2028}", "\u{2029}", "–", "é", "😀"] {
            for length in 0...18 {
                for position in 0...length {
                    let text = String(repeating: "x", count: position) + special + String(repeating: "y", count: length - position)
                    Self.expectSameBytes(.string(text))
                }
            }
        }
    }

    @Test("numbers print as the reference: integers, negatives, fractions, 1e15 and beyond, -0, non-finite")
    func numbers() {
        let numbers: [Double] = [0, -0.0, 1, -1, 7, 10, 2025, -2025, 0.5, -2.5, 0.1, 1.0 / 3, 123_456.789,
                                 999_999_999_999_999, -999_999_999_999_999, 1e15, -1e15, 1e16, 1e300, -1e300,
                                 5e-324, .greatestFiniteMagnitude, .infinity, -.infinity, .nan,
                                 Double(Int64.max), Double(Int64.min)]
        for number in numbers {
            Self.expectSameBytes(.number(number))
            Self.expectSameBytes(.array([.number(number), .number(-number)]))
        }
    }

    @Test("integers written with integer(_:) print as JSONValue.number(Double(n)) does, up to Int.max and Int.min")
    func integers() {
        let integers = [0, 1, -1, 9, 10, 99, 100, 2025, -2025, 999_999_999_999_999, -999_999_999_999_999,
                        1_000_000_000_000_000, -1_000_000_000_000_000, 9_007_199_254_740_993, Int.max, Int.min]
        for integer in integers {
            var writer = JSONByteWriter()
            writer.integer(integer)
            #expect(writer.bytes() == Array(JSONValue.number(Double(integer)).compact().utf8), "\(integer)")
        }
    }

    @Test("empty arrays and objects, nested at every depth, are [] and {} as in the reference")
    func emptyContainers() {
        Self.expectSameBytes(.array([]))
        Self.expectSameBytes(.object([]))
        Self.expectSameBytes(.object([("a", .array([])), ("b", .object([])), ("c", .array([.array([]), .object([])]))]))
        Self.expectSameBytes(.array([.object([("x", .object([("y", .array([]))]))])]))
    }

    @Test("arrays of scalars stay on one line exactly up to 100 characters with the indent, counted as Characters")
    func oneLineRule() {
        // Texts whose byte, scalar and Character counts differ; a padding of 0...6 ASCII letters
        // makes every line length reachable around the limit, at three depths.
        let units = ["a", "é", "e\u{301}", "😀", "🇮🇩", "\u{301}", "\"", "\u{01}", "\u{2028}"]
        for unit in units {
            for repeats in 1...105 {
                for padding in 0...6 {
                    let array = JSONValue.array([.string(String(repeating: unit, count: repeats)),
                                                 .string(String(repeating: "p", count: padding)), .number(1), .null])
                    Self.expectSameBytes(array)
                    Self.expectSameBytes(.object([("k", array)]))
                    Self.expectSameBytes(.object([("k", .object([("l", array)]))]))
                }
            }
        }
        // A combining mark right after the opening quote joins the quote in one Character.
        for length in 20...40 {
            let items = (0..<3).map { _ in JSONValue.string("\u{301}" + String(repeating: "z", count: length)) }
            Self.expectSameBytes(.array(items))
            Self.expectSameBytes(.object([("k", .array(items))]))
        }
    }

    @Test("pseudo-random nested values (fixed seed) give the reference bytes")
    func randomValues() {
        var generator = SeededGenerator(seed: 0x5EED_1234)
        for _ in 0..<300 {
            Self.expectSameBytes(Self.randomValue(depth: 0, using: &generator))
        }
    }

    static func randomText(using generator: inout SeededGenerator) -> String {
        let pieces = awkwardTexts + ["Sasaran ", "Indikator Kinerja ", "1.02.02", "%", " ", "x"]
        let count = Int(generator.next() % 12)
        return (0..<count).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
    }

    static func randomValue(depth: Int, using generator: inout SeededGenerator) -> JSONValue {
        let choice = generator.next() % (depth > 3 ? 5 : 7)
        switch choice {
        case 0: return .null
        case 1: return .bool(generator.next() % 2 == 0)
        case 2:
            let numbers: [Double] = [0, 1, -3, 2025, 0.25, -1.5e-7, 1e15, 12_345_678_901_234.5, 1e21]
            return .number(numbers[Int(generator.next() % UInt64(numbers.count))])
        case 3, 4: return .string(randomText(using: &generator))
        case 5:
            return .array((0..<Int(generator.next() % 6)).map { _ in randomValue(depth: depth + 1, using: &generator) })
        default:
            return .object((0..<Int(generator.next() % 5)).map { index in
                ("\(randomText(using: &generator))\(index)", randomValue(depth: depth + 1, using: &generator))
            })
        }
    }
}

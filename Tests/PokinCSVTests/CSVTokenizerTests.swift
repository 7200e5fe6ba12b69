import PokinCore
@testable import PokinCSV
import Testing

/// One `parses_to!` case in the manner of rust-csv's csv-core: an input and the records it holds.
struct TokenizerCase: Sendable, CustomTestStringConvertible {
    var name: String
    var input: String
    var expected: Tokenized
    var configuration = CSVTokenizer.Configuration()

    var testDescription: String { name }

    static func parses(_ name: String, _ input: String, _ records: [[String]],
                       _ configuration: CSVTokenizer.Configuration = .init()) -> TokenizerCase {
        TokenizerCase(name: name, input: input, expected: .records(records), configuration: configuration)
    }
}

extension Tokenized: @unchecked Sendable {}

@Suite("CSV tokenizer (no I/O state machine)")
struct CSVTokenizerTests {
    static let semicolon = CSVTokenizer.Configuration(delimiter: UInt8(ascii: ";"))
    static let tab = CSVTokenizer.Configuration(delimiter: 0x09)
    static let backslashAndComment = CSVTokenizer.Configuration(delimiter: UInt8(ascii: ";"), escape: UInt8(ascii: "\\"),
                                                                comment: UInt8(ascii: "#"))

    static let cases: [TokenizerCase] = [
        .parses("empty input has no records", "", []),
        .parses("one field", "a", [["a"]]),
        .parses("many fields", "a,b,c", [["a", "b", "c"]]),
        .parses("trailing comma makes an empty last field", "a,b,", [["a", "b", ""]]),
        .parses("one field LF", "a\n", [["a"]]),
        .parses("many fields LF", "a,b,c\n", [["a", "b", "c"]]),
        .parses("trailing comma LF", "a,b,\n", [["a", "b", ""]]),
        .parses("one field CRLF", "a\r\n", [["a"]]),
        .parses("many fields CRLF", "a,b,c\r\n", [["a", "b", "c"]]),
        .parses("trailing comma CRLF", "a,b,\r\n", [["a", "b", ""]]),
        .parses("one field CR", "a\r", [["a"]]),
        .parses("many fields CR", "a,b,c\r", [["a", "b", "c"]]),
        .parses("many rows one field", "a\nb", [["a"], ["b"]]),
        .parses("many rows many fields", "a,b,c\nx,y,z", [["a", "b", "c"], ["x", "y", "z"]]),
        .parses("many rows trailing comma", "a,b,\nx,y,", [["a", "b", ""], ["x", "y", ""]]),
        .parses("many rows LF", "a\nb\n", [["a"], ["b"]]),
        .parses("many rows CRLF", "a\r\nb\r\n", [["a"], ["b"]]),
        .parses("many rows CR only (classic Mac)", "a\rb\r", [["a"], ["b"]]),
        .parses("mixed line ends in one file", "a\r\nb\nc\rd", [["a"], ["b"], ["c"], ["d"]]),
        .parses("blank lines are records with no fields", "\n\na,b\n\r\n\rx\n\n", [[], [], ["a", "b"], [], [], ["x"], []]),
        .parses("CR CR LF is a record end then a blank line", "a\r\r\nb", [["a"], [], ["b"]]),
        .parses("empty fields only", ",,\n", [["", "", ""]]),
        .parses("a lone space is a field", " ", [[" "]]),
        .parses("quoted empty field", "\"\"", [[""]]),
        .parses("quoted empty field LF", "\"\"\n", [[""]]),
        .parses("quoted space", "\" \"", [[" "]]),
        .parses("quoted inner spaces kept", "\" a \"", [[" a "]]),
        .parses("quote after a space is content", " \"a\" ", [[" \"a\" "]]),
        .parses("delimiter inside quotes", "\"a,b\",c", [["a,b", "c"]]),
        .parses("LF inside quotes", "\"a\nb\",c\n", [["a\nb", "c"]]),
        .parses("CRLF inside quotes", "\"a\r\nb\"\r\nc", [["a\r\nb"], ["c"]]),
        .parses("CR inside quotes", "\"a\rb\"\rc", [["a\rb"], ["c"]]),
        .parses("doubled quote is one quote", "\"a\"\"b\"", [["a\"b"]]),
        .parses("only a doubled quote", "\"\"\"\"", [["\""]]),
        .parses("text after a closing quote is appended", "\"a\"b,c", [["ab", "c"]]),
        .parses("closing quote then doubled quote then text", "\"a\"\"\"b", [["a\"b"]]),
        .parses("quote inside an unquoted field is content", "a\"b,c\"d\"", [["a\"b", "c\"d\""]]),
        .parses("quoted field ended by CR", "\"a\"\r\"b\"", [["a"], ["b"]]),
        .parses("quoted fields with empty neighbours", ",\"\",", [["", "", ""]]),
        .parses("csv-spectrum quotes_and_newlines", "a,b\n1,\"ha \n\"\"ha\"\" \nha\"\n3,4\n",
                [["a", "b"], ["1", "ha \n\"ha\" \nha"], ["3", "4"]]),
        .parses("UTF-8 passes through bytes unchanged", "é,ü\n日本,語", [["é", "ü"], ["日本", "語"]]),
        .parses("semicolon delimiter keeps decimal commas", "1,5;2,25;3\n", [["1,5", "2,25", "3"]], semicolon),
        .parses("tab delimiter", "a\tb\t\n", [["a", "b", ""]], tab),
        .parses("backslash escape and comment lines", "\"\\\"Hacksaw\\\" Jim\";1987\n# a comment, skipped\nRafael\n",
                [["\"Hacksaw\" Jim", "1987"], ["Rafael"]], backslashAndComment),
        .parses("comment byte only matters at a record start", "a#b;#c\n#x\r\n#y\ry", [["a#b", "#c"], ["y"]], backslashAndComment),
        TokenizerCase(name: "unterminated quote at the end", input: "a,b\n\"c,d\ne", expected: .unterminatedQuote(line: 2, record: 2)),
        TokenizerCase(name: "unterminated quote after a CRLF inside quotes", input: "x\r\ny,\"a\r\nb\"\"", expected: .unterminatedQuote(line: 2, record: 2)),
        TokenizerCase(name: "unterminated escape at the end", input: "\"a\\", expected: .unterminatedQuote(line: 1, record: 1),
                      configuration: backslashAndComment),
    ]

    @Test("parses to the expected records when fed whole", arguments: cases)
    func parsesWhole(_ testCase: TokenizerCase) {
        #expect(CSVTestSupport.tokenize(testCase.input, configuration: testCase.configuration) == testCase.expected)
    }

    @Test("gives the same records however the input is split: at every byte, in two and in three pieces, and byte by byte",
          arguments: cases)
    func parsesSplit(_ testCase: TokenizerCase) {
        let bytes = Array(testCase.input.utf8)
        for cut in 0...bytes.count {
            let result = CSVTestSupport.tokenize(bytes, cuts: [cut], configuration: testCase.configuration)
            #expect(result == testCase.expected, "split at byte \(cut)")
        }
        if bytes.count <= 40 {
            for first in 0...bytes.count {
                for second in first...bytes.count {
                    let result = CSVTestSupport.tokenize(bytes, cuts: [first, second], configuration: testCase.configuration)
                    #expect(result == testCase.expected, "split at bytes \(first) and \(second)")
                }
            }
        }
        let oneByOne = CSVTestSupport.tokenize(bytes, cuts: Array(0..<bytes.count), configuration: testCase.configuration)
        #expect(oneByOne == testCase.expected, "fed byte by byte")
    }

    @Test("counts the start line, record number and byte offset of every record, whatever the line ends")
    func countsPositions() {
        let input = Array("a,b\r\n\"x\ny\",z\rq\n\nlast".utf8)
        // (byte, line, record) of each record's start, and the line after all input.
        let expected = [
            CSVTokenizer.Position(byte: 0, line: 1, record: 1),
            CSVTokenizer.Position(byte: 5, line: 2, record: 2),
            CSVTokenizer.Position(byte: 13, line: 4, record: 3),
            CSVTokenizer.Position(byte: 15, line: 5, record: 4),
            CSVTokenizer.Position(byte: 16, line: 6, record: 5),
        ]
        for cut in 0...input.count {
            var tokenizer = CSVTokenizer()
            var starts: [CSVTokenizer.Position] = []
            input.withUnsafeBufferPointer { buffer in
                for (start, end) in [(0, cut), (cut, input.count)] where start < end {
                    var offset = start
                    while offset < end {
                        let (status, consumed) = tokenizer.feed(UnsafeBufferPointer(rebasing: buffer[offset..<end]))
                        offset += consumed
                        if status == .record { starts.append(tokenizer.recordStart) }
                    }
                }
            }
            if tokenizer.finish() == .record { starts.append(tokenizer.recordStart) }
            #expect(starts == expected, "split at byte \(cut)")
            #expect(tokenizer.position.byte == input.count)
            #expect(tokenizer.position.line == 6)
            #expect(tokenizer.position.record == 6)
            #expect(tokenizer.finish() == .finished)
        }
    }

    @Test("feeding stops at each record end and reports how many bytes it consumed")
    func stopsAtRecordEnds() {
        var tokenizer = CSVTokenizer()
        let input = Array("ab,c\nd\n".utf8)
        input.withUnsafeBufferPointer { buffer in
            let first = tokenizer.feed(buffer)
            #expect(first.status == .record && first.consumed == 5)
            #expect(tokenizer.fields == ["ab", "c"])
            let second = tokenizer.feed(UnsafeBufferPointer(rebasing: buffer[5...]))
            #expect(second.status == .record && second.consumed == 2)
            #expect(tokenizer.fields == ["d"])
            #expect(tokenizer.fieldEnd(0) == 1)
        }
        #expect(tokenizer.finish() == .finished)
    }
}

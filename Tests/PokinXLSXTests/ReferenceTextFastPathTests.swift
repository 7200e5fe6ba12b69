@testable import PokinXLSX
import PokinCore
import PokinTestSupport
import Testing

/// The byte paths of `ReferenceText` give exactly what the general paths give: a range read from
/// bytes equals the String path's range, and a cell reference equals the reading of the loop that
/// counted its digits one by one (kept here as the reference).
@Suite("Reference text: the byte paths equal the general paths")
struct ReferenceTextFastPathTests {
    /// The cell-reference reading before the digit loop lost its own count.
    private static func referenceCell(_ bytes: UnsafeBufferPointer<UInt8>) -> ReferenceText.Parsed {
        let count = bytes.count
        if count == 0 { return .none }
        var index = 0
        if bytes[0] == UInt8(ascii: "$") { index = 1 }
        var column = 0
        let lettersStart = index
        while index < count {
            let letter = (bytes[index] | 0x20) &- UInt8(ascii: "a")
            guard letter < 26 else { break }
            guard index - lettersStart < 3 else { return .invalid }
            column = column &* 26 &+ Int(letter) &+ 1
            index += 1
        }
        guard index > lettersStart else { return .invalid }
        if index < count, bytes[index] == UInt8(ascii: "$") { index += 1 }
        var row = 0
        let digitsStart = index
        while index < count {
            let digit = bytes[index] &- UInt8(ascii: "0")
            guard digit < 10 else { return .invalid }
            guard index - digitsStart < 7 else { return .invalid }
            row = row &* 10 &+ Int(digit)
            index += 1
        }
        guard index > digitsStart, row >= 1, row <= 1_048_576, column <= 16_384 else { return .invalid }
        return .cell(row: row, column: column)
    }

    @Test("range from bytes equals range from the String for every text of up to four pieces")
    func rangeMatches() {
        let pieces = ["A", "z", "XFD", "XFE", "AAAA", "$", "0", "1", "9", "1048576", "1048577", "9999999", ":", "&#38;", " ", "-"]
        var compared = 0
        var fast = 0
        for text in PieceCombinations.all(pieces, length: 4) {
            let bytes = Array(text.utf8)
            let fromBytes = bytes.withUnsafeBufferPointer { ReferenceText.range($0) }
            let fromString = bytes.withUnsafeBufferPointer { ReferenceText.range(SAXAttributes.text($0)) }
            #expect(fromBytes == fromString, "\(text.debugDescription)")
            if fromBytes != nil { fast += 1 }
            compared += 1
        }
        #expect(compared > 60_000)
        #expect(fast > 400, "hundreds of inputs are ranges")
        let edges = ["A1", "XFD1048576", "A1:XFD1048576", "XFD1048576:A1", "B12:C3", "A01", "A1:B", "1:3", "A:C", "$A$1:$B$2",
                     "a1:b2", "A1:B2:C3", "A0", "XFE1", "A1048577", "", ":", "A1&#38;"]
        for text in edges {
            let bytes = Array(text.utf8)
            #expect(bytes.withUnsafeBufferPointer { ReferenceText.range($0) } == ReferenceText.range(text), "\(text.debugDescription)")
        }
    }

    @Test("cell references read as before for every text of up to five pieces")
    func cellMatches() {
        let pieces = ["A", "d", "XF", "$", "0", "1", "4", "8", "576", "1048577", " ", ".", "+"]
        var compared = 0
        for text in PieceCombinations.all(pieces, length: 5) {
            let bytes = Array(text.utf8)
            bytes.withUnsafeBufferPointer { buffer in
                #expect(ReferenceText.cell(buffer) == Self.referenceCell(buffer), "\(text.debugDescription)")
            }
            compared += 1
        }
        #expect(compared > 300_000)
        for text in ["XFD1048576", "XFE1", "A1048577", "$XFD$1048576", "xfd1", "AAAA1", "A12345678", "A", "1", "$", "A$"] {
            let bytes = Array(text.utf8)
            bytes.withUnsafeBufferPointer { buffer in
                #expect(ReferenceText.cell(buffer) == Self.referenceCell(buffer), "\(text.debugDescription)")
            }
        }
    }
}

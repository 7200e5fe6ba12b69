import Foundation
import PokinCore
import PokinTestSupport
@testable import PokinXLSX
import Testing

@Suite("XLSX writer: round trip through pokin's reader")
struct WriterRoundTripTests {
    private func readSheet(_ workbook: XLSXWorkbook, _ sheet: String) throws -> ([Int: Row], [CellRange]) {
        let reader = try workbook.sheetReader(named: sheet)
        var rows: [Int: Row] = [:]
        var row = Row(number: 0)
        while try reader.read(into: &row) { rows[row.number] = row }
        return (rows, reader.mergedRanges)
    }

    @Test("the sample workbook reads back value for value: texts, numbers, dates, booleans, errors, merges, sheets")
    func sample() throws {
        let path = try Fixtures.temporaryDirectory("xlsx-writer").appendingPathComponent("sample.xlsx").path
        try WriterSample.write(to: path)
        let workbook = try XLSXWorkbook(path: path)
        #expect(workbook.sheets == [SheetInfo(name: "Nilai"), SheetInfo(name: "Daftar", visibility: .hidden)])
        let (rows, merges) = try readSheet(workbook, "Nilai")
        #expect(rows.keys.sorted() == [1, 2, 3, 4, 5, 7])
        let texts = try #require(rows[2]).cells.map(\.value)
        #expect(texts == WriterSample.texts.map { .text($0) })
        let numbers = try #require(rows[3]).cells.map(\.value)
        #expect(numbers == WriterSample.numbers.map { .number($0) })
        let dates = try #require(rows[4]).cells.map(\.value)
        #expect(dates == WriterSample.dates.map { .dateTime($0) })
        #expect(try #require(rows[5]).cells.map(\.value) == [.boolean(true), .boolean(false), .error("#N/A"), .error("#DIV/0!")])
        #expect(try #require(rows[7]).cells.first?.value == .text("Gabungan"))
        #expect(merges == [WriterSample.mergedRange])
        let (list, _) = try readSheet(workbook, "Daftar")
        let words: [CellValue] = (1...3).compactMap { list[$0]?.cells.first?.value }
        #expect(words == [.text("Kegiatan"), .text("Sub Kegiatan"), .text("Program")])
    }

    @Test("50,000 generated rows with repeated and unique strings read back identical")
    func generated() throws {
        let path = try Fixtures.temporaryDirectory("xlsx-writer").appendingPathComponent("gen.xlsx").path
        var generator = SeededGenerator(seed: 7)
        var expected: [[CellValue]] = []
        let book = try XLSXWriter(path: path)
        let sheet = try book.addSheet(named: "Data")
        for number in 1...50_000 {
            let values: [CellValue] = [
                .text("2.\(generator.next() % 30).\(generator.next() % 12)"),
                .text("Uraian \(number)"),
                .number(Double(Int64(bitPattern: generator.next()) % 1_000_000) / 100),
                .boolean(generator.next() % 2 == 0),
            ]
            expected.append(values)
            try sheet.writeRow(values)
        }
        try book.close()
        let (rows, _) = try readSheet(try XLSXWorkbook(path: path), "Data")
        #expect(rows.count == expected.count)
        var mismatches = 0
        for (index, values) in expected.enumerated() where rows[index + 1]?.cells.map(\.value) != values { mismatches += 1 }
        #expect(mismatches == 0)
    }
}

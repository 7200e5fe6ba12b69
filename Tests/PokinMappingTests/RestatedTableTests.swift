import PokinCore
import PokinMapping
import PokinModel
import PokinTestSupport
import Testing

@Suite("A sheet with a second table restating the first")
struct RestatedTableTests {
    /// Tahap 2 in the seed's layout: a numbered CSF list, then "Identifikasi CSF", then the
    /// "Kondisi yang diperlukan" table rewording the first CSFs.
    func tahap2(csfCount: Int, restated: Int) -> MemoryWorkbook {
        var rows: [[String?]] = [["CSF Meningkatnya Kinerja Layanan Kesehatan"]]
        for number in 1...csfCount { rows.append(["\(number)", "Terlaksananya Pembinaan Puskesmas \(number)"]) }
        rows.append([nil])
        rows.append(["Identifikasi CSF dan kondisi yang diperlukan"])
        rows.append([nil, "Kondisi yang diperlukan"])
        for number in 1...restated { rows.append([nil, "Terbinanya Puskesmas \(number) secara berkala"]) }
        return MemoryWorkbook([MemoryWorkbook.Sheet("Tahap 2", rows: rows)])
    }

    func importTahap2(_ workbook: MemoryWorkbook) throws -> PohonKinerja {
        let mapping = try MappingCatalog(folder: Fixtures.repositoryFile("Mappings")).mapping(named: "permenpan-lembar-kerja")
        return try WorkbookImporter(mapping: mapping).importTree(from: workbook, file: "tahap2.xlsx")
    }

    @Test("the restated table is found below a first table longer than the header search window (70 CSFs)")
    func restatedBelowLongTable() throws {
        let model = try importTahap2(tahap2(csfCount: 70, restated: 3))
        let csfs = model.nodes.filter { $0.stages[.tahap2] != nil }
        #expect(csfs.count == 70)
        #expect(csfs.first?.stages[.tahap2]?.text == "Terbinanya Puskesmas 1 secara berkala")
        #expect(csfs.dropFirst(2).first?.stages[.tahap2]?.text == "Terbinanya Puskesmas 3 secara berkala")
        #expect(csfs.dropFirst(3).first?.stages[.tahap2]?.text == "Terlaksananya Pembinaan Puskesmas 4")
    }
}

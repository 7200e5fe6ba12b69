import Foundation
import PokinCore
import PokinTestSupport
import PokinXLSX

/// A hand-made agency workbook in the `permenpan-lembar-kerja` layout (the seed's), holding the
/// same consistent tree as `TestTree`, to plant one inconsistency at a time into its cells.
///
/// Tahap 4 and 5 are kept as their data rows only: `tahap4[0]` is sheet row 4, columns A–D
/// (A–F on Tahap 5). Tahap 3's data starts at row 16 (`tahap3[0]`), columns A–C.
struct PlantedWorkbook {
    var tahap1: [[String?]]
    var tahap2: [[String?]]
    var tahap3: [[String?]]
    var tahap3Merges: [String]
    var tahap4: [[String?]]
    var tahap5: [[String?]]
    var agencyName = "DINAS KESEHATAN"

    static func clean(_ change: (inout PlantedWorkbook) -> Void = { _ in }) -> PlantedWorkbook {
        var tahap1: [[String?]] = Array(repeating: [], count: 20)
        tahap1[0] = ["Tahap 1 menentukan outcome"]
        tahap1[17] = ["Tahap 1 Menentukan outcome\nDINKES"]
        tahap1[19] = ["Meningkatnya Derajat Kesehatan Masyarakat"]

        var tahap2: [[String?]] = Array(repeating: [], count: 22)
        tahap2[0] = ["Tahap 2"]
        tahap2[8] = [nil, "CSF Meningkatnya Derajat Kesehatan Masyarakat"]
        tahap2[9] = ["1", "Rendahnya Mutu Layanan Kesehatan"]
        tahap2[10] = ["2", "Tingginya Angka Kesakitan Penyakit Menular"]
        tahap2[11] = ["3", "Tersedianya Air Bersih di Permukiman"]
        tahap2[17] = ["Identifikasi CSF yang dibutuhkan untuk mencapai kinerja"]
        tahap2[19] = [nil, "Kondisi yang diperlukan"]
        tahap2[20] = [nil, "Meningkatnya Mutu Layanan Kesehatan"]
        tahap2[21] = [nil, "Menurunnya Angka Kesakitan Penyakit Menular"]

        let tahap3: [[String?]] = [
            ["Meningkatnya Mutu Layanan Kesehatan", "Meningkatnya Akreditasi Puskesmas", "Kondisi antara utama"],
            [nil, "Terselenggaranya Pendampingan Akreditasi", "Kondisi antara"],
            [nil, "Terlaksananya Pelatihan Tim Mutu Puskesmas", "Kondisi operasional"],
            [nil, "Terlaksananya Survei Akreditasi Internal", "Kondisi operasional"],
            ["Menurunnya Angka Kesakitan Penyakit Menular", "Meningkatnya Cakupan Imunisasi", "Kondisi antara utama"],
            [nil, "Tersedianya Vaksin yang Memadai", "Kondisi antara"],
            [nil, "Terlaksananya Distribusi Vaksin ke Puskesmas", "Kondisi operasional"],
            ["Tersedianya Air Bersih di Permukiman", "CROSSCUTTING DINAS PEKERJAAN UMUM"],
        ]

        typealias Row = (stage: String, text: String, indicator: String?, performance: String?, planning: String?, position: String?)
        let rows: [Row] = [
            ("Tahap 1", "Meningkatnya Derajat Kesehatan Masyarakat", "Angka Harapan Hidup", "Kinerja strategis SKPD", "Tujuan SKPD", nil),
            ("Tahap 2", "Meningkatnya Mutu Layanan Kesehatan", "Indeks Kepuasan Masyarakat terhadap Layanan Kesehatan",
             "Kinerja strategis", "Sasaran SKPD", "PK Jabatan Pimpinan Tinggi"),
            ("Tahap 3", "Meningkatnya Akreditasi Puskesmas", "Persentase Puskesmas Terakreditasi Paripurna",
             "Kinerja taktikal intermediate", "Sasaran Program", "PK Jabatan Administrator"),
            ("Tahap 3", "Terselenggaranya Pendampingan Akreditasi", "Persentase Puskesmas yang Didampingi",
             "Kinerja taktikal immediate", "Sasaran Kegiatan", "PK/SKP JF"),
            ("Tahap 3", "Terlaksananya Pelatihan Tim Mutu Puskesmas", "Jumlah Tim Mutu yang Dilatih",
             "Kinerja operasional", "Sasaran Sub Kegiatan", "PK/SKP JF"),
            ("Tahap 3", "Terlaksananya Survei Akreditasi Internal", "Jumlah Survei Internal yang Dilaksanakan",
             "Kinerja operasional", "Sasaran Sub Kegiatan", "PK/SKP JF"),
            ("Tahap 2", "Menurunnya Angka Kesakitan Penyakit Menular", "Persentase Kasus Penyakit Menular yang Ditangani",
             "Kinerja strategis", "Sasaran SKPD", "PK Jabatan Pimpinan Tinggi"),
            ("Tahap 3", "Meningkatnya Cakupan Imunisasi", "Persentase Desa UCI",
             "Kinerja taktikal intermediate", "Sasaran Program", "PK Jabatan Administrator"),
            ("Tahap 3", "Tersedianya Vaksin yang Memadai", "Persentase Ketersediaan Vaksin",
             "Kinerja taktikal immediate", "Sasaran Kegiatan", "PK/SKP JF"),
            ("Tahap 3", "Terlaksananya Distribusi Vaksin ke Puskesmas", "Jumlah Puskesmas yang Menerima Vaksin",
             "Kinerja operasional", "Sasaran Sub Kegiatan", "PK/SKP JF"),
            ("Tahap 2", "Tersedianya Air Bersih di Permukiman", nil, nil, nil, nil),
        ]
        var workbook = PlantedWorkbook(
            tahap1: tahap1, tahap2: tahap2, tahap3: tahap3, tahap3Merges: ["A16:A19", "A20:A22"],
            tahap4: rows.map { [$0.stage, $0.text, $0.indicator, $0.performance] },
            tahap5: rows.map { [$0.stage, $0.text, $0.indicator, $0.performance, $0.planning, $0.position] })
        change(&workbook)
        return workbook
    }

    /// The sheets as (name, grid, merges), grids from row 1.
    var sheets: [(name: String, rows: [[String?]], merges: [String])] {
        var t3: [[String?]] = Array(repeating: [], count: 15)
        t3[0] = ["Tahap 3"]
        t3[14] = ["CSF yang sudah dirubah ke bahasa kondisi pada tahap 2",
                  "Kondisi yang diperlukan (kondisi antara sampai kondisi paling operasional)", "Keterangan"]
        let header4: [String?] = ["Rujukan Tahapan", "Kinerja", "Indikator Kinerja", "Keterangan"]
        return [
            ("TAHAP 1", tahap1, []),
            ("TAHAP 2", tahap2, []),
            ("TAHAP 3", t3 + tahap3, tahap3Merges),
            ("TAHAP 4", [["Tahap 4 Merumuskan Indikator Kinerja"], [], header4] + tahap4, []),
            ("TAHAP 5", [["Tahap 5 menerjemahkan pohon kinerja ke komponen perencanaan dan kinerja jabatan"], [], header4] + tahap5, []),
            ("POHON KINERJA", [["POHON KINERJA"], [agencyName]], []),
        ]
    }

    /// The workbook in memory, for the mapping layer.
    var memory: MemoryWorkbook {
        MemoryWorkbook(sheets.map { MemoryWorkbook.Sheet($0.name, rows: $0.rows, merged: $0.merges) })
    }

    /// The workbook as an .xlsx file.
    static func write(_ workbook: PlantedWorkbook, to path: String) throws {
        let book = try XLSXWriter(path: path)
        for sheet in workbook.sheets {
            let writer = try book.addSheet(named: sheet.name)
            for (index, row) in sheet.rows.enumerated() where row.contains(where: { $0 != nil }) {
                try writer.beginRow(index + 1)
                for (column, text) in row.enumerated() {
                    if let text { try writer.writeText(text, column: column + 1) }
                }
            }
            for merge in sheet.merges { try writer.merge(CellRange(merge)!) }
        }
        try book.close()
    }
}

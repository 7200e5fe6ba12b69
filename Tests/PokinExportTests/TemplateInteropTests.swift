import Foundation
import PokinExport
import PokinTestSupport
import Testing

/// The template as real clients see it: openpyxl reads the layout features (frozen header,
/// drop-down lists, level fills, print setup, merges), python-calamine reads the values, and
/// LibreOffice opens and prints it.
@Suite("Standard template in real clients")
struct TemplateInteropTests {
    static func writeSeedTemplate() throws -> URL {
        let folder = try Fixtures.temporaryDirectory("template-interop")
        let url = folder.appendingPathComponent("template.xlsx")
        try TemplateWorkbookWriter(model: try ModelFixtures.seedGolden()).write(to: url.path)
        return url
    }

    static let inspection = #"""
    import json, sys, openpyxl, python_calamine
    path = sys.argv[1]
    wb = openpyxl.load_workbook(path)
    out = {"sheets": wb.sheetnames}
    t3 = wb["Tahap 3"]
    out["freeze"] = t3.freeze_panes
    out["validations"] = [(str(dv.sqref), dv.formula1) for dv in t3.data_validations.dataValidation]
    out["orientation"] = t3.page_setup.orientation
    out["fitToWidth"] = t3.page_setup.fitToWidth
    out["printTitles"] = t3.print_title_rows
    rows = {r[0].value: r for r in t3.iter_rows(min_row=4) if r[0].value}
    out["fill_kau"] = rows["1.1.1"][2].fill.fgColor.rgb
    out["fill_ko"] = rows["1.1.1.1.1"][2].fill.fgColor.rgb
    out["header_bold"] = t3["A3"].font.b
    out["cascading_merges"] = len(wb["Cascading"].merged_cells.ranges)
    cal = python_calamine.CalamineWorkbook.from_path(path)
    t5 = cal.get_sheet_by_name("Tahap 5").to_python()
    out["t5_header"] = t5[2]
    out["t5_codes"] = [r[0] for r in t5[3:]]
    out["t5_row_1_2_1"] = [r for r in t5 if r[0] == "1.2.1"][0][:7]
    print(json.dumps(out))
    """#

    @Test("openpyxl and python-calamine see the frozen header, drop-down lists, fills, print setup and the values written",
          .enabled(if: TestEnvironment.pythonEnabled("openpyxl", "python_calamine")))
    func pythonClientsReadIt() throws {
        try TestEnvironment.requirePython("openpyxl", "python_calamine")
        let url = try Self.writeSeedTemplate()
        let result = try ProcessRunner.run("/usr/bin/env", ["python3", "-c", Self.inspection, url.path])
        #expect(result.status == 0, "\(result.stderr)")
        let info = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(info["sheets"] as? [String] == ["Petunjuk", "Tahap 1", "Tahap 2", "Tahap 3", "Tahap 4", "Tahap 5", "Cascading", "Pohon Kinerja"])
        #expect(info["freeze"] as? String == "A4")
        let validations = try #require(info["validations"] as? [[String]])
        #expect(validations.contains { $0[0].hasPrefix("D4:D") && $0[1].contains("Kondisi Antara Utama") })
        #expect(info["orientation"] as? String == "landscape")
        #expect(info["fitToWidth"] as? Int == 1)
        #expect((info["printTitles"] as? String)?.contains("$1:$3") == true)
        #expect(info["fill_kau"] as? String == "FFCFE2F3")
        #expect(info["fill_ko"] as? String == "FFD9EAD3")
        #expect(info["header_bold"] as? Bool == true)
        #expect((info["cascading_merges"] as? Int ?? 0) > 10)
        #expect((info["t5_header"] as? [String])?.prefix(7) == ["Kode", "Rujukan Tahapan", "Kinerja", "Indikator Kinerja", "Jenis Kinerja", "Komponen Perencanaan", "Kinerja Jabatan"])
        #expect((info["t5_codes"] as? [String])?.count == 22, "Tahap 5 lists the 22 nodes the seed's Tahap 5 has")
        #expect(info["t5_row_1_2_1"] as? [String] == ["1.2.1", "Tahap 3", "Meningkatnya Kompetensi Usaha Mikro",
                                                       "Persentase Usaha Mikro yang Memenuhi Kualifikasi Standar Kompetensi Usaha",
                                                       "Kinerja Taktikal Intermediate", "Sasaran Program", "PK Administrator"])
    }

    @Test("LibreOffice opens the template and prints every sheet to PDF",
          .enabled(if: TestEnvironment.isCI || TestEnvironment.hasExecutable("soffice")))
    func libreOfficePrintsIt() throws {
        guard TestEnvironment.hasExecutable("soffice") else {
            throw MissingRequirement(description: "LibreOffice (soffice) is not installed; .ci/run installs libreoffice-calc-nogui")
        }
        let url = try Self.writeSeedTemplate()
        let folder = url.deletingLastPathComponent()
        let profile = "file://" + folder.appendingPathComponent("lo-profile").path
        let result = try ProcessRunner.run("/usr/bin/env", ["timeout", "180", "soffice", "-env:UserInstallation=\(profile)", "--headless",
                                                            "--convert-to", "pdf", "--outdir", folder.path, url.path])
        #expect(result.status == 0, "\(result.stderr)")
        let pdf = try Data(contentsOf: folder.appendingPathComponent("template.pdf"))
        #expect(pdf.starts(with: Data("%PDF".utf8)))
        // Seven sheets of text and colour, not an empty document.
        #expect(pdf.count > 20_000, "LibreOffice wrote only \(pdf.count) bytes")
    }
}

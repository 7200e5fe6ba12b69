import Foundation
import PokinTestSupport
import Testing

@Suite("pokin render")
struct RenderCommandTests {
    static var seed: String { Fixtures.url("agencies/dkukmpp-seed/expected.json").path }
    static var seedWorkbook: String { Fixtures.url("agencies/dkukmpp-seed/pohon-kinerja-dkukmpp.xlsx").path }

    @Test("the seed's golden model renders to SVG and HTML; the same input gives the same bytes")
    func svgAndHTML() throws {
        let folder = try Fixtures.temporaryDirectory("render")
        for name in ["a.svg", "b.svg", "c.html", "d.html"] {
            let result = try PokinBinary.run(["render", Self.seed, folder.appendingPathComponent(name).path])
            #expect(result.status == 0, "stderr: \(result.stderr)")
        }
        let a = try Data(contentsOf: folder.appendingPathComponent("a.svg"))
        #expect(a == (try Data(contentsOf: folder.appendingPathComponent("b.svg"))))
        #expect(String(decoding: a, as: UTF8.self).components(separatedBy: "<g class=\"kinerja\"").count - 1 == 27)
        let c = try Data(contentsOf: folder.appendingPathComponent("c.html"))
        #expect(c == (try Data(contentsOf: folder.appendingPathComponent("d.html"))))
        #expect(String(decoding: c, as: UTF8.self).hasPrefix("<!DOCTYPE html>"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["a.svg", "b.svg", "c.html", "d.html"])
    }

    @Test("--split csf writes OUT-1.svg … one per CSF page, and one HTML section per page")
    func splitByCSF() throws {
        let folder = try Fixtures.temporaryDirectory("render")
        let svg = try PokinBinary.run(["render", "--split", "csf", Self.seed, folder.appendingPathComponent("pohon.svg").path])
        #expect(svg.status == 0, "stderr: \(svg.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
            == ["pohon-1.svg", "pohon-2.svg", "pohon-3.svg", "pohon-4.svg"])
        #expect(svg.stderr.contains("pohon-2.svg: CSF 1.2: Meningkatnya Laba Usaha Mikro"))
        let html = try PokinBinary.run(["render", "--split", "csf", "--view", "cascading", Self.seed,
                                        folder.appendingPathComponent("cascading.html").path])
        #expect(html.status == 0, "stderr: \(html.stderr)")
        let text = try String(contentsOf: folder.appendingPathComponent("cascading.html"), encoding: .utf8)
        #expect(text.components(separatedBy: "<section id=").count - 1 == 4)
        #expect(text.contains("PK/SKP KABID"))
    }

    @Test("the seed's workbook renders through its recognised mapping")
    func workbookInput() throws {
        let folder = try Fixtures.temporaryDirectory("render")
        let out = folder.appendingPathComponent("seed.svg")
        let result = try PokinBinary.run(["render", Self.seedWorkbook, out.path])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let text = try String(contentsOf: out, encoding: .utf8)
        #expect(text.contains("Meningkatnya Koperasi yang Berkualitas"))
    }

    @Test("OUT.xlsx writes a workbook whose Pohon Kinerja sheet carries the drawing; --split and --view do not apply to it")
    func workbookOutput() throws {
        let folder = try Fixtures.temporaryDirectory("render")
        let out = folder.appendingPathComponent("pohon.xlsx")
        let result = try PokinBinary.run(["render", Self.seed, out.path])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stderr.contains("sheet \"Pohon Kinerja\""))
        let bytes = [UInt8](try Data(contentsOf: out))
        #expect(bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]))
        #expect(String(decoding: bytes, as: UTF8.self).contains("xl/drawings/drawing1.xml"))
        let split = try PokinBinary.run(["render", "--split", "csf", Self.seed, folder.appendingPathComponent("b.xlsx").path])
        #expect(split.status == 2)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("b.xlsx").path))
    }

    @Test("an output that is not .svg, .html or .xlsx is a usage error (exit 2) and writes nothing")
    func badOutput() throws {
        let folder = try Fixtures.temporaryDirectory("render")
        let result = try PokinBinary.run(["render", Self.seed, folder.appendingPathComponent("pohon.png").path])
        #expect(result.status == 2)
        #expect(result.stderr.contains(".svg, .html or .xlsx"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
        let split = try PokinBinary.run(["render", "--split", "program", Self.seed, folder.appendingPathComponent("p.svg").path])
        #expect(split.status == 2)
    }

    @Test("a missing input exits 3 and names the file")
    func missingInput() throws {
        let folder = try Fixtures.temporaryDirectory("render")
        let result = try PokinBinary.run(["render", folder.appendingPathComponent("tidak-ada.json").path,
                                          folder.appendingPathComponent("p.svg").path])
        #expect(result.status == 3)
        #expect(result.stderr.contains("tidak-ada.json"))
    }
}

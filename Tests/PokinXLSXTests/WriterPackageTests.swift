import Foundation
import PokinCore
import PokinTestSupport
@testable import PokinXLSX
import Testing

/// The central directory of a zip file, parsed independently of libzip.
struct CentralDirectoryEntry {
    var name: String
    var versionNeeded: UInt16
    var flags: UInt16
    var method: UInt16
    var compressedSize: UInt32
    var size: UInt32
    var extraFieldIDs: [UInt16]

    static func read(_ path: String) throws -> (entries: [CentralDirectoryEntry], hasZip64EndRecord: Bool) {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        func u16(_ at: Int) -> UInt16 { UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8 }
        func u32(_ at: Int) -> UInt32 { UInt32(u16(at)) | UInt32(u16(at + 2)) << 16 }
        var end = bytes.count - 22
        while end >= 0, u32(end) != 0x0605_4B50 { end -= 1 }
        guard end >= 0 else { throw MissingRequirement(description: "no end of central directory") }
        let hasZip64 = bytes.count >= 20 && (0..<end).contains(end - 20) && u32(end - 20) == 0x0706_4B50
        var offset = Int(u32(end + 16))
        var entries: [CentralDirectoryEntry] = []
        for _ in 0..<Int(u16(end + 10)) {
            guard u32(offset) == 0x0201_4B50 else { throw MissingRequirement(description: "bad central header") }
            let nameLength = Int(u16(offset + 28)), extraLength = Int(u16(offset + 30)), commentLength = Int(u16(offset + 32))
            var ids: [UInt16] = []
            var extra = offset + 46 + nameLength
            while extra + 4 <= offset + 46 + nameLength + extraLength {
                ids.append(u16(extra))
                extra += 4 + Int(u16(extra + 2))
            }
            entries.append(CentralDirectoryEntry(
                name: String(decoding: bytes[(offset + 46)..<(offset + 46 + nameLength)], as: UTF8.self),
                versionNeeded: u16(offset + 6), flags: u16(offset + 8), method: u16(offset + 10),
                compressedSize: u32(offset + 20), size: u32(offset + 24), extraFieldIDs: ids))
            offset += 46 + nameLength + extraLength + commentLength
        }
        return (entries, hasZip64)
    }
}

@Suite("XLSX writer: package structure")
struct WriterPackageTests {
    private func sample() throws -> String {
        let path = try Fixtures.temporaryDirectory("xlsx-writer").appendingPathComponent("sample.xlsx").path
        try WriterSample.write(to: path)
        return path
    }

    @Test("every entry is deflated, with known sizes: no ZIP64 record or extra field, no data descriptor")
    func noZip64() throws {
        let (entries, zip64) = try CentralDirectoryEntry.read(try sample())
        #expect(!zip64)
        #expect(entries.count == 10)
        for entry in entries {
            #expect(entry.method == 8, "\(entry.name) deflated")
            #expect(entry.extraFieldIDs.isEmpty, "\(entry.name) has no extra fields (ZIP64 is 0x0001)")
            #expect(entry.flags & 0x0008 == 0, "\(entry.name) has no data descriptor")
            #expect(entry.versionNeeded <= 20)
            #expect(entry.size != 0xFFFF_FFFF && entry.compressedSize != 0xFFFF_FFFF)
            #expect(!entry.name.contains("\\") && !entry.name.hasPrefix("/"))
        }
        #expect(entries.first?.name == "[Content_Types].xml")
    }

    @Test("structural check: every part has a content type, every relationship target exists, ids are unique")
    func structure() throws {
        let package = try WrittenPackage(try sample())
        let names = Set(package.archive.entryNames)
        let types = try package.part("[Content_Types].xml")
        let overrides = Set(WrittenPackage.attributeValues("PartName", in: types))
        let defaults = Set(WrittenPackage.attributeValues("Extension", in: types))
        for name in names where name != "[Content_Types].xml" {
            // The part's extension as OPC reads it (`.rels` is an extension, not a hidden file).
            let ext = name.split(separator: "/").last.flatMap { $0.split(separator: ".").last }.map(String.init) ?? ""
            #expect(overrides.contains("/" + name) || defaults.contains(ext), "\(name) has a content type")
        }
        for part in overrides { #expect(names.contains(String(part.dropFirst())), "override \(part) names a part") }
        var relationshipFiles = 0
        for name in names where name.hasSuffix(".rels") {
            relationshipFiles += 1
            let xml = try package.part(name)
            let ids = WrittenPackage.attributeValues("Id", in: xml)
            #expect(Set(ids).count == ids.count, "\(name) ids unique")
            // Targets are relative to the folder that holds the _rels folder.
            let base = ((name as NSString).deletingLastPathComponent as NSString).deletingLastPathComponent
            for target in WrittenPackage.attributeValues("Target", in: xml) {
                #expect(!target.hasPrefix("/"), "relative target \(target)")
                let resolved = base.isEmpty ? target : base + "/" + target
                #expect(names.contains(resolved), "\(name) → \(resolved) exists")
            }
        }
        #expect(relationshipFiles == 2)
        let workbook = try package.part("xl/workbook.xml")
        let rels = try package.part("xl/_rels/workbook.xml.rels")
        let sheetIDs = WrittenPackage.attributeValues("r:id", in: workbook)
        #expect(sheetIDs == ["rId1", "rId2"])
        for id in sheetIDs { #expect(rels.contains(#"Id="\#(id)""#)) }
    }

    @Test("document properties carry the caller's title, creator and dates; app.xml lists the sheets")
    func properties() throws {
        let package = try WrittenPackage(try sample())
        let core = try package.part("docProps/core.xml")
        #expect(core.contains("<dc:title>Pohon Kinerja Uji</dc:title>"))
        #expect(core.contains("<dc:creator>pokin tests</dc:creator>"))
        #expect(core.contains(#"<dcterms:created xsi:type="dcterms:W3CDTF">2025-03-04T05:06:07Z</dcterms:created>"#))
        let app = try package.part("docProps/app.xml")
        #expect(app.contains("<vt:lpstr>Nilai</vt:lpstr><vt:lpstr>Daftar</vt:lpstr>"))
        #expect(app.contains("<Company>Pemerintah Kabupaten Contoh</Company>"))
    }

    @Test("shared strings hold each distinct text once, with counts, preserve flags and escapes")
    func sharedStrings() throws {
        let package = try WrittenPackage(try sample())
        let sst = try package.part("xl/sharedStrings.xml")
        #expect(sst.contains(#"<si><t xml:space="preserve">  spasi di tepi  </t></si>"#))
        #expect(sst.contains("<si><t>kontrol _x0001__x0008__x000B__x000C__x001F_ di tengah</t></si>"))
        #expect(sst.contains("<si><t>literal _x005F_x0041_ dan _x005F_x005F_ dan _xZZZZ_ dan _x12</t></si>"))
        let sheet = try package.part("xl/worksheets/sheet1.xml")
        #expect(!sheet.contains("inlineStr"))
        let texts = WrittenPackage.attributeValues("uniqueCount", in: sst)
        #expect(texts.count == 1)
        #expect(sst.components(separatedBy: "<si>").count - 1 == Int(texts[0]))
    }
}

@testable import PokinXLSX
import PokinTestSupport
import Testing

/// Part-name resolution and relationship kinds worked out on bytes for ASCII text give exactly
/// what the Character-level code gives, on every combination of the characters that matter.
@Suite("Part names: the ASCII byte paths equal the Character paths")
struct PartNameFastPathTests {
    private static let pieces = ["/", "\\", ".", "..", "#", "?", "a", "B", "\r\n", "%20"]

    @Test("resolveASCII equals resolveCharacters for every target of up to four pieces, from five folders")
    func resolveMatches() {
        let folders = ["", "xl", "xl/worksheets", "a/./b", "x/../y"]
        var compared = 0
        for folder in folders {
            for target in PieceCombinations.all(Self.pieces, length: 4) {
                let bytes = PartName.resolveASCII(target, from: folder)
                #expect(bytes != nil, "ASCII input takes the byte path")
                #expect(bytes ?? nil == PartName.resolveCharacters(target, from: folder), "\(target.debugDescription) from \(folder.debugDescription)")
                compared += 1
            }
        }
        #expect(compared > 50_000)
    }

    @Test("non-ASCII targets or folders go the Character way", arguments: [("xé/a.xml", "xl"), ("a.xml", "dossié"), ("/\u{301}a", "")])
    func nonASCII(target: String, folder: String) {
        #expect(PartName.resolveASCII(target, from: folder) == nil)
        #expect(PartName.resolve(target, from: folder) == PartName.resolveCharacters(target, from: folder))
    }

    @Test("a relationship's kind on bytes equals the last non-empty segment the Character way, for every type of up to six pieces")
    func kindMatches() {
        for type in PieceCombinations.all(["/", "a", "bc", "\r\n", "."], length: 6) + ["é/x", "x/é", "/\u{301}"] {
            let characters = type.split(separator: "/").last.map(String.init) ?? type
            #expect(PackageRelationship.kind(of: type) == characters, "\(type.debugDescription)")
        }
        #expect(PackageRelationship(id: "rId1", type: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet", part: nil).kind == "worksheet")
    }
}

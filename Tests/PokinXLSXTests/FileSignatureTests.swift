import Foundation
import PokinCore
import PokinTestSupport
@testable import PokinXLSX
import Testing

@Suite("File signatures")
struct FileSignatureTests {
    @Test("first bytes tell what a file really is", arguments: [
        ("PK\u{3}\u{4}rest", FileSignature.zip),
        ("<html><body><table></table></body></html>", .html),
        ("\u{FEFF}<!DOCTYPE html><html>", .html),
        ("  <table border=1><tr><td>1</td></tr></table>", .html),
        ("<?xml version=\"1.0\"?><Workbook xmlns=\"urn:schemas-microsoft-com:office:spreadsheet\">", .xmlSpreadsheet2003),
        ("<?xml version=\"1.0\"?><root/>", .xml),
        ("%PDF-1.7", .pdf),
        ("No;Kinerja;Indikator\r\n1;Meningkatnya;Persentase\r\n", .text),
        ("", .empty),
    ])
    func signatures(text: String, expected: FileSignature) {
        #expect(FileSignature.detect(head: Array(text.utf8)) == expected)
    }

    @Test("binary bytes, UTF-16 text and an OLE2 header")
    func binaryKinds() {
        #expect(FileSignature.detect(head: [0x00, 0x01, 0x02, 0x03, 0xFF]) == .unknownBinary)
        #expect(FileSignature.detect(head: [0xFF, 0xFE, 0x4E, 0x00, 0x6F, 0x00]) == .text)
        #expect(FileSignature.detect(head: CompoundFileDirectory.signature + [UInt8](repeating: 0, count: 100)) == .unreadableCompoundFile)
        #expect(CompoundFileDirectory.entryNames(of: CompoundFileDirectory.signature + [UInt8](repeating: 0xFF, count: 600)) == nil)
    }

    @Test("OLE2 directory names decide: EncryptedPackage is encrypted, Workbook or Book is .xls")
    func compoundNames() {
        #expect(FileSignature.classifyCompoundFile(["Root Entry", "EncryptionInfo", "EncryptedPackage"]) == .encryptedWorkbook)
        #expect(FileSignature.classifyCompoundFile(["Root Entry", "Workbook", "\u{5}SummaryInformation"]) == .legacyExcel)
        #expect(FileSignature.classifyCompoundFile(["Root Entry", "Book"]) == .legacyExcel)
        #expect(FileSignature.classifyCompoundFile(["Root Entry", "WordDocument"]) == .otherCompoundFile)
    }

    @Test("a missing file is file-not-found; a folder is file-unreadable")
    func missing() throws {
        #expect { try FileSignature.detect(path: "/nonexistent/pokin/book.xlsx") } throws: { ($0 as? PokinError)?.code == .fileNotFound }
        let folder = try Fixtures.temporaryDirectory("sig")
        #expect { try FileSignature.detect(path: folder.path) } throws: { ($0 as? PokinError)?.code == .fileUnreadable }
    }
}

import Foundation
import PokinCore
import PokinTestSupport
@testable import PokinXLSX
import Testing

@Suite("Zip layer (libzip wrapper)")
struct ZipArchiveTests {
    @Test("a written archive reads back entry by entry, byte for byte")
    func roundTrip() throws {
        let folder = try Fixtures.temporaryDirectory("zip")
        let path = folder.appendingPathComponent("a.zip").path
        let writer = try ZipWriter(path: path)
        let big = [UInt8]((0..<300_000).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        try writer.add(name: "a.txt", bytes: Array("hello".utf8))
        try writer.add(name: "dir/big.bin", bytes: big)
        try writer.close()

        let archive = try ZipArchive(path: path)
        #expect(archive.entryNames == ["a.txt", "dir/big.bin"])
        #expect(try archive.readEntry(at: 0) == Array("hello".utf8))
        #expect(try archive.readEntry(at: try #require(archive.index(of: "dir/big.bin"))) == big)
        #expect(try archive.entryInfo(at: 1).declaredSize == big.count)
    }

    @Test("inflating past the limit is refused as a possible zip bomb")
    func inflateLimit() throws {
        let folder = try Fixtures.temporaryDirectory("zip")
        let path = folder.appendingPathComponent("bomb.zip").path
        let writer = try ZipWriter(path: path)
        try writer.add(name: "zeros", bytes: [UInt8](repeating: 0, count: 1_000_000))
        try writer.close()
        let archive = try ZipArchive(path: path)
        #expect { try archive.readEntry(at: 0, limit: 100_000) } throws: { error in
            (error as? PokinError)?.code == .sizeLimitExceeded
        }
    }

    @Test("a file that is not a zip archive gives not-a-zip-file; a missing one file-not-found")
    func notAZip() throws {
        let folder = try Fixtures.temporaryDirectory("zip")
        let path = folder.appendingPathComponent("fake.xlsx")
        try Data("a,b,c\n1,2,3\n".utf8).write(to: path)
        #expect { try ZipArchive(path: path.path) } throws: { ($0 as? PokinError)?.code == .notAZipFile }
        #expect { try ZipArchive(path: folder.appendingPathComponent("missing.xlsx").path) } throws: {
            ($0 as? PokinError)?.code == .fileNotFound
        }
    }

    @Test("a truncated archive is an error with a code, not a crash")
    func truncated() throws {
        let folder = try Fixtures.temporaryDirectory("zip")
        let path = folder.appendingPathComponent("t.zip").path
        let writer = try ZipWriter(path: path)
        try writer.add(name: "x.xml", bytes: [UInt8](repeating: 65, count: 50_000))
        try writer.close()
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        let cut = folder.appendingPathComponent("cut.zip")
        try bytes.prefix(bytes.count / 2).write(to: cut)
        #expect { try ZipArchive(path: cut.path) } throws: { error in
            guard let code = (error as? PokinError)?.code else { return false }
            return code == .notAZipFile || code == .zipError
        }
    }
}

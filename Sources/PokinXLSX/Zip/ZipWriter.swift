private import CLibzip
import Foundation
import PokinCore

/// A new zip archive written with libzip. Entries are added from files or byte buffers and
/// compressed with an explicit deflate level when `close()` runs.
///
/// libzip writes nothing before `close()`; buffers handed to it are copied into memory it owns,
/// and file sources must stay on disk until `close()` returns.
public final class ZipWriter {
    private var handle: OpaquePointer?
    public let path: String
    /// Deflate level 1–9. libzip's own default is 9, four times slower than 6 for about 3% less.
    public let compressionLevel: UInt32

    /// Creates (or truncates) the archive at `path`.
    public init(path: String, compressionLevel: UInt32 = 6) throws {
        self.path = path
        self.compressionLevel = compressionLevel
        var code: Int32 = 0
        guard let handle = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &code) else {
            throw ZipFailure.error(code: code, file: path, doing: "creating the archive")
        }
        self.handle = handle
    }

    deinit { if let handle { zip_discard(handle) } }

    /// Adds an entry holding `bytes` (copied).
    public func add(name: String, bytes: [UInt8]) throws {
        let archive = try open()
        if bytes.isEmpty {
            // libzip does not take ownership of a zero-length buffer (it would leak): pass none.
            guard let source = zip_source_buffer(archive, nil, 0, 0) else {
                throw ZipFailure.error(of: archive, file: path, part: name, doing: "adding \(name)")
            }
            return try addSource(source, name: name, archive: archive)
        }
        let copy = malloc(bytes.count)!
        bytes.withUnsafeBytes { source in
            if let base = source.baseAddress { copy.copyMemory(from: base, byteCount: bytes.count) }
        }
        // freep = 1: libzip frees the copy when it no longer needs it.
        guard let source = zip_source_buffer(archive, copy, zip_uint64_t(bytes.count), 1) else {
            free(copy)
            throw ZipFailure.error(of: archive, file: path, part: name, doing: "adding \(name)")
        }
        try addSource(source, name: name, archive: archive)
    }

    /// Adds an entry whose content is the file at `filePath`, read when `close()` runs.
    public func add(name: String, contentsOfFile filePath: String) throws {
        let archive = try open()
        guard let source = zip_source_file(archive, filePath, 0, -1) else {
            throw ZipFailure.error(of: archive, file: path, part: name, doing: "adding \(name)")
        }
        try addSource(source, name: name, archive: archive)
    }

    /// Modification time stamped on entries added from now on (seconds since 1970, UTC); nil
    /// lets libzip use the current time. Set it for byte-for-byte reproducible archives.
    public var modificationTime: Int?

    /// Adds an entry made of segments (bytes in memory and spans of open files), read when
    /// `close()` runs. Its size is declared up front, so no ZIP64 record is written under 4 GiB.
    func add(name: String, segments: [ZipSegment]) throws {
        let archive = try open()
        guard let source = ZipSegmentSource.makeSource(archive: archive, segments: segments,
                                                       modificationTime: modificationTime ?? Int(time(nil))) else {
            throw ZipFailure.error(of: archive, file: path, part: name, doing: "adding \(name)")
        }
        try addSource(source, name: name, archive: archive)
    }

    /// Adds an entry whose segments already hold one raw deflate stream (see `Deflate`,
    /// `ParallelDeflater`) of `uncompressedSize` bytes with CRC-32 `crc`; libzip copies it as is.
    func add(name: String, deflatedSegments segments: [ZipSegment], uncompressedSize: Int, crc: UInt32) throws {
        let archive = try open()
        guard let source = ZipSegmentSource.makeSource(archive: archive, segments: segments,
                                                       modificationTime: modificationTime ?? Int(time(nil)),
                                                       precompressed: (uncompressedSize, crc)) else {
            throw ZipFailure.error(of: archive, file: path, part: name, doing: "adding \(name)")
        }
        try addSource(source, name: name, archive: archive)
    }

    private func addSource(_ source: OpaquePointer, name: String, archive: OpaquePointer) throws {
        let index = zip_file_add(archive, name, source, zip_flags_t(ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE))
        guard index >= 0 else {
            zip_source_free(source)
            throw ZipFailure.error(of: archive, file: path, part: name, doing: "adding \(name)")
        }
        guard zip_set_file_compression(archive, zip_uint64_t(index), ZIP_CM_DEFLATE, compressionLevel) == 0 else {
            throw ZipFailure.error(of: archive, file: path, part: name, doing: "setting compression of \(name)")
        }
        if let modificationTime {
            guard zip_file_set_mtime(archive, zip_uint64_t(index), time_t(modificationTime), 0) == 0 else {
                throw ZipFailure.error(of: archive, file: path, part: name, doing: "setting the time of \(name)")
            }
        }
    }

    /// Writes the archive to disk. The writer cannot be used afterwards.
    public func close() throws {
        let archive = try open()
        guard zip_close(archive) == 0 else {
            let error = ZipFailure.error(of: archive, file: path, doing: "writing the archive")
            zip_discard(archive)
            handle = nil
            throw error
        }
        handle = nil
    }

    private func open() throws -> OpaquePointer {
        guard let handle else {
            throw PokinError(.fileUnwritable, "the archive was already closed", at: Location(file: path))
        }
        return handle
    }
}

@available(*, unavailable)
extension ZipWriter: Sendable {}

private import CLibzip
import PokinCore

/// A zip archive opened for reading (libzip). Entries are read as streams.
///
/// Memory: the central directory only; entry data is inflated chunk by chunk.
/// Not thread-safe: open one archive per task.
public final class ZipArchive {
    /// Largest inflated size accepted for one entry unless the caller says otherwise
    /// (zip-bomb guard: counted on the bytes actually inflated, never trusted from headers).
    public static let defaultEntryLimit = 1 << 31

    private let handle: OpaquePointer
    public let path: String
    /// Entry names in central-directory order, as stored (forward or back slashes kept).
    public let entryNames: [String]

    /// Opens `path` read-only.
    /// - Throws: `PokinError` (`file-not-found`, `not-a-zip-file`, `zip-error`, …).
    public init(path: String) throws {
        self.path = path
        var code: Int32 = 0
        guard let handle = zip_open(path, ZIP_RDONLY, &code) else {
            throw ZipFailure.error(code: code, file: path, doing: "opening the archive")
        }
        self.handle = handle
        let count = zip_get_num_entries(handle, 0)
        var names: [String] = []
        names.reserveCapacity(Int(max(count, 0)))
        for index in 0..<max(count, 0) {
            let name = zip_get_name(handle, zip_uint64_t(index), zip_flags_t(ZIP_FL_ENC_GUESS)).map { String(cString: $0) } ?? ""
            names.append(name)
        }
        self.entryNames = names
    }

    deinit { zip_discard(handle) }

    /// The index of the entry named exactly `name`, or nil.
    public func index(of name: String) -> Int? {
        entryNames.firstIndex(of: name)
    }

    /// Size facts of an entry as the archive declares them (hints, not trusted for limits).
    public func entryInfo(at index: Int) throws -> ZipEntryInfo {
        var stat = zip_stat_t()
        zip_stat_init(&stat)
        guard zip_stat_index(handle, zip_uint64_t(index), 0, &stat) == 0 else {
            throw ZipFailure.error(of: handle, file: path, part: entryNames[index], doing: "reading an entry's header")
        }
        let encrypted = (stat.valid & zip_uint64_t(ZIP_STAT_ENCRYPTION_METHOD)) != 0 && stat.encryption_method != UInt16(ZIP_EM_NONE)
        return ZipEntryInfo(name: entryNames[index], declaredSize: Int(clamping: stat.size),
                            compressedSize: Int(clamping: stat.comp_size), isEncrypted: encrypted)
    }

    /// Opens an entry for streaming.
    /// - Parameter limit: inflated bytes beyond which reading fails with `size-limit-exceeded`.
    public func openEntry(at index: Int, limit: Int = ZipArchive.defaultEntryLimit) throws -> ZipEntryReader {
        guard let entry = zip_fopen_index(handle, zip_uint64_t(index), 0) else {
            throw ZipFailure.error(of: handle, file: path, part: entryNames[index], doing: "opening an entry")
        }
        return ZipEntryReader(entry: entry, archive: self, name: entryNames[index], limit: limit)
    }

    /// Reads a whole entry into memory: for small parts (workbook, relationships, styles).
    public func readEntry(at index: Int, limit: Int = 64 << 20) throws -> [UInt8] {
        let reader = try openEntry(at: index, limit: limit)
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = try chunk.withUnsafeMutableBytes { try reader.read(into: $0) }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
        }
        return bytes
    }
}

@available(*, unavailable)
extension ZipArchive: Sendable {}

/// What the central directory says about one entry.
public struct ZipEntryInfo: Sendable, Hashable {
    public var name: String
    public var declaredSize: Int
    public var compressedSize: Int
    public var isEncrypted: Bool
}

/// One entry being inflated. Keeps its archive alive while open.
public final class ZipEntryReader {
    private let entry: OpaquePointer
    private let archive: ZipArchive
    public let name: String
    public let limit: Int
    public private(set) var bytesRead = 0

    fileprivate init(entry: OpaquePointer, archive: ZipArchive, name: String, limit: Int) {
        self.entry = entry
        self.archive = archive
        self.name = name
        self.limit = limit
    }

    deinit { zip_fclose(entry) }

    /// Inflates up to `buffer.count` bytes into `buffer`. Returns 0 at the end of the entry.
    /// - Throws: `size-limit-exceeded` past `limit`; `zip-error` on damaged data (CRC, truncation).
    public func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
        let count = zip_fread(entry, base, zip_uint64_t(buffer.count))
        if count < 0 {
            throw ZipFailure.error(ofEntry: entry, file: archive.path, part: name, doing: "inflating \(name)")
        }
        bytesRead += Int(count)
        if bytesRead > limit {
            throw PokinError(.sizeLimitExceeded,
                             "\(name) inflates to more than \(limit) bytes; refusing it as a possible zip bomb",
                             at: Location(file: archive.path, part: name))
        }
        return Int(count)
    }
}

@available(*, unavailable)
extension ZipEntryReader: Sendable {}

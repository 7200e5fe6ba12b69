private import CLibzip
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One piece of an entry added with `ZipWriter.add(name:segments:)`.
enum ZipSegment {
    /// Bytes held in memory.
    case bytes([UInt8])
    /// `length` bytes from the start of an open file descriptor, read with `pread` when the
    /// archive is written. `owner` keeps whatever owns the descriptor alive until then.
    case file(descriptor: Int32, length: Int, owner: AnyObject)

    var length: Int {
        switch self {
        case .bytes(let bytes): return bytes.count
        case .file(_, let length, _): return length
        }
    }
}

/// A libzip source (`zip_source_function`) reading a sequence of segments as one entry, either
/// plain (libzip deflates it) or already deflated (libzip stores the bytes as they are).
///
/// Its size is known in advance and reported by `ZIP_SOURCE_STAT`, so libzip writes plain
/// 32-bit sizes (no ZIP64 extra field) for every entry under 4 GiB.
final class ZipSegmentSource {
    private let segments: [ZipSegment]
    private let totalLength: Int
    private let modificationTime: Int
    /// For segments that already hold raw deflate data: the inflated size and its CRC-32.
    private let precompressed: (size: Int, crc: UInt32)?
    private var segmentIndex = 0
    private var offsetInSegment = 0
    private var error = zip_error_t()

    init(segments: [ZipSegment], modificationTime: Int, precompressed: (size: Int, crc: UInt32)?) {
        self.segments = segments
        self.totalLength = segments.reduce(0) { $0 + $1.length }
        self.modificationTime = modificationTime
        self.precompressed = precompressed
        zip_error_init(&error)
    }

    deinit { zip_error_fini(&error) }

    /// Creates the libzip source; libzip owns it (and through it this object) from then on.
    static func makeSource(archive: OpaquePointer, segments: [ZipSegment], modificationTime: Int,
                           precompressed: (size: Int, crc: UInt32)? = nil) -> OpaquePointer? {
        let source = ZipSegmentSource(segments: segments, modificationTime: modificationTime, precompressed: precompressed)
        let context = Unmanaged.passRetained(source).toOpaque()
        guard let handle = zip_source_function(archive, zipSegmentCallback, context) else {
            Unmanaged<ZipSegmentSource>.fromOpaque(context).release()
            return nil
        }
        return handle
    }

    fileprivate func handle(_ data: UnsafeMutableRawPointer?, _ length: zip_uint64_t, _ command: zip_source_cmd_t) -> zip_int64_t {
        switch command {
        case ZIP_SOURCE_OPEN:
            segmentIndex = 0
            offsetInSegment = 0
            return 0
        case ZIP_SOURCE_READ:
            guard let data else { return 0 }
            return read(into: data, capacity: Int(length))
        case ZIP_SOURCE_CLOSE:
            return 0
        case ZIP_SOURCE_STAT:
            guard let data, length >= zip_uint64_t(MemoryLayout<zip_stat_t>.size) else { return -1 }
            let stat = data.assumingMemoryBound(to: zip_stat_t.self)
            zip_stat_init(stat)
            stat.pointee.mtime = time_t(modificationTime)
            stat.pointee.valid |= zip_uint64_t(ZIP_STAT_SIZE) | zip_uint64_t(ZIP_STAT_MTIME)
            if let precompressed {
                // Already deflated: libzip copies the data as is (no recompression, no ZIP64
                // under 4 GiB since both sizes are known).
                stat.pointee.size = zip_uint64_t(precompressed.size)
                stat.pointee.comp_size = zip_uint64_t(totalLength)
                stat.pointee.comp_method = zip_uint16_t(ZIP_CM_DEFLATE)
                stat.pointee.crc = precompressed.crc
                stat.pointee.valid |= zip_uint64_t(ZIP_STAT_COMP_SIZE) | zip_uint64_t(ZIP_STAT_COMP_METHOD)
                    | zip_uint64_t(ZIP_STAT_CRC)
            } else {
                stat.pointee.size = zip_uint64_t(totalLength)
            }
            return zip_int64_t(MemoryLayout<zip_stat_t>.size)
        case ZIP_SOURCE_ERROR:
            return zip_int64_t(zip_error_to_data(&error, data, length))
        case ZIP_SOURCE_FREE:
            Unmanaged.passUnretained(self).release()
            return 0
        case ZIP_SOURCE_SUPPORTS:
            let commands = [ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE, ZIP_SOURCE_STAT,
                            ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE, ZIP_SOURCE_SUPPORTS]
            return commands.reduce(zip_int64_t(0)) { $0 | (zip_int64_t(1) << zip_int64_t($1.rawValue)) }
        default:
            zip_error_set(&error, ZIP_ER_OPNOTSUPP, 0)
            return -1
        }
    }

    private func read(into data: UnsafeMutableRawPointer, capacity: Int) -> zip_int64_t {
        var produced = 0
        while produced < capacity, segmentIndex < segments.count {
            let segment = segments[segmentIndex]
            let remaining = segment.length - offsetInSegment
            if remaining == 0 {
                segmentIndex += 1
                offsetInSegment = 0
                continue
            }
            let wanted = min(remaining, capacity - produced)
            switch segment {
            case .bytes(let bytes):
                bytes.withUnsafeBytes { source in
                    (data + produced).copyMemory(from: source.baseAddress! + offsetInSegment, byteCount: wanted)
                }
                offsetInSegment += wanted
                produced += wanted
            case .file(let descriptor, _, _):
                let count = pread(descriptor, data + produced, wanted, off_t(offsetInSegment))
                if count < 0 {
                    if errno == EINTR { continue }
                    zip_error_set(&error, ZIP_ER_READ, errno)
                    return -1
                }
                if count == 0 {
                    zip_error_set(&error, ZIP_ER_READ, EIO)
                    return -1
                }
                offsetInSegment += count
                produced += count
            }
        }
        return zip_int64_t(produced)
    }
}

private func zipSegmentCallback(_ context: UnsafeMutableRawPointer?, _ data: UnsafeMutableRawPointer?,
                                _ length: zip_uint64_t, _ command: zip_source_cmd_t) -> zip_int64_t {
    guard let context else { return -1 }
    return Unmanaged<ZipSegmentSource>.fromOpaque(context).takeUnretainedValue().handle(data, length, command)
}

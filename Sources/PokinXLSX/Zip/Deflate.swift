private import CLibzip

/// Raw deflate (no zlib header) and CRC-32 through zlib, for entries compressed before they are
/// handed to libzip.
enum Deflate {
    /// Compresses `input` as raw deflate at `level`. With `final` false the output ends with a
    /// sync flush (byte-aligned, not the last block), so more deflate data can follow it; with
    /// `final` true it ends the stream. `dictionary` (the preceding 32 KiB of the same stream)
    /// lets back-references reach into the previous piece.
    static func compress(_ input: UnsafeBufferPointer<UInt8>, level: Int32, final: Bool,
                         dictionary: UnsafeBufferPointer<UInt8>? = nil, into output: inout [UInt8]) -> Bool {
        // `output` is resized to the compressed length; pass the same array again to reuse its memory.
        var stream = z_stream()
        guard deflateInit2_(&stream, level, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION,
                            Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return false }
        defer { deflateEnd(&stream) }
        if let dictionary, let base = dictionary.baseAddress, dictionary.count > 0 {
            guard deflateSetDictionary(&stream, base, uInt(dictionary.count)) == Z_OK else { return false }
        }
        let bound = Int(deflateBound(&stream, uLong(input.count))) + 64
        if output.count < bound { output.append(contentsOf: repeatElement(0, count: bound - output.count)) }
        var result = Z_OK
        var produced = 0
        output.withUnsafeMutableBufferPointer { out in
            stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
            stream.avail_in = uInt(input.count)
            stream.next_out = out.baseAddress
            stream.avail_out = uInt(out.count)
            result = deflate(&stream, final ? Z_FINISH : Z_SYNC_FLUSH)
            produced = out.count - Int(stream.avail_out)
        }
        output.removeLast(output.count - produced)
        return (final && result == Z_STREAM_END) || (!final && result == Z_OK && stream.avail_in == 0)
    }

    /// CRC-32 of `bytes`, continuing from `crc` (0 to start).
    static func crc32(_ bytes: UnsafeBufferPointer<UInt8>, continuing crc: UInt32 = 0) -> UInt32 {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return crc }
        var value = uLong(crc)
        var offset = 0
        while offset < bytes.count {
            let length = min(bytes.count - offset, 1 << 30)
            value = CLibzip.crc32(value, base + offset, uInt(length))
            offset += length
        }
        return UInt32(truncatingIfNeeded: value)
    }

    /// The CRC-32 of A followed by B, from the CRCs of both and B's length.
    static func combine(_ first: UInt32, _ second: UInt32, secondLength: Int) -> UInt32 {
        UInt32(truncatingIfNeeded: crc32_combine(uLong(first), uLong(second), off_t(secondLength)))
    }
}

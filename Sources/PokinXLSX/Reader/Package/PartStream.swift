import Foundation
import PokinCore

/// One part being inflated, checked against the per-part, total and ratio limits.
final class PartStream {
    private let package: PackageReader
    private var reader: ZipEntryReader?
    let part: String
    let compressedSize: Int
    let limit: Int
    private(set) var bytesRead = 0

    private let declared: Int

    init(package: PackageReader, reader: ZipEntryReader, part: String, compressedSize: Int, declaredSize: Int, limit: Int) {
        self.package = package
        self.declared = declaredSize
        self.reader = reader
        self.part = part
        self.compressedSize = compressedSize
        self.limit = limit
    }

    /// The entry's inflated size as its header declares it (a hint, never trusted for limits).
    var declaredSize: Int { declared }

    /// Inflates up to `buffer.count` bytes; 0 at the end of the part.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        package.lock.lock()
        defer { package.lock.unlock() }
        guard let reader else { return 0 }
        let count = try reader.read(into: buffer)
        guard count > 0 else { return 0 }
        bytesRead += count
        let location = Location(file: package.file, part: part)
        if bytesRead > limit {
            throw PokinError(.sizeLimitExceeded,
                             "\(part) inflates to more than \(limit) bytes; refusing it as a possible zip bomb (raise XLSXReadLimits.maxEntryBytes if the file is genuine)",
                             at: location)
        }
        let limits = package.limits
        if bytesRead > limits.ratioCheckThreshold, bytesRead / max(compressedSize, 1) > limits.maxCompressionRatio {
            throw PokinError(.sizeLimitExceeded,
                             "\(part) inflates more than \(limits.maxCompressionRatio) times its compressed size (\(compressedSize) bytes); refusing it as a zip bomb (raise XLSXReadLimits.maxCompressionRatio if the file is genuine)",
                             at: location)
        }
        try package.charge(count, part: part)
        return count
    }

    /// Closes the entry (under the archive's lock); reading afterwards gives 0.
    func close() {
        package.lock.lock()
        reader = nil
        package.lock.unlock()
    }

    deinit {
        if reader != nil { close() }
    }
}

@available(*, unavailable)
extension PartStream: Sendable {}

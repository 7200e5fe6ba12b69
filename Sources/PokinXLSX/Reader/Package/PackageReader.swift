import Foundation
import PokinCore

/// The zip container of a workbook seen as OPC parts: entries found by normalised,
/// case-insensitive name, each read through the inflate budget of `XLSXReadLimits`.
///
/// libzip's archive is not thread-safe; every call into it (opening and inflating entries)
/// holds `lock`, so a sheet inflated ahead on a background thread (`InflateAhead`) and parts
/// read on the caller's thread never touch it at the same time.
final class PackageReader {
    let archive: ZipArchive
    let file: String
    let limits: XLSXReadLimits
    /// How parts are parsed (`parse`); tests read with `.libxml2` to compare.
    let parsing: SheetXMLParsing
    /// Normalised key → entry index (first entry wins when two names normalise alike).
    private let entries: [String: Int]
    /// Parts `parse` read so far, and those of them it read through the tokenizer (tests check
    /// that the fast path is taken).
    private(set) var partsParsed = 0
    private(set) var partsTokenized = 0
    /// Inflated bytes of every part read so far.
    private(set) var totalBytes = 0
    /// Serialises every use of the libzip archive.
    let lock = NSLock()

    /// Size of the pieces parts are inflated and parsed in.
    static let chunkSize = 64 * 1024

    init(archive: ZipArchive, file: String, limits: XLSXReadLimits, parsing: SheetXMLParsing = .automatic) {
        self.archive = archive
        self.parsing = parsing
        self.file = file
        self.limits = limits
        var entries: [String: Int] = [:]
        for (index, name) in archive.entryNames.enumerated() {
            if name.hasSuffix("/") || name.hasSuffix("\\") { continue }  // directory entries (WPS)
            let key = PartName.key(name)
            if entries[key] == nil { entries[key] = index }
        }
        self.entries = entries
    }

    /// Whether the package holds no file at all.
    var isEmpty: Bool { entries.isEmpty }

    /// The entry index of a part name (any case, either slash), trying the percent-decoded
    /// form too.
    func entryIndex(of part: String) -> Int? {
        if let index = entries[PartName.key(part)] { return index }
        if let decoded = PartName.percentDecoded(part) { return entries[PartName.key(decoded)] }
        return nil
    }

    func contains(_ part: String) -> Bool { entryIndex(of: part) != nil }

    /// Opens a part for streaming; nil when the package has no such part.
    func openPart(_ part: String, limit: Int? = nil) throws -> PartStream? {
        guard let index = entryIndex(of: part) else { return nil }
        lock.lock()
        defer { lock.unlock() }
        let info = try archive.entryInfo(at: index)
        let reader = try archive.openEntry(at: index, limit: Int.max)
        return PartStream(package: self, reader: reader, part: part, compressedSize: info.compressedSize,
                          declaredSize: info.declaredSize, limit: min(limit ?? limits.maxEntryBytes, limits.maxEntryBytes))
    }

    /// Reads a whole part into a sink that `make` makes; nil when the part does not exist.
    ///
    /// With `parsing` `.automatic`, a part of at most `wholePartBound` bytes is inflated whole
    /// and read by `SheetXMLTokenizer`, which makes the calls libxml2 would. When it gives up
    /// (XML outside its subset, or the sink failed), a fresh sink is fed by libxml2 the very
    /// chunks streaming would have fed it, then the rest of the stream: the result, error
    /// and its line included, is always what libxml2 alone gives.
    func parse<Sink: SAXEventSink>(_ part: String, small: Bool = true, make: () -> Sink) throws -> Sink? {
        guard let stream = try openPart(part, limit: small ? limits.maxSmallPartBytes : nil) else { return nil }
        partsParsed += 1
        var whole: WholePart?
        if parsing == .automatic {
            let inflated = WholePart(stream: stream, chunkSize: PackageReader.chunkSize, bound: PackageReader.wholePartBound)
            if inflated.complete, let sink = PackageReader.tokenize(inflated, into: make()) {
                partsTokenized += 1
                return sink
            }
            whole = inflated
        }
        let sink = make()
        let parser = try SAXPushParser(sink: sink, file: file, part: part)
        if let whole {
            for index in 0..<whole.chunkCount { try parser.feed(whole.chunk(index)) }
            if let failure = whole.failure { throw failure }
            if whole.complete {
                try parser.finish()
                return sink
            }
        }
        var buffer = [UInt8](repeating: 0, count: PackageReader.chunkSize)
        while true {
            let count = try buffer.withUnsafeMutableBytes { try stream.read(into: $0) }
            if count == 0 { break }
            try buffer.withUnsafeBytes { try parser.feed(UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
        }
        try parser.finish()
        return sink
    }

    /// Parts up to this size are read whole by the tokenizer (the bound of worksheets too).
    static let wholePartBound = 1 << 20

    /// `sink` after the tokenizer read `whole` into it, or nil when it gave up.
    private static func tokenize<Sink: SAXEventSink>(_ whole: WholePart, into sink: Sink) -> Sink? {
        var receiver = SinkReceiver(sink: sink)
        let accepted = withUnsafeMutablePointer(to: &receiver) {
            SheetXMLTokenizer.run(whole.bytes, count: whole.count, into: $0)
        }
        return withExtendedLifetime(sink) { accepted ? sink : nil }
    }

    /// Counts `count` more inflated bytes against the workbook-wide limit.
    func charge(_ count: Int, part: String) throws {
        totalBytes += count
        if totalBytes > limits.maxTotalBytes {
            throw PokinError(.sizeLimitExceeded,
                             "the workbook inflates to more than \(limits.maxTotalBytes) bytes in total; refusing it as a possible zip bomb (raise XLSXReadLimits.maxTotalBytes if the file is genuine)",
                             at: Location(file: file, part: part))
        }
    }
}

@available(*, unavailable)
extension PackageReader: Sendable {}

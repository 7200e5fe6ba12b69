import PokinCore

/// Runs one worksheet XML document through `SheetXMLTokenizer` and through libxml2 and compares
/// the two event logs (`SheetXMLEventLog`). For the tests and the `sheet-xml` fuzz targets.
@_spi(SheetParsing)
public enum SheetXMLEquivalence {
    public enum Outcome: Equatable, Sendable {
        /// The tokenizer gave up (libxml2 reads the document).
        case gaveUp
        /// The tokenizer read the document and libxml2 read it without error, event for event.
        case same
        /// The tokenizer read the document, and libxml2 differs or refuses it: a bug.
        case different(fast: [String], libxml2: [String])
    }

    public static func compare(_ xml: [UInt8]) -> Outcome {
        var position = 0
        guard let fast = fastLog(xml, position: &position) else { return .gaveUp }
        let reference = libxml2Log(xml)
        return fast == reference ? .same : .different(fast: SheetXMLEventLog.lines(fast), libxml2: SheetXMLEventLog.lines(reference))
    }

    /// The tokenizer's events, or nil when it gives up.
    public static func fastEvents(_ xml: [UInt8]) -> [String]? {
        var position = 0
        return fastEvents(xml, position: &position)
    }

    /// As above; `position` is the byte offset where the tokenizer stopped (where it gave up).
    public static func fastEvents(_ xml: [UInt8], position: inout Int) -> [String]? {
        fastLog(xml, position: &position).map(SheetXMLEventLog.lines)
    }

    /// libxml2's events, ending with an `error` line when it refuses the document.
    public static func libxml2Events(_ xml: [UInt8]) -> [String] {
        SheetXMLEventLog.lines(libxml2Log(xml))
    }

    private static func fastLog(_ xml: [UInt8], position: inout Int) -> [UInt8]? {
        var terminated = xml
        terminated.append(0)
        let log = UnsafeMutablePointer<SheetXMLEventLog>.allocate(capacity: 1)
        log.initialize(to: SheetXMLEventLog())
        defer { log.deinitialize(count: 1); log.deallocate() }
        let accepted = terminated.withUnsafeBufferPointer {
            SheetXMLTokenizer.run($0.baseAddress!, count: xml.count, into: log, position: &position)
        }
        return accepted ? log.pointee.bytes : nil
    }

    /// libxml2 fed in the reader's chunk size, as `XLSXSheetReader` feeds it.
    private static func libxml2Log(_ xml: [UInt8]) -> [UInt8] {
        let sink = SheetXMLEventLogSink()
        do {
            let parser = try SAXPushParser(sink: sink, file: "sheet.xlsx", part: "xl/worksheets/sheet1.xml")
            try xml.withUnsafeBytes { bytes in
                var start = 0
                while start < bytes.count {
                    let end = min(start + PackageReader.chunkSize, bytes.count)
                    try parser.feed(UnsafeRawBufferPointer(rebasing: bytes[start..<end]))
                    start = end
                }
            }
            try parser.finish()
        } catch {
            sink.log.finish(error: "\(error)")
        }
        return sink.log.bytes
    }
}

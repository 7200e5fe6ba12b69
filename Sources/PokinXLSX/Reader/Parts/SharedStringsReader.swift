import PokinCore

/// Reads the shared-string table (`sharedStrings.xml`) once, streaming, into an array indexed
/// by position. `count`/`uniqueCount` are only a capped capacity hint: they are often wrong.
final class SharedStringsReader: SAXEventSink {
    private(set) var strings: [String] = []
    private var collector = RichTextCollector()
    private var inItem = false
    private var namespaces = NamespaceCache()
    private let limits: XLSXReadLimits
    private let file: String
    private let part: String

    init(limits: XLSXReadLimits, file: String, part: String) {
        self.limits = limits
        self.file = file
        self.part = part
    }

    override func startElement(_ name: SAXName, _ attributes: SAXAttributes) {
        guard namespaces.isSpreadsheetML(name.uri) else { return }
        if inItem {
            collector.start(name, attributes)
        } else if name.isLocal("si") {
            inItem = true
            collector.beginItem()
        } else if name.isLocal("sst"), let hint = attributes.string("uniqueCount").flatMap({ Int($0) }), hint > 0 {
            strings.reserveCapacity(min(hint, 1 << 16))
        }
    }

    override func endElement(_ name: SAXName) {
        guard inItem, namespaces.isSpreadsheetML(name.uri) else { return }
        if name.isLocal("si") {
            inItem = false
            guard strings.count < limits.maxSharedStrings else {
                fail(PokinError(.sizeLimitExceeded,
                                "the shared-string table has more than \(limits.maxSharedStrings) strings; refusing it (raise XLSXReadLimits.maxSharedStrings if the file is genuine)",
                                at: Location(file: file, line: currentLine, part: part)))
                return
            }
            strings.append(collector.makeString())
        } else {
            collector.end(name)
        }
    }

    override func characters(_ text: UnsafeBufferPointer<UInt8>) {
        guard collector.capturing else { return }
        collector.append(text)
        if collector.bytes.count > limits.maxStringBytes {
            fail(PokinError(.textTooLong,
                            "shared string \(strings.count) is longer than \(limits.maxStringBytes) bytes; refusing it (raise XLSXReadLimits.maxStringBytes if the file is genuine)",
                            at: Location(file: file, line: currentLine, part: part)))
        }
    }
}
